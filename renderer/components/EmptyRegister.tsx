// A new, empty register: how to start, and the sample report's events to look around with.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../shared/ru/plural';
import { call } from '../api/client';
import { notifyError } from '../api/notifyError';
import { useAllowed } from '../api/useAllowed';
import { navigate } from '../router/route';

export function EmptyRegister({ onLoaded }: { onLoaded: () => void }) {
  const [busy, setBusy] = useState(false);
  const allowed = useAllowed();
  const mayCreate = allowed('events.create');
  const mayDemo = allowed('demo.load');
  async function loadDemo() {
    setBusy(true);
    try {
      const result = await call('demo.load', {});
      notifications.show({
        color: 'green',
        message: result.alreadyLoaded
          ? 'Демонстрационные данные уже загружались: удалённые из них мероприятия — в корзине.'
          : `Загружено: ${countOf(result.events, EVENT_FORMS)} и ${countOf(result.agreements, AGREEMENT_FORMS)} из отчёта за II полугодие 2021 года.`,
      });
      onLoaded();
    } catch (e) {
      notifyError(e, 'Не загружено');
    } finally {
      setBusy(false);
    }
  }
  return (
    <Stack p="xl" maw={620} gap="sm">
      <Title order={3}>В реестре пока нет мероприятий</Title>
      {mayDemo ? (
        <Text>Добавьте первое мероприятие — или загрузите пример: мероприятия полугодового отчёта за II полугодие 2021 года, чтобы посмотреть, как работает программа.</Text>
      ) : mayCreate ? <Text>Добавьте первое мероприятие или импортируйте таблицу партнёра.</Text>
        : <Text>Когда сотрудники отдела добавят мероприятия, они появятся здесь.</Text>}
      {(mayCreate || mayDemo) && (
        <Group>
          {mayCreate && <Button onClick={() => navigate({ section: 'events', item: 'new' })}>Новое мероприятие</Button>}
          {mayDemo && <Button variant="light" loading={busy} onClick={() => void loadDemo()}>Загрузить пример</Button>}
        </Group>
      )}
    </Stack>
  );
}

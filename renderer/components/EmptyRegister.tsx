// A new, empty register: how to start, and the sample report's events to look around with.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../shared/ru/plural';
import { call } from '../api/client';
import { notifyError } from '../api/notifyError';
import { navigate } from '../router/route';

export function EmptyRegister({ onLoaded }: { onLoaded: () => void }) {
  const [busy, setBusy] = useState(false);
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
      <Text>Добавьте первое мероприятие — или загрузите пример: мероприятия полугодового отчёта за II полугодие 2021 года, чтобы посмотреть, как работает программа.</Text>
      <Group>
        <Button onClick={() => navigate({ section: 'events', item: 'new' })}>Новое мероприятие</Button>
        <Button variant="light" loading={busy} onClick={() => void loadDemo()}>Загрузить пример</Button>
      </Group>
    </Stack>
  );
}

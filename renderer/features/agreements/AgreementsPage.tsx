// The register of agreements; those running out within 90 days stand out.
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { agreementState, agreementStateText, agreementTermText, type AgreementState } from '../../../shared/agreement-term';
import { todayIso } from '../../../shared/dates';
import { formatDate } from '../../../shared/ru/dates';
import { AGREEMENT_KIND_LABELS } from '../../../shared/ru/labels';
import { AGREEMENT_FORMS, countOf } from '../../../shared/ru/plural';
import type { Agreement } from '../../../shared/schema/agreement';
import { call } from '../../api/client';
import { useLiveGeneration } from '../../api/live';
import { errorMessage } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { navigate } from '../../router/route';

/** How a state stands out: those running out in orange, those ended in red. */
export const STATE_COLORS: Record<AgreementState, string> = {
  draft: 'dimmed',
  active: 'dark',
  expiring: 'orange.8',
  expired: 'red.8',
  terminated: 'dimmed',
};

export function AgreementsPage() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [items, setItems] = useState<Agreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();
  const live = useLiveGeneration();
  const mayCreate = useAllowed()('agreements.create');

  useEffect(() => {
    call('agreements.list', { query: debounced || undefined, limit: 10_000 }).then(
      (page) => setItems(page.items),
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [debounced, live]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Соглашения</Title>
        {mayCreate && <Button leftSection={<IconPlus size={18} />} onClick={() => navigate({ section: 'agreements', item: 'new' })}>Новое соглашение</Button>}
      </Group>
      <TextInput w={360} label="Поиск" placeholder="Слова из названия, номера или примечания" leftSection={<IconSearch size={16} />}
        value={query} onChange={(e) => setQuery(e.currentTarget.value)} />
      {error && <Alert color="red" title="Не удалось загрузить соглашения">{error}</Alert>}
      {items && items.length === 0 && <Text c="dimmed">Соглашений не найдено.</Text>}
      {items && items.length > 0 && (
        <Table highlightOnHover withTableBorder verticalSpacing="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Вид</Table.Th>
              <Table.Th>Номер</Table.Th>
              <Table.Th>Название</Table.Th>
              <Table.Th>Подписано</Table.Th>
              <Table.Th>Срок действия</Table.Th>
              <Table.Th>Статус</Table.Th>
              <Table.Th ta="right">Мероприятий</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((a) => {
              const state = agreementState(a, today);
              return (
                <Table.Tr key={a.id} style={{ cursor: 'pointer' }} bg={state === 'expiring' ? 'orange.0' : undefined}
                  data-state={state} onClick={() => navigate({ section: 'agreements', item: String(a.id) })}>
                  <Table.Td>{AGREEMENT_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>{a.number ?? ''}</Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.signedOn ? formatDate(a.signedOn) : ''}</Table.Td>
                  <Table.Td><Text size="sm" c={a.validUntil ? undefined : 'dimmed'} style={{ whiteSpace: 'nowrap' }}>{agreementTermText(a, today)}</Text></Table.Td>
                  <Table.Td><Text size="sm" c={STATE_COLORS[state]} fw={state === 'expiring' || state === 'expired' ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>{agreementStateText(a, today)}</Text></Table.Td>
                  <Table.Td ta="right">{a.eventCount}</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
          <Table.Caption>Всего: {countOf(items.length, AGREEMENT_FORMS)}</Table.Caption>
        </Table>
      )}
    </Stack>
  );
}

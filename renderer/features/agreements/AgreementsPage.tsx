// The register of agreements; those running out within 90 days stand out.
import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { termState, type TermState } from '../../../shared/agreement-term';
import { todayIso } from '../../../shared/dates';
import { formatDate } from '../../../shared/ru/dates';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS } from '../../../shared/ru/labels';
import { AGREEMENT_FORMS, countOf } from '../../../shared/ru/plural';
import type { Agreement } from '../../../shared/schema/agreement';
import { call } from '../../api/client';
import { navigate } from '../../app/route';

const TERM_TEXT: Record<TermState, { color: string; text: (a: Agreement) => string }> = {
  open_ended: { color: 'dimmed', text: () => 'бессрочно' },
  in_force: { color: 'dark', text: (a) => `до ${formatDate(a.validUntil ?? '')}` },
  expiring: { color: 'orange.8', text: (a) => `истекает ${formatDate(a.validUntil ?? '')}` },
  expired: { color: 'red.8', text: (a) => `истёк ${formatDate(a.validUntil ?? '')}` },
};

export function AgreementsPage() {
  const [query, setQuery] = useState('');
  const [debounced] = useDebouncedValue(query, 250);
  const [items, setItems] = useState<Agreement[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const today = todayIso();

  useEffect(() => {
    call('agreements.list', { query: debounced || undefined, limit: 10_000 }).then(
      (page) => setItems(page.items),
      (e: Error) => setError(e.message),
    );
  }, [debounced]);

  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>Соглашения</Title>
        <Button leftSection={<IconPlus size={18} />} onClick={() => navigate({ section: 'agreements', item: 'new' })}>Новое соглашение</Button>
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
              const term = termState(a, today);
              return (
                <Table.Tr key={a.id} style={{ cursor: 'pointer' }} bg={term === 'expiring' ? 'orange.0' : undefined}
                  data-term={term} onClick={() => navigate({ section: 'agreements', item: String(a.id) })}>
                  <Table.Td>{AGREEMENT_KIND_LABELS[a.kind]}</Table.Td>
                  <Table.Td>{a.number ?? ''}</Table.Td>
                  <Table.Td>{a.title}</Table.Td>
                  <Table.Td>{a.signedOn ? formatDate(a.signedOn) : ''}</Table.Td>
                  <Table.Td><Text size="sm" c={TERM_TEXT[term].color} fw={term === 'expiring' ? 600 : undefined} style={{ whiteSpace: 'nowrap' }}>{TERM_TEXT[term].text(a)}</Text></Table.Td>
                  <Table.Td>{AGREEMENT_STATUS_LABELS[a.status]}</Table.Td>
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

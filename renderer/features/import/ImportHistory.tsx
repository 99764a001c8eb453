// The import history: every batch with what it added, a link to its events, and undo as a whole.
import { Alert, Button, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { formatTimestamp } from '../../../shared/ru/dates';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { ImportBatch } from '../../../shared/schema/import';
import { call } from '../../api/client';
import { useLiveGeneration } from '../../api/live';
import { useAllowed } from '../../api/useAllowed';
import { LockedButton } from '../../components/LockedButton';
import { LEAST_ROLE } from '../../../shared/roles';
import { navigate } from '../../router/route';
import { useEventsFilter, type EventsFilterState } from '../../stores/eventsFilter';

/** Opens the events list on the events of one batch, every other filter cleared. */
export function showBatch(set: EventsFilterState['set'], batchId: number, fileName: string): void {
  set({ batch: { id: batchId, fileName }, query: '', period: null, kinds: [], spheres: [], partners: [], formats: [], statuses: [], deleted: false });
  navigate({ section: 'events' });
}

export function ImportHistory() {
  const [batches, setBatches] = useState<ImportBatch[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [undoing, setUndoing] = useState<ImportBatch | null>(null);
  const [version, setVersion] = useState(0);
  const live = useLiveGeneration();
  const setFilter = useEventsFilter((s) => s.set);
  // Undo is the coordinator's: a clerk, who imports, sees it locked and who may; a reader only the batches.
  const allowed = useAllowed();
  const mayUndo = allowed('import.undo');
  const mayImport = allowed('import.commit');
  useEffect(() => {
    call('import.batches', {}).then(setBatches, (e: Error) => setError(e.message));
  }, [version, live]);

  const undo = async (batch: ImportBatch) => {
    setUndoing(null);
    try {
      await call('import.undo', { id: batch.id });
      notifications.show({ color: 'green', message: `Импорт № ${batch.id} («${batch.fileName}») отменён.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Импорт не отменён', message: (e as Error).message });
    }
    setVersion((v) => v + 1);
  };

  return (
    <Stack gap="xs">
      <Title order={4}>История импорта</Title>
      {error && <Alert color="red">{error}</Alert>}
      {batches?.length === 0 && <Text c="dimmed" size="sm">Импортов ещё не было.</Text>}
      {batches && batches.length > 0 && (
        <Table withTableBorder verticalSpacing={4} data-testid="import-history">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>№</Table.Th>
              <Table.Th>Когда</Table.Th>
              <Table.Th>Файл</Table.Th>
              <Table.Th>Добавлено</Table.Th>
              <Table.Th>Пользователь</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {batches.map((b) => (
              <Table.Tr key={b.id} c={b.undoneAt ? 'dimmed' : undefined}>
                <Table.Td>{b.id}</Table.Td>
                <Table.Td>{formatTimestamp(b.createdAt)}</Table.Td>
                <Table.Td>{b.fileName}{b.sheet ? ` (лист «${b.sheet}»)` : ''}</Table.Td>
                <Table.Td>{b.created}{b.updated ? `, обновлено ${b.updated}` : ''}</Table.Td>
                <Table.Td>{b.userName ?? ''}</Table.Td>
                <Table.Td>
                  {b.undoneAt ? <Text size="sm">отменён {formatTimestamp(b.undoneAt)}</Text> : (
                    <Group gap="xs" justify="flex-end">
                      <Button size="compact-sm" variant="light" onClick={() => showBatch(setFilter, b.id, b.fileName)}>Показать ({b.events})</Button>
                      {mayUndo
                        ? <Button size="compact-sm" variant="light" color="red" onClick={() => setUndoing(b)}>Отменить импорт</Button>
                        : mayImport && <LockedButton size="compact-sm" variant="light" color="red" needed={LEAST_ROLE['import.undo']}>Отменить импорт</LockedButton>}
                    </Group>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Modal opened={undoing !== null} onClose={() => setUndoing(null)} title="Отменить импорт?">
        {undoing && (
          <Stack>
            <Text size="sm">
              Из реестра будут удалены {countOf(undoing.created, EVENT_FORMS)} из файла «{undoing.fileName}» (в том числе исправленные после импорта),
              {undoing.updated ? ' обновлённые мероприятия получат прежние значения,' : ''} добавленные им записи справочников, которыми больше ничто не пользуется.
              Запись об импорте и его отмене останется в журнале изменений.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setUndoing(null)}>Не отменять</Button>
              <Button color="red" onClick={() => void undo(undoing)}>Отменить импорт</Button>
            </Group>
          </Stack>
        )}
      </Modal>
    </Stack>
  );
}

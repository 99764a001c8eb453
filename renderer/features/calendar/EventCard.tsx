// An event clicked in the calendar: its key fields at once, the whole record on «Открыть», the card
// for editing on «Редактировать».
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { placeLine } from '../../../shared/ru/place';
import type { CalendarEvent } from '../../../shared/schema/calendar';
import type { Event } from '../../../shared/schema/event';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { navigate } from '../../router/route';

function Fields({ rows }: { rows: [string, string | null | undefined][] }) {
  return (
    <Table withRowBorders={false} verticalSpacing={4} layout="fixed">
      <Table.Tbody>
        {rows.filter(([, value]) => value).map(([label, value]) => (
          <Table.Tr key={label}>
            <Table.Td w={150} c="dimmed" style={{ verticalAlign: 'top' }}>{label}</Table.Td>
            <Table.Td style={{ whiteSpace: 'pre-wrap' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function EventCard({ event, onClose }: { event: CalendarEvent; onClose: () => void }) {
  const [full, setFull] = useState<Event | 'loading' | null>(null);
  const [error, setError] = useState<string | null>(null);
  const mayEdit = useAllowed()('events.update');
  const open = () => {
    setFull('loading');
    call('events.get', { id: event.id }).then(setFull, (e: unknown) => {
      setFull(null);
      setError(errorMessage(e));
    });
  };
  const record = full !== null && full !== 'loading' ? full : null;
  return (
    <Modal opened onClose={onClose} title={<Text fw={600} size="lg">{event.title}</Text>} size={record ? 'xl' : 'lg'}>
      <Stack gap="sm">
        <Fields
          rows={[
            ['Сроки', formatDateRange(event.startDate, event.endDate, event.datePrecision)],
            ['Вид', event.kind],
            ['Место', record ? placeLine(record) : event.city],
            ['Формат', event.format ? FORMAT_LABELS[event.format] : null],
            ['Сфера', record ? record.spheres.join(', ') : event.sphere],
            ['Статус', EVENT_STATUS_LABELS[event.status]],
            ...(record
              ? ([
                  ['Партнёры', record.partners.join(', ')],
                  ['Место проведения', record.venue],
                  ['Организатор', record.organizer],
                  ['Участники', record.participants],
                  ['Итоги', record.outcomes],
                  ['Описание', record.description],
                  ['Соглашение', record.agreementTitle],
                ] satisfies [string, string | null][])
              : []),
          ]}
        />
        {error && <Alert color="red">{error}</Alert>}
        <Group justify="flex-end">
          {!record && (
            <Button variant="default" onClick={open} loading={full === 'loading'}>Открыть</Button>
          )}
          <Button onClick={() => navigate({ section: 'events', item: String(event.id) })}>{mayEdit ? 'Редактировать' : 'Карточка мероприятия'}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

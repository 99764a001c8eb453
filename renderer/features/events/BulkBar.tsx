// Actions on the selected rows: one field set for all of them, or all moved to the trash, as one undoable change.
import { Autocomplete, Button, Group, NativeSelect, Text } from '@mantine/core';
import { useState } from 'react';
import { EVENT_STATUS_LABELS } from '../../../shared/ru/labels';
import type { EventBulkPatch, EventStatus } from '../../../shared/schema/event';
import { useRefNames } from '../../components/useRefNames';
import classes from './EventsPage.module.css';

type Field = 'status' | 'kind' | 'spheres' | 'partners' | 'organizer';

const FIELDS: { value: Field; label: string }[] = [
  { value: 'status', label: 'Статус' },
  { value: 'kind', label: 'Вид' },
  { value: 'spheres', label: 'Сфера' },
  { value: 'partners', label: 'Партнёр' },
  { value: 'organizer', label: 'Ответственный' },
];

const REF_KINDS = {
  kind: ['kind'],
  spheres: ['sphere'],
  partners: ['country', 'region', 'organisation'],
  organizer: ['department'],
  status: ['kind'],
} as const;

interface Props {
  count: number;
  busy: boolean;
  onApply: (patch: EventBulkPatch, label: string) => void;
  onTrash: () => void;
  onClear: () => void;
}

export function BulkBar({ count, busy, onApply, onTrash, onClear }: Props) {
  const [field, setField] = useState<Field>('status');
  const [status, setStatus] = useState<EventStatus>('held');
  const [text, setText] = useState('');
  const names = useRefNames(...REF_KINDS[field]);
  const label = FIELDS.find((f) => f.value === field)?.label ?? '';
  const apply = () => {
    const value = text.trim();
    const patch: EventBulkPatch = field === 'status' ? { status }
      : field === 'spheres' || field === 'partners' ? { [field]: value.split(';').map((s) => s.trim()).filter(Boolean) }
        : { [field]: value || null };
    onApply(patch, `изменение поля «${label}» (выбрано: ${count})`);
  };
  return (
    <Group className={classes.bulkBar} gap="xs" wrap="nowrap" role="toolbar" aria-label="Действия с выбранными">
      <Text size="sm" fw={600} miw={110}>Выбрано: {count}</Text>
      <NativeSelect size="xs" aria-label="Что изменить" data={FIELDS} value={field} onChange={(e) => { setField(e.currentTarget.value as Field); setText(''); }} />
      {field === 'status' ? (
        <NativeSelect size="xs" aria-label="Новый статус" data={Object.entries(EVENT_STATUS_LABELS).map(([value, l]) => ({ value, label: l }))} value={status} onChange={(e) => setStatus(e.currentTarget.value as EventStatus)} />
      ) : (
        <Autocomplete size="xs" w={240} aria-label={`Новое значение: ${label}`} placeholder={field === 'spheres' || field === 'partners' ? 'Через «;»; пусто — очистить' : 'Пусто — очистить'} data={names} limit={8} value={text} onChange={setText} />
      )}
      <Button size="xs" loading={busy} onClick={apply}>Применить к выбранным</Button>
      <Button size="xs" color="red" variant="light" disabled={busy} onClick={onTrash}>В корзину</Button>
      <Button size="xs" variant="subtle" disabled={busy} onClick={onClear}>Снять выбор</Button>
    </Group>
  );
}

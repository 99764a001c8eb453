// The events' filters by kind, sphere, partner, format and status: one set for the table and the calendar.
import { Group, MultiSelect } from '@mantine/core';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../shared/ru/labels';
import type { EventFormat, EventStatus } from '../../shared/schema/event';
import { options } from './forms';
import { useRefNames } from './useRefNames';

export interface EventFilterValue {
  kinds: string[];
  spheres: string[];
  partners: string[];
  formats: EventFormat[];
  statuses: EventStatus[];
}

export function EventFilterFields({ value, onChange }: { value: EventFilterValue; onChange: (patch: Partial<EventFilterValue>) => void }) {
  const kinds = useRefNames('kind');
  const spheres = useRefNames('sphere');
  const partners = useRefNames('country', 'region', 'organisation');
  return (
    <Group gap="sm" align="flex-start">
      <MultiSelect w={200} label="Вид" placeholder="Все виды" searchable clearable data={kinds} value={value.kinds} onChange={(k) => onChange({ kinds: k })} />
      <MultiSelect w={210} label="Сфера" placeholder="Все сферы" searchable clearable data={spheres} value={value.spheres} onChange={(s) => onChange({ spheres: s })} />
      <MultiSelect w={240} label="Партнёр" placeholder="Страна, регион или организация" searchable clearable data={partners} value={value.partners} onChange={(p) => onChange({ partners: p })} />
      <MultiSelect w={190} label="Формат" placeholder="Любой" clearable data={options(FORMAT_LABELS)} value={value.formats} onChange={(f) => onChange({ formats: f as EventFormat[] })} />
      <MultiSelect w={190} label="Статус" placeholder="Любой" clearable data={options(EVENT_STATUS_LABELS)} value={value.statuses} onChange={(s) => onChange({ statuses: s as EventStatus[] })} />
    </Group>
  );
}

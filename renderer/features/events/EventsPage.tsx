// The register of events: search, filters, and a virtualised table that pages through any number of rows.
import { ActionIcon, Alert, Badge, Box, Button, Group, Stack, Switch, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { IconFileSpreadsheet, IconPlus, IconSearch, IconX } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { EventFilter } from '../../../shared/schema/event';
import { EventFilterFields } from '../../components/EventFilterFields';
import { onCommand } from '../../api/client';
import { navigate } from '../../app/route';
import { useEventsFilter } from './filterStore';
import { PeriodPicker } from '../../components/PeriodPicker';
import { placeLine } from '../../../shared/ru/place';
import { useEventRows } from './useEventRows';
import { EmptyRegister } from './EmptyRegister';
import { useExcelExport } from '../export/exportToExcel';
import classes from './EventsPage.module.css';

const ROW_HEIGHT = 44;
const PREFETCH = 100;
/** Columns the back end can sort by are buttons in the header. */
const HEADERS: readonly { label: string; sort?: EventFilter['sort'] }[] = [
  { label: 'Сроки', sort: 'startDate' },
  { label: 'Название', sort: 'title' },
  { label: 'Вид', sort: 'kind' },
  { label: 'Место' },
  { label: 'Формат' },
  { label: 'Статус' },
];
const COLUMNS = '200px minmax(320px, 3fr) 150px minmax(160px, 1.2fr) 130px 120px';


export function EventsPage() {
  const filter = useEventsFilter();
  const [query] = useDebouncedValue(filter.query, 250);
  const search = useRef<HTMLInputElement>(null);
  const [version, setVersion] = useState(0);
  const { total, error, rowAt, ensure } = useEventRows({
    query: query || undefined,
    period: filter.period ?? undefined,
    kinds: filter.kinds.length ? filter.kinds : undefined,
    spheres: filter.spheres.length ? filter.spheres : undefined,
    partners: filter.partners.length ? filter.partners : undefined,
    formats: filter.formats.length ? filter.formats : undefined,
    statuses: filter.statuses.length ? filter.statuses : undefined,
    deleted: filter.deleted,
    batchId: filter.batch?.id,
    sort: filter.sort,
    order: filter.order,
  }, version);

  const unfiltered = !filter.deleted && !filter.batch && !query && !filter.period && [filter.kinds, filter.spheres, filter.partners, filter.formats, filter.statuses].every((f) => f.length === 0);
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({ count: total ?? 0, getScrollElement: () => scroller.current, estimateSize: () => ROW_HEIGHT, overscan: 20 });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  // A page behind and two ahead: a fast scroll finds its rows already there.
  useEffect(() => ensure(Math.max(0, first - PREFETCH), last + 2 * PREFETCH), [ensure, first, last]);

  const newEvent = () => navigate({ section: 'events', item: 'new' });
  const { exporting, exportShown } = useExcelExport();
  // The table as filtered: the file holds what the list shows.
  const exportList = () => exportShown({
    period: filter.period ?? undefined, query: query || undefined, kinds: filter.kinds, spheres: filter.spheres,
    partners: filter.partners, formats: filter.formats, statuses: filter.statuses, batchId: filter.batch?.id,
  });
  useHotkeys([['mod+F', () => search.current?.focus()], ['mod+N', newEvent]]);
  useEffect(() => onCommand((command) => {
    if (command === 'new-event') newEvent();
    if (command === 'find') search.current?.focus();
  }), []);

  return (
    <Stack h="calc(100dvh - 52px - 2 * var(--mantine-spacing-md))" gap="sm">
      <Group justify="space-between">
        <Title order={2}>{filter.deleted ? 'Корзина' : 'Мероприятия'}</Title>
        <Group gap="sm">
          <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting} disabled={total === 0 || filter.deleted} onClick={() => void exportList()}>
            Экспорт в Excel
          </Button>
          <Button leftSection={<IconPlus size={18} />} onClick={newEvent}>Новое мероприятие</Button>
        </Group>
      </Group>
      <Group gap="sm" align="flex-end">
        <TextInput
          ref={search}
          w={320}
          label="Поиск"
          placeholder="Слова из названия, описания, участников, итогов"
          leftSection={<IconSearch size={16} />}
          value={filter.query}
          onChange={(e) => filter.set({ query: e.currentTarget.value })}
          rightSection={filter.query ? (
            <ActionIcon variant="subtle" color="gray" aria-label="Очистить поиск" onClick={() => filter.set({ query: '' })}><IconX size={14} /></ActionIcon>
          ) : null}
        />
        <PeriodPicker label="Период" clearable value={filter.period} onChange={(period) => filter.set({ period })} />
        <Switch mb={8} label="Корзина" checked={filter.deleted} onChange={(e) => filter.set({ deleted: e.currentTarget.checked })} />
        {filter.batch && (
          <Badge mb={8} size="lg" variant="light" rightSection={
            <ActionIcon size="xs" variant="transparent" aria-label="Показать все мероприятия" onClick={() => filter.set({ batch: null })}><IconX size={12} /></ActionIcon>
          }>
            Импорт № {filter.batch.id}: {filter.batch.fileName}
          </Badge>
        )}
      </Group>
      <EventFilterFields value={filter} onChange={filter.set} />
      {error && <Alert color="red" title="Не удалось загрузить список">{error}</Alert>}
      <Box className={classes.table}>
        <div className={classes.header} style={{ gridTemplateColumns: COLUMNS }} role="row">
          {HEADERS.map(({ label, sort }) => (
            <div key={label} role="columnheader" aria-sort={sort === filter.sort ? (filter.order === 'asc' ? 'ascending' : 'descending') : undefined}>
              {sort ? (
                <UnstyledButton fw={600} fz="sm" onClick={() => filter.set(sort === filter.sort ? { order: filter.order === 'asc' ? 'desc' : 'asc' } : { sort, order: sort === 'startDate' ? 'desc' : 'asc' })}>
                  {label} {sort === filter.sort ? (filter.order === 'asc' ? '▲' : '▼') : ''}
                </UnstyledButton>
              ) : label}
            </div>
          ))}
        </div>
        <div ref={scroller} className={classes.body} data-testid="events-scroller">
          {total === 0 && (unfiltered
            ? <EmptyRegister onLoaded={() => setVersion((v) => v + 1)} />
            : <Text c="dimmed" p="md">{filter.deleted ? 'Корзина пуста.' : 'Мероприятий не найдено.'}</Text>)}
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {items.map((item) => {
              const event = rowAt(item.index);
              return (
                <div
                  key={item.key}
                  role="row"
                  className={classes.row}
                  data-loaded={event ? 'true' : 'false'}
                  style={{ gridTemplateColumns: COLUMNS, height: ROW_HEIGHT, transform: `translateY(${item.start}px)` }}
                  onClick={() => event && navigate({ section: 'events', item: String(event.id) })}
                >
                  {event ? (
                    <>
                      <div>{formatDateRange(event.startDate, event.endDate, event.datePrecision)}</div>
                      <Tooltip label={event.title} openDelay={600} multiline maw={500}><div className={classes.title}>{event.title}</div></Tooltip>
                      <div>{event.kind ?? ''}</div>
                      <div>{placeLine(event)}</div>
                      <div>{event.format ? FORMAT_LABELS[event.format] : ''}</div>
                      <div>{EVENT_STATUS_LABELS[event.status]}</div>
                    </>
                  ) : <div className={classes.loading}>Загрузка…</div>}
                </div>
              );
            })}
          </div>
        </div>
        <div className={classes.footer}>{total === null ? 'Загрузка…' : `Всего: ${countOf(total, EVENT_FORMS)}`}</div>
      </Box>
    </Stack>
  );
}

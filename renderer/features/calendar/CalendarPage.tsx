// The Календарь section: month, week, year and agenda views of the register at the address's date,
// with the events table's filters, colours and their legend, search, printing and export.
import { ActionIcon, Alert, Badge, Button, Collapse, Group, Loader, Modal, SegmentedControl, Select, Stack, Switch, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { useDebouncedValue, useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconChevronLeft, IconChevronRight, IconFileSpreadsheet, IconFilter, IconPrinter, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useMemo, useState } from 'react';
import { todayIso } from '../../../shared/dates';
import { formatDateRange } from '../../../shared/ru/dates';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { CalendarEvent, CalendarView, ColorBy, Deadline } from '../../../shared/schema/calendar';
import { call } from '../../api/client';
import { notifyError } from '../../api/notifyError';
import { useAllowed } from '../../api/useAllowed';
import { navigate, parseRoute } from '../../router/route';
import { EventFilterFields } from '../../components/EventFilterFields';
import { PeriodPicker } from '../../components/PeriodPicker';
import { parsePeriod } from '../../../shared/period';
import { useRefNames } from '../../components/useRefNames';
import { openNewEventOn } from '../../stores/newEvent';
import { useExcelExport } from '../../components/exportToExcel';
import { AgendaView } from './AgendaView';
import { CalendarGrid, type Move } from './CalendarGrid';
import { useCalendarStore } from './calendarStore';
import { COLOR_BY_LABELS, colorScheme } from './colors';
import { EventCard } from './EventCard';
import { DEADLINE_KINDS, DEADLINE_NAMES } from './groups';
import { agendaPlace, parsePlace, placeItem, placeOf, placePeriod, placePeriodCode, placeTitle, stepPlace, visibleRange, type Place } from './place';
import { PrecisionBands } from './PrecisionBands';
import { useCalendarData } from './useCalendarData';
import { YearView } from './YearView';
import './calendar.css';

const VIEW_LABELS: Record<CalendarView, string> = { month: 'Месяц', week: 'Неделя', year: 'Год', list: 'Список' };
const STEP_HINTS: Record<CalendarView, [string, string]> = {
  month: ['Предыдущий месяц', 'Следующий месяц'],
  week: ['Предыдущая неделя', 'Следующая неделя'],
  year: ['Предыдущий год', 'Следующий год'],
  list: ['Предыдущий период', 'Следующий период'],
};

function go(place: Place, replace = false): void {
  navigate({ section: 'calendar', item: placeItem(place) }, { replace });
}

/** The place for a period chosen in the field: a month or year in its own grid when one is shown, else the agenda. */
function placeOfPeriod(code: string, view: CalendarView): Place | null {
  const period = parsePeriod(code);
  if (!period) return null;
  if (view === 'month' && period.kind === 'month') return { view: 'month', year: period.year, month: period.index ?? 1 };
  if (view === 'year' && period.kind === 'year') return { view: 'year', year: period.year };
  return { view: 'list', period };
}

/** Steps from the address as it is now, not as last drawn: a second quick press steps again. */
function step(by: 1 | -1): void {
  const place = parsePlace(parseRoute(window.location.hash).item);
  if (place) go(stepPlace(place, by));
}

/** One empty list for every render with the marks off, so the views' memos hold. */
const NO_DEADLINES: Deadline[] = [];

export function CalendarPage({ item }: { item?: string }) {
  const { prefs, highlight, load, update, setHighlight } = useCalendarStore();
  const [words] = useDebouncedValue(highlight, 300);
  const place = parsePlace(item);
  const [version, setVersion] = useState(0);
  const [card, setCard] = useState<CalendarEvent | null>(null);
  const [move, setMove] = useState<Move | null>(null);
  const [selection, setSelection] = useState<{ start: string; end: string } | null>(null);
  const { exporting, exportShown } = useExcelExport();
  const allowed = useAllowed();
  // Until the clerk toggles them, the filters show when set: a narrowed calendar says why.
  const [filtersToggled, setFiltersShown] = useState<boolean | null>(null);

  useEffect(load, [load]);
  // No date in the address: where the clerk left the calendar, else this month.
  useEffect(() => {
    if (!place && prefs) go(parsePlace(prefs.place ?? undefined) ?? placeOf('month', todayIso()), true);
  }, [place, prefs]);
  const item_ = place ? placeItem(place) : null;
  useEffect(() => {
    if (item_ && prefs && prefs.place !== item_) update({ place: item_ });
  }, [item_, prefs, update]);

  const query = useMemo(() => {
    if (!place || !prefs) return null;
    return { ...visibleRange(place), filters: prefs.filters, highlight: words.trim() || undefined };
  }, [item_, prefs?.filters, words]);
  const { data, error, loading } = useCalendarData(query, version);
  // ← and → step back and forth, as the buttons do (not while typing in a field).
  useHotkeys([
    ['ArrowLeft', () => step(-1)],
    ['ArrowRight', () => step(1)],
  ]);

  const names = useRefNames(prefs?.colorBy === 'kind' ? 'kind' : 'sphere');
  const events = useMemo(() => data?.events ?? [], [data]);
  const colors = useMemo(() => colorScheme(prefs?.colorBy ?? 'sphere', names, events), [prefs?.colorBy, names, events]);
  const deadlines = (prefs?.deadlines ? data?.deadlines : undefined) ?? NO_DEADLINES;
  const matches = useMemo(() => (data?.matches ? new Set(data.matches) : null), [data?.matches]);
  const legend = useMemo(() => colors.legend(), [colors]);

  if (!place || !prefs) return <Loader />;
  const activeFilters = Object.values(prefs.filters).filter((list) => list.length > 0).length;
  const filtersShown = filtersToggled ?? activeFilters > 0;

  const openDeadline = (d: Deadline) => navigate({ section: 'agreements', item: String(d.agreementId) });
  const confirmMove = async (m: Move) => {
    setMove(null);
    const before = { startDate: m.event.startDate, endDate: m.event.endDate };
    try {
      await call('events.move', { id: m.event.id, startDate: m.startDate, endDate: m.endDate });
    } catch (e) {
      m.revert();
      notifyError(e, 'Сроки не изменены');
      return;
    }
    setVersion((v) => v + 1);
    const id = `moved-${m.event.id}-${Date.now()}`;
    notifications.show({
      id,
      color: 'green',
      autoClose: 10_000,
      title: 'Сроки изменены',
      message: (
        <Group justify="space-between" wrap="nowrap" gap="sm">
          <Text size="sm">«{m.event.title}»: {formatDateRange(m.startDate, m.endDate, 'day')}</Text>
          <Button size="compact-sm" variant="light" onClick={() => {
            notifications.hide(id);
            call('events.move', { id: m.event.id, ...before }).then(
              () => {
                setVersion((v) => v + 1);
                notifications.show({ color: 'blue', message: `Сроки возвращены: ${formatDateRange(before.startDate, before.endDate, 'day')}.` });
              },
              (e: unknown) => notifyError(e, 'Не удалось отменить'),
            );
          }}>Отменить</Button>
        </Group>
      ),
    });
  };
  const [back, forward] = STEP_HINTS[place.view];
  const shared = { colors, matches, onOpen: setCard };

  return (
    <Stack className="reestr-calendar" gap="xs">
      <Group justify="space-between" className="reestr-no-print">
        <Group gap="xs">
          <Title order={2} mr="sm">Календарь</Title>
          <Tooltip label={back}><ActionIcon variant="default" size="lg" aria-label={back} onClick={() => step(-1)}><IconChevronLeft size={18} /></ActionIcon></Tooltip>
          <Button variant="default" onClick={() => go(placeOf(place.view, todayIso(), place.view === 'list' ? place.period : undefined))}>Сегодня</Button>
          <Tooltip label={forward}><ActionIcon variant="default" size="lg" aria-label={forward} onClick={() => step(1)}><IconChevronRight size={18} /></ActionIcon></Tooltip>
        </Group>
        <SegmentedControl
          value={place.view}
          data={Object.entries(VIEW_LABELS).map(([value, label]) => ({ value, label }))}
          onChange={(view) => go(placeOf(view as CalendarView, placePeriod(place).start, place.view === 'list' ? place.period : undefined))}
        />
        <Group gap="xs">
          <Button variant="default" leftSection={<IconPrinter size={18} />} onClick={() => window.print()}>Печать</Button>
          {allowed('export.period') && (
            <Button variant="default" leftSection={<IconFileSpreadsheet size={18} />} loading={exporting} onClick={() => void exportShown({ period: placePeriodCode(place), ...prefs.filters })}>Экспорт в Excel</Button>
          )}
        </Group>
      </Group>
      <Group gap="sm" align="flex-end" className="reestr-no-print">
        <PeriodPicker label="Период" value={placePeriodCode(place)} onChange={(code) => {
          const chosen = code && placeOfPeriod(code, place.view);
          if (chosen) go(chosen);
        }} />
        <TextInput
          w={280}
          label="Найти в календаре"
          placeholder="Слова из названия, описания, итогов"
          leftSection={<IconSearch size={16} />}
          value={highlight}
          onChange={(e) => setHighlight(e.currentTarget.value)}
          rightSection={highlight ? <ActionIcon variant="subtle" color="gray" aria-label="Очистить поиск" onClick={() => setHighlight('')}><IconX size={14} /></ActionIcon> : null}
        />
        <Select
          w={150}
          label="Цвет"
          data={Object.entries(COLOR_BY_LABELS).map(([value, label]) => ({ value, label }))}
          value={prefs.colorBy}
          allowDeselect={false}
          onChange={(by) => by && update({ colorBy: by as ColorBy })}
        />
        <Button
          variant={filtersShown ? 'light' : 'default'}
          leftSection={<IconFilter size={16} />}
          rightSection={activeFilters > 0 ? <Badge size="sm" circle>{activeFilters}</Badge> : null}
          onClick={() => setFiltersShown(!filtersShown)}
          aria-expanded={filtersShown}
        >
          Фильтры
        </Button>
        <Switch mb={8} label="Сроки и годовщины соглашений" checked={prefs.deadlines} onChange={(e) => update({ deadlines: e.currentTarget.checked })} />
        {matches && <Text mb={8} size="sm" c="dimmed">Найдено: {countOf(matches.size, EVENT_FORMS)}</Text>}
        {loading && <Loader size="sm" mb={8} />}
      </Group>
      <Collapse expanded={filtersShown} className="reestr-no-print">
        <EventFilterFields value={prefs.filters} onChange={(patch) => update({ filters: { ...prefs.filters, ...patch } })} />
      </Collapse>
      <Group justify="space-between" align="flex-end" gap="xs">
        <Title order={3} className="reestr-calendar-title">{placeTitle(place)}</Title>
        <Group gap="md" className="reestr-legend" aria-label={`Цвет ${COLOR_BY_LABELS[prefs.colorBy]}`}>
          {legend.map((l) => (
            <Group key={l.label} gap={6} wrap="nowrap"><span className="reestr-legend-swatch" style={{ backgroundColor: l.color }} /><Text size="sm">{l.label}</Text></Group>
          ))}
          {DEADLINE_KINDS.filter((kind) => deadlines.some((d) => d.kind === kind)).map((kind) => (
            <Group key={kind} gap={6} wrap="nowrap"><span className={`reestr-legend-swatch reestr-deadline-${kind}`} /><Text size="sm">{DEADLINE_NAMES[kind].legend}</Text></Group>
          ))}
        </Group>
      </Group>
      {error && <Alert color="red" title="Не удалось загрузить календарь">{error}</Alert>}
      {(place.view === 'month' || place.view === 'week') && (
        <PrecisionBands events={events} range={placePeriod(place)} {...shared} onMore={() => go(agendaPlace(placePeriodCode(place)))} />
      )}
      <div className="reestr-calendar-body">
        {(place.view === 'month' || place.view === 'week') && (
          <CalendarGrid
            place={place}
            events={events}
            deadlines={deadlines}
            {...shared}
            onDeadline={openDeadline}
            onSelect={(start, end) => setSelection({ start, end })}
            onDay={(day) => go(placeOf('week', day))}
            onMove={setMove}
            movable={allowed('events.move')}
            selectable={allowed('events.create')}
          />
        )}
        {place.view === 'year' && (
          <YearView
            year={place.year}
            events={events}
            deadlines={deadlines}
            {...shared}
            onDay={(day) => go(placeOf('week', day))}
            onMonth={(month) => go({ view: 'month', year: place.year, month })}
            onAgenda={(code) => go(agendaPlace(code))}
          />
        )}
        {place.view === 'list' && <AgendaView start={placePeriod(place).start} events={events} deadlines={deadlines} {...shared} onDeadline={openDeadline} />}
      </div>

      {card && <EventCard event={card} onClose={() => setCard(null)} />}
      {move && (
        <Modal opened onClose={() => { move.revert(); setMove(null); }} title="Изменить сроки?">
          <Stack>
            <Text>
              «{move.event.title}»: {formatDateRange(move.event.startDate, move.event.endDate, 'day')} → <b>{formatDateRange(move.startDate, move.endDate, 'day')}</b>
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => { move.revert(); setMove(null); }}>Отмена</Button>
              <Button onClick={() => void confirmMove(move)}>Сохранить новые сроки</Button>
            </Group>
          </Stack>
        </Modal>
      )}
      {selection && (
        <Modal opened onClose={() => setSelection(null)} title="Новое мероприятие">
          <Stack>
            <Text>Создать мероприятие на {formatDateRange(selection.start, selection.end, 'day')}?</Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setSelection(null)}>Отмена</Button>
              <Button onClick={() => openNewEventOn(selection.start, selection.end)}>Создать</Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Stack>
  );
}

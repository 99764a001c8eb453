// The month and week grids (FullCalendar): exact-date events span their days, deadlines are flags,
// a selected range starts a new event, and exact events can be dragged or stretched.
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/react/daygrid';
import interactionPlugin from '@fullcalendar/react/interaction';
import classicTheme from '@fullcalendar/react/themes/classic';
import ruLocale from '@fullcalendar/react/locales/ru';
import type { EventDropInfo, EventInput } from '@fullcalendar/react';
import '@fullcalendar/react/skeleton.css';
import '@fullcalendar/react/themes/classic/theme.css';
import '@fullcalendar/react/themes/classic/palette.css';
import { useMemo } from 'react';
import { addDays, isoDate } from '../../../shared/dates';
import type { CalendarEvent, Deadline } from '../../../shared/schema/calendar';
import type { ViewProps } from './view-props';
import { deadlineLabel, isExact } from './groups';
import { placePeriod, type Place } from './place';

/** An event's new dates after a drag or a stretch, with what they were. */
export interface Move {
  event: CalendarEvent;
  startDate: string;
  endDate: string;
  revert: () => void;
}

interface Props extends ViewProps {
  place: Extract<Place, { view: 'month' | 'week' }>;
  onDeadline: (deadline: Deadline) => void;
  onSelect: (startDate: string, endDate: string) => void;
  /** A day's number clicked in the month: that day's week. */
  onDay: (day: string) => void;
  onMove: (move: Move) => void;
  /** Whether events may be dragged to new dates (events.move), and days selected for a new one (events.create). */
  movable: boolean;
  selectable: boolean;
}

const DEADLINE_COLORS: Record<Deadline['kind'], { color: string; contrastColor: string }> = {
  ends: { color: '#e03131', contrastColor: '#ffffff' },
  warning: { color: '#ffe8cc', contrastColor: '#862e00' },
  anniversary: { color: '#d3f9d8', contrastColor: '#1b5e20' },
};

/** A month fits an office screen below the toolbar; a day shows what fits, then «+N ещё». */
const GRID_HEIGHT = 660;

const EVENT_ID = 'e';
const DEADLINE_ID = 'd';

export function CalendarGrid({ place, events, deadlines, colors, matches, onOpen, onDeadline, onSelect, onDay, onMove, movable, selectable }: Props) {
  const byId = useMemo(() => new Map(events.map((e) => [e.id, e])), [events]);
  const inputs = useMemo((): EventInput[] => [
    ...events.filter(isExact).map((e) => ({
      id: `${EVENT_ID}${e.id}`,
      title: e.title,
      start: e.startDate,
      // FullCalendar's end is the day after.
      end: addDays(e.endDate, 1),
      allDay: true,
      color: colors.color(e),
      class: ['reestr-event', e.status === 'cancelled' && 'reestr-cancelled', matches && (matches.has(e.id) ? 'reestr-match' : 'reestr-dimmed')].filter(Boolean).join(' '),
    })),
    ...deadlines.map((d, i) => ({
      id: `${DEADLINE_ID}${i}`,
      title: deadlineLabel(d),
      start: d.date,
      allDay: true,
      editable: false,
      ...DEADLINE_COLORS[d.kind],
      class: `reestr-deadline reestr-deadline-${d.kind}`,
      // Flags come first in a day, before the events.
      order: 0,
    })),
  ], [events, deadlines, colors, matches]);

  const eventOf = (id: string) => (id.startsWith(EVENT_ID) ? byId.get(Number(id.slice(EVENT_ID.length))) : undefined);
  const deadlineOf = (id: string) => (id.startsWith(DEADLINE_ID) ? deadlines[Number(id.slice(DEADLINE_ID.length))] : undefined);
  const moved = (info: Pick<EventDropInfo, 'event' | 'revert'>) => {
    const event = eventOf(info.event.id);
    if (!event || !info.event.startStr) return info.revert();
    const startDate = info.event.startStr.slice(0, 10);
    const endDate = info.event.endStr ? addDays(info.event.endStr.slice(0, 10), -1) : startDate;
    onMove({ event, startDate, endDate, revert: info.revert });
  };

  return (
    <FullCalendar
      key={JSON.stringify(place)}
      plugins={[dayGridPlugin, interactionPlugin, classicTheme]}
      locale={ruLocale}
      initialView={place.view === 'month' ? 'dayGridMonth' : 'dayGridWeek'}
      initialDate={placePeriod(place).start}
      headerToolbar={false}
      className="reestr-grid"
      height={GRID_HEIGHT}
      dayMaxEvents={place.view === 'month'}
      moreLinkContent={(arg) => `+${arg.num} ещё`}
      eventOrder="order,start,-duration,title"
      events={inputs}
      // Today a blue ring and number, not a shade: a shade read as one more weekend.
      dayCellClass={(day) => [day.dow === 0 || day.dow === 6 ? 'reestr-weekend' : '', day.isToday ? 'reestr-today' : ''].filter(Boolean).join(' ')}
      editable={movable}
      eventDurationEditable={movable}
      selectable={selectable}
      navLinks={place.view === 'month'}
      navLinkDayClick={(date) => onDay(isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate()))}
      select={(info) => onSelect(info.startStr.slice(0, 10), addDays(info.endStr.slice(0, 10), -1))}
      eventDrop={moved}
      eventResize={moved}
      eventDidMount={(info) => info.el.setAttribute('title', info.event.title)}
      // A week has room for whole titles; a month's days show one line each.
      eventContent={place.view === 'week' ? (arg) => <div className="reestr-week-event">{arg.event.title}</div> : undefined}
      eventClick={(info) => {
        info.jsEvent.preventDefault();
        const event = eventOf(info.event.id);
        if (event) return onOpen(event);
        const deadline = deadlineOf(info.event.id);
        if (deadline) onDeadline(deadline);
      }}
    />
  );
}

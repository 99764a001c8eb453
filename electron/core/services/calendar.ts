// The calendar: a view's events and agreement deadlines from one range query each, its remembered
// settings, and moving an exact-date event by dragging it.
import type { Core } from '../core';
import { addDays } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { EXPIRY_WARNING_DAYS } from '../../../shared/agreement-term';
import { CalendarPrefsSchema, type CalendarData, type CalendarPrefs, type CalendarQuery, type Deadline } from '../../../shared/schema/calendar';
import { EventFilterSchema, eventInputOf, type Event } from '../../../shared/schema/event';
import { getEvent, updateEvent } from './events';

const PREFS_KEY = 'calendar';

export function calendarData(core: Core, query: CalendarQuery): CalendarData {
  const filter = EventFilterSchema.parse({ ...query.filters, period: `${query.start}..${query.end}` });
  const matches = query.highlight ? core.events.allIds({ ...filter, query: query.highlight }) : null;
  return { events: core.events.calendar(filter), deadlines: deadlines(core, query.start, query.end), matches };
}

/** The days agreements end in the range, and the warnings 90 days before, for those still to be watched. */
function deadlines(core: Core, start: string, end: string): Deadline[] {
  const marks: Deadline[] = [];
  for (const a of core.agreements.endingBetween(start, addDays(end, EXPIRY_WARNING_DAYS))) {
    const brief = { agreementId: a.id, title: a.title, number: a.number, validUntil: a.validUntil };
    const warning = addDays(a.validUntil, -EXPIRY_WARNING_DAYS);
    // The same rule as the agreements' «истекает»: an active term that does not prolong itself.
    if (a.status === 'active' && !a.autoProlongation && warning >= start && warning <= end) marks.push({ ...brief, date: warning, kind: 'warning' });
    if (a.validUntil <= end) marks.push({ ...brief, date: a.validUntil, kind: 'ends' });
  }
  return marks.sort((x, y) => x.date.localeCompare(y.date));
}

export function calendarPrefs(core: Core): CalendarPrefs {
  // Settings of an older shape are not an error: the defaults stand in.
  const saved = CalendarPrefsSchema.safeParse(core.settings.get(PREFS_KEY) ?? {});
  return saved.success ? saved.data : CalendarPrefsSchema.parse({});
}

export function saveCalendarPrefs(core: Core, prefs: CalendarPrefs): CalendarPrefs {
  core.settings.set(PREFS_KEY, prefs);
  return prefs;
}

/** New dates for an event of exact dates: dragged in the calendar, or the drag undone. */
export function moveEvent(core: Core, id: number, startDate: string, endDate: string): Event {
  const event = getEvent(core, id);
  if (event.datePrecision !== 'day') {
    throw new AppError('validation', `У мероприятия «${event.title}» нет точных дат: его сроки меняются в карточке, а не перетаскиванием.`);
  }
  return updateEvent(core, id, { ...eventInputOf(event), startDate, endDate });
}

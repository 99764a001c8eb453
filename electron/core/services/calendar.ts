// The calendar: a view's events, agreement deadlines and anniversaries from one query each, its remembered
// settings, and moving an exact-date event by dragging it.
import type { Core } from '../core';
import { addDays, daysInMonth, isoDate, ymd } from '../../../shared/dates';
import { AppError } from '../../../shared/errors';
import { EXPIRY_WARNING_DAYS, termState } from '../../../shared/agreement-term';
import { CalendarPrefsSchema, type CalendarData, type CalendarPrefs, type CalendarQuery, type Deadline } from '../../../shared/schema/calendar';
import { EventFilterSchema, eventInputOf, type Event } from '../../../shared/schema/event';
import { getEvent, updateEvent } from './events';

const PREFS_KEY = 'calendar';

export async function calendarData(core: Core, query: CalendarQuery): Promise<CalendarData> {
  const filter = EventFilterSchema.parse({ ...query.filters, period: `${query.start}..${query.end}` });
  // Asked at once: a department server answers each on a connection of its own.
  const [events, matches, ending, anniversary] = await Promise.all([
    core.events.calendar(filter),
    query.highlight ? core.events.allIds({ ...filter, query: query.highlight }) : null,
    deadlines(core, query.start, query.end),
    anniversaries(core, query.start, query.end),
  ]);
  return { events, deadlines: [...ending, ...anniversary].sort((x, y) => x.date.localeCompare(y.date)), matches };
}

/** The days agreements end in the range, and the warnings 90 days before, for those still to be watched. */
async function deadlines(core: Core, start: string, end: string): Promise<Deadline[]> {
  const marks: Deadline[] = [];
  for (const a of await core.agreements.endingBetween(start, addDays(end, EXPIRY_WARNING_DAYS))) {
    const brief = { agreementId: a.id, title: a.title, number: a.number, validUntil: a.validUntil, years: null, status: a.status, autoProlongation: a.autoProlongation };
    const warning = addDays(a.validUntil, -EXPIRY_WARNING_DAYS);
    // The day the agreements' own rule first calls it «истекает».
    if (termState(a, warning) === 'expiring' && warning >= start && warning <= end) marks.push({ ...brief, date: warning, kind: 'warning' });
    if (a.validUntil <= end) marks.push({ ...brief, date: a.validUntil, kind: 'ends' });
  }
  return marks;
}

/** Anniversaries of signing worth marking: every fifth year. */
const ANNIVERSARY_YEARS = 5;

/** The round anniversaries of signing in the range, of the agreements in force on the day. */
async function anniversaries(core: Core, start: string, end: string): Promise<Deadline[]> {
  const marks: Deadline[] = [];
  const [first, last] = [ymd(start).year, ymd(end).year];
  for (const a of await core.agreements.signed()) {
    const signed = ymd(a.signedOn);
    for (let year = Math.max(first, signed.year + 1); year <= last; year++) {
      const years = year - signed.year;
      // 29 February is kept on the 28th in other years.
      const date = isoDate(year, signed.month, Math.min(signed.day, daysInMonth(year, signed.month)));
      if (years % ANNIVERSARY_YEARS !== 0 || date < start || date > end) continue;
      if (a.validUntil && !a.autoProlongation && date > a.validUntil) continue;
      marks.push({ agreementId: a.id, title: a.title, number: a.number, validUntil: a.validUntil, date, kind: 'anniversary', years, status: 'active', autoProlongation: a.autoProlongation });
    }
  }
  return marks;
}

export async function calendarPrefs(core: Core): Promise<CalendarPrefs> {
  // Settings of an older shape are not an error: the defaults stand in.
  const saved = CalendarPrefsSchema.safeParse(await core.settings.get(PREFS_KEY) ?? {});
  return saved.success ? saved.data : CalendarPrefsSchema.parse({});
}

export async function saveCalendarPrefs(core: Core, prefs: CalendarPrefs): Promise<CalendarPrefs> {
  await core.settings.set(PREFS_KEY, prefs);
  return prefs;
}

/** New dates for an event of exact dates: dragged in the calendar, or the drag undone. */
export async function moveEvent(core: Core, id: number, startDate: string, endDate: string): Promise<Event> {
  // Read and written under one write lock: another copy's change cannot slip in between.
  return core.transaction(async (core) => {
    const event = await getEvent(core, id);
    if (event.datePrecision !== 'day') {
      throw new AppError('validation', `У мероприятия «${event.title}» нет точных дат: его сроки меняются в карточке, а не перетаскиванием.`);
    }
    return updateEvent(core, id, { ...eventInputOf(event), startDate, endDate });
  });
}

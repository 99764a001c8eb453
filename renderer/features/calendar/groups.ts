// Events as the views group them: imprecise ones in bands of their month, quarter or year, never on a day.
import { addDays, monthRange, quarterOf, quarterRange, rangesOverlap, todayIso, ymd, type DateRange } from '../../../shared/dates';
import { dayHeading, romanNumeral } from '../../../shared/ru/dates';
import { monthTitle } from '../../../shared/ru/periods';
import { agreementState, EXPIRY_WARNING_DAYS } from '../../../shared/agreement-term';
import { countOf, YEAR_FORMS } from '../../../shared/ru/plural';
import type { CalendarEvent, Deadline } from '../../../shared/schema/calendar';
import type { DatePrecision } from '../../../shared/schema/common';

export type Imprecision = Exclude<DatePrecision, 'day'>;

export const BAND_TITLES: Record<Imprecision, string> = {
  month: 'В течение месяца',
  quarter: 'В течение квартала',
  year: 'В течение года',
};

export const isExact = (e: CalendarEvent) => e.datePrecision === 'day';

/** The bands above a month or week grid: imprecise events overlapping it, by precision, empty bands left out. */
export function bandsOf(events: readonly CalendarEvent[], range: DateRange): { precision: Imprecision; events: CalendarEvent[] }[] {
  return (['month', 'quarter', 'year'] as const)
    .map((precision) => ({
      precision,
      events: events.filter((e) => e.datePrecision === precision && rangesOverlap({ start: e.startDate, end: e.endDate }, range)),
    }))
    .filter((band) => band.events.length > 0);
}

/** What the year view needs of one year: exact events per day, month events per month, quarter and year events. */
export interface YearLayout {
  /** Events of exact dates on each day (a multi-day event on each of its days). */
  byDay: Map<string, CalendarEvent[]>;
  /** Month-precision events under each month they cover (1–12). */
  byMonth: Map<number, CalendarEvent[]>;
  /** Quarter-precision events under each quarter they cover (1–4). */
  byQuarter: Map<number, CalendarEvent[]>;
  wholeYear: CalendarEvent[];
  deadlinesByDay: Map<string, Deadline[]>;
}

export function yearLayout(year: number, events: readonly CalendarEvent[], deadlines: readonly Deadline[]): YearLayout {
  const layout: YearLayout = { byDay: new Map(), byMonth: new Map(), byQuarter: new Map(), wholeYear: [], deadlinesByDay: new Map() };
  const first = `${year}-01-01`;
  const last = `${year}-12-31`;
  for (const e of events) {
    const span = { start: e.startDate < first ? first : e.startDate, end: e.endDate > last ? last : e.endDate };
    if (e.datePrecision === 'day') {
      for (let day = span.start; day <= span.end; day = addDays(day, 1)) push(layout.byDay, day, e);
    } else if (e.datePrecision === 'month') {
      for (let m = ymd(span.start).month; m <= ymd(span.end).month; m++) push(layout.byMonth, m, e);
    } else if (e.datePrecision === 'quarter') {
      for (let q = quarterOf(ymd(span.start).month); q <= quarterOf(ymd(span.end).month); q++) push(layout.byQuarter, q, e);
    } else {
      layout.wholeYear.push(e);
    }
  }
  for (const d of deadlines) push(layout.deadlinesByDay, d.date, d);
  return layout;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A heading of the agenda and what stands under it. */
export interface AgendaGroup {
  key: string;
  title: string;
  /** Set for the groups of imprecise events: «в течение месяца». */
  note: string | null;
  events: CalendarEvent[];
  deadlines: Deadline[];
}

/**
 * The agenda of a period from `start`: exact events under the day they start (or the first day, if
 * begun before it), imprecise ones under their month, quarter or year, which come before the days
 * they hold; agreement deadlines under their day.
 */
export function agendaGroups(start: string, events: readonly CalendarEvent[], deadlines: readonly Deadline[]): AgendaGroup[] {
  const groups = new Map<string, AgendaGroup>();
  const groupOf = (key: string, title: string, note: string | null) => {
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { key, title, note, events: [], deadlines: [] }));
    return group;
  };
  // Sort keys: a span's first day, then 0 for a year, 1 a quarter, 2 a month, 3 a day, so wider spans head narrower ones.
  for (const e of events) {
    const { year, month } = ymd(e.startDate);
    if (e.datePrecision === 'day') {
      const day = e.startDate < start ? start : e.startDate;
      groupOf(`${day}:3`, dayHeading(day), null).events.push(e);
    }
    else if (e.datePrecision === 'month') groupOf(`${monthRange(year, month).start}:2`, monthTitle(year, month), BAND_TITLES.month.toLowerCase()).events.push(e);
    else if (e.datePrecision === 'quarter') {
      const q = quarterOf(month);
      groupOf(`${quarterRange(year, q).start}:1`, `${romanNumeral(q)} квартал ${year}`, BAND_TITLES.quarter.toLowerCase()).events.push(e);
    } else groupOf(`${year}-01-01:0`, `${year} год`, BAND_TITLES.year.toLowerCase()).events.push(e);
  }
  for (const d of deadlines) groupOf(`${d.date}:3`, dayHeading(d.date), null).deadlines.push(d);
  return [...groups.values()].sort((a, b) => a.key.localeCompare(b.key));
}

/** What a kind of agreement mark is called, beside its date in the agenda and in the legend, and its sign. */
export const DEADLINE_NAMES: Record<Deadline['kind'], { short: string; legend: string; flag: string }> = {
  ends: { short: 'окончание срока', legend: 'окончание соглашения', flag: '⚑' },
  warning: { short: `за ${EXPIRY_WARNING_DAYS} дней`, legend: `за ${EXPIRY_WARNING_DAYS} дней до окончания`, flag: '⚑' },
  anniversary: { short: 'годовщина', legend: 'годовщина подписания', flag: '★' },
};

/** The kinds of agreement marks, in the legend's order. */
export const DEADLINE_KINDS = Object.keys(DEADLINE_NAMES) as Deadline['kind'][];

/**
 * A mark's line: «Истекает срок: …» («Срок истёк: …» once the agreement's state today says so),
 * «Через 90 дней истекает: …», «10 лет со дня подписания: …».
 */
export function deadlineLabel(d: Deadline, today = todayIso()): string {
  const name = d.number ? `№ ${d.number} ${d.title}` : d.title;
  if (d.kind === 'anniversary') return `${countOf(d.years ?? 0, YEAR_FORMS)} со дня подписания: ${name}`;
  if (d.kind === 'warning') return `Через ${EXPIRY_WARNING_DAYS} дней истекает: ${name}`;
  const state = agreementState(d, today);
  if (state === 'expired') return `Срок истёк: ${name}`;
  if (state === 'terminated') return `Окончание срока (расторгнуто): ${name}`;
  if (d.autoProlongation) return `Окончание срока (продлевается автоматически): ${name}`;
  return `Истекает срок: ${name}`;
}

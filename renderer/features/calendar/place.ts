// Where the calendar stands, as its address says it: `month/2021-09`, `week/2021-09-06`, `year/2021`, `list/2021-H2`.
import { addDays, dayNumber, isIsoDate, monthRange, weekStart, ymd, type DateRange } from '../../../shared/dates';
import { parsePeriod, periodCode, type Period } from '../../../shared/period';
import { monthTitle, periodTitle, weekTitle } from '../../../shared/ru/periods';
import type { CalendarView } from '../../../shared/schema/calendar';

export type Place =
  | { view: 'month'; year: number; month: number }
  | { view: 'week'; monday: string }
  | { view: 'year'; year: number }
  | { view: 'list'; period: Period };

/** Weeks a month view always shows, as FullCalendar draws it: six. */
const MONTH_GRID_DAYS = 42;

export function parsePlace(item: string | undefined): Place | null {
  const [view, code = ''] = (item ?? '').split('/');
  const period = parsePeriod(code);
  switch (view) {
    case 'month':
      return period?.kind === 'month' ? { view, year: period.year, month: period.index ?? 1 } : null;
    case 'week':
      return isIsoDate(code) ? { view, monday: weekStart(code) } : null;
    case 'year':
      return period?.kind === 'year' ? { view, year: period.year } : null;
    case 'list':
      return period ? { view, period } : null;
    default:
      return null;
  }
}

export function placeItem(place: Place): string {
  switch (place.view) {
    case 'month':
      return `month/${place.year}-${String(place.month).padStart(2, '0')}`;
    case 'week':
      return `week/${place.monday}`;
    case 'year':
      return `year/${place.year}`;
    case 'list':
      return `list/${periodCode(place.period)}`;
  }
}

/** The period the place is about (a month, a week, a year, the agenda's period). */
export function placePeriod(place: Place): DateRange {
  switch (place.view) {
    case 'month':
      return monthRange(place.year, place.month);
    case 'week':
      return { start: place.monday, end: addDays(place.monday, 6) };
    case 'year':
      return { start: `${place.year}-01-01`, end: `${place.year}-12-31` };
    case 'list':
      return { start: place.period.start, end: place.period.end };
  }
}

/** The period code of what a place shows: for the export, and the agenda of a month or week. */
export function placePeriodCode(place: Place): string {
  switch (place.view) {
    case 'month':
      return placeItem(place).slice('month/'.length);
    case 'year':
      return String(place.year);
    case 'week':
      return `${place.monday}..${addDays(place.monday, 6)}`;
    case 'list':
      return periodCode(place.period);
  }
}

/** The agenda of a period code; the codes come from the views themselves, so a bad one is a bug. */
export function agendaPlace(code: string): Place {
  const period = parsePeriod(code);
  if (!period) throw new Error(`not a period code: ${code}`);
  return { view: 'list', period };
}

/** The days on screen, whose events the view asks for: a month grid shows six whole weeks. */
export function visibleRange(place: Place): DateRange {
  if (place.view !== 'month') return placePeriod(place);
  const start = weekStart(placePeriod(place).start);
  return { start, end: addDays(start, MONTH_GRID_DAYS - 1) };
}

/** The place in `view` that shows `day`; the agenda keeps its kind of period where it can. */
export function placeOf(view: CalendarView, day: string, agenda?: Period): Place {
  const { year, month } = ymd(day);
  switch (view) {
    case 'month':
      return { view, year, month };
    case 'week':
      return { view, monday: weekStart(day) };
    case 'year':
      return { view, year };
    case 'list':
      return { view, period: periodAround(agenda?.kind === 'range' ? 'half' : (agenda?.kind ?? 'month'), day) };
  }
}

function periodAround(kind: Exclude<Period['kind'], 'range'>, day: string): Period {
  const { year, month } = ymd(day);
  const code = {
    year: String(year),
    half: `${year}-H${month <= 6 ? 1 : 2}`,
    quarter: `${year}-Q${Math.ceil(month / 3)}`,
    month: `${year}-${String(month).padStart(2, '0')}`,
  }[kind];
  return parsePeriod(code) as Period;
}

/** The place one step before (-1) or after (+1): the previous month, week, year, or agenda period. */
export function stepPlace(place: Place, step: -1 | 1): Place {
  switch (place.view) {
    case 'month': {
      const index = place.year * 12 + place.month - 1 + step;
      return { view: 'month', year: Math.floor(index / 12), month: (index % 12) + 1 };
    }
    case 'week':
      return { view: 'week', monday: addDays(place.monday, 7 * step) };
    case 'year':
      return { view: 'year', year: place.year + step };
    case 'list': {
      const { period } = place;
      if (period.kind === 'range') {
        const days = dayNumber(period.end) - dayNumber(period.start) + 1;
        const start = addDays(period.start, step * days);
        return { view: 'list', period: parsePeriod(`${start}..${addDays(start, days - 1)}`) as Period };
      }
      const next = step > 0 ? addDays(period.end, 1) : addDays(period.start, -1);
      return { view: 'list', period: periodAround(period.kind, next) };
    }
  }
}

export function placeTitle(place: Place): string {
  switch (place.view) {
    case 'month':
      return monthTitle(place.year, place.month);
    case 'week':
      return weekTitle(place.monday, addDays(place.monday, 6));
    case 'year':
      return `${place.year} год`;
    case 'list':
      return periodTitle(place.period);
  }
}

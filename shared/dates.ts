// Calendar arithmetic on ISO `YYYY-MM-DD` strings: no Date objects, no time zones.
/** How exactly a date is known: the day, the month, the quarter or only the year. */
export const DATE_PRECISIONS = ['day', 'month', 'quarter', 'year'] as const;
export type DatePrecision = (typeof DATE_PRECISIONS)[number];

export interface DateRange {
  start: string;
  end: string;
}

export interface YMD {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (MONTH_DAYS[month - 1] ?? 0);
}

/** The number of `length` ASCII digits at `at`, or -1. */
function digits(text: string, at: number, length: number): number {
  let n = 0;
  for (let i = at; i < at + length; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

export function parseIsoDate(text: string): YMD | null {
  // /^(\d{4})-(\d{2})-(\d{2})$/ by hand: every record and row is checked, and a regex's match costs more.
  if (text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 2);
  const day = digits(text, 8, 2);
  if (year < 0 || month < 0 || day < 0) return null;
  if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isIsoDate(text: string): boolean {
  return parseIsoDate(text) !== null;
}

/** Like parseIsoDate, for strings already validated by the schema. */
export function ymd(iso: string): YMD {
  const parts = parseIsoDate(iso);
  if (!parts) throw new RangeError(`not an ISO date: ${iso}`);
  return parts;
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function monthRange(year: number, month: number): DateRange {
  return { start: isoDate(year, month, 1), end: isoDate(year, month, daysInMonth(year, month)) };
}

export function quarterOf(month: number): number {
  return Math.floor((month - 1) / 3) + 1;
}

export function quarterRange(year: number, quarter: number): DateRange {
  const first = (quarter - 1) * 3 + 1;
  return { start: isoDate(year, first, 1), end: monthRange(year, first + 2).end };
}

export function halfYearRange(year: number, half: number): DateRange {
  return half === 1
    ? { start: isoDate(year, 1, 1), end: isoDate(year, 6, 30) }
    : { start: isoDate(year, 7, 1), end: isoDate(year, 12, 31) };
}

export function yearRange(year: number): DateRange {
  return { start: isoDate(year, 1, 1), end: isoDate(year, 12, 31) };
}

/** The month, quarter or year that `start` lies in, for a date of that precision; the day itself for `day`. */
export function precisionRange(start: string, precision: DatePrecision): DateRange {
  const { year, month } = ymd(start);
  switch (precision) {
    case 'day':
      return { start, end: start };
    case 'month':
      return monthRange(year, month);
    case 'quarter':
      return quarterRange(year, quarterOf(month));
    case 'year':
      return yearRange(year);
  }
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01: a plain integer for range indexes and arithmetic. */
export function dayNumber(iso: string): number {
  const { year, month, day } = ymd(iso);
  return Math.round(Date.UTC(year, month - 1, day) / DAY_MS);
}

export function fromDayNumber(days: number): string {
  const d = new Date(days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Days since the Monday of the week: 0 for Monday … 6 for Sunday (1970-01-01 was a Thursday). */
export function weekdayIndex(iso: string): number {
  return (((dayNumber(iso) + 3) % 7) + 7) % 7;
}

/** The Monday of the week a day is in: Russian weeks start on Monday. */
export function weekStart(iso: string): string {
  return addDays(iso, -weekdayIndex(iso));
}

export function rangesOverlap(a: DateRange, b: DateRange): boolean {
  return a.start <= b.end && b.start <= a.end;
}

/** Today in the user's own time zone: the one place a clock is read. */
export function todayIso(): string {
  const d = new Date();
  return isoDate(d.getFullYear(), d.getMonth() + 1, d.getDate());
}

/** The months from the one of `start` to the one of `end`, as `YYYY-MM`, at most `limit` of them. */
export function monthKeys(start: string, end: string, limit = Number.POSITIVE_INFINITY): string[] {
  const months: string[] = [];
  const last = end.slice(0, 7);
  let [year, month] = [Number(start.slice(0, 4)), Number(start.slice(5, 7))];
  for (let key = start.slice(0, 7); key <= last && months.length < limit; ) {
    months.push(key);
    if (++month > 12) [year, month] = [year + 1, 1];
    key = `${year}-${String(month).padStart(2, '0')}`;
  }
  return months;
}

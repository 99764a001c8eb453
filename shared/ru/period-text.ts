// Periods typed as a clerk says them («2021», «II полугодие 2021», «3 кв 2021», «сентябрь 2021»,
// «01.07.2021–15.09.2021»), read by the import's own date parser and named by their code.
import { halfYearRange, monthRange, quarterRange, yearRange, ymd, type DateRange } from '../dates';
import { parsePeriod, type Period } from '../period';
import { parseDateText } from './date-text';

const same = (a: DateRange, b: DateRange) => a.start === b.start && a.end === b.end;

/** The whole year, half, quarter or month a range is, if it is one; else a range of days. */
export function periodOfRange(range: DateRange): Period {
  const { year, month } = ymd(range.start);
  const index = (candidates: number[], of: (n: number) => DateRange) => candidates.find((n) => same(of(n), range));
  if (same(yearRange(year), range)) return { kind: 'year', year, ...range };
  const half = index([1, 2], (n) => halfYearRange(year, n));
  if (half) return { kind: 'half', year, index: half, ...range };
  const quarter = index([1, 2, 3, 4], (n) => quarterRange(year, n));
  if (quarter) return { kind: 'quarter', year, index: quarter, ...range };
  if (same(monthRange(year, month), range)) return { kind: 'month', year, index: month, ...range };
  return { kind: 'range', year, ...range };
}

/**
 * A period from what a clerk typed: a code (`2021-H2`) or Russian text, a whole year, half, quarter
 * or month named as such; null when it is neither. A text without a year takes `year` when given.
 */
export function parsePeriodText(text: string, year: number | null = null): Period | null {
  const code = parsePeriod(text);
  if (code) return code;
  const parsed = parseDateText(text, year);
  return parsed.ok ? periodOfRange({ start: parsed.value.startDate, end: parsed.value.endDate }) : null;
}

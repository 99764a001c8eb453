// Report and filter periods: `2021`, `2021-H2`, `2021-Q3`, `2021-09`, `2021-07-01..2021-09-30`.
import { halfYearRange, isIsoDate, monthRange, quarterRange, yearRange, type DateRange } from './dates';

export type PeriodKind = 'year' | 'half' | 'quarter' | 'month' | 'range';

export interface Period extends DateRange {
  kind: PeriodKind;
  year: number;
  /** Half (1–2), quarter (1–4) or month (1–12), for those kinds. */
  index?: number;
}

export const PERIOD_HINT = '2021, 2021-H2, 2021-Q3, 2021-09 или 2021-07-01..2021-09-30';

/** Parses a period code; null when the text is not one or lies outside the years dates support. */
export function parsePeriod(text: string): Period | null {
  const period = matchPeriod(text);
  return period && isIsoDate(period.start) && isIsoDate(period.end) ? period : null;
}

function matchPeriod(text: string): Period | null {
  const code = text.trim().toUpperCase();
  let m = /^(\d{4})$/.exec(code);
  if (m) return { kind: 'year', year: Number(m[1]), ...yearRange(Number(m[1])) };
  m = /^(\d{4})-H([12])$/.exec(code);
  if (m) return { kind: 'half', year: Number(m[1]), index: Number(m[2]), ...halfYearRange(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-Q([1-4])$/.exec(code);
  if (m) return { kind: 'quarter', year: Number(m[1]), index: Number(m[2]), ...quarterRange(Number(m[1]), Number(m[2])) };
  m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(code);
  if (m) return { kind: 'month', year: Number(m[1]), index: Number(m[2]), ...monthRange(Number(m[1]), Number(m[2])) };
  m = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(code);
  if (m && m[1] && m[2] && isIsoDate(m[1]) && isIsoDate(m[2]) && m[1] <= m[2]) {
    return { kind: 'range', year: Number(m[1].slice(0, 4)), start: m[1], end: m[2] };
  }
  return null;
}

/** The code a period is written with: `2021`, `2021-H2`, `2021-Q3`, `2021-09`, `2021-07-01..2021-09-30`. */
export function periodCode(period: Period): string {
  const n = period.index ?? 1;
  switch (period.kind) {
    case 'year':
      return String(period.year);
    case 'half':
      return `${period.year}-H${n}`;
    case 'quarter':
      return `${period.year}-Q${n}`;
    case 'month':
      return `${period.year}-${String(n).padStart(2, '0')}`;
    case 'range':
      return `${period.start}..${period.end}`;
  }
}

/** The same period a year before (29 February becomes the 28th). */
export function yearBefore(period: Period): Period {
  if (period.kind !== 'range') return parsePeriod(periodCode({ ...period, year: period.year - 1 })) as Period;
  const back = (iso: string) => {
    const year = Number(iso.slice(0, 4)) - 1;
    const date = `${year}${iso.slice(4)}`;
    return isIsoDate(date) ? date : `${year}-02-28`;
  };
  return { kind: 'range', year: period.year - 1, start: back(period.start), end: back(period.end) };
}

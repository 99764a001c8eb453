// Russian names of report periods: «II полугодие 2021 года», «III квартал 2021 года».
import type { Period } from '../period';
import { ymd } from '../dates';
import { formatDate, MONTHS_GENITIVE, MONTHS_NOMINATIVE, romanNumeral } from './dates';
import { capitalize, lowerFirst } from './grammar';
import { forDays } from './date-phrases';

/** The period in the nominative, as a heading says it. */
export function periodTitle(period: Period): string {
  switch (period.kind) {
    case 'year':
      return `${period.year} год`;
    case 'half':
      return `${romanNumeral(period.index ?? 1)} полугодие ${period.year} года`;
    case 'quarter':
      return `${romanNumeral(period.index ?? 1)} квартал ${period.year} года`;
    case 'month':
      return `${monthTitle(period.year, period.index ?? 1)} года`;
    case 'range':
      return `${formatDate(period.start)}–${formatDate(period.end)}`;
  }
}

/**
 * What a report or table covers, in words as the report's text says it: «за III квартал 2021 года»,
 * «за период с 1 июля по 15 сентября 2021 года», «за 17 сентября 2021 года».
 */
export function forPeriod(period: Period): string {
  return period.kind === 'range' ? forDays(period.start, period.end) : `за ${lowerFirst(periodTitle(period))}`;
}

/** A calendar month's heading: «Сентябрь 2021». */
export function monthTitle(year: number, month: number): string {
  return `${capitalize(MONTHS_NOMINATIVE[month - 1] ?? '')} ${year}`;
}

/** A calendar week's heading: «6–12 сентября 2021», «30 августа – 5 сентября 2021», across years with both. */
export function weekTitle(monday: string, sunday: string): string {
  const a = ymd(monday);
  const b = ymd(sunday);
  if (a.year !== b.year) return `${a.day} ${MONTHS_GENITIVE[a.month - 1]} ${a.year} – ${b.day} ${MONTHS_GENITIVE[b.month - 1]} ${b.year}`;
  if (a.month !== b.month) return `${a.day} ${MONTHS_GENITIVE[a.month - 1]} – ${b.day} ${MONTHS_GENITIVE[b.month - 1]} ${b.year}`;
  return `${a.day}–${b.day} ${MONTHS_GENITIVE[b.month - 1]} ${b.year}`;
}

// Russian phrasing of dates and date ranges as the register and its sheets write them.
import type { DatePrecision } from '../schema/common';
import { quarterOf, weekdayIndex, ymd } from '../dates';

export const MONTHS_NOMINATIVE = [
  'январь', 'февраль', 'март', 'апрель', 'май', 'июнь',
  'июль', 'август', 'сентябрь', 'октябрь', 'ноябрь', 'декабрь',
] as const;

export const MONTHS_GENITIVE = [
  'января', 'февраля', 'марта', 'апреля', 'мая', 'июня',
  'июля', 'августа', 'сентября', 'октября', 'ноября', 'декабря',
] as const;

/** Monday first, as Russian calendars have it. */
export const WEEKDAYS = ['понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота', 'воскресенье'] as const;

const ROMAN = ['I', 'II', 'III', 'IV'] as const;

export function romanNumeral(n: 1 | 2 | 3 | 4 | number): string {
  return ROMAN[n - 1] ?? String(n);
}

/** `2021-09-08` → «08.09.2021». */
export function formatDate(iso: string): string {
  const { year, month, day } = ymd(iso);
  return `${String(day).padStart(2, '0')}.${String(month).padStart(2, '0')}.${year}`;
}

/** A day as an agenda heads it: «8 сентября 2021, среда». */
export function dayHeading(iso: string): string {
  const { year, month, day } = ymd(iso);
  return `${day} ${MONTHS_GENITIVE[month - 1]} ${year}, ${WEEKDAYS[weekdayIndex(iso)]}`;
}

/** A moment (an ISO timestamp) in the computer's own time: «12.03.2025, 14:05». */
export function formatTimestamp(timestamp: string): string {
  const at = new Date(timestamp);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(at.getDate())}.${two(at.getMonth() + 1)}.${at.getFullYear()}, ${two(at.getHours())}:${two(at.getMinutes())}`;
}

function monthName(iso: string): string {
  return MONTHS_NOMINATIVE[ymd(iso).month - 1] ?? '';
}

/**
 * The compact form of a table cell: «08.09.2021», «27–28.08.2021», «27.06–01.07.2021»,
 * «сентябрь 2021», «сентябрь–октябрь 2021», «II квартал 2022», «2022 год».
 */
export function formatDateRange(start: string, end: string, precision: DatePrecision): string {
  const a = ymd(start);
  const b = ymd(end);
  const dd = (n: number) => String(n).padStart(2, '0');
  switch (precision) {
    case 'day':
      if (start === end) return formatDate(start);
      if (a.year === b.year && a.month === b.month) return `${dd(a.day)}–${formatDate(end)}`;
      if (a.year === b.year) return `${dd(a.day)}.${dd(a.month)}–${formatDate(end)}`;
      return `${formatDate(start)}–${formatDate(end)}`;
    case 'month':
      if (a.year === b.year && a.month === b.month) return `${monthName(start)} ${a.year}`;
      if (a.year === b.year) return `${monthName(start)}–${monthName(end)} ${a.year}`;
      return `${monthName(start)} ${a.year} – ${monthName(end)} ${b.year}`;
    case 'quarter': {
      const qa = quarterOf(a.month);
      const qb = quarterOf(b.month);
      if (a.year === b.year && qa === qb) return `${romanNumeral(qa)} квартал ${a.year}`;
      if (a.year === b.year) return `${romanNumeral(qa)}–${romanNumeral(qb)} кварталы ${a.year}`;
      return `${romanNumeral(qa)} квартал ${a.year} – ${romanNumeral(qb)} квартал ${b.year}`;
    }
    case 'year':
      return a.year === b.year ? `${a.year} год` : `${a.year}–${b.year} годы`;
  }
}

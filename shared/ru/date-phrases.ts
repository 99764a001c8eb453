// Dates and periods as a report's sentences say them: «В период с 27 июня по 1 июля 2021 года»,
// «Во II квартале 2022 года», «На протяжении II полугодия 2021 года».
import { quarterOf, ymd } from '../dates';
import type { Period } from '../period';
import type { DatePrecision } from '../schema/common';
import { MONTHS_GENITIVE, MONTHS_NOMINATIVE, romanNumeral } from './dates';

const MONTHS_PREPOSITIONAL = [
  'январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре',
] as const;

const month = (list: readonly string[], n: number) => list[n - 1] ?? '';

/** «в», or «во» before a word that starts with two consonants the ear stumbles on («во II квартале», «во втором»). */
function inPreposition(next: string): string {
  return /^(II(?!I)|втор)/.test(next) ? 'Во' : 'В';
}

function dayPhrase(start: string, end: string): string {
  const a = ymd(start);
  const b = ymd(end);
  const day = (d: typeof a) => `${d.day} ${month(MONTHS_GENITIVE, d.month)}`;
  if (start === end) return `${day(a)} ${a.year} года`;
  if (a.year !== b.year) return `В период с ${day(a)} ${a.year} года по ${day(b)} ${b.year} года`;
  if (a.month === b.month) return `В период с ${a.day} по ${day(b)} ${b.year} года`;
  return `В период с ${day(a)} по ${day(b)} ${b.year} года`;
}

/** When an event was, as the first words of its paragraph. */
export function eventDatePhrase(start: string, end: string, precision: DatePrecision): string {
  const a = ymd(start);
  const b = ymd(end);
  switch (precision) {
    case 'day':
      return dayPhrase(start, end);
    case 'month':
      if (a.year === b.year && a.month === b.month) return `В ${month(MONTHS_PREPOSITIONAL, a.month)} ${a.year} года`;
      if (a.year === b.year) return `В период с ${month(MONTHS_GENITIVE, a.month)} по ${month(MONTHS_NOMINATIVE, b.month)} ${a.year} года`;
      return `В период с ${month(MONTHS_GENITIVE, a.month)} ${a.year} года по ${month(MONTHS_NOMINATIVE, b.month)} ${b.year} года`;
    case 'quarter': {
      const qa = romanNumeral(quarterOf(a.month));
      const qb = romanNumeral(quarterOf(b.month));
      if (a.year === b.year && qa === qb) return `${inPreposition(qa)} ${qa} квартале ${a.year} года`;
      if (a.year === b.year) return `${inPreposition(qa)} ${qa}–${qb} кварталах ${a.year} года`;
      return `В период с ${qa} квартала ${a.year} года по ${qb} квартал ${b.year} года`;
    }
    case 'year':
      return a.year === b.year ? `В течение ${a.year} года` : `В течение ${a.year}–${b.year} годов`;
  }
}

/** «Во II полугодии 2021 года», «В сентябре 2021 года», «В 2021 году»: the period a report covers. */
export function periodIn(period: Period): string {
  const n = period.index ?? 1;
  switch (period.kind) {
    case 'year':
      return `В ${period.year} году`;
    case 'half':
      return `${inPreposition(romanNumeral(n))} ${romanNumeral(n)} полугодии ${period.year} года`;
    case 'quarter':
      return `${inPreposition(romanNumeral(n))} ${romanNumeral(n)} квартале ${period.year} года`;
    case 'month':
      return `В ${month(MONTHS_PREPOSITIONAL, n)} ${period.year} года`;
    case 'range':
      return dayPhrase(period.start, period.end);
  }
}

/**
 * How a closing paragraph opens on the whole period: «На протяжении II полугодия 2021 года», and for a
 * range of days as its opening says it: «17 сентября 2021 года», «В период с 10 июля по 20 августа 2021 года».
 */
export function periodThroughout(period: Period): string {
  return period.kind === 'range' ? dayPhrase(period.start, period.end) : `На протяжении ${periodGenitive(period)}`;
}

/** «за 17 сентября 2021 года», «за период с 10 июля по 20 августа 2021 года»: a range of days in a title. */
export function forDays(start: string, end: string): string {
  const phrase = dayPhrase(start, end);
  return start === end ? `за ${phrase}` : `за период ${phrase.replace(/^В период /, '')}`;
}

/** «II полугодия 2021 года», «сентября 2021 года», «2021 года»: the period in the genitive. */
export function periodGenitive(period: Period): string {
  const n = period.index ?? 1;
  switch (period.kind) {
    case 'year':
      return `${period.year} года`;
    case 'half':
      return `${romanNumeral(n)} полугодия ${period.year} года`;
    case 'quarter':
      return `${romanNumeral(n)} квартала ${period.year} года`;
    case 'month':
      return `${month(MONTHS_GENITIVE, n)} ${period.year} года`;
    case 'range':
      return `периода ${dayPhrase(period.start, period.end).replace(/^В период /, '')}`;
  }
}

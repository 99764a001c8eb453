// Counts as the department's reports write them: in words under ten («состоялись три мероприятия»),
// in figures from ten («состоялось 12 мероприятий»), rounded down to a round number only when asked
// and the count exceeds it («более 20 мероприятий»; 20 stays «20 мероприятий»).
import type { Gender } from '../schema/reference';
import { pluralForm, type PluralForms } from './plural';

const UNITS: Record<'m' | 'f' | 'n', readonly string[]> = {
  m: ['ноль', 'один', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  f: ['ноль', 'одна', 'две', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
  n: ['ноль', 'одно', 'два', 'три', 'четыре', 'пять', 'шесть', 'семь', 'восемь', 'девять'],
};

/** «три мероприятия», «одна встреча», «12 мероприятий»: words under ten, figures from ten. */
export function countInWords(n: number, forms: PluralForms, gender: Exclude<Gender, 'pl'> = 'n'): string {
  const number = n >= 0 && n < 10 && Number.isInteger(n) ? (UNITS[gender][n] as string) : n.toLocaleString('ru-RU');
  return `${number} ${pluralForm(n, forms)}`;
}

/** The round number a count is told as when rounding: tens under 100, hundreds under 1000, thousands above. */
export function roundedDown(n: number): number | null {
  if (n <= 10) return null;
  const step = n < 100 ? 10 : n < 1000 ? 100 : 1000;
  const round = Math.floor(n / step) * step;
  return round === n ? null : round;
}

/**
 * The count with its noun, rounded when asked: «более 20 мероприятий» for 23, «20 мероприятий» for 20
 * (a count never reads as more than itself), «три мероприятия» for 3.
 */
export function countPhrase(n: number, forms: PluralForms, rounded: boolean, gender: Exclude<Gender, 'pl'> = 'n'): string {
  const round = rounded ? roundedDown(n) : null;
  return round === null ? countInWords(n, forms, gender) : `более ${round.toLocaleString('ru-RU')} ${pluralForm(round, forms)}`;
}

/** Whether the verb before the count takes the plural: «состоялись три мероприятия», «состоялось пять мероприятий». */
export function countTakesPlural(n: number, rounded: boolean): boolean {
  if (rounded && roundedDown(n) !== null) return false;
  const mod10 = n % 10;
  const mod100 = n % 100;
  return mod10 >= 2 && mod10 <= 4 && (mod100 < 12 || mod100 > 14);
}

// Reading dates as Russian and Belarusian partner spreadsheets write them: «27–28.08.2021», «с 27 июня по 1 июля»,
// «сентябрь – октябрь 2021», «II квартал», «в течение года», «у траўні», with remarks and times beside them.
import { daysInMonth, halfYearRange, isIsoDate, isoDate, monthRange, quarterRange, yearRange } from '../dates';
import type { DatePrecision } from '../schema/common';
import { belarusianDateText } from './belarusian';
import { foldLookalikes } from './lookalikes';
import { foldYo } from './normalize';

export interface ParsedDates {
  startDate: string;
  endDate: string;
  datePrecision: DatePrecision;
  /** What was written beside the date and is not part of it: «ориентировочно», «11:00», «по согласованию сторон». */
  remark?: string;
}

export type DateTextResult = { ok: true; value: ParsedDates } | { ok: false; message: string };

// Stems that every case of a month name starts with: «сентябрь», «сентября», «в сентябре».
const MONTH_STEMS = ['январ', 'феврал', 'март', 'апрел', 'ма', 'июн', 'июл', 'август', 'сентябр', 'октябр', 'ноябр', 'декабр'];
const MONTH = '(январ[ьяе]|феврал[ьяе]|марта?|марте|апрел[ьяе]|ма[йяе]|июн[ьяе]|июл[ьяе]|августа?|августе|сентябр[ьяе]|октябр[ьяе]|ноябр[ьяе]|декабр[ьяе])';
const YEAR = '(\\d{4})';
const DAY = '(\\d{1,2})';
const TO = '\\s*(?:-|по|до)\\s*';
const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, '1': 1, '2': 2, '3': 3, '4': 4 };

function monthOf(word: string): number {
  // «ма» is a prefix of no other month, and longer stems are tried first for «март».
  const index = MONTH_STEMS.findIndex((stem) => stem !== 'ма' && word.startsWith(stem));
  return index >= 0 ? index + 1 : 5;
}

/**
 * Lower case, «ё» and Latin look-alikes folded, Belarusian words in Russian, one kind of dash, no
 * «г.»/«года»/«годы» after years, no comma before a year («июнь, 2024»), no trailing dot; a report's
 * «В период с …» read as «с …», its «во» as «в».
 */
function normalise(text: string): string {
  return belarusianDateText(foldYo(foldLookalikes(text))
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' '))
    .replace(/(\d{4})\s*(?:гг|г|годы|годов|году|года|год)(?![а-я])\.?/g, '$1')
    .replace(/\s*,\s*(?=\d{4}(?!\d))/g, ' ')
    .replace(/\s*-\s*/g, '-')
    .replace(/\.$/, '')
    .trim()
    .replace(/^в период (?=с )/, '')
    .replace(/^во /, 'в ');
}

class DateTextError extends Error {}

function fullYear(text: string | undefined, fallback: number | null): number {
  if (text === undefined) {
    if (fallback === null) throw new DateTextError('не указан год');
    return fallback;
  }
  const year = Number(text);
  return text.length === 2 ? 2000 + year : year;
}

function day(year: number, month: number, d: number): string {
  if (month < 1 || month > 12 || d < 1 || d > daysInMonth(year, month)) throw new DateTextError('нет такой даты');
  return isoDate(year, month, d);
}

function days(startDate: string, endDate: string): ParsedDates {
  if (endDate < startDate) throw new DateTextError('дата окончания раньше даты начала');
  return { startDate, endDate, datePrecision: 'day' };
}

function span(start: { start: string }, end: { end: string }, datePrecision: DatePrecision): ParsedDates {
  if (end.end < start.start) throw new DateTextError('конец периода раньше его начала');
  return { startDate: start.start, endDate: end.end, datePrecision };
}

const NUMERIC = '(\\d{1,2})\\.(\\d{1,2})(?:\\.(\\d{4}|\\d{2}))?';

type Rule = [RegExp, (m: RegExpExecArray, year: number | null) => ParsedDates];

// Tried in order; each regex matches the whole normalised text.
/** An ISO date as other programs write it, a time of day after it ignored: «2021-09-20», «2021-09-20T00:00:00». */
const ISO = '(\\d{4})-(\\d{2})-(\\d{2})(?:[t ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?z?)?';

const RULES: Rule[] = [
  // «2021-09-20», «2021-09-20 – 2021-09-22»: date cells of other programs, and CSV files they export
  [new RegExp(`^${ISO}(?:${TO}${ISO})?$`), (m) => {
    const start = day(Number(m[1]), Number(m[2]), Number(m[3]));
    return days(start, m[4] ? day(Number(m[4]), Number(m[5]), Number(m[6])) : start);
  }],
  // «2021–2022 годы», «в течение 2021–2022 годов», «с 2021 по 2022 год»: whole years
  [new RegExp(`^(?:(?:в течение|на протяжении|с)\\s*)?${YEAR}${TO}${YEAR}$`), (m) => span(yearRange(Number(m[1])), yearRange(Number(m[2])), 'year')],
  // «в течение года», «в течение 2022», «2022», «в 2022 году», «ежемесячно»: the whole year
  [/^(?=.)(?:(?:в течение|на протяжении|весь|круглый|ежемесячно|ежеквартально|постоянно)\s*)?(?:(\d{4})|года?)?$|^(?:в|на) (\d{4})$/, (m, y) => {
    const range = yearRange(fullYear(m[1] ?? m[2], y));
    return span(range, range, 'year');
  }],
  // «27-28.08.2021»
  [new RegExp(`^(?:с\\s*)?${DAY}${TO}${NUMERIC}$`), (m, y) => {
    const year = fullYear(m[4], y);
    const month = Number(m[3]);
    return days(day(year, month, Number(m[1])), day(year, month, Number(m[2])));
  }],
  // «15.03.2024-17.03.2024», «27.08-02.09.2021», «с 27.06 по 01.07.2021»
  [new RegExp(`^(?:с\\s*)?${NUMERIC}${TO}${NUMERIC}$`), (m, y) => {
    const endYear = fullYear(m[6], m[3] === undefined ? y : fullYear(m[3], y));
    const startYear = m[3] === undefined ? (Number(m[2]) > Number(m[5]) ? endYear - 1 : endYear) : fullYear(m[3], y);
    return days(day(startYear, Number(m[2]), Number(m[1])), day(endYear, Number(m[5]), Number(m[4])));
  }],
  // «27.08.2021»
  [new RegExp(`^${NUMERIC}$`), (m, y) => {
    const date = day(fullYear(m[3], y), Number(m[2]), Number(m[1]));
    return days(date, date);
  }],
  // «09.2021»: a month
  [/^(\d{1,2})\.(\d{4})$/, (m) => {
    const month = Number(m[1]);
    if (month < 1 || month > 12) throw new DateTextError('нет такого месяца');
    const range = monthRange(Number(m[2]), month);
    return span(range, range, 'month');
  }],
  // «27-28 августа 2021»
  [new RegExp(`^(?:с\\s*)?${DAY}${TO}${DAY}\\s*${MONTH}(?:\\s*${YEAR})?$`), (m, y) => {
    const year = fullYear(m[4], y);
    const month = monthOf(m[3] as string);
    return days(day(year, month, Number(m[1])), day(year, month, Number(m[2])));
  }],
  // «с 27 июня по 1 июля 2021», «30 июня - 2 июля», «30 декабря 2021 - 2 января 2022»
  [new RegExp(`^(?:с\\s*)?${DAY}\\s*${MONTH}(?:\\s*${YEAR})?${TO}${DAY}\\s*${MONTH}(?:\\s*${YEAR})?$`), (m, y) => {
    const endYear = fullYear(m[6], m[3] === undefined ? y : Number(m[3]));
    const startMonth = monthOf(m[2] as string);
    const endMonth = monthOf(m[5] as string);
    const startYear = m[3] !== undefined ? Number(m[3]) : startMonth > endMonth ? endYear - 1 : endYear;
    return days(day(startYear, startMonth, Number(m[1])), day(endYear, endMonth, Number(m[4])));
  }],
  // «27 августа 2021»
  [new RegExp(`^${DAY}\\s*${MONTH}(?:\\s*${YEAR})?$`), (m, y) => {
    const date = day(fullYear(m[3], y), monthOf(m[2] as string), Number(m[1]));
    return days(date, date);
  }],
  // «сентябрь - октябрь 2021», «с мая по июль»
  [new RegExp(`^(?:в\\s+|с\\s+)?${MONTH}(?:\\s*${YEAR})?${TO}${MONTH}(?:\\s*${YEAR})?$`), (m, y) => {
    const endYear = fullYear(m[4], m[2] === undefined ? y : Number(m[2]));
    const startMonth = monthOf(m[1] as string);
    const endMonth = monthOf(m[3] as string);
    const startYear = m[2] !== undefined ? Number(m[2]) : startMonth > endMonth ? endYear - 1 : endYear;
    return span(monthRange(startYear, startMonth), monthRange(endYear, endMonth), 'month');
  }],
  // «сентябрь», «в мае 2024», «в течение сентября»
  [new RegExp(`^(?:в течение\\s+|в\\s+)?${MONTH}(?:\\s*${YEAR})?$`), (m, y) => {
    const range = monthRange(fullYear(m[2], y), monthOf(m[1] as string));
    return span(range, range, 'month');
  }],
  // «IV квартал 2021 – I квартал 2022», «с IV квартала 2021 по I квартал 2022»
  [/^(?:с\s+)?(i{1,3}|iv|[1-4])(?:-?(?:й|го))?\s*(?:квартала?|кв)\.?\s*(\d{4})(?:-|\s*(?:по|до)\s*)(i{1,3}|iv|[1-4])(?:-?(?:й|го))?\s*(?:квартала?|кв)\.?\s*(\d{4})$/, (m) =>
    span(quarterRange(Number(m[2]), ROMAN[m[1] as string] as number), quarterRange(Number(m[4]), ROMAN[m[3] as string] as number), 'quarter')],
  // «II квартал», «2 кв. 2022», «в III квартале», «I-II квартал», «в I–II кварталах 2022»
  [/^(?:в\s+|в течение\s+)?(i{1,3}|iv|[1-4])(?:-?(?:й|го|ом))?(?:-(i{1,3}|iv|[1-4])(?:-?(?:й|го|ом))?)?\s*(?:квартал(?:а|е|ы|ах|ов)?|кв)\.?(?:\s*(\d{4}))?$/, (m, y) => {
    const year = fullYear(m[3], y);
    const first = ROMAN[m[1] as string] as number;
    return span(quarterRange(year, first), quarterRange(year, m[2] ? (ROMAN[m[2]] as number) : first), 'quarter');
  }],
  // «I полугодие 2022», «во втором полугодии»: six months
  [/^(?:в\s+|во\s+|в течение\s+)?(i{1,2}|[12]|первое|второе|первом|втором)(?:-?(?:е|ое|ом))?\s*полугоди[еия](?:\s*(\d{4}))?$/, (m, y) => {
    const half = /^(ii|2|втор)/.test(m[1] as string) ? 2 : 1;
    const range = halfYearRange(fullYear(m[2], y), half);
    return span(range, range, 'month');
  }],
];

type Matched = DateTextResult | null;

/** The rules tried on one normalised text: null when none matches it. */
function matchRules(text: string, normal: string, year: number | null): Matched {
  for (const [regex, build] of RULES) {
    const match = regex.exec(normal);
    if (!match) continue;
    try {
      const value = build(match, year);
      // «1000», «01.01.0005»: dates, but of years the register does not keep (its dates are 1900–2999).
      if (!isIsoDate(value.startDate) || !isIsoDate(value.endDate)) throw new DateTextError('год вне допустимых пределов (1900–2999)');
      return { ok: true, value };
    } catch (e) {
      if (!(e instanceof DateTextError)) throw e;
      return { ok: false, message: `${e.message}: «${text.trim()}»` };
    }
  }
  return null;
}

/** The longest text read as a date with remarks beside it. */
const REMARKED_DATE_MAX = 500;
/** A bracketed group with no brackets inside: removed innermost first. */
const BRACKETED = /[([]([^()[\]]*)[)\]]/;
/** A time of day at the end: «, 11:00», «в 11.00», «с 10:00 до 12:00», «10.00–12.00», «в 11 ч.». */
const HOUR = '(\\d{1,2})(?:([:.])([0-5]\\d))?(\\s*(?:ч|час|часа|часов|гадз|гадзіне|гадзін)(?!\\p{L})\\.?)?';
const TIME_TAIL = new RegExp(`(?:\\s*,\\s*|\\s+)((?:(?:в|с|начало в|начало|нач\\.|у|з)\\s*)?${HOUR}(?:\\s*(?:-|–|—|до|по)\\s*${HOUR})?)\\s*$`, 'iu');
/** What makes a comma's tail part of the date, not a remark on it: numbers of dates, years, month and period words. */
const DATE_WORDS = /\d{1,2}\.\d{1,2}|\d{4}|январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр|квартал|кв\.|полугод|год/;

/** Whether a trailing match of TIME_TAIL is a time, not the day and month of a date («10.05» is May 10th). */
function isTime(match: RegExpExecArray): boolean {
  const [, whole = '', hour, sep, minute, hours] = match;
  if (Number(hour) > 23 || (!sep && !hours)) return false;
  if (sep === ':' || hours) return true;
  // «11.00», «10.30»: a dotted time only where no month could be meant, or after «в»/«с».
  return /^\D/.test(whole) || minute === '00' || Number(minute) > 12;
}

/**
 * The date part of a text and what is written beside it: bracketed remarks, a time of day at the end,
 * and a comma's tail that names no date. Null when there is nothing to take away.
 */
function splitRemark(text: string): { date: string; remark: string } | null {
  // A date with its remark fits a cell's line or two; a longer text is no date, and its brackets are not searched.
  if (text.length > REMARKED_DATE_MAX) return null;
  let rest = text.replace(/\s+/g, ' ');
  const brackets: string[] = [];
  for (let match = BRACKETED.exec(rest); match; match = BRACKETED.exec(rest)) {
    brackets.push((match[1] ?? '').trim());
    rest = `${rest.slice(0, match.index)} ${rest.slice(match.index + match[0].length)}`;
  }
  const open = rest.search(/[([]/);
  if (open >= 0) {
    brackets.push(rest.slice(open + 1).trim());
    rest = rest.slice(0, open);
  }
  const tail: string[] = [];
  const time = TIME_TAIL.exec(rest);
  if (time && isTime(time)) {
    tail.push((time[1] ?? '').trim());
    rest = rest.slice(0, time.index);
  }
  const comma = rest.indexOf(',');
  if (comma >= 0) {
    const after = rest.slice(comma + 1).trim();
    if (!DATE_WORDS.test(normalise(after))) {
      tail.unshift(after);
      rest = rest.slice(0, comma);
    }
  }
  if (brackets.length === 0 && tail.length === 0) return null;
  return { date: rest.replace(/\s+/g, ' ').trim(), remark: [...tail, ...brackets].filter(Boolean).join('; ') };
}

/**
 * Reads a period written in Russian or Belarusian. `year` stands in where the text names none (the year of
 * the sheet's title, or the one the user gave); without it such a text is an error. Remarks in brackets or
 * after a comma and times of day are not part of the period: they come back as its `remark`.
 */
export function parseDateText(text: string, year: number | null): DateTextResult {
  const whole = matchRules(text, normalise(text), year);
  if (whole) return whole;
  const split = splitRemark(text);
  if (split && split.date) {
    const part = matchRules(text, normalise(split.date), year);
    if (part?.ok && split.remark) return { ok: true, value: { ...part.value, remark: split.remark } };
    if (part) return part;
  }
  return { ok: false, message: `не удалось разобрать дату «${text.trim()}»` };
}

/** Kept here for the callers that read a title's year one line at a time. */
export { yearInTitle } from './title-year';

// Finds the register's events that rows of a file repeat: titles alike whatever their case, quotes,
// «ё», punctuation and word order, and dates that overlap.
import type { DuplicateOf } from '../../../shared/schema/import';
import type { DatedEvent } from '../store/types';
import { dayNumber, ymd } from '../../../shared/dates';

/** Titles at least this alike (Dice over trigrams of their sorted words) name the same event. */
export const SIMILARITY_THRESHOLD = 0.8;
/** Events longer than this are indexed by word alone, not by each month they touch. */
const LONG_SPAN_DAYS = 400;
/** The month key of events too long to be indexed by month: every row's months include it. */
const ANY_MONTH = -1;

export interface DatedTitle {
  title: string;
  startDate: string;
  endDate: string;
}

interface TitleKey {
  /** The words in a fixed order: «Форум „Молодёжь“» and «молодежь, форум» read the same. */
  key: string;
  words: string[];
  /** «заседание № 3» and «заседание № 4» are two events, however alike. */
  numbers: string;
}

/** A character searchWords() splits words at (its SEPARATORS, the soft hyphen aside), by code unit. */
function isSeparator(c: number): boolean {
  if (c < 0x80) return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a));
  if (c < 0xa0) return false;
  if (c < 0xc0) return c !== 0xad;
  if (c < 0x1680) return c === 0xd7 || c === 0xf7;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x206f) || c === 0x2116 || c === 0x2212 || c === 0x3000 || c === 0xfeff;
}

/**
 * The words a title is compared by: searchWords(title) without one-letter words but numbers, each
 * once, in no fixed order. Split here in one pass: a file's rows and a year's events are many.
 */
function keyWords(title: string): string[] {
  return keyWordsFast(title) ?? keyWordsOf(title.toLowerCase());
}

/**
 * keyWords of a title of ASCII, Russian letters and separators only (the usual one), without lowering
 * the whole title first: only its words with capitals are lowered, which for these letters is the same.
 * Null for any other character: keyWordsOf decides.
 */
function keyWordsFast(title: string): string[] | null {
  const words: string[] = [];
  let start = -1;
  let upper = false;
  let folded = false;
  for (let i = 0; i <= title.length; i++) {
    const c = i < title.length ? title.charCodeAt(i) : 0x20;
    if (c >= 0x430 && c <= 0x45f) {
      if (start < 0) start = i;
      if (c === 0x451) folded = true;
      continue;
    }
    if (c >= 0x400 && c < 0x430) {
      if (start < 0) start = i;
      upper = true;
      if (c === 0x401) folded = true;
      continue;
    }
    if (c < 0x80) {
      if ((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a)) {
        if (start < 0) start = i;
        continue;
      }
      if (c >= 0x41 && c <= 0x5a) {
        if (start < 0) start = i;
        upper = true;
        continue;
      }
    } else if (!isSeparator(c)) return null;
    if (start < 0) continue;
    let word = title.slice(start, i);
    if (upper) word = word.toLowerCase();
    if (folded) word = word.replaceAll('ё', 'е');
    if ((word.length > 1 || (word.length === 1 && isNumber(word))) && !words.includes(word)) words.push(word);
    start = -1;
    upper = false;
    folded = false;
  }
  return words;
}

function keyWordsOf(lower: string): string[] {
  const words: string[] = [];
  let start = -1;
  let folded = false;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 0x20;
    if (!isSeparator(c)) {
      if (start < 0) start = i;
      if (c === 0xad || c === 0x451) folded = true;
      continue;
    }
    if (start < 0) continue;
    let word = lower.slice(start, i);
    if (folded) word = word.replaceAll('ё', 'е').replaceAll('\u00ad', '');
    if ((word.length > 1 || (word.length === 1 && isNumber(word))) && !words.includes(word)) words.push(word);
    start = -1;
    folded = false;
  }
  return words;
}

function keyOf(words: string[]): TitleKey {
  words.sort();
  return { key: words.join(' '), words, numbers: words.filter(isNumber).join(' ') };
}

/** TitleKey's `numbers` of words in any order. */
function numbersOf(words: readonly string[]): string {
  const numbers = words.filter(isNumber);
  return numbers.length === 0 ? '' : numbers.length === 1 ? (numbers[0] as string) : numbers.sort().join(' ');
}

export function titleKey(title: string): TitleKey {
  return keyOf(keyWords(title));
}

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/**
 * headers.ts's trigrams of a text, each as the number of its three UTF-16 code units (c0·2³² + c1·2¹⁶ + c2):
 * the same sets one for one, hashed and compared as numbers rather than made as strings.
 */
export function trigramCodes(text: string): Set<number> {
  const padded = ` ${text} `;
  const grams = new Set<number>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.charCodeAt(i) * 0x100000000 + padded.charCodeAt(i + 1) * 0x10000 + padded.charCodeAt(i + 2));
  return grams;
}

/** headers.ts's gramSimilarity (Dice's coefficient) over trigramCodes. */
export function codeSimilarity(a: ReadonlySet<number>, b: ReadonlySet<number>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** An ASCII digit, found by the regex engine's own scan: where number words may start. */
const DIGIT = /[0-9]/g;

/** Months as numbers (year × 12 + month − 1): the months from `start`'s to `end`'s. */
function monthNumber(iso: string): number {
  const { year, month } = ymd(iso);
  return year * 12 + month - 1;
}

/** An event's months, or only ANY_MONTH when it is too long to be indexed by month. */
function monthsOf(start: string, end: string): { first: number; last: number } | null {
  return dayNumber(end) - dayNumber(start) > LONG_SPAN_DAYS ? null : { first: monthNumber(start), last: monthNumber(end) };
}

/**
 * An index of existing events by word, and by (word, month) for the words rows ask about, for
 * finding a row's duplicate among 100,000 events quickly.
 */
export function createDuplicateFinder(existing: readonly DatedEvent[]) {
  /** Each word's events, in the order of `existing`: tells how rare a word is. */
  const postings = new Map<string, number[]>();
  /** Each event's numbers, to rule most candidates out before their whole key is made. */
  const numbers = existing.map((event, i) => {
    const words = keyWords(event.title);
    for (const word of words) {
      const list = postings.get(word);
      if (list) list.push(i);
      else postings.set(word, [i]);
    }
    return numbersOf(words);
  });
  /** A word's events by month (ANY_MONTH for the long ones), in the same order: made when a row first asks. */
  const byMonth = new Map<string, Map<number, number[]>>();
  const monthPostings = (word: string): Map<number, number[]> => {
    let months = byMonth.get(word);
    if (months) return months;
    months = new Map();
    for (const i of postings.get(word) ?? []) {
      const event = existing[i] as DatedEvent;
      const span = (spans[i] ??= monthsOf(event.startDate, event.endDate) ?? false);
      for (let m = span ? span.first : ANY_MONTH, last = span ? span.last : ANY_MONTH; m <= last; m++) {
        const list = months.get(m);
        if (list) list.push(i);
        else months.set(m, [i]);
      }
    }
    byMonth.set(word, months);
    return months;
  };
  // Filled up front: an array set at scattered indexes would turn into a slow dictionary.
  const spans: ({ first: number; last: number } | false | undefined)[] = new Array(existing.length).fill(undefined);
  const keys: (TitleKey | undefined)[] = new Array(existing.length).fill(undefined);
  const grams: (Set<number> | undefined)[] = new Array(existing.length).fill(undefined);

  let stamp = 0;
  const seen = new Int32Array(existing.length);

  /**
   * Whether the title has a number no event has: its number words (those starting with a digit) read as
   * keyWords reads them, without the other words. Most rows of a numbered plan stop here. Null when the
   * title has a character keyWordsFast leaves to the whole reading.
   */
  const lacksNumber = (title: string): boolean | null => {
    DIGIT.lastIndex = 0;
    while (DIGIT.test(title)) {
      const i = DIGIT.lastIndex - 1;
      if (i > 0 && !isSeparator(title.charCodeAt(i - 1))) continue;
      let end = i + 1;
      let plain = true;
      for (; end < title.length; end++) {
        const d = title.charCodeAt(end);
        if (d < 0x80 ? !((d >= 0x30 && d <= 0x39) || (d >= 0x61 && d <= 0x7a) || (d >= 0x41 && d <= 0x5a)) : isSeparator(d)) break;
        if (d >= 0x80 && !(d >= 0x400 && d <= 0x45f)) plain = false;
      }
      if (!plain) return null;
      const word = title.slice(i, end).toLowerCase().replaceAll('ё', 'е');
      if (!postings.has(word)) return true;
      DIGIT.lastIndex = end;
    }
    return false;
  };

  return function duplicateOf(row: DatedTitle): DuplicateOf | null {
    if (lacksNumber(row.title) === true) return null;
    const unsorted = keyWords(row.title);
    if (unsorted.length === 0) return null;
    // Numbers must be the same: a number no event has rules every event out.
    if (unsorted.some((w) => isNumber(w) && !postings.has(w))) return null;
    const { key, words, numbers: rowNumbers } = keyOf(unsorted);
    // The two rarest words: a title alike enough shares at least one of them.
    const rare = words
      .filter((w) => postings.has(w))
      .sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0))
      .slice(0, 2);
    // Every match holds all the row's numbers: when the rarest word is one, its events are all the
    // candidates there are (those of the next word add none that can match).
    if (rare.length === 2 && isNumber(rare[0] as string)) rare.pop();
    const span = monthsOf(row.startDate, row.endDate);
    let rowGrams: Set<number> | undefined;
    stamp++;
    let best: DuplicateOf | null = null;
    for (const word of rare) {
      const lists: (number[] | undefined)[] = [];
      if (span) {
        const months = monthPostings(word);
        for (let m = span.first; m <= span.last; m++) lists.push(months.get(m));
        lists.push(months.get(ANY_MONTH));
      } else lists.push(postings.get(word));
      for (const list of lists) {
        for (const i of list ?? []) {
          if (seen[i] === stamp) continue;
          seen[i] = stamp;
          const event = existing[i] as DatedEvent;
          if (event.startDate > row.endDate || event.endDate < row.startDate || numbers[i] !== rowNumbers) continue;
          const other = (keys[i] ??= titleKey(event.title));
          const similarity = key === other.key ? 1 : codeSimilarity((rowGrams ??= trigramCodes(key)), (grams[i] ??= trigramCodes(other.key)));
          if (similarity >= SIMILARITY_THRESHOLD && (!best || similarity > best.similarity)) {
            best = { id: event.id, title: event.title, startDate: event.startDate, endDate: event.endDate, datePrecision: event.datePrecision, similarity };
          }
        }
      }
    }
    return best;
  };
}

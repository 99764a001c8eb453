// Finds the register's events that rows of a file repeat: titles alike whatever their case, quotes,
// «ё», punctuation and word order, and dates that overlap.
import type { DuplicateOf } from '../../../shared/schema/import';
import type { EventSummary } from '../../../shared/schema/event';
import { dayNumber, monthKeys } from '../../../shared/dates';
import { searchWords } from '../../../shared/ru/normalize';
import { gramSimilarity, trigrams } from './headers';

/** Titles at least this alike (Dice over trigrams of their sorted words) name the same event. */
export const SIMILARITY_THRESHOLD = 0.8;
/** Events longer than this are indexed by word alone, not by each month they touch. */
const LONG_SPAN_DAYS = 400;
const ANY_MONTH = '*';

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

export function titleKey(title: string): TitleKey {
  const words = [...new Set(searchWords(title).filter((w) => w.length > 1 || isNumber(w)))].sort();
  return { key: words.join(' '), words, numbers: words.filter(isNumber).join(' ') };
}

function isNumber(word: string): boolean {
  const c = word.charCodeAt(0);
  return c >= 48 && c <= 57;
}

/** An index of existing events by (word, month), for finding a row's duplicate among 100,000 events quickly. */
export function createDuplicateFinder(existing: readonly EventSummary[]) {
  const keys = existing.map((e) => titleKey(e.title));
  const grams: (Set<string> | undefined)[] = [];
  const postings = new Map<string, number[]>();
  const post = (key: string, index: number) => {
    const list = postings.get(key);
    if (list) list.push(index);
    else postings.set(key, [index]);
  };
  existing.forEach((event, i) => {
    const long = dayNumber(event.endDate) - dayNumber(event.startDate) > LONG_SPAN_DAYS;
    const months = long ? [ANY_MONTH] : monthKeys(event.startDate, event.endDate);
    for (const word of (keys[i] as TitleKey).words) {
      post(word, i); // every month together: tells how rare a word is
      for (const month of months) post(`${word}\u0000${month}`, i);
    }
  });

  let stamp = 0;
  const seen = new Int32Array(existing.length);

  return function duplicateOf(row: DatedTitle): DuplicateOf | null {
    const { key, words, numbers } = titleKey(row.title);
    if (!key) return null;
    // Numbers must be the same: a number no event has rules every event out.
    if (numbers && words.some((w) => isNumber(w) && !postings.has(w))) return null;
    // The two rarest words: a title alike enough shares at least one of them.
    const rare = words
      .filter((w) => postings.has(w))
      .sort((a, b) => (postings.get(a)?.length ?? 0) - (postings.get(b)?.length ?? 0))
      .slice(0, 2);
    const long = dayNumber(row.endDate) - dayNumber(row.startDate) > LONG_SPAN_DAYS;
    const months = long ? null : [...monthKeys(row.startDate, row.endDate), ANY_MONTH];
    let rowGrams: Set<string> | undefined;
    stamp++;
    let best: DuplicateOf | null = null;
    for (const word of rare) {
      const lists = months ? months.map((m) => postings.get(`${word}\u0000${m}`)) : [postings.get(word)];
      for (const list of lists) {
        for (const i of list ?? []) {
          if (seen[i] === stamp) continue;
          seen[i] = stamp;
          const event = existing[i] as EventSummary;
          const other = keys[i] as TitleKey;
          if (event.startDate > row.endDate || event.endDate < row.startDate || other.numbers !== numbers) continue;
          const similarity = key === other.key ? 1 : gramSimilarity((rowGrams ??= trigrams(key)), (grams[i] ??= trigrams(other.key)));
          if (similarity >= SIMILARITY_THRESHOLD && (!best || similarity > best.similarity)) {
            best = { id: event.id, title: event.title, startDate: event.startDate, endDate: event.endDate, datePrecision: event.datePrecision, similarity };
          }
        }
      }
    }
    return best;
  };
}

// The duplicate finder's index and shortcuts (the month index, a number no event has, a number as the
// rarest word) must find what its rule read plainly finds: the most alike event of overlapping dates and
// the same numbers among those holding one of the row's two rarest words.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeSimilarity, createDuplicateFinder, SIMILARITY_THRESHOLD, titleKey, trigramCodes } from '../../electron/core/import/duplicates';
import { gramSimilarity, trigrams } from '../../electron/core/import/headers';
import type { DatedEvent } from '../../electron/core/store/types';

const WORDS = ['Форум', 'форум', 'ФОРУМ', 'молодёжи', 'молодежи', 'Встреча', 'глав', 'заседание', 'совета', '№', '3', '4', '12', '2024', '12-й', 'IT', 'Σ', 'Ёлка', '3Σ', '12\u00ad5', '4Ё'];
const title = fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join(' '));
const DAYS = ['2024-03-01', '2024-03-05', '2024-03-31', '2024-04-02', '2024-06-30', '2025-12-31', '2027-01-01'];
const dates = fc.tuple(fc.constantFrom(...DAYS), fc.constantFrom(...DAYS)).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [string, string]);

/**
 * The finder's rule read plainly, without its index or shortcuts: the events holding one of the row's
 * two rarest words (fewest events; alphabetical among equals), of overlapping dates and the same
 * numbers, compared one by one.
 */
function reference(existing: readonly DatedEvent[], row: { title: string; startDate: string; endDate: string }): number | null {
  const key = titleKey(row.title);
  if (key.words.length === 0) return null;
  const keys = existing.map((e) => titleKey(e.title));
  const count = (w: string) => keys.filter((k) => k.words.includes(w)).length;
  const rare = key.words.filter((w) => count(w) > 0).sort((a, b) => count(a) - count(b)).slice(0, 2);
  let best: number | null = null;
  existing.forEach((event, i) => {
    const other = keys[i] as ReturnType<typeof titleKey>;
    if (event.startDate > row.endDate || event.endDate < row.startDate || !rare.some((w) => other.words.includes(w))) return;
    if (other.numbers !== key.numbers) return;
    const similarity = key.key === other.key ? 1 : gramSimilarity(trigrams(key.key), trigrams(other.key));
    if (similarity >= SIMILARITY_THRESHOLD && (best === null || similarity > best)) best = similarity;
  });
  return best;
}

describe('duplicate finder', () => {
  it('finds as alike an event as its rule read plainly finds, of overlapping dates and the same numbers', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(title, dates), { maxLength: 25 }), fc.array(fc.tuple(title, dates), { minLength: 1, maxLength: 10 }), (events, rows) => {
        const existing: DatedEvent[] = events.map(([t, [startDate, endDate]], i) => ({ id: i + 1, title: t, startDate, endDate, datePrecision: 'day' }));
        const duplicateOf = createDuplicateFinder(existing);
        for (const [t, [startDate, endDate]] of rows) {
          const row = { title: t, startDate, endDate };
          const found = duplicateOf(row);
          expect(found?.similarity ?? null).toBe(reference(existing, row));
          if (found) {
            const event = existing.find((e) => e.id === found.id) as DatedEvent;
            expect(titleKey(event.title).numbers).toBe(titleKey(t).numbers);
            expect(event.startDate <= endDate && event.endDate >= startDate).toBe(true);
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('compares trigrams as numbers exactly as headers.ts compares them as strings', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 12 }), fc.constantFrom('', 'а', 'форум молодежи', 'ааааа', '😀😀'));
    fc.assert(
      fc.property(text, text, (a, b) => {
        expect(trigramCodes(a).size).toBe(trigrams(a).size);
        expect(codeSimilarity(trigramCodes(a), trigramCodes(b))).toBe(gramSimilarity(trigrams(a), trigrams(b)));
      }),
      { numRuns: 2000 },
    );
  });
});

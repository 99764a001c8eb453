// The kind matcher reads the usual titles without a regex and without lowering the whole title: it must
// find the very kind the plain reading finds (words() of the title, the earliest word, kinds in order).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kindMatcher, type RefName } from '../../electron/core/import/values';
import { foldLookalikes } from '../../shared/ru/lookalikes';
import { foldYo } from '../../shared/ru/normalize';

const KINDS = ['форум', 'фестиваль', 'круглый стол', 'мастер-класс', 'встреча', 'выставка-ярмарка', 'IT-конференция', 'сессия', 'семинар', 'конкурс'];

/** The plain reading: every word of the folded, lowered title, then each kind's stems from each word on. */
function reference(kinds: readonly string[], text: string): string | null {
  const stemsOf = (name: string) => (foldYo(foldLookalikes(name)).toLowerCase().match(/[\p{L}\d]+/gu) ?? [])
    .map((w) => (w.length > 5 ? w.slice(0, -2) : w.length > 3 ? w.slice(0, -1) : w));
  const words = foldYo(foldLookalikes(text)).toLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  for (let at = 0; at < words.length; at++) {
    for (const name of kinds) {
      const stems = stemsOf(name);
      if (stems.length > 0 && stems.every((stem, k) => words[at + k]?.startsWith(stem))) return name;
    }
  }
  return null;
}

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...KINDS, 'Форум', 'ФЕСТИВАЛЬ', 'Круглого', 'стола', 'Фоpум', 'Встречи', 'ёлка', 'Ёлка', 'it', 'Конференция') },
  { weight: 3, arbitrary: fc.constantFrom(' ', '  ', ', ', '«', '»', '-', '–', '—', '№', '\u00a0', '…', '„', '“', '.', '1', '2024') },
  { weight: 2, arbitrary: fc.constantFrom('İ', 'Σ', 'ΟΔΟΣ', 'ǅ', '\u0301', '\u0483', 'Ⅻ', 'K', 'ß', 'Ǆ', '\u00ad', 'ї', 'Ў', 'ў', 'ä', '😀') },
  { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
);

describe('kind matcher', () => {
  it('finds the kind the plain reading of the title finds, whatever its letters', () => {
    const kinds: RefName[] = KINDS.map((name) => ({ name, locative: null }));
    const kindOf = kindMatcher(kinds);
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), (pieces) => {
        const title = pieces.join('');
        expect(kindOf(title)).toBe(reference(KINDS, title));
      }),
      { numRuns: 3000 },
    );
  });
});

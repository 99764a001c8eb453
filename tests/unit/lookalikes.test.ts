// Latin look-alike letters inside Cyrillic words: folded to Cyrillic, and only there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldLookalikes } from '../../shared/ru/lookalikes';
import { nameKey } from '../../shared/ru/normalize';

describe('foldLookalikes', () => {
  it('makes a mostly Cyrillic word Cyrillic', () => {
    expect(foldLookalikes('Фоpум')).toBe('Форум');
    expect(foldLookalikes('г. Гомeль')).toBe('г. Гомель');
    expect(foldLookalikes('5 мaрта')).toBe('5 марта');
    expect(foldLookalikes('KОНФЕРЕНЦИЯ')).toBe('КОНФЕРЕНЦИЯ');
    expect(foldLookalikes('Мiнск')).toBe('Мінск');
  });

  it('leaves Latin words, and mixed words it cannot tell, as they are', () => {
    expect(foldLookalikes('IT-форум в Kazan')).toBe('IT-форум в Kazan');
    expect(foldLookalikes('Expо')).toBe('Expо'); // a Latin word with one Cyrillic о
    expect(foldLookalikes('Kaзань')).toBe('Казань'); // two Latin letters, three Cyrillic
    expect(foldLookalikes('Gомель')).toBe('Gомель'); // G has no Cyrillic twin
    expect(foldLookalikes('II квартал')).toBe('II квартал');
  });

  it('lets nameKey find a reference typed with a Latin letter', () => {
    expect(nameKey('Гомeль')).toBe(nameKey('Гомель'));
    expect(nameKey('MИНСК')).toBe('минск');
    expect(nameKey('Kazan')).toBe('kazan');
  });

  const latinWord = fc.stringMatching(/^[A-Za-z]{1,12}$/);
  const cyrillicWord = fc.stringMatching(/^[А-Яа-яЁёІіЎў]{1,12}$/);
  const anyText = fc.array(fc.oneof(latinWord, cyrillicWord, fc.string({ maxLength: 6 }), fc.constantFrom(' ', '-', '.', ', ', 'Фоpум', 'мaрта')), { maxLength: 10 }).map((p) => p.join(''));

  it('is idempotent', () => {
    fc.assert(fc.property(anyText, (text) => foldLookalikes(foldLookalikes(text)) === foldLookalikes(text)), { numRuns: 500 });
  });

  it('never changes a purely Latin or a purely Cyrillic word', () => {
    fc.assert(fc.property(fc.array(fc.oneof(latinWord, cyrillicWord), { minLength: 1, maxLength: 6 }), (words) => {
      const text = words.join(' ');
      expect(foldLookalikes(text)).toBe(text);
    }), { numRuns: 500 });
  });

  it('keeps the length of the text (one letter for one)', () => {
    fc.assert(fc.property(anyText, (text) => {
      const folded = foldLookalikes(text);
      expect(folded.length).toBe(text.length);
    }), { numRuns: 300 });
  });
});

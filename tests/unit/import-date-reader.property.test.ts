// An analysis reads each date text once (dateTextReader): what it gives must be what parseDateText gives
// for that text and year, whichever years are asked and in whichever order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../shared/ru/date-text';
import { dateTextReader } from '../../electron/core/import/values';

const piece = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('12', '1', '31', '29', '02', '13', '.', '.03', '.2024', '.24', '2023', '2024', '1899', '0005', ' ') },
  { weight: 3, arbitrary: fc.constantFrom('марта', 'январь', 'декабря', 'мая', 'II квартал', 'I полугодие', 'в течение года', 'года', 'г.', 'год') },
  { weight: 3, arbitrary: fc.constantFrom('–', '-', ' по ', ' до ', 'с ', ', ', ' (ориентировочно)', ', 11:00', 'в ', 'ежемесячно', 'сакавіка') },
);
const text = fc.array(piece, { minLength: 1, maxLength: 7 }).map((parts) => parts.join(''));
const year = fc.constantFrom(null, 2023, 2024, 1999);

describe('date text reader', () => {
  it('reads every text as parseDateText reads it, with the year asked', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(text, year), { minLength: 1, maxLength: 30 }), (asks) => {
        const read = dateTextReader();
        for (const [t, y] of [...asks, ...asks.reverse()]) expect(read(t, y)).toEqual(parseDateText(t, y));
      }),
      { numRuns: 400 },
    );
  });

  it('tells a text without its year from one with it', () => {
    const read = dateTextReader();
    expect(read('12 марта', null).ok).toBe(false);
    expect(read('12 марта', 2024)).toEqual(parseDateText('12 марта', 2024));
    expect(read('12 марта', 2023)).toEqual(parseDateText('12 марта', 2023));
    expect(read('12 марта 2022', 2024)).toEqual(parseDateText('12 марта 2022', null));
  });
});

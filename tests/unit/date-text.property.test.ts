// The import's reading of Russian date text over generated input: it never throws, and reads back every
// date the register writes, in its table cells (exports) and in its reports' sentences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { daysInMonth, isIsoDate, isoDate, monthRange, quarterOf, quarterRange, yearRange } from '../../shared/dates';
import { parseDateText } from '../../shared/ru/date-text';
import { eventDatePhrase } from '../../shared/ru/date-phrases';
import { formatDateRange } from '../../shared/ru/dates';
import type { DatePrecision } from '../../shared/schema/common';

/** Pieces Russian date cells are made of, and the noise around them. */
const TOKENS = [
  'января', 'февраль', 'марте', 'апреля', 'май', 'июня', 'июль', 'августа', 'сентябрь', 'октябре', 'ноября', 'декабрь',
  'квартал', 'квартала', 'кварталах', 'кв.', 'полугодие', 'полугодии', 'год', 'года', 'годы', 'годов', 'г.', 'гг.',
  'в', 'во', 'с', 'по', 'до', 'в течение', 'в период', 'на протяжении', 'ежемесячно',
  'I', 'II', 'III', 'IV', 'V', 'й', '-го', 'T', 'Z', ':',
];
const CHARS = [...'0123456789.-–—−‑/,;: \u00a0\tабвгдеёжзийклмнопрстуфхцчшщъыьэюяАБВЁЯ«»()ivxIVX'];

const dateText = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: fc.constantFrom(...TOKENS) },
      { weight: 3, arbitrary: fc.integer({ min: 0, max: 3000 }).map(String) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0')) },
      { weight: 3, arbitrary: fc.constantFrom(...CHARS) },
      { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.join(''));

/** Texts close to dates: numbers at and past the calendar's edges, in the shapes the rules read, joined as ranges. */
const num = (min: number, max: number) => fc.integer({ min, max }).map(String);
const yearWord = fc.oneof(num(1895, 1905), num(2019, 2023), num(2995, 3001), num(0, 99).map((n) => String(n).padStart(2, '0')));
const monthWord = fc.constantFrom('января', 'февраля', 'март', 'апреле', 'мая', 'июнь', 'июля', 'август', 'сентября', 'октябрь', 'ноябре', 'декабря');
const maybeYear = fc.option(yearWord, { nil: undefined });
const SHAPES = [
  fc.tuple(num(0, 32), num(0, 13), maybeYear).map(([d, m, y]) => `${d.padStart(2, '0')}.${m.padStart(2, '0')}${y ? `.${y}` : ''}`),
  fc.tuple(num(0, 32), monthWord, maybeYear).map(([d, m, y]) => `${d} ${m}${y ? ` ${y}` : ''}`),
  fc.tuple(fc.constantFrom('I', 'II', 'III', 'IV', 'V', '1', '4', '5'), fc.constantFrom('квартал', 'квартала', 'кв.'), maybeYear).map(([q, w, y]) => `${q} ${w}${y ? ` ${y}` : ''}`),
  fc.tuple(fc.constantFrom('I', 'II', '1', '2', 'первое', 'втором'), fc.constantFrom('полугодие', 'полугодии'), maybeYear).map(([h, w, y]) => `${h} ${w}${y ? ` ${y}` : ''}`),
  fc.tuple(monthWord, maybeYear).map(([m, y]) => `${m}${y ? ` ${y}` : ''}`),
  fc.tuple(num(0, 13), yearWord).map(([m, y]) => `${m.padStart(2, '0')}.${y}`),
  fc.tuple(yearWord, num(0, 13), num(0, 32)).map(([y, m, d]) => `${y.padStart(4, '0')}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`),
  yearWord,
];
const nearDate = fc
  .tuple(
    fc.constantFrom('', '', 'с ', 'в ', 'во ', 'в период с ', 'в течение ', 'С '),
    fc.integer({ min: 0, max: SHAPES.length - 1 }).chain((shape) =>
      fc.tuple(SHAPES[shape] as fc.Arbitrary<string>, fc.option(fc.tuple(fc.constantFrom('-', ' – ', '—', ' по ', ' до ', '‑'), fc.oneof({ weight: 4, arbitrary: SHAPES[shape] as fc.Arbitrary<string> }, { weight: 1, arbitrary: fc.oneof(...SHAPES) })), { nil: undefined })),
    ),
    fc.constantFrom('', '', '', ' г.', ' года', ' годы', ' годов', '.', ' гг.'),
  )
  .map(([before, [first, rest], after]) => `${before}${first}${rest ? rest.join('') : ''}${after}`);

const anyText = fc.oneof(dateText, nearDate);

const contextYear = fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null });

describe('parseDateText over arbitrary text', () => {
  it('never throws: it gives dates the register can keep, or a Russian message quoting the text', () => {
    fc.assert(
      fc.property(anyText, contextYear, (text, year) => {
        const result = parseDateText(text, year);
        if (result.ok) {
          const { startDate, endDate, datePrecision } = result.value;
          expect(isIsoDate(startDate), startDate).toBe(true);
          expect(isIsoDate(endDate), endDate).toBe(true);
          expect(startDate <= endDate).toBe(true);
          expect(['day', 'month', 'quarter', 'year']).toContain(datePrecision);
        } else {
          expect(result.message).toMatch(/^[а-яё][^«]* «/);
          expect(result.message).toContain(`«${text.trim()}»`);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('a text naming its years reads the same whatever year the sheet is of', () => {
    fc.assert(
      fc.property(anyText, contextYear, (text, year) => {
        const without = parseDateText(text, null);
        if (without.ok) expect(parseDateText(text, year)).toEqual(without);
      }),
      { numRuns: 1000 },
    );
  });
});

const YEAR = fc.integer({ min: 1900, max: 2999 });

/** A day of the register's calendar. */
const day = fc
  .record({ year: YEAR, month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 31 }) })
  .map(({ year, month, day: d }) => isoDate(year, month, Math.min(d, daysInMonth(year, month))));

/** Dates as an event may hold them: a start and an end on the bounds of the precision's periods. */
const eventDates = fc
  .tuple(day, day, fc.constantFrom<DatePrecision>('day', 'month', 'quarter', 'year'), fc.boolean())
  .map(([x, y, precision, within]) => {
    const [a, b] = x <= y ? [x, y] : [y, x];
    // Often the end in the start's year or month: the shortest phrasings are of those.
    const end = within ? `${a.slice(0, precision === 'day' ? 7 : 4)}${b.slice(precision === 'day' ? 7 : 4)}` : b;
    const last = end < a ? a : end;
    const [ya, ma] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
    const [yb, mb] = [Number(last.slice(0, 4)), Number(last.slice(5, 7))];
    switch (precision) {
      case 'day': return { startDate: a, endDate: isIsoDate(last) ? last : a, precision };
      case 'month': return { startDate: monthRange(ya, ma).start, endDate: monthRange(yb, mb).end, precision };
      case 'quarter': return { startDate: quarterRange(ya, quarterOf(ma)).start, endDate: quarterRange(yb, quarterOf(mb)).end, precision };
      case 'year': return { startDate: yearRange(ya).start, endDate: yearRange(yb).end, precision };
    }
  });

describe('what the register writes, read back', () => {
  it.each([
    ['a table cell of the exports (formatDateRange)', formatDateRange],
    ['the opening of a report paragraph (eventDatePhrase)', eventDatePhrase],
  ])('%s gives the same dates and precision', (_, phrase) => {
    fc.assert(
      fc.property(eventDates, contextYear, ({ startDate, endDate, precision }, year) => {
        const text = phrase(startDate, endDate, precision);
        const expected = { ok: true, value: { startDate, endDate, datePrecision: precision } };
        expect(parseDateText(text, year), text).toEqual(expected);
        // As a clerk may retype it: capitals, spaces doubled, a «г.» after the last year.
        expect(parseDateText(`  ${text.toUpperCase().replace(/ /g, '  ')} `, year), text).toEqual(expected);
        expect(parseDateText(text.replace(/(\d{4})(?!.*\d{4})(?: год[а-я]*)?/, '$1 г.'), year), text).toEqual(expected);
      }),
      { numRuns: 1500 },
    );
  });

  it('reads the forms the tables and reports write that the earlier parser missed', () => {
    const read = (text: string) => parseDateText(text, null);
    expect(read('2021–2022 годы')).toEqual({ ok: true, value: { startDate: '2021-01-01', endDate: '2022-12-31', datePrecision: 'year' } });
    expect(read('В течение 2021–2022 годов')).toEqual({ ok: true, value: { startDate: '2021-01-01', endDate: '2022-12-31', datePrecision: 'year' } });
    expect(read('IV квартал 2021 – I квартал 2022')).toEqual({ ok: true, value: { startDate: '2021-10-01', endDate: '2022-03-31', datePrecision: 'quarter' } });
    expect(read('В период с IV квартала 2021 года по I квартал 2022 года')).toMatchObject({ ok: true, value: { startDate: '2021-10-01', endDate: '2022-03-31' } });
    expect(read('Во II квартале 2022 года')).toMatchObject({ ok: true, value: { startDate: '2022-04-01', endDate: '2022-06-30' } });
    expect(read('В I–II кварталах 2022 года')).toMatchObject({ ok: true, value: { startDate: '2022-01-01', endDate: '2022-06-30' } });
    expect(read('В период с 27 июня по 1 июля 2021 года')).toMatchObject({ ok: true, value: { startDate: '2021-06-27', endDate: '2021-07-01' } });
    expect(read('2022–2021 годы')).toEqual({ ok: false, message: 'конец периода раньше его начала: «2022–2021 годы»' });
  });
});

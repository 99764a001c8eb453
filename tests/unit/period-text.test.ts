import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePeriod, periodCode, type Period } from '../../shared/period';
import { parsePeriodText } from '../../shared/ru/period-text';
import { periodTitle } from '../../shared/ru/periods';

const code = (text: string) => {
  const period = parsePeriodText(text);
  return period && periodCode(period);
};

describe('periods typed as a clerk says them', () => {
  it('reads years, halves, quarters, months and ranges in words or figures', () => {
    expect(code('2021')).toBe('2021');
    expect(code('2021 год')).toBe('2021');
    expect(code('в течение 2021 года')).toBe('2021');
    expect(code('II полугодие 2021')).toBe('2021-H2');
    expect(code('2 полугодие 2021 г.')).toBe('2021-H2');
    expect(code('первое полугодие 2022 года')).toBe('2022-H1');
    expect(code('3 кв 2021')).toBe('2021-Q3');
    expect(code('III квартал 2021 года')).toBe('2021-Q3');
    expect(code('I–II квартал 2021')).toBe('2021-H1');
    expect(code('сентябрь 2021')).toBe('2021-09');
    expect(code('Сентябрь 2021 года')).toBe('2021-09');
    expect(code('01.07.2021–15.09.2021')).toBe('2021-07-01..2021-09-15');
    expect(code('01.07.2021 - 15.09.2021')).toBe('2021-07-01..2021-09-15');
    expect(code('17.09.2021')).toBe('2021-09-17..2021-09-17');
    expect(code('сентябрь–октябрь 2021')).toBe('2021-09-01..2021-10-31');
    expect(code('январь–декабрь 2021')).toBe('2021');
    expect(code('2021-Q3')).toBe('2021-Q3');
    expect(code('2021-07-01..2021-09-30')).toBe('2021-07-01..2021-09-30');
  });

  it('refuses what names no period, and a year it was not given', () => {
    for (const text of ['', 'по мере необходимости', 'сентябрь', '31.02.2021', '15.09.2021–01.07.2021', 'II квартал']) {
      expect(parsePeriodText(text)).toBeNull();
    }
    expect(code('сентябрь') ?? '').toBe('');
    const withYear = parsePeriodText('сентябрь', 2022);
    expect(withYear && periodCode(withYear)).toBe('2022-09');
  });

  const periodArb: fc.Arbitrary<Period> = fc.oneof(
    fc.integer({ min: 1990, max: 2100 }).map(String),
    fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 2 })).map(([y, h]) => `${y}-H${h}`),
    fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 4 })).map(([y, q]) => `${y}-Q${q}`),
    fc.tuple(fc.integer({ min: 1990, max: 2100 }), fc.integer({ min: 1, max: 12 })).map(([y, m]) => `${y}-${String(m).padStart(2, '0')}`),
  ).map((c) => parsePeriod(c) as Period);

  it('reads back every period by the name the app gives it', () => {
    fc.assert(
      fc.property(periodArb, (period) => {
        expect(code(periodTitle(period))).toBe(periodCode(period));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws, whatever is typed', () => {
    fc.assert(fc.property(fc.string({ maxLength: 40 }), (text) => void parsePeriodText(text)), { numRuns: 1000 });
  });
});

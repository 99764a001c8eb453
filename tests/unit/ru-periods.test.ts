import { describe, expect, it } from 'vitest';
import type { Period } from '../../shared/period';
import { parsePeriod } from '../../shared/period';
import { forPeriod, periodTitle } from '../../shared/ru/periods';

function titleOf(code: string): string {
  const period = parsePeriod(code);
  if (!period) throw new Error(`test setup: ${code} is not a period`);
  return periodTitle(period);
}

describe('periodTitle', () => {
  it('names a year', () => {
    expect(titleOf('2021')).toBe('2021 год');
  });

  it('names both half-years', () => {
    expect(titleOf('2021-H1')).toBe('I полугодие 2021 года');
    expect(titleOf('2021-H2')).toBe('II полугодие 2021 года');
  });

  it('names each quarter', () => {
    expect(titleOf('2021-Q1')).toBe('I квартал 2021 года');
    expect(titleOf('2021-Q2')).toBe('II квартал 2021 года');
    expect(titleOf('2021-Q3')).toBe('III квартал 2021 года');
    expect(titleOf('2021-Q4')).toBe('IV квартал 2021 года');
  });

  it('names a month with a capital letter', () => {
    expect(titleOf('2021-09')).toBe('Сентябрь 2021 года');
    expect(titleOf('2021-01')).toBe('Январь 2021 года');
    expect(titleOf('2021-05')).toBe('Май 2021 года');
    expect(titleOf('2021-12')).toBe('Декабрь 2021 года');
  });

  it('names a range by its two dates joined with an en dash', () => {
    expect(titleOf('2021-07-01..2021-09-30')).toBe('01.07.2021\u201330.09.2021');
    expect(titleOf('2021-12-28..2022-01-10')).toBe('28.12.2021–10.01.2022');
  });

  it('works on a hand-made period object as well', () => {
    const period: Period = { kind: 'quarter', year: 2020, index: 2, start: '2020-04-01', end: '2020-06-30' };
    expect(periodTitle(period)).toBe('II квартал 2020 года');
  });
});

describe('forPeriod', () => {
  it('says what a report covers: a named period in the accusative, a range in words as the report\'s text says it', () => {
    expect(forPeriod(parsePeriod('2021-H2') as Period)).toBe('за II полугодие 2021 года');
    expect(forPeriod(parsePeriod('2021-09') as Period)).toBe('за сентябрь 2021 года');
    expect(forPeriod(parsePeriod('2021') as Period)).toBe('за 2021 год');
    expect(forPeriod(parsePeriod('2021-07-01..2021-09-15') as Period)).toBe('за период с 1 июля по 15 сентября 2021 года');
    expect(forPeriod(parsePeriod('2021-09-17..2021-09-17') as Period)).toBe('за 17 сентября 2021 года');
    expect(forPeriod(parsePeriod('2021-12-20..2022-01-10') as Period)).toBe('за период с 20 декабря 2021 года по 10 января 2022 года');
  });
});

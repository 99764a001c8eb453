import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../../shared/dates';
import { parsePeriod, PERIOD_HINT } from '../../shared/period';

describe('parsePeriod: years', () => {
  it('parses a year', () => {
    expect(parsePeriod('2021')).toEqual({ kind: 'year', year: 2021, start: '2021-01-01', end: '2021-12-31' });
  });

  it('trims surrounding spaces', () => {
    expect(parsePeriod('  2022\t')).toEqual({ kind: 'year', year: 2022, start: '2022-01-01', end: '2022-12-31' });
  });
});

describe('parsePeriod: half-years', () => {
  it('parses the first half', () => {
    expect(parsePeriod('2021-H1')).toEqual({ kind: 'half', year: 2021, index: 1, start: '2021-01-01', end: '2021-06-30' });
  });

  it('parses the second half, in lower case too', () => {
    const expected = { kind: 'half', year: 2021, index: 2, start: '2021-07-01', end: '2021-12-31' };
    expect(parsePeriod('2021-H2')).toEqual(expected);
    expect(parsePeriod('2021-h2')).toEqual(expected);
  });

  it.each(['2021-H3', '2021-H0', '2021-H', '2021H1', '2021-HH1', '2021-H12'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod: quarters', () => {
  it.each([
    ['2021-Q1', 1, '2021-01-01', '2021-03-31'],
    ['2021-Q2', 2, '2021-04-01', '2021-06-30'],
    ['2021-Q3', 3, '2021-07-01', '2021-09-30'],
    ['2021-Q4', 4, '2021-10-01', '2021-12-31'],
    ['2021-q3', 3, '2021-07-01', '2021-09-30'],
  ])('parses %s', (text, index, start, end) => {
    expect(parsePeriod(text)).toEqual({ kind: 'quarter', year: 2021, index, start, end });
  });

  it.each(['2021-Q5', '2021-Q0', '2021-Q', '2021Q1', '2021-Q01'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod: months', () => {
  it('parses a month', () => {
    expect(parsePeriod('2021-09')).toEqual({ kind: 'month', year: 2021, index: 9, start: '2021-09-01', end: '2021-09-30' });
  });

  it('parses January, December and a leap February', () => {
    expect(parsePeriod('2021-01')).toEqual({ kind: 'month', year: 2021, index: 1, start: '2021-01-01', end: '2021-01-31' });
    expect(parsePeriod('2021-12')).toEqual({ kind: 'month', year: 2021, index: 12, start: '2021-12-01', end: '2021-12-31' });
    expect(parsePeriod('2024-02')).toEqual({ kind: 'month', year: 2024, index: 2, start: '2024-02-01', end: '2024-02-29' });
  });

  it.each(['2021-13', '2021-00', '2021-9', '2021-009', '2021/09', '09-2021'])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod: ranges', () => {
  it('parses a range of dates', () => {
    expect(parsePeriod('2021-07-01..2021-09-30')).toEqual({
      kind: 'range',
      year: 2021,
      start: '2021-07-01',
      end: '2021-09-30',
    });
  });

  it('takes the year of the start for a range across years', () => {
    expect(parsePeriod('2021-12-20..2022-01-10')).toEqual({
      kind: 'range',
      year: 2021,
      start: '2021-12-20',
      end: '2022-01-10',
    });
  });

  it('accepts a one-day range', () => {
    expect(parsePeriod('2021-09-08..2021-09-08')).toEqual({
      kind: 'range',
      year: 2021,
      start: '2021-09-08',
      end: '2021-09-08',
    });
  });

  it('rejects a range whose end is before its start', () => {
    expect(parsePeriod('2021-09-30..2021-07-01')).toBeNull();
    expect(parsePeriod('2022-01-01..2021-12-31')).toBeNull();
  });

  it('rejects a range with an invalid date', () => {
    expect(parsePeriod('2021-07-01..2021-02-30')).toBeNull();
    expect(parsePeriod('2021-02-29..2021-03-10')).toBeNull();
    expect(parsePeriod('2021-13-01..2021-13-02')).toBeNull();
  });

  it.each([
    '2021-07-01..',
    '..2021-09-30',
    '2021-07-01...2021-09-30',
    '2021-07-01 .. 2021-09-30',
    '2021-07-01-2021-09-30',
    '2021-07-01—2021-09-30',
    '2021-7-1..2021-9-30',
  ])('rejects the malformed range %j', (text) => {
    expect(parsePeriod(text)).toBeNull();
  });
});

describe('parsePeriod: garbage', () => {
  it.each(['', '   ', 'abc', '21', '20211', '2021-', '2021-W10', 'сентябрь 2021', '2021-09-08', 'null'])(
    'rejects %j',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );
});

describe('parsePeriod: supported years', () => {
  // parseIsoDate (and so dayNumber, formatDate…) accepts only the years 1900..2999; a period must
  // not produce bounds those functions then refuse.
  it.each(['1899', '3000-Q1', '0001-09'])(
    'rejects %j, a year outside 1900..2999',
    (text) => {
      expect(parsePeriod(text)).toBeNull();
    },
  );

  it.each(['1900', '2999', '1900-H2', '2999-Q4', '1900-02'])('gives bounds that are valid ISO dates for %j', (text) => {
    const period = parsePeriod(text);
    expect(period).not.toBeNull();
    expect(isIsoDate(period?.start ?? '')).toBe(true);
    expect(isIsoDate(period?.end ?? '')).toBe(true);
  });
});

describe('PERIOD_HINT', () => {
  it('lists examples that all parse', () => {
    const examples = PERIOD_HINT.replace(' или ', ', ').split(', ');
    expect(examples).toEqual(['2021', '2021-H2', '2021-Q3', '2021-09', '2021-07-01..2021-09-30']);
    for (const example of examples) expect(parsePeriod(example)).not.toBeNull();
  });
});

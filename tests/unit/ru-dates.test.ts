import { describe, expect, it } from 'vitest';
import { formatDate, formatDateRange, MONTHS_GENITIVE, MONTHS_NOMINATIVE, romanNumeral } from '../../shared/ru/dates';

const EN_DASH = '\u2013';

describe('formatDate', () => {
  it('writes DD.MM.YYYY with leading zeros', () => {
    expect(formatDate('2021-09-08')).toBe('08.09.2021');
    expect(formatDate('2021-12-31')).toBe('31.12.2021');
    expect(formatDate('2000-01-01')).toBe('01.01.2000');
    expect(formatDate('2020-02-29')).toBe('29.02.2020');
  });

  it('throws on an invalid date', () => {
    expect(() => formatDate('2021-02-30')).toThrow(RangeError);
  });
});

describe('romanNumeral', () => {
  it('writes 1..4 in Roman numerals', () => {
    expect([1, 2, 3, 4].map(romanNumeral)).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('falls back to Arabic digits outside 1..4', () => {
    expect(romanNumeral(5)).toBe('5');
    expect(romanNumeral(0)).toBe('0');
  });
});

describe('month names', () => {
  it('has twelve nominative and twelve genitive names', () => {
    expect(MONTHS_NOMINATIVE).toHaveLength(12);
    expect(MONTHS_GENITIVE).toHaveLength(12);
    expect(MONTHS_NOMINATIVE[0]).toBe('январь');
    expect(MONTHS_NOMINATIVE[8]).toBe('сентябрь');
    expect(MONTHS_GENITIVE[8]).toBe('сентября');
    expect(MONTHS_GENITIVE[4]).toBe('мая');
  });
});

describe('formatDateRange: day precision', () => {
  it('writes one day as a date', () => {
    expect(formatDateRange('2021-09-08', '2021-09-08', 'day')).toBe('08.09.2021');
  });

  it('writes a range within one month with the day numbers only', () => {
    expect(formatDateRange('2021-08-27', '2021-08-28', 'day')).toBe('27–28.08.2021');
    expect(formatDateRange('2021-08-01', '2021-08-09', 'day')).toBe('01–09.08.2021');
  });

  it('writes a range across months within one year with day and month', () => {
    expect(formatDateRange('2021-06-27', '2021-07-01', 'day')).toBe('27.06–01.07.2021');
  });

  it('writes a range across years in full', () => {
    expect(formatDateRange('2021-12-28', '2022-01-10', 'day')).toBe('28.12.2021–10.01.2022');
  });

  it('joins with an en dash (U+2013) and no spaces', () => {
    const text = formatDateRange('2021-08-27', '2021-08-28', 'day');
    expect(text.charAt(2)).toBe(EN_DASH);
    expect(text).not.toContain('-');
    expect(text).not.toContain(' ');
  });

  it('writes the same day and month in different years in full', () => {
    expect(formatDateRange('2021-09-08', '2022-09-08', 'day')).toBe('08.09.2021–08.09.2022');
  });
});

describe('formatDateRange: month precision', () => {
  it('writes one month as its name and year', () => {
    expect(formatDateRange('2021-09-01', '2021-09-30', 'month')).toBe('сентябрь 2021');
  });

  it('writes months within one year as a span of names', () => {
    expect(formatDateRange('2021-09-01', '2021-10-31', 'month')).toBe('сентябрь–октябрь 2021');
    expect(formatDateRange('2021-01-01', '2021-12-31', 'month')).toBe('январь–декабрь 2021');
  });

  it('writes months across years with both years, around a spaced en dash', () => {
    expect(formatDateRange('2021-11-01', '2022-02-28', 'month')).toBe('ноябрь 2021 – февраль 2022');
  });

  it('does not take the same month of different years for one month', () => {
    expect(formatDateRange('2021-09-01', '2022-09-30', 'month')).toBe('сентябрь 2021 – сентябрь 2022');
  });
});

describe('formatDateRange: quarter precision', () => {
  it('writes one quarter', () => {
    expect(formatDateRange('2022-04-01', '2022-06-30', 'quarter')).toBe('II квартал 2022');
    expect(formatDateRange('2022-01-01', '2022-03-31', 'quarter')).toBe('I квартал 2022');
    expect(formatDateRange('2022-10-01', '2022-12-31', 'quarter')).toBe('IV квартал 2022');
  });

  it('writes quarters within one year in the plural', () => {
    expect(formatDateRange('2022-01-01', '2022-06-30', 'quarter')).toBe('I–II кварталы 2022');
    expect(formatDateRange('2022-07-01', '2022-12-31', 'quarter')).toBe('III–IV кварталы 2022');
  });

  it('writes quarters across years with both years', () => {
    expect(formatDateRange('2021-10-01', '2022-03-31', 'quarter')).toBe('IV квартал 2021 – I квартал 2022');
  });
});

describe('formatDateRange: year precision', () => {
  it('writes one year', () => {
    expect(formatDateRange('2022-01-01', '2022-12-31', 'year')).toBe('2022 год');
  });

  it('writes several years in the plural', () => {
    expect(formatDateRange('2021-01-01', '2022-12-31', 'year')).toBe('2021–2022 годы');
    expect(formatDateRange('2020-01-01', '2023-12-31', 'year')).toBe('2020–2023 годы');
  });
});

describe('formatDateRange: dashes', () => {
  it('never uses a hyphen or an em dash between the ends', () => {
    const samples = [
      formatDateRange('2021-08-27', '2021-08-28', 'day'),
      formatDateRange('2021-06-27', '2021-07-01', 'day'),
      formatDateRange('2021-12-28', '2022-01-10', 'day'),
      formatDateRange('2021-09-01', '2021-10-31', 'month'),
      formatDateRange('2021-11-01', '2022-02-28', 'month'),
      formatDateRange('2022-01-01', '2022-06-30', 'quarter'),
      formatDateRange('2021-01-01', '2022-12-31', 'year'),
    ];
    for (const text of samples) {
      expect(text).toContain(EN_DASH);
      expect(text).not.toMatch(/[-\u2014]/);
    }
  });
});

import { describe, expect, it } from 'vitest';
import {
  addDays,
  dayNumber,
  daysInMonth,
  fromDayNumber,
  halfYearRange,
  isIsoDate,
  isLeapYear,
  isoDate,
  monthRange,
  parseIsoDate,
  precisionRange,
  quarterOf,
  quarterRange,
  rangesOverlap,
  todayIso,
  yearRange,
  ymd,
} from '../../shared/dates';

describe('isLeapYear', () => {
  it('follows the Gregorian rules', () => {
    expect(isLeapYear(2020)).toBe(true);
    expect(isLeapYear(2024)).toBe(true);
    expect(isLeapYear(2021)).toBe(false);
    expect(isLeapYear(2023)).toBe(false);
    expect(isLeapYear(1900)).toBe(false);
    expect(isLeapYear(2100)).toBe(false);
    expect(isLeapYear(2000)).toBe(true);
    expect(isLeapYear(2400)).toBe(true);
  });
});

describe('daysInMonth', () => {
  it('gives the length of every month of a common year', () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2021, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it('gives 29 days to February of a leap year only', () => {
    expect(daysInMonth(2020, 2)).toBe(29);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2021, 2)).toBe(28);
    expect(daysInMonth(2020, 3)).toBe(31);
  });

  it('gives 0 for a month outside 1..12', () => {
    expect(daysInMonth(2021, 0)).toBe(0);
    expect(daysInMonth(2021, 13)).toBe(0);
  });
});

describe('parseIsoDate', () => {
  it('splits a valid date into numbers', () => {
    expect(parseIsoDate('2021-09-08')).toEqual({ year: 2021, month: 9, day: 8 });
    expect(parseIsoDate('2021-12-31')).toEqual({ year: 2021, month: 12, day: 31 });
    expect(parseIsoDate('2021-01-01')).toEqual({ year: 2021, month: 1, day: 1 });
  });

  it('accepts 29 February only in leap years', () => {
    expect(parseIsoDate('2020-02-29')).toEqual({ year: 2020, month: 2, day: 29 });
    expect(parseIsoDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
    expect(parseIsoDate('2021-02-29')).toBeNull();
    expect(parseIsoDate('1900-02-29')).toBeNull();
    expect(parseIsoDate('2100-02-29')).toBeNull();
  });

  it('rejects days and months that do not exist', () => {
    expect(parseIsoDate('2021-02-30')).toBeNull();
    expect(parseIsoDate('2021-04-31')).toBeNull();
    expect(parseIsoDate('2021-06-31')).toBeNull();
    expect(parseIsoDate('2021-09-31')).toBeNull();
    expect(parseIsoDate('2021-11-31')).toBeNull();
    expect(parseIsoDate('2021-01-32')).toBeNull();
    expect(parseIsoDate('2021-01-00')).toBeNull();
    expect(parseIsoDate('2021-00-10')).toBeNull();
    expect(parseIsoDate('2021-13-01')).toBeNull();
  });

  it('keeps to the years 1900..2999', () => {
    expect(parseIsoDate('1900-01-01')).toEqual({ year: 1900, month: 1, day: 1 });
    expect(parseIsoDate('2999-12-31')).toEqual({ year: 2999, month: 12, day: 31 });
    expect(parseIsoDate('1899-12-31')).toBeNull();
    expect(parseIsoDate('3000-01-01')).toBeNull();
    expect(parseIsoDate('0000-01-01')).toBeNull();
  });

  it.each([
    '',
    '2021',
    '2021-09',
    '2021-9-8',
    '2021-09-8',
    '21-09-08',
    '02021-09-08',
    '2021/09/08',
    '2021.09.08',
    '08.09.2021',
    '2021-09-08T00:00:00Z',
    '2021-09-08 ',
    ' 2021-09-08',
    '2021-09-08\n',
    'abcd-ef-gh',
    '2021-0a-08',
    '+2021-09-08',
    '2021-٠٩-08',
  ])('rejects the shape %j', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});

describe('isIsoDate and ymd', () => {
  it('isIsoDate agrees with parseIsoDate', () => {
    expect(isIsoDate('2020-02-29')).toBe(true);
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('nonsense')).toBe(false);
  });

  it('ymd returns the parts of a valid date', () => {
    expect(ymd('1999-03-04')).toEqual({ year: 1999, month: 3, day: 4 });
  });

  it('ymd throws a RangeError naming the bad text', () => {
    expect(() => ymd('2021-02-30')).toThrow(RangeError);
    expect(() => ymd('2021-02-30')).toThrow('not an ISO date: 2021-02-30');
  });
});

describe('isoDate', () => {
  it('pads month, day and year', () => {
    expect(isoDate(2021, 9, 8)).toBe('2021-09-08');
    expect(isoDate(2021, 12, 31)).toBe('2021-12-31');
    expect(isoDate(999, 1, 2)).toBe('0999-01-02');
  });
});

describe('monthRange', () => {
  it('spans the whole month', () => {
    expect(monthRange(2021, 9)).toEqual({ start: '2021-09-01', end: '2021-09-30' });
    expect(monthRange(2021, 1)).toEqual({ start: '2021-01-01', end: '2021-01-31' });
    expect(monthRange(2021, 12)).toEqual({ start: '2021-12-01', end: '2021-12-31' });
  });

  it('ends February on the 28th or the 29th', () => {
    expect(monthRange(2021, 2)).toEqual({ start: '2021-02-01', end: '2021-02-28' });
    expect(monthRange(2024, 2)).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(monthRange(1900, 2)).toEqual({ start: '1900-02-01', end: '1900-02-28' });
    expect(monthRange(2000, 2)).toEqual({ start: '2000-02-01', end: '2000-02-29' });
  });
});

describe('quarterOf', () => {
  it('maps every month to its quarter', () => {
    const quarters = Array.from({ length: 12 }, (_, i) => quarterOf(i + 1));
    expect(quarters).toEqual([1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4]);
  });
});

describe('quarterRange', () => {
  it('spans each of the four quarters', () => {
    expect(quarterRange(2022, 1)).toEqual({ start: '2022-01-01', end: '2022-03-31' });
    expect(quarterRange(2022, 2)).toEqual({ start: '2022-04-01', end: '2022-06-30' });
    expect(quarterRange(2022, 3)).toEqual({ start: '2022-07-01', end: '2022-09-30' });
    expect(quarterRange(2022, 4)).toEqual({ start: '2022-10-01', end: '2022-12-31' });
  });
});

describe('halfYearRange', () => {
  it('spans the first and the second half', () => {
    expect(halfYearRange(2021, 1)).toEqual({ start: '2021-01-01', end: '2021-06-30' });
    expect(halfYearRange(2021, 2)).toEqual({ start: '2021-07-01', end: '2021-12-31' });
  });
});

describe('yearRange', () => {
  it('spans the whole year', () => {
    expect(yearRange(2021)).toEqual({ start: '2021-01-01', end: '2021-12-31' });
    expect(yearRange(2020)).toEqual({ start: '2020-01-01', end: '2020-12-31' });
  });
});

describe('precisionRange', () => {
  it('is the day itself for day precision', () => {
    expect(precisionRange('2021-09-08', 'day')).toEqual({ start: '2021-09-08', end: '2021-09-08' });
  });

  it('is the month the date lies in for month precision', () => {
    expect(precisionRange('2021-09-15', 'month')).toEqual({ start: '2021-09-01', end: '2021-09-30' });
    expect(precisionRange('2024-02-10', 'month')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(precisionRange('2023-02-01', 'month')).toEqual({ start: '2023-02-01', end: '2023-02-28' });
  });

  it('is the quarter the date lies in for quarter precision', () => {
    expect(precisionRange('2021-01-01', 'quarter')).toEqual({ start: '2021-01-01', end: '2021-03-31' });
    expect(precisionRange('2021-05-20', 'quarter')).toEqual({ start: '2021-04-01', end: '2021-06-30' });
    expect(precisionRange('2021-08-15', 'quarter')).toEqual({ start: '2021-07-01', end: '2021-09-30' });
    expect(precisionRange('2021-12-31', 'quarter')).toEqual({ start: '2021-10-01', end: '2021-12-31' });
  });

  it('is the year the date lies in for year precision', () => {
    expect(precisionRange('2021-06-15', 'year')).toEqual({ start: '2021-01-01', end: '2021-12-31' });
  });

  it('throws on an invalid date', () => {
    expect(() => precisionRange('2021-02-30', 'month')).toThrow(RangeError);
  });
});

describe('dayNumber and fromDayNumber', () => {
  it('counts days from 1970-01-01', () => {
    expect(dayNumber('1970-01-01')).toBe(0);
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(dayNumber('1969-12-31')).toBe(-1);
    expect(dayNumber('1971-01-01')).toBe(365);
    expect(dayNumber('2000-01-01')).toBe(10_957);
    expect(dayNumber('2021-09-08')).toBe(18_878);
  });

  it('turns day numbers back into dates', () => {
    expect(fromDayNumber(0)).toBe('1970-01-01');
    expect(fromDayNumber(-1)).toBe('1969-12-31');
    expect(fromDayNumber(365)).toBe('1971-01-01');
    expect(fromDayNumber(10_957)).toBe('2000-01-01');
    expect(fromDayNumber(18_878)).toBe('2021-09-08');
  });

  it.each(['1900-01-01', '1900-03-01', '1969-12-31', '1970-01-01', '2000-02-29', '2020-02-29', '2021-12-31', '2999-12-31'])(
    'round-trips %s',
    (iso) => {
      expect(fromDayNumber(dayNumber(iso))).toBe(iso);
    },
  );

  it('round-trips every day of 2020 and 2021 in order', () => {
    let n = dayNumber('2020-01-01');
    for (let year = 2020; year <= 2021; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= daysInMonth(year, month); day++) {
          const iso = isoDate(year, month, day);
          expect(dayNumber(iso)).toBe(n);
          expect(fromDayNumber(n)).toBe(iso);
          n++;
        }
      }
    }
    expect(n - dayNumber('2020-01-01')).toBe(366 + 365);
  });

  it('dayNumber throws on an invalid date', () => {
    expect(() => dayNumber('2021-02-29')).toThrow(RangeError);
  });
});

describe('addDays', () => {
  it('adds zero, positive and negative numbers of days', () => {
    expect(addDays('2021-09-08', 0)).toBe('2021-09-08');
    expect(addDays('2021-09-08', 1)).toBe('2021-09-09');
    expect(addDays('2021-09-08', -8)).toBe('2021-08-31');
  });

  it('crosses month ends', () => {
    expect(addDays('2021-01-31', 1)).toBe('2021-02-01');
    expect(addDays('2021-04-30', 1)).toBe('2021-05-01');
    expect(addDays('2021-03-01', -1)).toBe('2021-02-28');
    expect(addDays('2020-03-01', -1)).toBe('2020-02-29');
    expect(addDays('2020-02-28', 1)).toBe('2020-02-29');
    expect(addDays('2021-02-28', 1)).toBe('2021-03-01');
    expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29');
  });

  it('crosses year ends', () => {
    expect(addDays('2021-12-31', 1)).toBe('2022-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('2021-12-25', 10)).toBe('2022-01-04');
    expect(addDays('2020-01-01', 366)).toBe('2021-01-01');
    expect(addDays('2021-01-01', 365)).toBe('2022-01-01');
  });
});

describe('rangesOverlap', () => {
  const q3 = { start: '2021-07-01', end: '2021-09-30' };

  it('sees overlapping and nested ranges', () => {
    expect(rangesOverlap(q3, { start: '2021-09-15', end: '2021-10-15' })).toBe(true);
    expect(rangesOverlap(q3, { start: '2021-06-15', end: '2021-07-15' })).toBe(true);
    expect(rangesOverlap(q3, { start: '2021-08-01', end: '2021-08-01' })).toBe(true);
    expect(rangesOverlap(q3, { start: '2021-01-01', end: '2021-12-31' })).toBe(true);
  });

  it('counts touching ends as overlap (ranges are inclusive)', () => {
    expect(rangesOverlap(q3, { start: '2021-09-30', end: '2021-10-31' })).toBe(true);
    expect(rangesOverlap(q3, { start: '2021-06-01', end: '2021-07-01' })).toBe(true);
  });

  it('sees disjoint ranges', () => {
    expect(rangesOverlap(q3, { start: '2021-10-01', end: '2021-10-31' })).toBe(false);
    expect(rangesOverlap(q3, { start: '2021-06-01', end: '2021-06-30' })).toBe(false);
    expect(rangesOverlap(q3, { start: '2020-07-01', end: '2020-09-30' })).toBe(false);
  });

  it('is symmetric', () => {
    const pairs = [
      [q3, { start: '2021-09-30', end: '2021-10-31' }],
      [q3, { start: '2021-10-01', end: '2021-10-31' }],
      [{ start: '2021-01-01', end: '2021-01-01' }, { start: '2021-01-01', end: '2021-01-01' }],
    ] as const;
    for (const [a, b] of pairs) expect(rangesOverlap(a, b)).toBe(rangesOverlap(b, a));
  });
});

describe('todayIso', () => {
  it('gives a valid ISO date', () => {
    const today = todayIso();
    expect(today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(isIsoDate(today)).toBe(true);
  });
});

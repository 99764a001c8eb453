// Dates as clerks write them: remarks in brackets or after a comma and times of day beside the date are
// kept as its remark and do not stop it; texts with no date at all stay errors.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../shared/ru/date-text';

const CASES: [string, string, string, string, string][] = [
  ['12.05.2024 (ориентировочно)', '2024-05-12', '2024-05-12', 'day', 'ориентировочно'],
  ['17.10.2024, 11:00', '2024-10-17', '2024-10-17', 'day', '11:00'],
  ['17.10.2024 в 11.00', '2024-10-17', '2024-10-17', 'day', 'в 11.00'],
  ['17.10.2024 с 10:00 до 12:00', '2024-10-17', '2024-10-17', 'day', 'с 10:00 до 12:00'],
  ['12 мая 2024 г. в 10 ч.', '2024-05-12', '2024-05-12', 'day', 'в 10 ч.'],
  ['март (по согласованию сторон)', '2024-03-01', '2024-03-31', 'month', 'по согласованию сторон'],
  ['II квартал (по согласованию)', '2024-04-01', '2024-06-30', 'quarter', 'по согласованию'],
  ['17.10.2024, зал заседаний облисполкома', '2024-10-17', '2024-10-17', 'day', 'зал заседаний облисполкома'],
  ['12.05.2024 [уточняется]', '2024-05-12', '2024-05-12', 'day', 'уточняется'],
  ['27-28.08.2024, 10.00 (регистрация участников)', '2024-08-27', '2024-08-28', 'day', '10.00; регистрация участников'],
  ['у траўні (па ўзгадненні)', '2024-05-01', '2024-05-31', 'month', 'па ўзгадненні'],
  ['(предварительно) 5 июня', '2024-06-05', '2024-06-05', 'day', 'предварительно'],
];

describe('dates with remarks and times', () => {
  it.each(CASES)('«%s» is %s – %s (%s), remark «%s»', (text, start, end, precision, remark) => {
    expect(parseDateText(text, 2024)).toEqual({ ok: true, value: { startDate: start, endDate: end, datePrecision: precision, remark } });
  });

  it('reads a month and its year split by a comma as one date, with no remark', () => {
    expect(parseDateText('июнь, 2024', null)).toEqual({ ok: true, value: { startDate: '2024-06-01', endDate: '2024-06-30', datePrecision: 'month' } });
    expect(parseDateText('15 мая, 2024 г.', null)).toEqual({ ok: true, value: { startDate: '2024-05-15', endDate: '2024-05-15', datePrecision: 'day' } });
  });

  it('keeps texts with no date errors, brackets or not', () => {
    for (const text of ['по согласованию', 'по отдельному плану', 'по мере необходимости', '(по согласованию)', 'по согласованию, 11:00']) {
      const result = parseDateText(text, 2024);
      expect(result.ok, text).toBe(false);
    }
  });

  it('does not take a second date for a time or a remark', () => {
    // «10.05, 12.05» lists two days: neither is a time, and a date after the comma is no remark.
    expect(parseDateText('10.05, 12.05', 2024).ok).toBe(false);
    expect(parseDateText('май, июнь 2024', null).ok).toBe(false);
  });

  it('still needs a year for a date without one, and says so', () => {
    expect(parseDateText('март (по согласованию)', null)).toEqual({ ok: false, message: 'не указан год: «март (по согласованию)»' });
  });

  it('reads a date with Latin look-alike letters', () => {
    expect(parseDateText('5 мaрта', 2024)).toEqual({ ok: true, value: { startDate: '2024-03-05', endDate: '2024-03-05', datePrecision: 'day' } });
    expect(parseDateText('IV кваpтал 2024', null)).toEqual({ ok: true, value: { startDate: '2024-10-01', endDate: '2024-12-31', datePrecision: 'quarter' } });
  });

  const DATES = ['12.05.2024', '27-28.08.2024', '15 марта', 'сентябрь 2024', 'II квартал', 'у траўні', 'в течение года', 'I полугодие 2024', '17.10.2024, 11:00'];
  const remark = fc.string({ maxLength: 40 }).map((s) => s.replace(/[()[\]]/g, ''));

  it('reads a date followed by any bracketed remark as the same dates', () => {
    fc.assert(fc.property(fc.constantFrom(...DATES), remark, fc.constantFrom(' ', '', '  '), fc.constantFrom('()', '[]'), (date, note, space, [open, close]) => {
      const plain = parseDateText(date, 2024);
      const noted = parseDateText(`${date}${space}${open}${note}${close}`, 2024);
      expect(plain.ok && noted.ok).toBe(true);
      if (!plain.ok || !noted.ok) return;
      expect([noted.value.startDate, noted.value.endDate, noted.value.datePrecision]).toEqual([plain.value.startDate, plain.value.endDate, plain.value.datePrecision]);
    }), { numRuns: 400 });
  });

  it('never throws, whatever the text', () => {
    const piece = fc.oneof(fc.constantFrom(...DATES, '(', ')', '[', ']', ',', ' в ', ' с ', ':', '.', '11:00', '10.00', 'ч.', 'па', 'у', 'І', 'і', 'ў'), fc.string({ maxLength: 6 }));
    fc.assert(fc.property(fc.array(piece, { maxLength: 10 }).map((p) => p.join('')), fc.option(fc.integer({ min: 1900, max: 2100 }), { nil: null }), (text, year) => {
      const result = parseDateText(text, year);
      expect(typeof result.ok).toBe('boolean');
    }), { numRuns: 1000 });
  });
});

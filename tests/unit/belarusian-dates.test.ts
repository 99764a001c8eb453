// Belarusian date text: month names in every case, «на працягу года», quarters with the letter «І», half-years.
import { describe, expect, it } from 'vitest';
import { parseDateText } from '../../shared/ru/date-text';
import { belarusianDateText } from '../../shared/ru/belarusian';

function dates(text: string, year: number | null = 2024): [string, string, string] {
  const result = parseDateText(text, year);
  if (!result.ok) throw new Error(result.message);
  return [result.value.startDate, result.value.endDate, result.value.datePrecision];
}

const MONTHS: [string, string, string, number][] = [
  ['студзень', 'студзеня', 'студзені', 1],
  ['люты', 'лютага', 'лютым', 2],
  ['сакавік', 'сакавіка', 'сакавіку', 3],
  ['красавік', 'красавіка', 'красавіку', 4],
  ['травень', 'траўня', 'траўні', 5],
  ['чэрвень', 'чэрвеня', 'чэрвені', 6],
  ['ліпень', 'ліпеня', 'ліпені', 7],
  ['жнівень', 'жніўня', 'жніўні', 8],
  ['верасень', 'верасня', 'верасні', 9],
  ['кастрычнік', 'кастрычніка', 'кастрычніку', 10],
  ['лістапад', 'лістапада', 'лістападзе', 11],
  ['снежань', 'снежня', 'снежні', 12],
];

describe('Belarusian dates', () => {
  it.each(MONTHS)('reads %s, %s and «у %s» as month %i', (nominative, genitive, locative, month) => {
    const mm = String(month).padStart(2, '0');
    expect(dates(`${nominative} 2024`)[0]).toBe(`2024-${mm}-01`);
    expect(dates(`${nominative}`, 2025)).toEqual([`2025-${mm}-01`, expect.stringMatching(`^2025-${mm}-`), 'month']);
    expect(dates(`15 ${genitive} 2024 г.`)).toEqual([`2024-${mm}-15`, `2024-${mm}-15`, 'day']);
    expect(dates(`у ${locative} 2024 года`)[2]).toBe('month');
    expect(dates(`у ${locative}`)[0]).toBe(`2024-${mm}-01`);
  });

  it('reads the whole year, ranges, quarters with «І» and half-years', () => {
    expect(dates('на працягу года')).toEqual(['2024-01-01', '2024-12-31', 'year']);
    expect(dates('На працягу 2023 года')).toEqual(['2023-01-01', '2023-12-31', 'year']);
    expect(dates('штомесячна')).toEqual(['2024-01-01', '2024-12-31', 'year']);
    expect(dates('у 2025 годзе')).toEqual(['2025-01-01', '2025-12-31', 'year']);
    expect(dates('І квартал')).toEqual(['2024-01-01', '2024-03-31', 'quarter']);
    expect(dates('ІІ кв.')).toEqual(['2024-04-01', '2024-06-30', 'quarter']);
    expect(dates('ІІІ квартал 2024 г.')).toEqual(['2024-07-01', '2024-09-30', 'quarter']);
    expect(dates('ІV квартал 2024 года')).toEqual(['2024-10-01', '2024-12-31', 'quarter']);
    expect(dates('у І–ІІ кварталах')).toEqual(['2024-01-01', '2024-06-30', 'quarter']);
    expect(dates('ІІ паўгоддзе 2024 года')).toEqual(['2024-07-01', '2024-12-31', 'month']);
    expect(dates('у першым паўгоддзі')).toEqual(['2024-01-01', '2024-06-30', 'month']);
    expect(dates('з 5 па 7 чэрвеня 2024 г.')).toEqual(['2024-06-05', '2024-06-07', 'day']);
    expect(dates('сакавік – красавік')).toEqual(['2024-03-01', '2024-04-30', 'month']);
    expect(dates('30 снежня 2024 – 2 студзеня 2025')).toEqual(['2024-12-30', '2025-01-02', 'day']);
  });

  it('keeps Belarusian texts with no date errors', () => {
    expect(parseDateText('па ўзгадненні', 2024).ok).toBe(false);
    expect(parseDateText('па асобным плане', 2024).ok).toBe(false);
  });

  it('leaves Russian text as it is', () => {
    expect(belarusianDateText('с 5 по 7 июня 2024')).toBe('с 5 по 7 июня 2024');
    expect(belarusianDateText('в течение года')).toBe('в течение года');
  });
});

// The year of a plan's dates without one: a title's «на 2024 год» beats a cited document's «от 20.12.2023 № 7».
import { describe, expect, it } from 'vitest';
import { titleYear, yearInTitle } from '../../shared/ru/title-year';

describe('titleYear', () => {
  it('prefers the plan phrase to the date of the document a line cites', () => {
    expect(titleYear(['Приложение к решению коллегии от 20.12.2023 № 7', 'ПЛАН совместных мероприятий на 2024 год'])).toBe(2024);
    expect(titleYear(['Утверждено приказом от 15 декабря 2023 г. № 12', 'План мероприятий 2024'])).toBe(2024);
    expect(titleYear(['УТВЕРЖДАЮ', 'Протокол заседания № 5 от 01.02.2024', 'Отчёт за I квартал 2023 года'])).toBe(2023);
    expect(titleYear(['Мероприятия, запланированные в 2025 году', 'Решение от 10.12.2024'])).toBe(2025);
    expect(titleYear(['Дадатак да рашэння ад 20.12.2023 № 7', 'ПЛАН мерапрыемстваў на 2024 год'])).toBe(2024);
  });

  it('takes a cited document’s year when nothing else names one', () => {
    expect(titleYear(['Утверждено приказом от 15 декабря 2023 г. № 12'])).toBe(2023);
    expect(titleYear(['Приложение 3', 'Мероприятия'])).toBeNull();
  });

  it('takes the first of equally sure years, and the sheet name after the title', () => {
    expect(titleYear(['План на 2022 год', 'на 2023 год'])).toBe(2022);
    expect(titleYear(['Приложение от 01.12.2023', '2024'])).toBe(2024);
  });

  it('reads one line as before', () => {
    expect(yearInTitle('ПЛАН совместных мероприятий на 2022 год')).toBe(2022);
    expect(yearInTitle('за II полугодие 2021 года')).toBe(2021);
    expect(yearInTitle('тел. 8-4812-20222')).toBeNull();
  });
});

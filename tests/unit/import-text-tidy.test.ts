// The import's last touches on text: Latin look-alikes folded and marked, date remarks kept, and the
// warning when a title's year is not the year of the table's dates.
import { describe, expect, it } from 'vitest';
import { foldedFields, kindMatcher, parsePlace, sheetTitleYear, tidyImportedText, titleYearWarning } from '../../electron/core/import/values';
import { detectLayout } from '../../electron/core/import/layout';
import type { Sheet } from '../../electron/core/import/sheet';

const CITIES = [{ name: 'Гомель', locative: 'Гомеле' }, { name: 'Смоленск', locative: 'Смоленске' }];

describe('Latin look-alikes on import', () => {
  it('finds a listed city typed with a Latin letter, and takes an unlisted one for a city in Cyrillic', () => {
    expect(parsePlace('г. Гомeль', CITIES)).toEqual({ city: 'Гомель', venue: null });
    expect(parsePlace('Мoзырь', CITIES)).toEqual({ city: 'Мозырь', venue: null });
  });

  it('finds a kind in a title typed with a Latin letter', () => {
    expect(kindMatcher([{ name: 'форум', locative: null }])('Фоpум молодёжи')).toBe('форум');
  });

  it('folds the text fields of an event and leaves Latin names alone', () => {
    const input = {
      title: 'Фоpум «IT-Kazan»', kind: 'фоpум', city: 'Гомeль', region: null, country: 'Pоссия', venue: 'Дворец спорта', organizer: 'Kомитет',
      description: null, spheres: ['культуpа'], partners: ['Гомeльский облисполком', 'UNESCO'],
    };
    tidyImportedText(input, []);
    expect(input).toEqual({
      title: 'Форум «IT-Kazan»', kind: 'форум', city: 'Гомель', region: null, country: 'Россия', venue: 'Дворец спорта', organizer: 'Комитет',
      description: null, spheres: ['культура'], partners: ['Гомельский облисполком', 'UNESCO'],
    });
  });

  it('names the fields whose cells it changed', () => {
    const columns = [
      { index: 0, letter: 'A', header: 'Название', field: 'title' as const },
      { index: 1, letter: 'B', header: 'Срок', field: 'startDate' as const },
      { index: 2, letter: 'C', header: 'Место', field: 'city' as const },
    ];
    expect(foldedFields(columns, { 0: 'Фоpум', 1: '5 мaрта', 2: 'Гомель' })).toEqual(['title', 'startDate']);
    expect(foldedFields(columns, { 0: 'IT-форум', 1: '5 марта', 2: 'Kazan' })).toBeUndefined();
  });
});

describe('remarks beside dates', () => {
  const event = (description: string | null) => ({ title: 'Семинар', description, spheres: [], partners: [] });

  it('keeps them in the description', () => {
    const bare = event(null);
    tidyImportedText(bare, ['ориентировочно']);
    expect(bare.description).toBe('Сроки: ориентировочно');
    const described = event('Для руководителей');
    tidyImportedText(described, ['11:00', 'по согласованию', '11:00']);
    expect(described.description).toBe('Для руководителей\nСроки: 11:00; по согласованию');
    const none = event('Для руководителей');
    tidyImportedText(none, []);
    expect(none.description).toBe('Для руководителей');
  });
});

describe('the title year', () => {
  const sheet = (title: string[], dates: (string | { date: string })[]): Sheet => ({
    name: 'План',
    rows: [...title.map((t) => [t]), ['Наименование мероприятия', 'Срок проведения', 'Место проведения'], ...dates.map((d, i) => [`Мероприятие ${i + 1}`, d, 'Гомель'])],
  });

  it('is the plan phrase, not the cited decision', () => {
    const s = sheet(['Приложение к решению коллегии от 20.12.2023 № 7', 'План совместных мероприятий на 2024 год'], ['май']);
    expect(sheetTitleYear(s, 3)).toBe(2024);
  });

  it('warns, naming both years, when most dates of the table are of another year and some have none', () => {
    const s = sheet(['План мероприятий на 2023 год'], ['12.03.2024', { date: '2024-04-05' }, 'май 2024', 'июнь']);
    const layout = detectLayout(s, 2);
    expect(titleYearWarning(s, layout, 2023, true)).toEqual([
      'В заголовке — 2023 год, а в датах таблицы — 2024: для дат без года взят 2023; выберите другой год, если нужно.',
    ]);
  });

  it('says nothing when the years agree, when every date has its year, or when the clerk chose the year', () => {
    const agree = sheet(['План на 2024 год'], ['12.03.2024', 'июнь']);
    expect(titleYearWarning(agree, detectLayout(agree, 2), 2024, true)).toEqual([]);
    const allYears = sheet(['План на 2023 год'], ['12.03.2024', 'май 2024']);
    expect(titleYearWarning(allYears, detectLayout(allYears, 2), 2023, true)).toEqual([]);
    const chosen = sheet(['План на 2023 год'], ['12.03.2024', 'июнь']);
    expect(titleYearWarning(chosen, detectLayout(chosen, 2), 2023, false)).toEqual([]);
    const split = sheet(['План на 2023 год'], ['12.03.2024', '12.03.2023', '12.03.2022', 'июнь']);
    expect(titleYearWarning(split, detectLayout(split, 2), 2023, true)).toEqual([]);
  });
});

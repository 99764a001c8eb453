import { describe, expect, it } from 'vitest';
import { canonicalCountry, canonicalRegion, kindMatcher, matchSphere, parseFormat, parsePlace, sectionName } from '../../electron/core/import/values';

const named = (...names: string[]) => names.map((name) => ({ name, locative: null }));
const CITIES = [{ name: 'Витебск', locative: 'Витебске' }, { name: 'Орша', locative: 'Орше' }, { name: 'Смоленск', locative: 'Смоленске' }];
const SPHERES = named('культура', 'экономика', 'образование и наука', 'молодежная политика', 'межпарламентское сотрудничество', 'приграничное сотрудничество', 'социальная сфера', 'спорт', 'туризм');

describe('partner values', () => {
  it.each([
    ['очно', 'in_person'], ['Очный', 'in_person'], ['ВКС', 'videoconference'], ['видеоконференция', 'videoconference'],
    ['онлайн', 'remote'], ['дистанционно', 'remote'], ['заочно', 'remote'], ['смешанный', 'hybrid'], ['очно/ВКС', 'hybrid'], ['', null], ['по телефону', undefined],
  ])('format «%s» → %s', (text, format) => expect(parseFormat(text)).toBe(format));

  it('names countries and regions as the reference lists do', () => {
    const countries = named('Республика Беларусь', 'Российская Федерация');
    expect(['РБ', 'Беларусь', 'республика беларусь', 'Белоруссия'].map((c) => canonicalCountry(c, countries))).toEqual(Array(4).fill('Республика Беларусь'));
    expect(['РФ', 'Россия'].map((c) => canonicalCountry(c, countries))).toEqual(['Российская Федерация', 'Российская Федерация']);
    expect(canonicalCountry('Польша', countries)).toBe('Польша');
    expect(canonicalRegion('Витебская обл.', named('Витебская область'))).toBe('Витебская область');
  });

  it('reads places: a city, a city and a venue, a route, a venue alone', () => {
    expect(parsePlace('г. Витебск', CITIES)).toEqual({ city: 'Витебск', venue: null });
    expect(parsePlace('в Орше', CITIES)).toEqual({ city: 'Орша', venue: null });
    expect(parsePlace('Витебск, Летний амфитеатр', CITIES)).toEqual({ city: 'Витебск', venue: 'Летний амфитеатр' });
    expect(parsePlace('Летний амфитеатр, г. Витебск', CITIES)).toEqual({ city: 'Витебск', venue: 'Летний амфитеатр' });
    expect(parsePlace('Смоленск – Орша – Витебск', CITIES)).toEqual({ city: 'Смоленск', venue: 'Смоленск – Орша – Витебск' });
    expect(parsePlace('Лепель', CITIES)).toEqual({ city: 'Лепель', venue: null });
    expect(parsePlace('Санкт-Петербург', CITIES)).toEqual({ city: 'Санкт-Петербург', venue: null });
    expect(parsePlace('областной дворец культуры', CITIES)).toEqual({ city: null, venue: 'областной дворец культуры' });
  });

  it('finds the sphere a section or cell names, and none when two tie', () => {
    expect(matchSphere(sectionName('Раздел II. Экономическое сотрудничество'), SPHERES)).toBe('экономика');
    expect(matchSphere(sectionName('1. Культура'), SPHERES)).toBe('культура');
    expect(matchSphere('Образование', SPHERES)).toBe('образование и наука');
    expect(matchSphere('Молодёжная политика', SPHERES)).toBe('молодежная политика');
    expect(matchSphere('Сотрудничество', SPHERES)).toBeNull();
  });

  it('takes the kind from the earliest kind word of a title', () => {
    const kindOf = kindMatcher(named('форум', 'фестиваль', 'выставка', 'круглый стол', 'встреча'));
    expect(kindOf('Международный фестиваль искусств «Славянский базар»')).toBe('фестиваль');
    expect(kindOf('Участие в выставке-ярмарке на форуме')).toBe('выставка');
    expect(kindOf('Заседание круглого стола')).toBe('круглый стол');
    expect(kindOf('Совещание')).toBeNull();
  });
});

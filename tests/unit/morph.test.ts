// The morphology wrapper over az's OpenCorpora dictionary (shared/ru/morph.ts): head nouns, declension of
// noun phrases, locatives of places, common words told from names; and, for any input, no throw and no
// word of the writer's lost.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { ensureMorphology } from '../../electron/core/report/morphology';
import { formOf } from '../../electron/core/ref-forms';
import type { Ref } from '../../shared/schema/reference';
import { countInWords, countPhrase, countTakesPlural, roundedDown } from '../../shared/ru/count-words';
import { declinePhrase, headNoun, isCommonStart, lowerCommon, placeLocative, pluralPhrase, subjectGender } from '../../shared/ru/morph';
import { EVENT_FORMS } from '../../shared/ru/plural';

beforeAll(() => {
  ensureMorphology();
});

describe('the head noun of a title', () => {
  it.each([
    ['Выставка-ярмарка «Смоленский лён»', 'f'],
    ['Фестиваль-конкурс «Славянские напевы»', 'm'],
    ['Конференция-выставка «Инновации»', 'f'],
    ['Бизнес-миссия смоленских предприятий', 'f'],
    ['Первая часть шестьдесят пятого заседания', 'f'],
    ['Круглый стол по вопросам туризма', 'm'],
    ['Заседание рабочей группы', 'n'],
    ['Дни культуры Витебской области', 'pl'],
    ['Переговоры о поставках', 'pl'],
    ['XII Форум регионов', 'm'],
    ['65-е заседание Совета', 'n'],
    ['Российско-Белорусский молодежный патриотический форум', 'm'],
  ])('%s → %s', (title, gender) => expect(headNoun(title)?.gender).toBe(gender));

  it('is none for a title opening with a quote or a preposition', () => {
    expect(headNoun('«Дорога памяти»')).toBeNull();
    expect(headNoun('О сотрудничестве')).toBeNull();
  });
});

describe('declension of noun phrases', () => {
  it.each([
    ['Рославльский многопрофильный колледж', 'gent', 'Рославльского многопрофильного колледжа'],
    ['Смоленская государственная академия спорта', 'gent', 'Смоленской государственной академии спорта'],
    ['Республика Узбекистан', 'gent', 'Республики Узбекистан'],
    ['Республика Узбекистан', 'ablt', 'Республикой Узбекистан'],
    ['Витебская область', 'gent', 'Витебской области'],
    ['Гомельский областной исполнительный комитет', 'ablt', 'Гомельским областным исполнительным комитетом'],
    ['Китайская Народная Республика', 'gent', 'Китайской Народной Республики'],
    ['Беларусь', 'gent', 'Беларуси'],
    ['Дом культуры «Юбилейный»', 'gent', 'Дома культуры «Юбилейный»'],
    ['ФГБОУ ВО «Смоленский государственный университет»', 'gent', 'ФГБОУ ВО «Смоленский государственный университет»'],
    ['Рославльского колледжа', 'gent', 'Рославльского колледжа'],
  ] as const)('%s (%s) → %s', (phrase, grammaticalCase, expected) => expect(declinePhrase(phrase, grammaticalCase).text).toBe(expected));

  it.each([
    ['конференция-выставка', 'конференции-выставки'],
    ['фестиваль-конкурс', 'фестивали-конкурсы'],
    ['выставка-ярмарка', 'выставки-ярмарки'],
    ['бизнес-миссия', 'бизнес-миссии'],
    ['мастер-класс', 'мастер-классы'],
    ['круглый стол', 'круглые столы'],
    ['служебная командировка', 'служебные командировки'],
    ['заседание', 'заседания'],
    ['переговоры', 'переговоры'],
    ['Дни культуры', 'Дни культуры'],
  ])('%s → %s', (kind, plural) => expect(pluralPhrase(kind)).toBe(plural));
});

describe('a partner\'s forms', () => {
  const ref = (forms: Partial<Ref>): Ref => ({ id: 1, kind: 'country', name: 'Республика Узбекистан', parentId: null, parentName: null, gender: null, genitive: null, instrumental: null, locative: null, settlement: null, hidden: false, usage: null, ...forms });
  it('come from the list when a clerk gave them, else from the dictionary (the export\'s titles too)', () => {
    expect(formOf('instrumental', ref({}), 'Республика Узбекистан')).toBe('Республикой Узбекистан');
    expect(formOf('genitive', undefined, 'Кыргызская Республика')).toBe('Кыргызской Республики');
    expect(formOf('genitive', ref({ genitive: 'Респ. Узбекистан' }), 'Республика Узбекистан')).toBe('Респ. Узбекистан');
  });
});

describe('places in the locative', () => {
  it.each([
    ['Орёл', 'Орле'], ['Орел', 'Орле'], ['Великие Луки', 'Великих Луках'], ['Гродно', 'Гродно'], ['Ростов-на-Дону', 'Ростове-на-Дону'],
    ['Нижний Новгород', 'Нижнем Новгороде'], ['Тверь', 'Твери'], ['Гомель', 'Гомеле'], ['Лида', 'Лиде'], ['Москва', 'Москве'],
    ['Барановичи', 'Барановичах'], ['Старый Оскол', 'Старом Осколе'], ['Санкт-Петербург', 'Санкт-Петербурге'], ['Гагарин', 'Гагарине'],
  ])('в %s → «в %s», known', (city, locative) => expect(placeLocative(city)).toMatchObject({ text: locative, known: true }));

  it('says when the dictionary does not know a place', () => {
    expect(placeLocative('Ляхновичи').known).toBe(false);
    expect(placeLocative('Лиозно').known).toBe(false);
  });
});

describe('common words and names', () => {
  it.each([
    ['Круглый стол по вопросам туризма', true],
    ['Семинар для специалистов', true],
    ['Представители министерств', true],
    ['Творческие коллективы', true],
    ['Выставка-ярмарка «Смоленский лён»', true],
    ['Международный форум «Социальная защита»', false],
    ['Российско-Белорусский молодежный патриотический форум', false],
    ['Дни культуры Витебской области', false],
    ['Неделя белорусского кино', false],
    ['Гомельский областной исполнительный комитет', false],
    ['Губернатор Смоленской области', false],
    ['ФГБОУ ВО «СГУС»', false],
    ['«Дорога памяти»', false],
  ])('%s: lowered %s', (phrase, common) => expect(isCommonStart(phrase)).toBe(common));

  it('lowers a word the caller knows for common though the dictionary lacks it', () => {
    expect(lowerCommon('Квиз «Знаешь ли ты Беларусь?»')).toBe('Квиз «Знаешь ли ты Беларусь?»');
    expect(lowerCommon('Квиз «Знаешь ли ты Беларусь?»', ['квиз'])).toBe('квиз «Знаешь ли ты Беларусь?»');
  });

  it.each([
    ['глава района', 'm'], ['Делегация Витебской области', 'f'], ['Руководство области', 'n'], ['Представители министерств', 'pl'],
    ['глава района и его заместитель', 'pl'], ['Главный врач, представители министерства', 'pl'], ['Глава муниципального образования «Кардымовский район, Смоленская область»', 'm'],
    ['Заместитель Губернатора Смоленской области Ольга Окунева', 'f'], ['Министр культуры Республики Беларусь Анатолий Маркевич', 'm'],
  ])('the verb of «%s» agrees as %s', (subject, gender) => expect(subjectGender(subject)).toBe(gender));
});

describe('counts', () => {
  it('in words under ten, figures from ten; rounded only down to a round number exceeded', () => {
    expect([1, 2, 3, 5, 9, 10, 21].map((n) => countInWords(n, EVENT_FORMS))).toEqual([
      'одно мероприятие', 'два мероприятия', 'три мероприятия', 'пять мероприятий', 'девять мероприятий', '10 мероприятий', '21 мероприятие',
    ]);
    expect([9, 10, 20, 23, 100, 123, 1500].map(roundedDown)).toEqual([null, null, null, 20, null, 100, 1000]);
    expect(countPhrase(20, EVENT_FORMS, true)).toBe('20 мероприятий');
    expect(countPhrase(31, EVENT_FORMS, true)).toBe('более 30 мероприятий');
    expect([3, 5, 22, 12, 23].map((n) => countTakesPlural(n, false))).toEqual([true, false, true, false, true]);
  });

  it('a rounded count is below the count, round, and more than half of it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), (n) => {
      const round = roundedDown(n);
      return round === null ? n <= 10 || n % 10 === 0 : round < n && round % 10 === 0 && round > n / 2;
    }));
  });
});

const WORDS = ['Международный', 'форум', 'Круглый', 'стол', 'по', 'вопросам', '«Дорога', 'памяти»', 'ФГБОУ', 'ВО', 'XII', 'Дни', 'культуры', 'выставка-ярмарка', 'бизнес-миссия',
  'Орёл', 'Великие', 'Луки', '(г.', 'Смоленск)', 'и', ',', '–', '2021', 'Republic', 'ёлка', 'Гродно', 'глава', 'района', 'представители', '-', '«', '»', 'а-', '-б'];

describe('for any input', () => {
  const anyPhrase = fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 8 }).map((w) => w.join(' ')),
    fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 5 }).map((w) => w.join('-')),
  );

  it('never throws', () => {
    fc.assert(fc.property(anyPhrase, fc.constantFrom('nomn', 'gent', 'datv', 'accs', 'ablt', 'loct' as const), (phrase, grammaticalCase) => {
      headNoun(phrase);
      declinePhrase(phrase, grammaticalCase);
      pluralPhrase(phrase);
      placeLocative(phrase);
      subjectGender(phrase);
      lowerCommon(phrase);
    }), { numRuns: 300 });
  });

  it('keeps every word of the writer: lowering changes one letter\'s case, declining keeps the word count and what follows the head', () => {
    fc.assert(fc.property(anyPhrase, fc.constantFrom('gent', 'ablt', 'loct' as const), (phrase, grammaticalCase) => {
      expect(lowerCommon(phrase).toLowerCase()).toBe(phrase.trim().toLowerCase());
      const declined = declinePhrase(phrase, grammaticalCase).text;
      const words = (s: string) => s.split(/(\s+)/);
      expect(words(declined).length).toBe(words(phrase).length);
      // The tail after the first four words never changes (a head is found among the first few or not at all).
      const tail = (s: string) => words(s).slice(-2).join('');
      if (words(phrase).length > 12) expect(tail(declined)).toBe(tail(phrase));
      // Quoted names are never declined.
      const quoted = phrase.match(/«[^»]*»/g) ?? [];
      for (const q of quoted) if (!/^«\S*$/.test(q)) expect(declined).toContain(q.slice(1));
    }), { numRuns: 300 });
  });

  it('keeps the capitals the writer gave a declined word', () => {
    fc.assert(fc.property(fc.constantFrom('Витебская область', 'Республика Узбекистан', 'Рославльский многопрофильный колледж', 'Великие Луки', 'Орёл'), fc.constantFrom('gent', 'ablt', 'loct' as const), (phrase, grammaticalCase) => {
      const declined = declinePhrase(phrase, grammaticalCase).text.split(' ');
      phrase.split(' ').forEach((w, i) => expect(/^\p{Lu}/u.test(declined[i] ?? '')).toBe(/^\p{Lu}/u.test(w)));
    }));
  });
});

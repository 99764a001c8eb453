// The report built from fields alone: 72 events entered as an import leaves them (no clerk's text), each
// with the paragraph a native editor of official documents would accept, written out by hand here —
// every gender and number of the title's head, kinds simple and compound, every settlement type, format,
// status, date precision and partner level. Then the opening and closing of each kind of period.
import { inOrder } from '../../electron/core/in-order';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { buildReport } from '../../electron/core/services/reports';
import { createAgreement } from '../../electron/core/services/agreements';
import { createEvent } from '../../electron/core/services/events';
import { createRef } from '../../electron/core/services/references';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import type { EventInputRaw } from '../../shared/schema/event';
import type { Settlement } from '../../shared/schema/reference';
import { ReportInputSchema } from '../../shared/schema/report';
import { eventInput, tempCore } from '../helpers';
import { addKind, addPlace, addRegion, plain } from '../support/report-lists';


/** Settlements beyond the seeded towns, each of its type; the kinds the seed lacks, two of them without a gender. */
async function lists(core: LocalCore) {
  const place = (name: string, parent: string, parentKind: 'region' | 'country', settlement: Settlement | null) => addPlace(core, name, parent, parentKind, settlement);
  const region = (name: string) => addRegion(core, name);
  await region('Орловская область');
  await region('Краснодарский край');
  await place('Кардымово', 'Смоленская область', 'region', 'пгт');
  await place('Пригорье', 'Смоленская область', 'region', 'с.');
  await place('Каспля', 'Смоленская область', 'region', 'д.');
  await place('Шумячи', 'Смоленская область', 'region', 'п.');
  await place('Голынки', 'Смоленская область', 'region', 'рп');
  await place('Починок', 'Смоленская область', 'region', 'г.');
  await place('Ляхновичи', 'Витебская область', 'region', 'аг.');
  await place('Лиозно', 'Витебская область', 'region', 'г. п.');
  await place('Ленинградская', 'Краснодарский край', 'region', 'ст-ца');
  await place('Ольгинский', 'Краснодарский край', 'region', 'х.');
  await place('Орёл', 'Орловская область', 'region', 'г.');
  await place('Великие Луки', 'Псковская область', 'region', 'г.');
  await place('Ташкент', 'Республика Узбекистан', 'country', null);
  await place('Астана', 'Республика Казахстан', 'country', null);
  const kind = (name: string, gender: 'm' | 'f' | null) => addKind(core, name, gender);
  await kind('фестиваль-конкурс', 'm');
  await kind('конференция-выставка', 'f');
  await kind('выставка-ярмарка', 'f');
  await kind('бизнес-миссия', null);
  await kind('квиз', null);
  await createRef(core, { kind: 'country', name: 'Республика Таджикистан', parentId: null });
}

interface Case {
  event: Partial<EventInputRaw> & { agreement?: 'uz' | 'memo' };
  /** The paragraph, by hand; null: the event is not held and the report leaves it out. */
  expected: string | null;
}

const CORPUS: Case[] = [
  // Head noun masculine, feminine, neuter, plural; names kept, common phrases lowered.
  { event: { title: 'Международный форум «Смоленск – Витебск: вместе в будущее»', kind: 'форум', startDate: '2023-03-15', city: 'Смоленск', format: 'in_person', partners: ['Республика Беларусь'] },
    expected: '15 марта 2023 года в г. Смоленске прошел Международный форум «Смоленск – Витебск: вместе в будущее».' },
  { event: { title: 'Выставка-ярмарка «Смоленский лён»', kind: 'выставка-ярмарка', startDate: '2023-04-03', endDate: '2023-04-05', city: 'Витебск' },
    expected: 'В период с 3 по 5 апреля 2023 года в г. Витебске (Витебская область, Республика Беларусь) прошла выставка-ярмарка «Смоленский лён».' },
  { event: { title: 'Бизнес-миссия смоленских предприятий в Республику Узбекистан', kind: 'бизнес-миссия', startDate: '2023-05-16', endDate: '2023-05-19', city: 'Ташкент', partners: ['Республика Узбекистан'] },
    expected: 'В период с 16 по 19 мая 2023 года в г. Ташкенте (Республика Узбекистан) состоялась бизнес-миссия смоленских предприятий в Республику Узбекистан.' },
  { event: { title: 'Программа сотрудничества молодежных организаций', kind: 'программа', startDate: '2023-01-01', datePrecision: 'year', partners: ['Витебская область'] },
    expected: 'В течение 2023 года реализовывалась программа сотрудничества молодежных организаций.' },
  { event: { title: 'Фестиваль-конкурс «Славянские напевы»', kind: 'фестиваль-конкурс', startDate: '2023-06-10', city: 'Орша' },
    expected: '10 июня 2023 года в г. Орше (Витебская область, Республика Беларусь) прошел фестиваль-конкурс «Славянские напевы».' },
  { event: { title: 'Первая часть заседания Совета руководителей', kind: 'заседание', startDate: '2023-02-21', city: 'Минск' },
    expected: '21 февраля 2023 года в г. Минске (Республика Беларусь) прошла первая часть заседания Совета руководителей.' },
  { event: { title: 'Круглый стол по вопросам приграничной торговли', kind: 'круглый стол', startDate: '2023-03-02', city: 'Рославль', venue: 'Рославльский многопрофильный колледж' },
    expected: '2 марта 2023 года на базе Рославльского многопрофильного колледжа (г. Рославль) состоялся круглый стол по вопросам приграничной торговли.' },
  { event: { title: 'Семинар для специалистов органов социальной защиты', kind: 'семинар', startDate: '2023-03-22', format: 'videoconference' },
    expected: '22 марта 2023 года в формате видео-конференц-связи прошел семинар для специалистов органов социальной защиты.' },
  { event: { title: 'Дни культуры Гомельской области в Смоленской области', kind: 'Дни культуры', startDate: '2023-09-01', datePrecision: 'month', city: 'Вязьма', participants: 'Творческие коллективы Гомельской области' },
    expected: 'В сентябре 2023 года в г. Вязьме прошли Дни культуры Гомельской области в Смоленской области. В мероприятии приняли участие творческие коллективы Гомельской области.' },
  { event: { title: 'Встреча с делегацией Брестского облисполкома', kind: 'встреча', startDate: '2023-04-12', city: 'Смоленск', participants: 'Губернатор Смоленской области' },
    expected: '12 апреля 2023 года в г. Смоленске состоялась встреча с делегацией Брестского облисполкома. В мероприятии принял участие Губернатор Смоленской области.' },
  // Settlement types: after «г.» the name declines, after the others it stays as named.
  { event: { title: 'Акция «Свеча памяти»', kind: 'акция', startDate: '2023-06-22', city: 'Кардымово' },
    expected: '22 июня 2023 года в пгт Кардымово состоялась акция «Свеча памяти».' },
  { event: { title: 'Фестиваль народного творчества «Каспля – жемчужина края»', kind: 'фестиваль', startDate: '2023-07-08', city: 'Каспля' },
    expected: '8 июля 2023 года в д. Каспля прошел фестиваль народного творчества «Каспля – жемчужина края».' },
  { event: { title: 'Слёт юных патриотов', kind: 'слёт', startDate: '2023-07-20', endDate: '2023-07-22', city: 'Пригорье' },
    expected: 'В период с 20 по 22 июля 2023 года в с. Пригорье прошел слёт юных патриотов.' },
  { event: { title: 'Турнир по мини-футболу среди молодежных команд', kind: 'турнир', startDate: '2023-08-05', city: 'Ляхновичи', partners: ['Витебская область'] },
    expected: '5 августа 2023 года в аг. Ляхновичи (Витебская область, Республика Беларусь) прошел турнир по мини-футболу среди молодежных команд.' },
  { event: { title: 'Мастер-класс по декоративно-прикладному искусству', kind: 'мастер-класс', startDate: '2023-08-18', city: 'Лиозно' },
    expected: '18 августа 2023 года в г. п. Лиозно (Витебская область, Республика Беларусь) прошел мастер-класс по декоративно-прикладному искусству.' },
  { event: { title: 'Соревнования по лыжным гонкам «Лыжня России»', kind: 'соревнования', startDate: '2023-02-11', city: 'Шумячи' },
    expected: '11 февраля 2023 года в п. Шумячи прошли соревнования по лыжным гонкам «Лыжня России».' },
  { event: { title: 'Экспедиция поискового отряда «Феникс»', kind: 'экспедиция', startDate: '2023-05-01', datePrecision: 'month', city: 'Голынки' },
    expected: 'В мае 2023 года в рп Голынки прошла экспедиция поискового отряда «Феникс».' },
  { event: { title: 'Визит делегации Смоленской области', kind: 'визит', startDate: '2023-10-04', city: 'Ленинградская' },
    expected: '4 октября 2023 года в ст-це Ленинградская (Краснодарский край) состоялся визит делегации Смоленской области.' },
  { event: { title: 'Встреча казачьей молодежи', kind: 'встреча', startDate: '2023-10-05', city: 'Ольгинский' },
    expected: '5 октября 2023 года в х. Ольгинский (Краснодарский край) состоялась встреча казачьей молодежи.' },
  // Locatives from the dictionary: a dropped «ё», a plural name, an indeclinable one, feminine «-ь».
  { event: { title: 'Межрегиональная конференция «Наука и производство»', kind: 'конференция', startDate: '2023-11-14', city: 'Орёл' },
    expected: '14 ноября 2023 года в г. Орле (Орловская область) прошла Межрегиональная конференция «Наука и производство».' },
  { event: { title: 'Совещание по вопросам развития туризма', kind: 'совещание', startDate: '2023-06-20', city: 'Великие Луки' },
    expected: '20 июня 2023 года в г. Великих Луках (Псковская область) прошло совещание по вопросам развития туризма.' },
  { event: { title: 'Конкурс молодых исполнителей «Юность»', kind: 'конкурс', startDate: '2023-04-20', city: 'Гродно' },
    expected: '20 апреля 2023 года в г. Гродно (Гродненская область, Республика Беларусь) прошел конкурс молодых исполнителей «Юность».' },
  { event: { title: 'Презентация инвестиционного потенциала Смоленской области', kind: 'презентация', startDate: '2023-05-25', city: 'Москва' },
    expected: '25 мая 2023 года в г. Москве состоялась презентация инвестиционного потенциала Смоленской области.' },
  { event: { title: 'Встреча с представителями Правительства Москвы', kind: 'встреча', startDate: '2023-05-26', city: 'Москва', region: 'г. Москва' },
    expected: '26 мая 2023 года в г. Москве состоялась встреча с представителями Правительства Москвы.' },
  { event: { title: 'Переговоры о поставках продукции', kind: 'переговоры', startDate: '2023-03-28', city: 'Брянск' },
    expected: '28 марта 2023 года в г. Брянске (Брянская область) состоялись переговоры о поставках продукции.' },
  { event: { title: 'Конференция по вопросам краеведения', kind: 'конференция', startDate: '2023-12-07', city: 'Тверь' },
    expected: '7 декабря 2023 года в г. Твери (Тверская область) прошла конференция по вопросам краеведения.' },
  // Formats: the clause for every event not held in person, where a city is given and where not.
  { event: { title: 'Заседание рабочей группы по приграничному сотрудничеству', kind: 'заседание', startDate: '2023-04-26', city: 'Калуга', format: 'hybrid' },
    expected: '26 апреля 2023 года в г. Калуге (Калужская область) прошло заседание рабочей группы по приграничному сотрудничеству (в очном и дистанционном форматах).' },
  { event: { title: 'Конференция «Цифровая экономика регионов»', kind: 'конференция', startDate: '2023-05-30', city: 'Минск', format: 'remote' },
    expected: '30 мая 2023 года в г. Минске (Республика Беларусь) прошла конференция «Цифровая экономика регионов» (в дистанционном формате).' },
  { event: { title: 'Совещание с руководителями районов Витебской области', kind: 'совещание', startDate: '2023-06-06', city: 'Витебск', format: 'videoconference' },
    expected: '6 июня 2023 года в г. Витебске (Витебская область, Республика Беларусь) прошло совещание с руководителями районов Витебской области (в формате видео-конференц-связи).' },
  { event: { title: 'Семинар для экспортеров', kind: 'семинар', startDate: '2023-06-15', format: 'remote' },
    expected: '15 июня 2023 года в дистанционном формате прошел семинар для экспортеров.' },
  { event: { title: 'Вебинар для экспортеров', kind: 'семинар', startDate: '2023-06-16', format: 'remote' },
    expected: '16 июня 2023 года в дистанционном формате прошел вебинар для экспортеров.' },
  { event: { title: 'Участие в выставке «Иннопром»', kind: 'выставка', startDate: '2023-07-10', city: 'Минск' },
    expected: '10 июля 2023 года в г. Минске (Республика Беларусь) организовано участие в выставке «Иннопром».' },
  { event: { title: 'Форум молодых предпринимателей', kind: 'форум', startDate: '2023-07-12', format: 'hybrid' },
    expected: '12 июля 2023 года в очном и дистанционном форматах прошел форум молодых предпринимателей.' },
  { event: { title: 'Ярмарка вакансий', kind: 'ярмарка', startDate: '2023-03-31', city: 'Десногорск', format: 'hybrid', participants: 'Делегация Брестской области' },
    expected: '31 марта 2023 года в г. Десногорске прошла ярмарка вакансий (в очном и дистанционном форматах). В мероприятии приняла участие делегация Брестской области.' },
  { event: { title: 'Форум', kind: 'форум', description: 'Состоялся форум молодежи Союзного государства.', startDate: '2023-04-17', city: 'Смоленск', format: 'videoconference' },
    expected: '17 апреля 2023 года в г. Смоленске (в формате видео-конференц-связи) состоялся форум молодежи Союзного государства.' },
  { event: { title: 'Визит', kind: 'визит', description: 'Гомельский областной исполнительный комитет провел встречу с делегацией Смоленской области.', startDate: '2023-04-18', city: 'Гомель' },
    expected: '18 апреля 2023 года в г. Гомеле (Гомельская область, Республика Беларусь) Гомельский областной исполнительный комитет провел встречу с делегацией Смоленской области.' },
  // Titles that are names of an event of their kind; no kind at all.
  { event: { title: 'Квиз «Знаешь ли ты Беларусь?»', kind: 'квиз', startDate: '2023-09-14', city: 'Десногорск' },
    expected: '14 сентября 2023 года в г. Десногорске прошел квиз «Знаешь ли ты Беларусь?».' },
  { event: { title: 'Славянский базар «Витебск»', kind: 'фестиваль', startDate: '2023-07-14', city: 'Витебск' },
    expected: '14 июля 2023 года в г. Витебске (Витебская область, Республика Беларусь) прошел фестиваль «Славянский базар „Витебск“».' },
  { event: { title: 'Голос границы', kind: 'фестиваль', startDate: '2023-08-26', city: 'Велиж' },
    expected: '26 августа 2023 года в г. Велиже прошел фестиваль «Голос границы».' },
  { event: { title: '«Дорога памяти»', kind: 'автопробег', startDate: '2023-05-08', endDate: '2023-05-09', city: 'Гагарин' },
    expected: 'В период с 8 по 9 мая 2023 года в г. Гагарине прошел автопробег «Дорога памяти».' },
  { event: { title: 'Международная научная конференция «Смоленские чтения»', startDate: '2023-10-18', city: 'Смоленск' },
    expected: '18 октября 2023 года в г. Смоленске прошла Международная научная конференция «Смоленские чтения».' },
  { event: { title: 'Славянское единство', startDate: '2023-06-25', city: 'Демидов' },
    expected: '25 июня 2023 года в г. Демидове прошло мероприятие «Славянское единство».' },
  { event: { title: 'Конференция-выставка «Инновации в АПК»', kind: 'конференция-выставка', startDate: '2023-10-24', city: 'Минск' },
    expected: '24 октября 2023 года в г. Минске (Республика Беларусь) прошла конференция-выставка «Инновации в АПК».' },
  { event: { title: 'День белорусской письменности', kind: 'акция', startDate: '2023-09-03', city: 'Орша' },
    expected: '3 сентября 2023 года в г. Орше (Витебская область, Республика Беларусь) прошел День белорусской письменности.' },
  { event: { title: 'XII Форум регионов Беларуси и России', kind: 'форум', startDate: '2023-06-29', endDate: '2023-06-30', city: 'Брест' },
    expected: 'В период с 29 по 30 июня 2023 года в г. Бресте (Брестская область, Республика Беларусь) прошел XII Форум регионов Беларуси и России.' },
  { event: { title: 'Неделя белорусского кино', kind: 'фестиваль', startDate: '2023-11-06', endDate: '2023-11-12', city: 'Смоленск' },
    expected: 'В период с 6 по 12 ноября 2023 года в г. Смоленске прошла Неделя белорусского кино.' },
  { event: { title: 'Служебная командировка специалистов Департамента по культуре', kind: 'служебная командировка', startDate: '2023-03-06', endDate: '2023-03-08', city: 'Пинск' },
    expected: 'В период с 6 по 8 марта 2023 года в г. Пинске (Брестская область, Республика Беларусь) состоялась служебная командировка специалистов Департамента по культуре.' },
  { event: { title: 'Выставка детского рисунка', kind: 'выставка', startDate: '2023-01-30', endDate: '2023-02-02', city: 'Полоцк' },
    expected: 'В период с 30 января по 2 февраля 2023 года в г. Полоцке (Витебская область, Республика Беларусь) прошла выставка детского рисунка.' },
  { event: { title: 'Визит делегации Смоленской области в Республику Казахстан', kind: 'визит', startDate: '2023-09-19', endDate: '2023-09-21', city: 'Астана', partners: ['Республика Казахстан'] },
    expected: 'В период с 19 по 21 сентября 2023 года в г. Астане (Республика Казахстан) состоялся визит делегации Смоленской области в Республику Казахстан.' },
  { event: { title: 'Ярмарка сельскохозяйственной продукции', kind: 'ярмарка', startDate: '2023-09-23', city: 'Починок' },
    expected: '23 сентября 2023 года в г. Починке прошла ярмарка сельскохозяйственной продукции.' },
  { event: { title: 'Семинар по развитию агроэкотуризма', kind: 'семинар', startDate: '2023-05-18', city: 'Лепель', region: 'Витебская область' },
    expected: '18 мая 2023 года в г. Лепеле (Витебская область, Республика Беларусь) прошел семинар по развитию агроэкотуризма.' },
  { event: { title: 'Профильная смена «Юные инспекторы движения»', kind: 'смена', startDate: '2023-08-01', datePrecision: 'month', city: 'Гагарин' },
    expected: 'В августе 2023 года в г. Гагарине прошла профильная смена «Юные инспекторы движения».' },
  { event: { title: 'Смена в лагере «Содружество»', kind: 'смена', startDate: '2023-10-01', endDate: '2023-11-30', datePrecision: 'month', city: 'Смоленск' },
    expected: 'В период с октября по ноябрь 2023 года в г. Смоленске прошла смена в лагере «Содружество».' },
  { event: { title: 'Конкурс социальных проектов', kind: 'конкурс', startDate: '2023-07-01', datePrecision: 'quarter', partners: ['Могилевская область'] },
    expected: 'В III квартале 2023 года прошел конкурс социальных проектов.' },
  { event: { title: 'Проект «Живая память»', kind: 'программа', startDate: '2023-01-01', datePrecision: 'year' },
    expected: 'В течение 2023 года реализовывался проект «Живая память».' },
  // Venues in the genitive after «на базе»; a venue with its own preposition; an abbreviation that does not decline.
  { event: { title: 'Турнир по самбо на призы Губернатора', kind: 'турнир', startDate: '2023-11-25', venue: 'Смоленская государственная академия спорта' },
    expected: '25 ноября 2023 года на базе Смоленской государственной академии спорта прошел турнир по самбо на призы Губернатора.' },
  { event: { title: 'Олимпиада школьников по русскому языку', kind: 'конкурс', startDate: '2023-12-12', city: 'Смоленск', venue: 'ФГБОУ ВО «Смоленский государственный университет»' },
    expected: '12 декабря 2023 года на базе ФГБОУ ВО «Смоленский государственный университет» (г. Смоленск) прошла олимпиада школьников по русскому языку.' },
  { event: { title: 'Концерт белорусских артистов', startDate: '2023-09-30', city: 'Ярцево', venue: 'в Доме культуры «Юбилейный»' },
    expected: '30 сентября 2023 года в Доме культуры «Юбилейный» (г. Ярцево) состоялся концерт белорусских артистов.' },
  // Agreements named as the seed names them.
  { event: { title: 'Заседание совместной рабочей группы', kind: 'заседание', startDate: '2023-11-22', format: 'videoconference', agreement: 'uz' },
    expected: '22 ноября 2023 года в формате видео-конференц-связи прошло заседание совместной рабочей группы в рамках соглашения между Администрацией Смоленской области и Правительством Республики Узбекистан о торгово-экономическом сотрудничестве от 2 октября 2019 года.' },
  { event: { title: 'Визит ректоров вузов', kind: 'визит', startDate: '2023-02-14', city: 'Могилев', agreement: 'memo' },
    expected: '14 февраля 2023 года в г. Могилеве (Могилевская область, Республика Беларусь) состоялся визит ректоров вузов в рамках меморандума «О взаимопонимании в сфере образования» от 1 декабря 2022 года.' },
  // Who took part: the verb agrees with one person, a body, a collective noun, several.
  { event: { title: 'Встреча глав муниципальных образований', kind: 'встреча', startDate: '2023-02-08', city: 'Кардымово', participants: 'Глава муниципального образования «Кардымовский район»' },
    expected: '8 февраля 2023 года в пгт Кардымово состоялась встреча глав муниципальных образований. В мероприятии принял участие глава муниципального образования «Кардымовский район».' },
  { event: { title: 'Совещание по вопросам здравоохранения', kind: 'совещание', startDate: '2023-09-07', city: 'Ярцево', participants: 'Главный врач районной больницы, представители Министерства здравоохранения Республики Беларусь' },
    expected: '7 сентября 2023 года в г. Ярцеве прошло совещание по вопросам здравоохранения. В мероприятии приняли участие главный врач районной больницы, представители Министерства здравоохранения Республики Беларусь.' },
  { event: { title: 'Визит делегации Минского облисполкома', kind: 'визит', startDate: '2023-10-11', city: 'Сафоново', participants: 'Делегация Минского областного исполнительного комитета' },
    expected: '11 октября 2023 года в г. Сафонове состоялся визит делегации Минского облисполкома. В мероприятии приняла участие делегация Минского областного исполнительного комитета.' },
  { event: { title: 'Встреча с ветеранами', kind: 'встреча', startDate: '2023-05-05', city: 'Смоленск', participants: 'Руководство Департамента Смоленской области по внутренней политике' },
    expected: '5 мая 2023 года в г. Смоленске состоялась встреча с ветеранами. В мероприятии приняло участие руководство Департамента Смоленской области по внутренней политике.' },
  { event: { title: 'Круглый стол «Экспорт без границ»', kind: 'круглый стол', startDate: '2023-11-02', city: 'Гомель', participants: 'Гомельский областной исполнительный комитет, Администрация Смоленской области' },
    expected: '2 ноября 2023 года в г. Гомеле (Гомельская область, Республика Беларусь) состоялся круглый стол «Экспорт без границ». В мероприятии приняли участие Гомельский областной исполнительный комитет, Администрация Смоленской области.' },
  { event: { title: 'Переговоры с руководством ОАО «Витебский комбинат»', kind: 'переговоры', startDate: '2023-12-05', city: 'Витебск', outcomes: 'Достигнуты договоренности о поставках льноволокна' },
    expected: '5 декабря 2023 года в г. Витебске (Витебская область, Республика Беларусь) состоялись переговоры с руководством ОАО «Витебский комбинат». В рамках мероприятия достигнуты договоренности о поставках льноволокна.' },
  // Partner levels: a country without forms in the list, an organisation, a Russian region.
  { event: { title: 'Переговоры с представителями Республики Таджикистан', kind: 'переговоры', startDate: '2023-08-09', format: 'videoconference', partners: ['Республика Таджикистан'] },
    expected: '9 августа 2023 года в формате видео-конференц-связи состоялись переговоры с представителями Республики Таджикистан.' },
  { event: { title: 'Встреча с руководством Гомельского облисполкома', kind: 'встреча', startDate: '2023-01-25', city: 'Гомель', partners: ['Гомельский областной исполнительный комитет'] },
    expected: '25 января 2023 года в г. Гомеле (Гомельская область, Республика Беларусь) состоялась встреча с руководством Гомельского облисполкома.' },
  { event: { title: 'Межрегиональный фестиваль «Бежин луг»', kind: 'фестиваль', startDate: '2023-07-28', city: 'Брянск', partners: ['Брянская область'] },
    expected: '28 июля 2023 года в г. Брянске (Брянская область) прошел Межрегиональный фестиваль «Бежин луг».' },
  // Not held: left out of the report.
  { event: { title: 'Форум регионов', kind: 'форум', startDate: '2023-06-27', city: 'Минск', status: 'planned' }, expected: null },
  { event: { title: 'Визит делегации Гродненской области', kind: 'визит', startDate: '2023-03-14', city: 'Смоленск', status: 'cancelled' }, expected: null },
  { event: { title: 'Выставка «Лён Беларуси»', kind: 'выставка', startDate: '2023-08-15', city: 'Орша', status: 'postponed' }, expected: null },
];

async function corpus() {
  const core = tempCore();
  await lists(core);
  const uz = await createAgreement(core, AgreementInputSchema.parse({ kind: 'agreement', title: 'Соглашение между Администрацией Смоленской области и Правительством Республики Узбекистан о торгово-экономическом сотрудничестве', signedOn: '2019-10-02' }));
  const memo = await createAgreement(core, AgreementInputSchema.parse({ kind: 'memorandum', title: 'О взаимопонимании в сфере образования', signedOn: '2022-12-01' }));
  const ids = await inOrder(CORPUS, async ({ event: { agreement, ...event } }) => (await createEvent(core, eventInput({ ...event, agreementId: agreement === 'uz' ? uz.id : agreement === 'memo' ? memo.id : null }))).id);
  return { core, ids };
}

describe('the report from fields alone', () => {
  it('writes each of the corpus\' events as written out by hand, leaving out those not held', async () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(60);
    const { core, ids } = await corpus();
    const report = await buildReport(core, ReportInputSchema.parse({ period: '2023' }));
    const byEvent = new Map(report.paragraphs.filter((p) => p.eventId !== null).map((p) => [p.eventId, p]));
    const got = CORPUS.map((c, i) => byEvent.get(ids[i] as number));
    expect(got.map((p) => (p ? plain(p.text) : null))).toEqual(CORPUS.map((c) => c.expected));
    expect(got.filter(Boolean).map((p) => p?.generated)).toEqual(CORPUS.filter((c) => c.expected).map((c) => !c.event.description));
    // Year-long events after all the dated ones.
    const order = report.paragraphs.filter((p) => p.eventId !== null).map((p) => p.text);
    expect(order.slice(-2).every((t) => t.startsWith('В течение 2023 года'))).toBe(true);
  });

  it('lists what the lists left undecided, each with the guess the text used', async () => {
    const { core } = await corpus();
    const { gaps } = await buildReport(core, ReportInputSchema.parse({ period: '2023' }));
    const of = (name: string, field: string) => gaps.find((g) => g.name === name && g.field === field);
    expect(of('бизнес-миссия', 'gender')).toMatchObject({ refKind: 'kind', guess: 'f' });
    expect(of('квиз', 'gender')).toMatchObject({ refKind: 'kind', guess: 'm' });
    expect(of('Ташкент', 'settlement')).toMatchObject({ refKind: 'city', guess: 'г.', message: 'Город «Ташкент»: не указан тип населенного пункта, в отчёте написано «г.».' });
    expect(of('Лепель', 'settlement')?.guess).toBe('г.');
    expect(of('Починок', 'locative')?.guess).toBe('Починке');
    expect(of('Республика Таджикистан', 'genitive')).toMatchObject({ refKind: 'country', guess: 'Республики Таджикистан' });
    expect(of('Республика Таджикистан', 'instrumental')?.guess).toBe('Республикой Таджикистан');
    // What the lists do give is no gap: seeded kinds' genders, seeded towns, the seeded partners' forms.
    expect(gaps.filter((g) => ['форум', 'Смоленск', 'Республика Беларусь', 'Орёл', 'Великие Луки'].includes(g.name))).toEqual([]);
    // Once each.
    expect(new Set(gaps.map((g) => `${g.refId}:${g.field}`)).size).toBe(gaps.length);
  });

  it('opens on partners and the Russian regions, and closes with kinds, spheres and territories', async () => {
    const { core } = await corpus();
    const texts = (await buildReport(core, ReportInputSchema.parse({ period: '2023' }))).paragraphs.map((p) => plain(p.text));
    expect(texts[0]).toBe('В 2023 году состоялись следующие мероприятия с участием представителей Республики Беларусь, Республики Казахстан, Республики Узбекистан, Республики Таджикистан, Брянской области, Калужской области, Тверской области, Псковской области, Орловской области и Краснодарского края.');
    const closing = texts.at(-1) as string;
    expect(closing).toMatch(/^Всего за отчетный период состоялось 69 мероприятий \(/);
    expect(closing).toContain('и т. д.)');
    expect(closing).not.toMatch(/программ/);
  });
});

const WORDS = ['Международный', 'форум', 'Круглый', 'стол', 'по', 'вопросам', 'туризма', '«Дорога', 'памяти»', 'ФГБОУ', 'XII', 'Дни', 'культуры', 'выставка-ярмарка',
  'бизнес-миссия', 'Первая', 'часть', 'заседания', 'Орёл', 'Великие', 'Луки', 'и', '–', '2021', 'Витебской', 'области', 'глава', 'района', 'представители', 'Квиз', 'О', 'Участие'];
const phrase = fc.oneof(fc.array(fc.constantFrom(...WORDS), { minLength: 1, maxLength: 7 }).map((w) => w.join(' ')), fc.string({ minLength: 1, maxLength: 40 }));

describe('any event entered as fields', () => {
  it('gets a paragraph that keeps every word of its title, venue and participants, and ends a sentence', async () => {
    const core = tempCore();
    let day = 0;
    await fc.assert(fc.asyncProperty(phrase, fc.option(fc.constantFrom('форум', 'встреча', 'заседание', 'переговоры', 'квиз', 'Дни культуры', 'бизнес-миссия')), fc.option(phrase), fc.option(phrase),
      fc.option(fc.constantFrom('Смоленск', 'Орёл', 'Лепель', 'Гродно', 'Ляхновичи')), fc.constantFrom('in_person', 'remote', 'videoconference', 'hybrid', null),
      async (title, kind, venue, participants, city, format) => {
        const startDate = new Date(Date.UTC(2030, 0, 1 + day++)).toISOString().slice(0, 10);
        let event;
        try {
          event = await createEvent(core, eventInput({ title, kind, venue, participants, city, format, startDate }));
        } catch {
          return; // a title the schema refuses (blank after tidying): not a report's concern
        }
        const report = await buildReport(core, ReportInputSchema.parse({ period: `${startDate}..${startDate}` }));
        const text = report.paragraphs.find((p) => p.eventId === event.id)?.text ?? '';
        expect(text).toMatch(/[.!?…]$/);
        // Quotes inside quotes become „…“: compared whatever their style.
        const quotes = (t: string) => t.replace(/[«»„“"]/g, '"');
        const folded = quotes(plain(text).toLowerCase());
        for (const part of [event.title, event.venue && !/^(на|в|во|по|при)\s/i.test(event.venue) ? null : event.venue, event.participants]) {
          if (!part) continue;
          // Declined words change their endings: the words after the first three keep theirs.
          for (const word of part.split(/\s+/).slice(3)) expect(folded).toContain(quotes(word.toLowerCase().replace(/[.;]+$/, '')));
        }
      }), { numRuns: 60 });
  }, 60_000);
});

/** Three held events in September 2021 and one in each other quarter, for the periods' openings and closings. */
async function periods() {
  const core = tempCore();
  const add = (raw: Partial<EventInputRaw>) => createEvent(core, eventInput(raw));
  await add({ title: 'Форум регионов России и Беларуси', kind: 'форум', startDate: '2021-09-17', city: 'Смоленск', spheres: ['экономика', 'приграничное сотрудничество'], partners: ['Республика Беларусь'] });
  await add({ title: 'Встреча с делегацией Брянской области', kind: 'встреча', startDate: '2021-09-17', city: 'Брянск', spheres: ['культура'], partners: ['Брянская область'] });
  await add({ title: 'Выставка «Смоленский лён»', kind: 'выставка', startDate: '2021-09-24', city: 'Орша', spheres: ['промышленность и торговля'] });
  await add({ title: 'Семинар для экспортеров', kind: 'семинар', startDate: '2021-02-10', format: 'remote', spheres: ['экономика'], partners: ['Республика Казахстан'] });
  await add({ title: 'Конкурс молодых исполнителей', kind: 'конкурс', startDate: '2021-05-20', city: 'Витебск', spheres: ['культура'] });
  await add({ title: 'Турнир по самбо', kind: 'турнир', startDate: '2021-11-12', city: 'Смоленск', spheres: ['спорт'] });
  return async (period: string, rounded = false) => (await buildReport(core, ReportInputSchema.parse({ period, rounded }))).paragraphs.map((p) => plain(p.text));
}

describe('the report of each kind of period', () => {
  it('a quarter, a half-year, a year, a month, one day and a range of days', async () => {
    const report = await periods();
    const q3 = await report('2021-Q3');
    expect(q3[0]).toBe('В III квартале 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Брянской области.');
    expect(q3.at(-2)).toBe('На протяжении III квартала 2021 года органами исполнительной власти Смоленской области осуществлялось сотрудничество, в том числе приграничное, с организациями Республики Беларусь и Брянской области в сферах промышленности и торговли, экономики и культуры.');
    expect(q3.at(-1)).toBe('Всего за отчетный период состоялись три мероприятия (форумы, встречи, выставки), проведенных на территории Смоленской области, Брянской области, а также на территории Республики Беларусь.');
    const h2 = await report('2021-H2');
    expect(h2[0]).toBe('Во II полугодии 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Брянской области.');
    expect(h2.at(-1)).toMatch(/^Всего за отчетный период состоялись четыре мероприятия \(/);
    const year = await report('2021');
    expect(year[0]).toBe('В 2021 году состоялись следующие мероприятия с участием представителей Республики Беларусь, Республики Казахстан и Брянской области.');
    expect(year.at(-1)).toMatch(/^Всего за отчетный период состоялось шесть мероприятий \(форумы, семинары, встречи, выставки, конкурсы, турниры\),/);
    const month = await report('2021-09');
    expect(month[0]).toBe('В сентябре 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Брянской области.');
    expect(month.at(-2)).toMatch(/^На протяжении сентября 2021 года органами/);
    const february = await report('2021-02');
    expect(february[0]).toBe('В феврале 2021 года состоялось следующее мероприятие с участием представителей Республики Казахстан.');
    expect(february.at(-1)).toBe('Всего за отчетный период состоялось одно мероприятие (семинар).');
    const day = await report('2021-09-17..2021-09-17');
    expect(day[0]).toBe('17 сентября 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Брянской области.');
    expect(day.at(-2)).toMatch(/^17 сентября 2021 года органами исполнительной власти Смоленской области осуществлялось сотрудничество/);
    expect(day.at(-1)).toMatch(/^Всего за отчетный период состоялись два мероприятия \(форумы, встречи\)/);
    const range = await report('2021-09-10..2021-11-20');
    expect(range[0]).toBe('В период с 10 сентября по 20 ноября 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Брянской области.');
    expect(range.at(-2)).toMatch(/^В период с 10 сентября по 20 ноября 2021 года органами/);
    expect(range.every((t) => !/На протяжении периода/.test(t))).toBe(true);
  });

  it('titles a range of days in words, as its text says it', async () => {
    const core = tempCore();
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2021-07-10..2021-08-20' }))).title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области за период с 10 июля по 20 августа 2021 года');
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2021-09-17..2021-09-17' }))).title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области за 17 сентября 2021 года');
  });

  it('rounds only down to a round number the count exceeds: 20 stays 20, 23 is «более 20», 3 stays «три»', async () => {
    const core = tempCore();
    const closing = async (period: string) => (await buildReport(core, ReportInputSchema.parse({ period, rounded: true }))).paragraphs.at(-1)?.text ?? '';
    for (let i = 0; i < 20; i++) await createEvent(core, eventInput({ title: `Семинар № ${i + 1}`, kind: 'семинар', startDate: '2022-03-10', city: 'Смоленск' }));
    for (let i = 0; i < 3; i++) await createEvent(core, eventInput({ title: `Конференция-выставка № ${i + 1}`, kind: 'Конференция-выставка', startDate: '2022-05-10', city: 'Смоленск' }));
    expect(await closing('2022-Q1')).toMatch(/^Всего за отчетный период состоялось 20 мероприятий \(семинары\), проведенных/);
    expect(await closing('2022-H1')).toMatch(/^Всего за отчетный период состоялось более 20 мероприятий \(семинары, конференции-выставки\), проведенных/);
    expect(await closing('2022-Q2')).toMatch(/^Всего за отчетный период состоялись три мероприятия \(конференции-выставки\), проведенных/);
  });
});

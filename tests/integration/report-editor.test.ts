// An editor's second reading of the report built from fields: events the corpus (report-corpus.test.ts)
// does not have — titles that are verbal nouns, wholly quoted names, compound place adjectives, venues of
// every shape, partners without forms, towns across Russia and Belarus, participants counted in numbers —
// each with the paragraph written out by hand, then the opening, closing and справка they make.
import { inOrder } from '../../electron/core/in-order';
import { describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { buildDocument, buildReport } from '../../electron/core/services/reports';
import { createAgreement } from '../../electron/core/services/agreements';
import { createEvent } from '../../electron/core/services/events';
import { createRef, listRefs } from '../../electron/core/services/references';
import { ensureMorphology } from '../../electron/core/report/morphology';
import { Gaps } from '../../electron/core/report/gaps';
import { locativeOf } from '../../electron/core/report/places';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import type { EventInputRaw } from '../../shared/schema/event';
import type { Settlement } from '../../shared/schema/reference';
import { ReportInputSchema } from '../../shared/schema/report';
import { declinePhrase, genitiveToNominative, isCommonStart, subjectGender } from '../../shared/ru/morph';
import { russianQuotes } from '../../shared/ru/grammar';
import { officialCountry } from '../../shared/ru/place';
import { eventInput, tempCore } from '../helpers';
import { addKind, addPlace, addRegion, plain } from '../support/report-lists';


async function lists(core: LocalCore) {
  const region = (name: string) => addRegion(core, name);
  const place = (name: string, parent: string, parentKind: 'region' | 'country', settlement: Settlement | null) => addPlace(core, name, parent, parentKind, settlement);
  for (const name of ['Республика Татарстан', 'Ростовская область', 'Белгородская область', 'Республика Марий Эл', 'Камчатский край']) await region(name);
  await place('Набережные Челны', 'Республика Татарстан', 'region', 'г.');
  await place('Ростов-на-Дону', 'Ростовская область', 'region', 'г.');
  await place('Старый Оскол', 'Белгородская область', 'region', 'г.');
  await place('Йошкар-Ола', 'Республика Марий Эл', 'region', 'г.');
  await place('Петропавловск-Камчатский', 'Камчатский край', 'region', 'г.');
  await place('Сергиев Посад', 'Московская область', 'region', 'г.');
  await place('Сморгонь', 'Гродненская область', 'region', 'г.');
  await place('Столбцы', 'Минская область', 'region', 'г.');
  await place('Жодино', 'Минская область', 'region', 'г.');
  await place('Молодечно', 'Минская область', 'region', 'г.');
  await place('Дятлово', 'Гродненская область', 'region', 'г. п.');
  await place('Лужесно', 'Витебская область', 'region', 'аг.');
  await place('Хиславичи', 'Смоленская область', 'region', 'пгт');
  await place('Талашкино', 'Смоленская область', 'region', 'с.');
  await createRef(core, { kind: 'country', name: 'Соединенные Штаты Америки', parentId: null });
  await createRef(core, { kind: 'country', name: 'Объединенные Арабские Эмираты', parentId: null });
  const kind = (name: string, gender: 'm' | 'f' | 'pl' | null) => addKind(core, name, gender);
  await kind('бизнес-миссия', 'f');
  await kind('пресс-тур', null);
  await kind('дни', null);
  await kind('сборы', null);
}

interface Case {
  event: Partial<EventInputRaw>;
  /** The paragraph as an editor of official documents writes it, by hand. */
  expected: string;
}

const CASES: Case[] = [
  // Titles that are verbal nouns: the action said of what it governs, the verb agreeing with that.
  { event: { title: 'Проведение совместного заседания коллегий', kind: 'заседание', startDate: '2024-01-17', city: 'Смоленск' },
    expected: '17 января 2024 года в г. Смоленске проведено совместное заседание коллегий.' },
  { event: { title: 'Организация поездки школьников в Брест', kind: 'визит', startDate: '2024-01-20', city: 'Брест' },
    expected: '20 января 2024 года в г. Бресте (Брестская область, Республика Беларусь) организована поездка школьников в Брест.' },
  { event: { title: 'Проведение XV Форума регионов', kind: 'форум', startDate: '2024-01-22', city: 'Смоленск' },
    expected: '22 января 2024 года в г. Смоленске проведен XV Форум регионов.' },
  { event: { title: 'Организация и проведение фестиваля', kind: 'фестиваль', startDate: '2024-01-23', city: 'Смоленск' },
    expected: '23 января 2024 года в г. Смоленске обеспечены организация и проведение фестиваля.' },
  { event: { title: 'Проведение круглого стола по вопросам экспорта', kind: 'круглый стол', startDate: '2024-01-24', city: 'Смоленск' },
    expected: '24 января 2024 года в г. Смоленске проведен круглый стол по вопросам экспорта.' },
  { event: { title: 'Организация выставки-ярмарки «Смоленский лён»', kind: 'ярмарка', startDate: '2024-01-25', city: 'Смоленск' },
    expected: '25 января 2024 года в г. Смоленске организована выставка-ярмарка «Смоленский лён».' },
  { event: { title: 'Обеспечение участия делегации Смоленской области в выставке «Белагро»', kind: 'выставка', startDate: '2024-01-26', city: 'Минск' },
    expected: '26 января 2024 года в г. Минске (Республика Беларусь) обеспечено участие делегации Смоленской области в выставке «Белагро».' },
  { event: { title: 'Подготовка к Форуму регионов Беларуси и России', kind: 'форум', startDate: '2024-01-27', city: 'Смоленск' },
    expected: '27 января 2024 года в г. Смоленске организована подготовка к Форуму регионов Беларуси и России.' },
  // Work on a document said as the document done; a collecting of things as the collecting organised; a «сбор» of people an event.
  { event: { title: 'Разработка плана мероприятий по реализации соглашения', kind: 'совещание', startDate: '2024-01-28', city: 'Смоленск' },
    expected: '28 января 2024 года в г. Смоленске разработан план мероприятий по реализации соглашения.' },
  { event: { title: 'Согласование проекта соглашения о сотрудничестве', kind: 'переговоры', startDate: '2024-01-29', city: 'Смоленск' },
    expected: '29 января 2024 года в г. Смоленске согласован проект соглашения о сотрудничестве.' },
  { event: { title: 'Сбор предложений в план мероприятий', kind: 'совещание', startDate: '2024-01-30', city: 'Смоленск' },
    expected: '30 января 2024 года в г. Смоленске организован сбор предложений в план мероприятий.' },
  { event: { title: 'Подготовка проекта соглашения', kind: 'совещание', startDate: '2024-01-31', city: 'Смоленск' },
    expected: '31 января 2024 года в г. Смоленске подготовлен проект соглашения.' },
  { event: { title: 'Сбор юных борцов', kind: 'сборы', startDate: '2024-02-02', city: 'Смоленск' },
    expected: '2 февраля 2024 года в г. Смоленске прошел сбор юных борцов.' },
  { event: { title: 'Участие в Международном форуме «Россия – Беларусь»', kind: 'форум', startDate: '2024-01-15', city: 'Минск' },
    expected: '15 января 2024 года в г. Минске (Республика Беларусь) организовано участие в Международном форуме «Россия – Беларусь».' },
  // A title wholly in quotes that names the event itself: not «ярмарка «Славянская ярмарка»».
  { event: { title: '«Славянская ярмарка»', kind: 'ярмарка', startDate: '2024-03-07', city: 'Ростов-на-Дону' },
    expected: '7 марта 2024 года в г. Ростове-на-Дону (Ростовская область) прошла «Славянская ярмарка».' },
  { event: { title: '«Вечер белорусской поэзии»', kind: 'акция', startDate: '2024-03-08', city: 'Смоленск' },
    expected: '8 марта 2024 года в г. Смоленске прошел «Вечер белорусской поэзии».' },
  // Capitals: a compound adjective of two places describes; the named heads («Дни …») stay; verbal nouns of the seed.
  { event: { title: 'Российско-белорусский бизнес-форум', kind: 'форум', startDate: '2024-07-01', city: 'Смоленск' },
    expected: '1 июля 2024 года в г. Смоленске прошел российско-белорусский бизнес-форум.' },
  { event: { title: 'Дни молодежи', kind: 'дни', startDate: '2024-07-02', city: 'Смоленск' },
    expected: '2 июля 2024 года в г. Смоленске прошли Дни молодежи.' },
  { event: { title: 'Видеоконференция с Министерством образования Республики Беларусь', kind: 'встреча', startDate: '2024-07-03', format: 'videoconference' },
    // The title says the format itself: no clause to repeat it.
    expected: '3 июля 2024 года состоялась видеоконференция с Министерством образования Республики Беларусь.' },
  { event: { title: 'Возложение цветов к Вечному огню', kind: 'акция', startDate: '2024-05-09', city: 'Смоленск' },
    expected: '9 мая 2024 года в г. Смоленске состоялось возложение цветов к Вечному огню.' },
  { event: { title: 'Гомельский областной исполнительный комитет: визит', kind: 'визит', startDate: '2024-07-04', city: 'Смоленск' },
    expected: '4 июля 2024 года в г. Смоленске состоялся визит «Гомельский областной исполнительный комитет: визит».' },
  // A town in «-о» other than «-ино/-ово» stays as named, as the department writes «в г. Гродно».
  { event: { title: 'Переговоры с руководством ОАО «Беларуськалий»', kind: 'переговоры', startDate: '2024-02-05', city: 'Молодечно', participants: 'Глава района' },
    expected: '5 февраля 2024 года в г. Молодечно (Минская область, Республика Беларусь) состоялись переговоры с руководством ОАО «Беларуськалий». В мероприятии принял участие глава района.' },
  { event: { title: 'Празднование 80-летия Победы в Великой Отечественной войне', kind: 'акция', startDate: '2024-05-10', city: 'Смоленск' },
    expected: '10 мая 2024 года в г. Смоленске состоялось празднование 80-летия Победы в Великой Отечественной войне.' },
  // Two events joined by «и»: the verb in the plural.
  { event: { title: 'Форум и выставка «Смоленский лён»', kind: 'форум', startDate: '2024-09-20', city: 'Смоленск' },
    expected: '20 сентября 2024 года в г. Смоленске прошли форум и выставка «Смоленский лён».' },
  { event: { title: 'Семинар и круглый стол для экспортеров', kind: 'семинар', startDate: '2024-09-21', city: 'Смоленск' },
    expected: '21 сентября 2024 года в г. Смоленске прошли семинар и круглый стол для экспортеров.' },
  // A title typed as a sentence goes on as a clerk's text does.
  { event: { title: 'Смоленский государственный университет провел олимпиаду для школьников Беларуси', kind: 'конкурс', startDate: '2024-03-12', city: 'Смоленск' },
    expected: '12 марта 2024 года в г. Смоленске Смоленский государственный университет провел олимпиаду для школьников Беларуси.' },
  { event: { title: 'Форум Живи ярко', kind: 'форум', startDate: '2024-03-13', city: 'Смоленск' },
    expected: '13 марта 2024 года в г. Смоленске прошел форум «Живи ярко».' },
  // Words after the head that are a name, not words it governs: in quotes.
  { event: { title: 'Конкурс Учитель года', kind: 'конкурс', startDate: '2024-03-16', city: 'Смоленск' },
    expected: '16 марта 2024 года в г. Смоленске прошел конкурс «Учитель года».' },
  { event: { title: 'Международный турнир Золотая шайба', kind: 'соревнования', startDate: '2024-03-17', city: 'Смоленск' },
    expected: '17 марта 2024 года в г. Смоленске прошел Международный турнир «Золотая шайба».' },
  { event: { title: 'Кубок Губернатора по мини-футболу', kind: 'соревнования', startDate: '2024-03-19', city: 'Смоленск' },
    expected: '19 марта 2024 года в г. Смоленске прошел Кубок Губернатора по мини-футболу.' },
  { event: { title: 'Форум Союзного государства', kind: 'форум', startDate: '2024-03-20', city: 'Смоленск' },
    expected: '20 марта 2024 года в г. Смоленске прошел форум Союзного государства.' },
  { event: { title: 'Форум ЕАЭС', kind: 'форум', startDate: '2024-03-21', city: 'Смоленск' },
    expected: '21 марта 2024 года в г. Смоленске прошел форум ЕАЭС.' },
  // Straight quotes typed in the fields become Russian ones, „…“ inside «…».
  { event: { title: 'Форум "Россия – Беларусь: ОАО "Лён" и партнеры"', kind: 'форум', startDate: '2024-03-15', city: 'Смоленск', venue: 'ДК "Строитель"' },
    expected: '15 марта 2024 года на базе ДК «Строитель» (г. Смоленск) прошел форум «Россия – Беларусь: ОАО „Лён“ и партнеры».' },
  // Plural-only heads and compound kinds.
  { event: { title: 'Учебно-тренировочные сборы юных борцов', kind: 'сборы', startDate: '2024-02-01', endDate: '2024-02-10', city: 'Жодино' },
    expected: 'В период с 1 по 10 февраля 2024 года в г. Жодине (Минская область, Республика Беларусь) прошли учебно-тренировочные сборы юных борцов.' },
  { event: { title: 'Консультации по вопросам экспорта', kind: 'переговоры', startDate: '2024-02-03', city: 'Столбцы', participants: 'Ансамбль «Вяселле»' },
    expected: '3 февраля 2024 года в г. Столбцах (Минская область, Республика Беларусь) состоялись консультации по вопросам экспорта. В мероприятии принял участие ансамбль «Вяселле».' },
  { event: { title: 'Бизнес-миссия смоленских экспортеров', kind: 'бизнес-миссия', startDate: '2024-02-12', endDate: '2024-02-14', city: 'Набережные Челны' },
    expected: 'В период с 12 по 14 февраля 2024 года в г. Набережных Челнах (Республика Татарстан) состоялась бизнес-миссия смоленских экспортеров.' },
  { event: { title: 'Пресс-тур для журналистов Республики Беларусь', kind: 'пресс-тур', startDate: '2024-02-19', city: 'Хиславичи' },
    expected: '19 февраля 2024 года в пгт Хиславичи прошел пресс-тур для журналистов Республики Беларусь.' },
  // Venues: a building «в …», a ground «на …», an institution «на базе …» in the genitive, its name's capital kept.
  { event: { title: 'Совещание по вопросам миграции', kind: 'совещание', startDate: '2024-03-18', city: 'Смоленск', venue: 'здание Администрации Смоленской области', participants: 'Заместитель Губернатора Смоленской области' },
    expected: '18 марта 2024 года в здании Администрации Смоленской области (г. Смоленск) прошло совещание по вопросам миграции. В мероприятии принял участие заместитель Губернатора Смоленской области.' },
  { event: { title: 'Игры дружбы', kind: 'соревнования', startDate: '2024-08-13', city: 'Сморгонь', venue: 'Стадион «Спартак»', participants: 'Команды из пяти стран' },
    expected: '13 августа 2024 года на стадионе «Спартак» (г. Сморгонь, Гродненская область, Республика Беларусь) прошли игры дружбы. В мероприятии приняли участие команды из пяти стран.' },
  { event: { title: 'Гастроли ансамбля «Песняры»', kind: 'концерт', startDate: '2024-08-15', city: 'Смоленск', venue: 'Дворец спорта «Юбилейный»' },
    expected: '15 августа 2024 года во дворце спорта «Юбилейный» (г. Смоленск) состоялись гастроли ансамбля «Песняры».' },
  { event: { title: 'Чтения памяти М. И. Глинки', kind: 'конференция', startDate: '2024-08-11', city: 'Смоленск', venue: 'Смоленский областной драматический театр им. А. С. Грибоедова' },
    expected: '11 августа 2024 года в Смоленском областном драматическом театре им. А. С. Грибоедова (г. Смоленск) прошли чтения памяти М. И. Глинки.' },
  { event: { title: 'Научно-практическая конференция «Гродненские чтения»', kind: 'конференция', startDate: '2024-03-14', city: 'Гродно', venue: 'Гродненский государственный университет имени Янки Купалы' },
    expected: '14 марта 2024 года на базе Гродненского государственного университета имени Янки Купалы (г. Гродно, Гродненская область, Республика Беларусь) прошла научно-практическая конференция «Гродненские чтения».' },
  { event: { title: 'Мастер-класс по народным промыслам', kind: 'мастер-класс', startDate: '2024-02-21', city: 'Лужесно', venue: 'ДК «Строитель»' },
    expected: '21 февраля 2024 года на базе ДК «Строитель» (аг. Лужесно, Витебская область, Республика Беларусь) прошел мастер-класс по народным промыслам.' },
  { event: { title: 'Праздник урожая', kind: 'акция', startDate: '2024-09-01', city: 'Талашкино', venue: 'Парк культуры и отдыха' },
    expected: '1 сентября 2024 года в парке культуры и отдыха (с. Талашкино) прошел праздник урожая.' },
  // A region or country with no town: said in the locative, the home region left unsaid.
  { event: { title: 'Конкурс социальных проектов', kind: 'конкурс', startDate: '2024-10-01', region: 'Витебская область', country: 'Республика Беларусь' },
    expected: '1 октября 2024 года в Витебской области (Республика Беларусь) прошел конкурс социальных проектов.' },
  { event: { title: 'Выставка товаров смоленских производителей', kind: 'выставка', startDate: '2024-10-02', country: 'Республика Казахстан' },
    expected: '2 октября 2024 года в Республике Казахстан прошла выставка товаров смоленских производителей.' },
  { event: { title: 'Акция «Чистый берег»', kind: 'акция', startDate: '2024-10-03', region: 'Смоленская область' },
    expected: '3 октября 2024 года состоялась акция «Чистый берег».' },
  // Towns across Russia and Belarus in the locative; settlement types.
  { event: { title: 'Кубок Смоленской области по футболу', kind: 'соревнования', startDate: '2024-07-10', city: 'Смоленск' },
    expected: '10 июля 2024 года в г. Смоленске прошел Кубок Смоленской области по футболу.' },
  { event: { title: 'Ночь музеев', kind: 'акция', startDate: '2024-05-18', city: 'Смоленск' },
    expected: '18 мая 2024 года в г. Смоленске состоялась акция «Ночь музеев».' },
  // A part of an event named by the event: the title is the subject.
  { event: { title: 'Региональный этап Всероссийского конкурса «Учитель года»', kind: 'конкурс', startDate: '2024-07-05', city: 'Смоленск' },
    expected: '5 июля 2024 года в г. Смоленске прошел региональный этап Всероссийского конкурса «Учитель года».' },
  { event: { title: 'Закрытие фестиваля «Славянский базар»', kind: 'фестиваль', startDate: '2024-07-06', city: 'Смоленск' },
    expected: '6 июля 2024 года в г. Смоленске состоялось закрытие фестиваля «Славянский базар».' },
  { event: { title: 'Открытый чемпионат по боксу', kind: 'соревнования', startDate: '2024-07-09', city: 'Старый Оскол' },
    expected: '9 июля 2024 года в г. Старом Осколе (Белгородская область) прошел открытый чемпионат по боксу.' },
  { event: { title: 'Официальный визит делегации Витебской области', kind: 'визит', startDate: '2024-07-17', city: 'Йошкар-Ола', participants: 'Председатель Витебского облисполкома' },
    expected: '17 июля 2024 года в г. Йошкар-Оле (Республика Марий Эл) состоялся официальный визит делегации Витебской области. В мероприятии принял участие председатель Витебского облисполкома.' },
  { event: { title: 'Торжественная церемония награждения победителей', kind: 'акция', startDate: '2024-07-19', city: 'Петропавловск-Камчатский', participants: 'Студенты и преподаватели вузов' },
    expected: '19 июля 2024 года в г. Петропавловске-Камчатском (Камчатский край) состоялась торжественная церемония награждения победителей. В мероприятии приняли участие студенты и преподаватели вузов.' },
  { event: { title: 'Форум предпринимателей Дона', kind: 'форум', startDate: '2024-07-20', city: 'Каменск-Шахтинский', region: 'Ростовская область' },
    expected: '20 июля 2024 года в г. Каменске-Шахтинском (Ростовская область) прошел форум предпринимателей Дона.' },
  { event: { title: 'Форум предпринимателей Дальнего Востока', kind: 'форум', startDate: '2024-07-21', city: 'Комсомольск-на-Амуре', region: 'Хабаровский край' },
    expected: '21 июля 2024 года в г. Комсомольске-на-Амуре (Хабаровский край) прошел форум предпринимателей Дальнего Востока.' },
  { event: { title: 'Форум молодежи Бурятии', kind: 'форум', startDate: '2024-07-22', city: 'Улан-Удэ', region: 'Республика Бурятия' },
    expected: '22 июля 2024 года в г. Улан-Удэ (Республика Бурятия) прошел форум молодежи Бурятии.' },
  { event: { title: 'Телемост «Смоленск – Минск»', kind: 'встреча', startDate: '2024-08-01', city: 'Сергиев Посад', participants: '5 человек' },
    expected: '1 августа 2024 года в г. Сергиевом Посаде (Московская область) состоялся телемост «Смоленск – Минск». В мероприятии приняли участие 5 человек.' },
  { event: { title: 'Фестиваль-конкурс «Вытокi»', kind: 'фестиваль', startDate: '2024-03-27', city: 'Дятлово', participants: 'Более 200 человек' },
    expected: '27 марта 2024 года в г. п. Дятлово (Гродненская область, Республика Беларусь) прошел фестиваль-конкурс «Вытокi». В мероприятии приняли участие более 200 человек.' },
  // Each participant lowered where the capital is only a sentence's; a body's official name keeps its own.
  { event: { title: 'Встреча с делегацией Витебской области', kind: 'встреча', startDate: '2024-09-12', city: 'Смоленск', participants: 'Губернатор Смоленской области и Председатель Витебского облисполкома', outcomes: 'Администрация Смоленской области и Витебский облисполком договорились о проведении форума' },
    expected: '12 сентября 2024 года в г. Смоленске состоялась встреча с делегацией Витебской области. В мероприятии приняли участие Губернатор Смоленской области и председатель Витебского облисполкома. В рамках мероприятия Администрация Смоленской области и Витебский облисполком договорились о проведении форума.' },
  // A person named, then the post after a comma: one participant, the verb agreeing with the first name.
  { event: { title: 'Совещание по вопросам образования', kind: 'совещание', startDate: '2024-09-15', city: 'Смоленск', participants: 'Ольга Окунева, заместитель Губернатора Смоленской области' },
    expected: '15 сентября 2024 года в г. Смоленске прошло совещание по вопросам образования. В мероприятии приняла участие Ольга Окунева, заместитель Губернатора Смоленской области.' },
  { event: { title: 'Совещание по вопросам экспорта', kind: 'совещание', startDate: '2024-09-16', city: 'Смоленск', participants: 'Василий Анохин, Губернатор Смоленской области' },
    expected: '16 сентября 2024 года в г. Смоленске прошло совещание по вопросам экспорта. В мероприятии принял участие Василий Анохин, Губернатор Смоленской области.' },
  { event: { title: 'Совещание по вопросам туризма', kind: 'совещание', startDate: '2024-09-17', city: 'Смоленск', participants: 'Ольга Окунева, заместитель Губернатора, и Иван Петров, начальник департамента' },
    expected: '17 сентября 2024 года в г. Смоленске прошло совещание по вопросам туризма. В мероприятии приняли участие Ольга Окунева, заместитель Губернатора, и Иван Петров, начальник департамента.' },
  { event: { title: 'Форум молодежи', kind: 'форум', startDate: '2024-09-14', city: 'Смоленск', venue: 'Зал заседаний Администрации Смоленской области', format: 'hybrid' },
    expected: '14 сентября 2024 года в зале заседаний Администрации Смоленской области (г. Смоленск) прошел форум молодежи (в очном и дистанционном форматах).' },
  // Partners with no forms in the list, a participle among their words; a hybrid event with a city.
  { event: { title: 'Встреча с представителями Соединенных Штатов Америки', kind: 'встреча', startDate: '2024-03-28', format: 'hybrid', city: 'Смоленск', partners: ['Соединенные Штаты Америки'] },
    expected: '28 марта 2024 года в г. Смоленске состоялась встреча с представителями Соединенных Штатов Америки (в очном и дистанционном форматах).' },
  { event: { title: 'Рабочий визит в Объединенные Арабские Эмираты', kind: 'визит', startDate: '2024-09-13', city: 'Смоленск', format: 'videoconference', partners: ['Объединенные Арабские Эмираты'] },
    expected: '13 сентября 2024 года в г. Смоленске состоялся рабочий визит в Объединенные Арабские Эмираты (в формате видео-конференц-связи).' },
];

async function register() {
  const core = tempCore();
  await lists(core);
  const ids = await inOrder(CASES, async ({ event }) => (await createEvent(core, eventInput(event))).id);
  return { core, ids };
}

describe('an editor\'s second reading of paragraphs built from fields', () => {
  it('writes each event as written out by hand', async () => {
    const { core, ids } = await register();
    const report = await buildReport(core, ReportInputSchema.parse({ period: '2024' }));
    const byEvent = new Map(report.paragraphs.filter((p) => p.eventId !== null).map((p) => [p.eventId, plain(p.text)]));
    expect(ids.map((id) => byEvent.get(id))).toEqual(CASES.map((c) => c.expected));
  });

  it('declines a partner the list has no forms for, a participle too, and asks the clerk to confirm', async () => {
    const { core } = await register();
    const report = await buildReport(core, ReportInputSchema.parse({ period: '2024-Q1' }));
    expect(plain(report.paragraphs[0]?.text ?? '')).toBe('В I квартале 2024 года состоялись следующие мероприятия с участием представителей Республики Беларусь, Соединенных Штатов Америки, Республики Татарстан и Ростовской области.');
    const gap = (field: string) => report.gaps.find((g) => g.name === 'Соединенные Штаты Америки' && g.field === field)?.guess;
    expect(gap('genitive')).toBe('Соединенных Штатов Америки');
    expect(gap('instrumental')).toBe('Соединенными Штатами Америки');
  });

  it('names the country an event was held in though no partner was entered, in the report and the справка', async () => {
    const core = tempCore();
    await createEvent(core, eventInput({ title: 'Выставка детского рисунка', kind: 'выставка', startDate: '2024-04-10', city: 'Витебск' }));
    await createEvent(core, eventInput({ title: 'Программа «Земский доктор»', kind: 'программа', startDate: '2024-01-01', datePrecision: 'year' }));
    const report = (await buildReport(core, ReportInputSchema.parse({ period: '2024-04-10..2024-04-10' }))).paragraphs.map((p) => plain(p.text));
    expect(report[0]).toBe('10 апреля 2024 года состоялись следующие мероприятия с участием представителей Республики Беларусь.');
    // The programme runs, it is not a kind of event held: the one kind held once stays singular.
    expect(report.at(-1)).toBe('Всего за отчетный период состоялись два мероприятия (выставка), проведенных на территории Республики Беларусь.');
    const spravka = await buildDocument(core, ReportInputSchema.parse({ period: '2024-Q2', kind: 'spravka' }));
    expect(plain(spravka.paragraphs[0]?.text ?? '')).toBe('Во II квартале 2024 года состоялись два мероприятия международного сотрудничества с участием представителей Республики Беларусь.');
    // No spheres entered: no table of nothing; the country it was held in counts among the partners.
    expect(spravka.tables.map((t) => t.caption)).toEqual(['Таблица 1 – Мероприятия по партнерам']);
    expect(spravka.tables[0]?.rows).toEqual([['1.', 'Республика Беларусь', '1']]);
    expect(spravka.paragraphs.map((p) => p.text)).toContain('Распределение мероприятий по партнерам приведено в таблице 1 (мероприятие с несколькими партнерами учтено у каждого из них).');
  });

  it('tables a справка by partner alone when no spheres are entered', async () => {
    const core = tempCore();
    await createEvent(core, eventInput({ title: 'Встреча с делегацией Брестской области', kind: 'встреча', startDate: '2024-05-10', city: 'Смоленск', partners: ['Брестская область'] }));
    const spravka = await buildDocument(core, ReportInputSchema.parse({ period: '2024-Q2', kind: 'spravka' }));
    expect(spravka.tables.map((t) => t.caption)).toEqual(['Таблица 1 – Мероприятия по партнерам']);
    expect(spravka.paragraphs.map((p) => p.text)).toContain('Распределение мероприятий по партнерам приведено в таблице 1 (мероприятие с несколькими партнерами учтено у каждого из них).');
  });
});

describe('the order of a period\'s paragraphs', () => {
  it('puts an event known to months after the dated events of its last month, a quarter\'s after its quarter\'s, the year\'s last', async () => {
    const core = tempCore();
    const add = (raw: Partial<EventInputRaw>) => createEvent(core, eventInput({ kind: 'конкурс', city: 'Смоленск', ...raw }));
    await add({ title: 'Программа «Земский доктор»', kind: 'программа', startDate: '2024-01-01', datePrecision: 'year', city: null });
    await add({ title: 'Конкурс на лучший проект', startDate: '2024-04-01', datePrecision: 'quarter' });
    await add({ title: 'Заочный конкурс детских рисунков', startDate: '2024-04-01', endDate: '2024-05-31', datePrecision: 'month' });
    await add({ title: 'Конкурс чтецов', startDate: '2024-04-12' });
    await add({ title: 'Конкурс хоров', startDate: '2024-05-27' });
    await add({ title: 'Конкурс песни', startDate: '2024-06-05' });
    const report = (await buildReport(core, ReportInputSchema.parse({ period: '2024-H1' }))).paragraphs.filter((p) => p.eventId !== null).map((p) => plain(p.text));
    expect(report).toEqual([
      '12 апреля 2024 года в г. Смоленске прошел конкурс чтецов.',
      '27 мая 2024 года в г. Смоленске прошел конкурс хоров.',
      'В период с апреля по май 2024 года в г. Смоленске прошел заочный конкурс детских рисунков.',
      '5 июня 2024 года в г. Смоленске прошел конкурс песни.',
      'Во II квартале 2024 года в г. Смоленске прошел конкурс на лучший проект.',
      'В течение 2024 года реализовывалась программа «Земский доктор».',
    ]);
  });
});

describe('the closing of a period held at a distance', () => {
  it('says «все» when every event was remote, «большая часть» when most were', async () => {
    const core = tempCore();
    for (const day of ['10', '11', '12']) await createEvent(core, eventInput({ title: 'Семинар для экспортеров', kind: 'семинар', startDate: `2024-03-${day}`, format: 'videoconference' }));
    await createEvent(core, eventInput({ title: 'Форум регионов', kind: 'форум', startDate: '2024-04-10', city: 'Смоленск' }));
    const closing = async (period: string) => plain((await buildReport(core, ReportInputSchema.parse({ period }))).paragraphs.at(-1)?.text ?? '');
    expect(await closing('2024-Q1')).toBe('Все мероприятия были проведены в дистанционном формате.');
    expect(await closing('2024-H1')).toBe('Большая часть мероприятий была проведена в дистанционном формате.');
  });
});

describe('the kinds in the closing', () => {
  it('keeps what has no plural as it is', async () => {
    const core = tempCore();
    await createEvent(core, eventInput({ title: 'Обучение специалистов', kind: 'обучение', startDate: '2024-03-10', city: 'Смоленск' }));
    await createEvent(core, eventInput({ title: 'Обучение волонтеров', kind: 'обучение', startDate: '2024-03-11', city: 'Смоленск' }));
    await createEvent(core, eventInput({ title: 'Семинар для экспортеров', kind: 'семинар', startDate: '2024-03-12', city: 'Смоленск' }));
    const closing = (await buildReport(core, ReportInputSchema.parse({ period: '2024-Q1' }))).paragraphs.at(-1)?.text ?? '';
    expect(plain(closing)).toBe('Всего за отчетный период состоялись три мероприятия (обучение, семинары), проведенных на территории Смоленской области.');
  });
});

describe('countries and regions typed short', () => {
  it('writes and counts them by their official names: no «Россия» after a Russian town, one Belarus', async () => {
    const core = tempCore();
    const add = (raw: Partial<EventInputRaw>) => createEvent(core, eventInput({ kind: 'форум', ...raw }));
    await add({ title: 'Форум предпринимателей', startDate: '2024-05-01', city: 'Брянск', country: 'Россия' });
    await add({ title: 'Форум молодежи', startDate: '2024-05-02', city: 'Курск', region: 'Курская область', country: 'РФ' });
    await add({ title: 'Форум регионов', startDate: '2024-05-03', city: 'Минск', country: 'Беларусь' });
    await add({ title: 'Форум мастеров', startDate: '2024-05-04', city: 'Гомель', region: 'Гомельская обл.', country: 'Республика Беларусь' });
    const report = (await buildReport(core, ReportInputSchema.parse({ period: '2024-05' }))).paragraphs.map((p) => plain(p.text));
    expect(report).toEqual([
      'В мае 2024 года состоялись следующие мероприятия с участием представителей Республики Беларусь, Брянской области и Курской области.',
      '1 мая 2024 года в г. Брянске (Брянская область) прошел форум предпринимателей.',
      '2 мая 2024 года в г. Курске (Курская область) прошел форум молодежи.',
      '3 мая 2024 года в г. Минске (Республика Беларусь) прошел форум регионов.',
      '4 мая 2024 года в г. Гомеле (Гомельская область, Республика Беларусь) прошел форум мастеров.',
      'На протяжении мая 2024 года органами исполнительной власти Смоленской области осуществлялось сотрудничество с организациями Республики Беларусь, Брянской области и Курской области.',
      'Всего за отчетный период состоялись четыре мероприятия (форумы), проведенных на территории Брянской области, Курской области, а также на территории Республики Беларусь.',
    ]);
    expect(officialCountry('КНР')).toBe('Китайская Народная Республика');
    expect(officialCountry('Киргизия')).toBe('Кыргызская Республика');
    expect(officialCountry('Республика Сербия')).toBe('Республика Сербия');
  });
});

describe('the plan\'s place cell', () => {
  it('names the region or country of an event with no town', async () => {
    const core = tempCore();
    await createEvent(core, eventInput({ title: 'Конкурс социальных проектов', kind: 'конкурс', startDate: '2024-10-01', region: 'Витебская область', country: 'Республика Беларусь', status: 'planned' }));
    await createEvent(core, eventInput({ title: 'Выставка товаров', kind: 'выставка', startDate: '2024-10-02', country: 'Республика Казахстан', status: 'planned' }));
    const plan = await buildDocument(core, ReportInputSchema.parse({ period: '2024', kind: 'plan' }));
    expect(plan.tables[0]?.rows.map((r) => r[3])).toEqual(['Витебская область (Республика Беларусь)', 'Республика Казахстан']);
  });
});

describe('agreements named as the seed names them', () => {
  it('declines a title headed by its document word after adjectives, and names a bare subject by its kind', async () => {
    const core = tempCore();
    const joint = await createAgreement(core, AgreementInputSchema.parse({ kind: 'agreement', title: 'Смоленско-Витебское соглашение о партнерстве', signedOn: '2016-05-05', parties: ['Витебский областной исполнительный комитет'] }));
    const bare = await createAgreement(core, AgreementInputSchema.parse({ kind: 'agreement', title: 'О сотрудничестве в области культуры', signedOn: '2018-09-09', parties: ['Витебский областной исполнительный комитет'] }));
    await createEvent(core, eventInput({ title: 'Заседание рабочей группы', kind: 'заседание', startDate: '2024-05-10', city: 'Смоленск', agreementId: joint.id }));
    await createEvent(core, eventInput({ title: 'Встреча руководителей учреждений культуры', kind: 'встреча', startDate: '2024-05-17', city: 'Смоленск', agreementId: bare.id }));
    const report = (await buildReport(core, ReportInputSchema.parse({ period: '2024-Q2' }))).paragraphs.map((p) => plain(p.text));
    expect(report).toContain('10 мая 2024 года в г. Смоленске прошло заседание рабочей группы в рамках Смоленско-Витебского соглашения о партнерстве от 5 мая 2016 года.');
    expect(report).toContain('17 мая 2024 года в г. Смоленске состоялась встреча руководителей учреждений культуры в рамках соглашения «О сотрудничестве в области культуры» от 9 сентября 2018 года.');
    const table = (await buildDocument(core, ReportInputSchema.parse({ period: '2024-Q2', kind: 'agreements' }))).tables[0];
    expect(table?.rows.map((r) => plain(r[1] ?? ''))).toEqual([
      'Смоленско-Витебское соглашение о партнерстве от 5 мая 2016 года',
      'Соглашение «О сотрудничестве в области культуры» от 9 сентября 2018 года',
    ]);
  });
});

describe('the morphology behind them', () => {
  it('puts towns the dictionary misreads in the locative', () => {
    ensureMorphology();
    const gaps = new Gaps();
    const where = (name: string) => locativeOf(name, undefined, gaps);
    // Marked indeclinable by the dictionary, declined in Russian.
    expect(where('Несвиж')).toBe('Несвиже');
    expect(where('Лиски')).toBe('Лисках');
    // A possessive adjective before the noun; an adjective alone; a fleeting vowel.
    expect(where('Марьина Горка')).toBe('Марьиной Горке');
    expect(where('Петров Вал')).toBe('Петровом Вале');
    expect(where('Глубокое')).toBe('Глубоком');
    expect(where('Вышний Волочёк')).toBe('Вышнем Волочке');
    // Two nouns of one name, each in the case.
    expect(where('Набережные Челны')).toBe('Набережных Челнах');
    expect(declinePhrase('г. Набережные Челны', 'gent').text).toBe('г. Набережных Челнов');
    expect(gaps.list()).toEqual([]);
    // A town's noun with an adjective after it: both decline; «-на-…» and an indeclinable first part keep theirs.
    expect(where('Каменск-Шахтинский')).toBe('Каменске-Шахтинском');
    expect(where('Ленинск-Кузнецкий')).toBe('Ленинске-Кузнецком');
    expect(where('Усолье-Сибирское')).toBe('Усолье-Сибирском');
    expect(where('Петропавловск-Камчатский')).toBe('Петропавловске-Камчатском');
    expect(where('Комсомольск-на-Амуре')).toBe('Комсомольске-на-Амуре');
    expect(where('Ростов-на-Дону')).toBe('Ростове-на-Дону');
    expect(where('Йошкар-Ола')).toBe('Йошкар-Оле');
    expect(where('Улан-Удэ')).toBe('Улан-Удэ');
    expect(declinePhrase('г. Каменск-Уральский', 'gent').text).toBe('г. Каменска-Уральского');
    // Kept: the department's «Гродно», indeclinable «Сочи», declined «-ово».
    expect(where('Молодечно')).toBe('Молодечно');
    expect(where('Сочи')).toBe('Сочи');
    expect(where('Кемерово')).toBe('Кемерове');
  });

  it('turns typed straight quotes into Russian ones, leaving what does not pair', () => {
    expect(russianQuotes('Форум "Россия – Беларусь: ОАО "Лён" и партнеры"')).toBe('Форум «Россия – Беларусь: ОАО „Лён“ и партнеры»');
    expect(russianQuotes('«Клуб "Лён"»')).toBe('«Клуб „Лён“»');
    expect(russianQuotes('Экран 5" дюймов')).toBe('Экран 5" дюймов');
  });

  it('reads the words an editor caught', () => {
    ensureMorphology();
    expect(declinePhrase('Соединенные Штаты Америки', 'gent').text).toBe('Соединенных Штатов Америки');
    expect(declinePhrase('Объединенные Арабские Эмираты', 'ablt').text).toBe('Объединенными Арабскими Эмиратами');
    expect(declinePhrase('г. Москва', 'gent').text).toBe('г. Москвы');
    expect(declinePhrase('город Ростов-на-Дону', 'gent').text).toBe('города Ростова-на-Дону');
    // Two phrases joined right after the head both decline; a genitive after the head stays.
    expect(declinePhrase('физическая культура и спорт', 'gent').text).toBe('физической культуры и спорта');
    expect(declinePhrase('Гомельский облисполком и Администрация Смоленской области', 'ablt').text).toBe('Гомельским облисполкомом и Администрацией Смоленской области');
    expect(declinePhrase('Министерство образования и науки', 'gent').text).toBe('Министерства образования и науки');
    expect(genitiveToNominative('совместного заседания коллегий')).toEqual({ text: 'совместное заседание коллегий', gender: 'n' });
    expect(genitiveToNominative('и проведение фестиваля')).toBeNull();
    expect(subjectGender('5 человек')).toBe('pl');
    expect(subjectGender('Около 50 мастеров')).toBe('pl');
    expect(subjectGender('Делегация из 15 человек')).toBe('f');
    expect(isCommonStart('Российско-белорусский бизнес-форум')).toBe(true);
    expect(isCommonStart('Российско-Белорусский бизнес-форум')).toBe(false);
    expect(isCommonStart('Гродненский государственный университет')).toBe(false);
    expect(isCommonStart('Белорусский государственный университет')).toBe(false);
    expect(isCommonStart('Областной фестиваль народного творчества')).toBe(true);
    expect(isCommonStart('Открытый областной турнир по боксу')).toBe(true);
    expect(isCommonStart('Смоленская областная филармония')).toBe(false);
    expect(isCommonStart('Дни молодежи', ['дни'])).toBe(false);
    // Participants: one person with a two-adjective title; state bodies by their official names.
    expect(subjectGender('Чрезвычайный и Полномочный Посол Республики Беларусь в Российской Федерации Дмитрий Крутой')).toBe('m');
    expect(isCommonStart('Чрезвычайный и Полномочный Посол Республики Беларусь')).toBe(false);
    expect(isCommonStart('Администрация Смоленской области')).toBe(false);
    expect(isCommonStart('Министерство культуры Республики Беларусь')).toBe(false);
    expect(isCommonStart('Министерство культуры')).toBe(true);
    // Trophies, holidays and the feasts' adjectives open names.
    expect(isCommonStart('Кубок Смоленской области по футболу')).toBe(false);
    expect(isCommonStart('Масленица в Смоленске')).toBe(false);
    expect(isCommonStart('Рождественские чтения')).toBe(false);
    expect(isCommonStart('Ночь музеев')).toBe(false);
    expect(isCommonStart('Молодежный форум')).toBe(true);
    expect(subjectGender('Старший и младший научные сотрудники')).toBe('pl');
    expect(subjectGender('Ольга Окунева, заместитель Губернатора Смоленской области')).toBe('f');
    expect(subjectGender('Окунева О. В., заместитель Губернатора Смоленской области')).toBe('f');
    expect(subjectGender('Глава района, его заместитель')).toBe('pl');
    expect(subjectGender('Делегация, представители бизнеса')).toBe('pl');
  });
});

describe('partners the lists do not know', () => {
  it('takes a state named by its form of government or a one-word name in «-ия» for a country, and names it in the opening', async () => {
    const core = tempCore();
    await createEvent(core, eventInput({ title: 'Встреча с делегацией', kind: 'встреча', startDate: '2024-01-13', city: 'Смоленск', partners: ['Государство Израиль', 'Япония', 'Монголия'] }));
    await createEvent(core, eventInput({ title: 'Встреча с делегацией', kind: 'встреча', startDate: '2024-01-14', city: 'Смоленск', partners: ['Королевство Испания', 'Федеративная Республика Германия', 'Социалистическая Республика Вьетнам'] }));
    await createEvent(core, eventInput({ title: 'Встреча с представителями', kind: 'встреча', startDate: '2024-01-15', city: 'Смоленск', partners: ['Ассоциация', 'ОАО «Беларуськалий»'] }));
    const countries = (await listRefs(core, 'country', true, false)).map((r) => r.name);
    for (const name of ['Государство Израиль', 'Япония', 'Монголия', 'Королевство Испания', 'Федеративная Республика Германия', 'Социалистическая Республика Вьетнам']) expect(countries).toContain(name);
    expect(countries).not.toContain('Ассоциация');
    expect((await listRefs(core, 'organisation', true, false)).map((r) => r.name)).toEqual(expect.arrayContaining(['Ассоциация', 'ОАО «Беларуськалий»']));
    // A report of one partner names it in its title, «со» before «с» and a consonant.
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2024-01', partner: 'Социалистическая Республика Вьетнам' }))).title)
      .toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области с Социалистической Республикой Вьетнам за январь 2024 года');
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2024-01', partner: 'Государство Израиль' }))).title)
      .toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области с Государством Израиль за январь 2024 года');
    const opening = plain((await buildReport(core, ReportInputSchema.parse({ period: '2024-01' }))).paragraphs[0]?.text ?? '');
    expect(opening).toBe('В январе 2024 года состоялись следующие мероприятия с участием представителей Государства Израиль, Японии, Монголии, Королевства Испания, Федеративной Республики Германия и Социалистической Республики Вьетнам.');
  });
});

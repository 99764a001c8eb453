// The Russian and Belarusian header words partners use for each field, and the fuzzy match of a header text to them.
import type { ImportField } from '../../../shared/schema/import';
import { foldLookalikes } from '../../../shared/ru/lookalikes';
import { foldYo } from '../../../shared/ru/normalize';

/** «№ п/п» and its kin: a header cell that belongs to the table but fills no field. */
export const NUMBER_COLUMN = 'number';
export type HeaderMeaning = ImportField | typeof NUMBER_COLUMN;

const SYNONYMS: Record<HeaderMeaning, readonly string[]> = {
  number: ['№', '№ п/п', 'п/п', 'n', 'no', 'номер', 'номер п/п', '№ пп', 'пп', 'id', 'номер мероприятия'],
  title: [
    'наименование мероприятия', 'мероприятие', 'название', 'наименование', 'название мероприятия', 'мероприятия',
    'тема', 'тема мероприятия', 'содержание мероприятия', 'наименование мероприятий', 'содержание',
  ],
  kind: ['вид мероприятия', 'вид', 'тип мероприятия', 'тип', 'форма мероприятия'],
  startDate: [
    'срок проведения', 'сроки', 'сроки проведения', 'срок', 'даты', 'дата', 'дата проведения', 'период проведения',
    'время проведения', 'срок исполнения', 'сроки исполнения', 'дата начала', 'начало', 'с', 'период', 'когда',
  ],
  endDate: ['дата окончания', 'окончание', 'по', 'дата завершения', 'завершение', 'до'],
  city: ['место проведения', 'город', 'место', 'населенный пункт', 'город проведения', 'место проведения город'],
  region: ['регион', 'область', 'регион проведения'],
  country: ['страна', 'государство', 'страна проведения'],
  venue: ['площадка', 'адрес', 'место площадка', 'площадка проведения', 'адрес проведения'],
  format: ['формат', 'форма проведения', 'формат проведения', 'форма участия', 'формат участия'],
  spheres: ['сфера сотрудничества', 'сфера', 'сферы', 'направление', 'направление сотрудничества', 'отрасль', 'сферы сотрудничества'],
  partners: ['партнер', 'партнеры', 'организация партнер', 'сторона', 'стороны', 'зарубежный партнер', 'регион партнер', 'партнеры мероприятия'],
  participants: ['участники', 'состав участников', 'участники мероприятия', 'количество участников', 'состав делегации', 'делегация'],
  organizer: [
    'ответственные исполнители', 'ответственный исполнитель', 'ответственный', 'исполнитель', 'исполнители',
    'организатор', 'организаторы', 'ответственные', 'ответственные за проведение',
  ],
  outcomes: ['результат', 'результаты', 'итоги', 'итог', 'результат проведения', 'итоги проведения', 'достигнутые результаты'],
  description: ['примечание', 'примечания', 'описание', 'комментарий', 'краткое описание', 'информация', 'дополнительная информация'],
  datePrecision: ['точность даты', 'точность'],
  agreementId: ['id соглашения', 'соглашение', 'номер соглашения', 'в рамках соглашения', 'договор', 'соглашение договор'],
  status: ['статус', 'отметка о выполнении', 'выполнение', 'состояние', 'отметка об исполнении', 'исполнение'],
};

/** The same in Belarusian: plans of Belarusian committees are often headed so. */
const BELARUSIAN: Partial<Record<HeaderMeaning, readonly string[]>> = {
  number: ['№ з/п', 'з/п', 'нумар', 'нумар з/п'],
  title: [
    'назва мерапрыемства', 'найменне мерапрыемства', 'найменне', 'назва', 'мерапрыемства', 'мерапрыемства', 'змест мерапрыемства',
    'тэма', 'тэма мерапрыемства', 'найменне мерапрыемстваў', 'змест',
  ],
  kind: ['від мерапрыемства', 'від', 'тып мерапрыемства', 'тып', 'форма мерапрыемства'],
  startDate: [
    'тэрмін правядзення', 'тэрміны правядзення', 'тэрміны', 'тэрмін', 'дата', 'дата правядзення', 'даты', 'час правядзення',
    'тэрмін выканання', 'тэрміны выканання', 'перыяд правядзення', 'дата пачатку', 'пачатак', 'перыяд',
  ],
  endDate: ['дата заканчэння', 'заканчэнне', 'дата завяршэння'],
  city: ['месца правядзення', 'горад', 'месца', 'населены пункт', 'горад правядзення'],
  region: ['рэгіён', 'вобласць', 'рэгіён правядзення'],
  country: ['краіна', 'дзяржава', 'краіна правядзення'],
  venue: ['пляцоўка', 'адрас', 'пляцоўка правядзення', 'адрас правядзення'],
  format: ['фармат', 'форма правядзення', 'фармат правядзення', 'форма ўдзелу', 'фармат удзелу'],
  spheres: ['сфера супрацоўніцтва', 'сфера', 'сферы', 'кірунак', 'кірунак супрацоўніцтва', 'галіна', 'сферы супрацоўніцтва'],
  partners: ['партнёр', 'партнёры', 'арганізацыя партнёр', 'замежны партнёр', 'рэгіён партнёр', 'бакі'],
  participants: ['удзельнікі', 'склад удзельнікаў', 'удзельнікі мерапрыемства', 'колькасць удзельнікаў', 'склад дэлегацыі', 'дэлегацыя'],
  organizer: [
    'адказныя выканаўцы', 'адказны выканаўца', 'адказныя', 'адказны', 'выканаўцы', 'выканаўца', 'арганізатар', 'арганізатары',
    'адказныя за правядзенне',
  ],
  outcomes: ['вынік', 'вынікі', 'вынікі правядзення', 'дасягнутыя вынікі'],
  description: ['заўвага', 'заўвагі', 'апісанне', 'каментарый', 'кароткае апісанне', 'інфармацыя', 'дадатковая інфармацыя'],
  datePrecision: ['дакладнасць даты'],
  agreementId: ['пагадненне', 'нумар пагаднення', 'у рамках пагаднення', 'дагавор'],
  status: ['адзнака аб выкананні', 'выкананне', 'стан'],
};

/** Lower case, «ё» and Latin look-alikes folded, punctuation and line breaks as single spaces (but «№» and «/» kept). */
export function headerKey(text: string): string {
  return foldYo(foldLookalikes(text))
    .toLowerCase()
    .replace(/[^\p{L}\p{N}№/]+/gu, ' ')
    .trim();
}

export function trigrams(text: string): Set<string> {
  const padded = ` ${text} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/** Dice's coefficient over character trigrams: 1 for equal texts, near 1 for a typo. */
export function gramSimilarity(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const g of a) if (b.has(g)) shared++;
  return (2 * shared) / (a.size + b.size);
}

const ENTRIES = [...Object.entries(SYNONYMS), ...Object.entries(BELARUSIAN)].flatMap(([meaning, words = []]) =>
  words.map((word) => ({ meaning: meaning as HeaderMeaning, key: headerKey(word), grams: trigrams(headerKey(word)) })),
);

export interface HeaderMatch {
  meaning: HeaderMeaning;
  /** 1 for a listed synonym, less for a near one. */
  score: number;
}

/**
 * What a header cell means: a listed synonym, one with a typo, or a longer header that starts with
 * one («Наименование мероприятия (с указанием формата)»). Null when nothing is close enough.
 */
export function matchHeader(text: string): HeaderMatch | null {
  const key = headerKey(text);
  if (!key || key.length > 120) return null;
  const grams = trigrams(key);
  let best: HeaderMatch | null = null;
  for (const entry of ENTRIES) {
    // Dice's coefficient is at most 2·min/(sum) of the two sizes: a long title cell is far from every short synonym.
    const small = Math.min(grams.size, entry.grams.size);
    let score = key === entry.key ? 1 : (2 * small) / (grams.size + entry.grams.size) < 0.75 ? 0 : gramSimilarity(grams, entry.grams);
    // One-letter words («с», «по») only count when they are the whole header.
    if (score < 0.8 && entry.key.length >= 4 && key.startsWith(`${entry.key} `)) score = 0.8;
    if (score >= 0.75 && (!best || score > best.score)) best = { meaning: entry.meaning, score };
  }
  return best;
}

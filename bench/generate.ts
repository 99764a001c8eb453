// Deterministic generator of realistic events (Russian text of typical lengths) for benchmarks and scale tests.
import { addDays, isoDate, monthRange, quarterRange, yearRange } from '../shared/dates';
import type { EventInput } from '../shared/schema/event';
import { EventInputSchema } from '../shared/schema/event';

/** mulberry32: small, fast, and the same sequence on every machine. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS = ['форум', 'фестиваль', 'семинар', 'конференция', 'встреча', 'заседание', 'выставка', 'конкурс', 'круглый стол', 'соревнования', 'мастер-класс', 'визит'];
const ADJECTIVES = ['Международный', 'Российско-белорусский', 'Межрегиональный', 'Приграничный', 'Молодежный', 'Областной', 'Совместный', 'Республиканский'];
const TOPICS = [
  'славянской культуры', 'народного творчества', 'детского рисунка', 'деловых контактов', 'сельскохозяйственной техники',
  'инновационных проектов', 'патриотического воспитания', 'здорового образа жизни', 'туристических маршрутов',
  'молодых ученых', 'ремесленников', 'общественных объединений', 'промышленной кооперации', 'импортозамещения',
  'социальной защиты', 'народной дипломатии', 'памяти героев', 'книгоиздания', 'театрального искусства',
];
const SPHERES = ['культура', 'образование и наука', 'молодежная политика', 'спорт', 'туризм', 'экономика', 'промышленность и торговля', 'сельское хозяйство', 'социальная сфера', 'здравоохранение'];
const PARTNERS = ['Витебская область', 'Могилевская область', 'Гомельская область', 'Брестская область', 'Минская область', 'Витебский областной исполнительный комитет', 'Брянская область', 'Республика Беларусь'];
const CITIES = ['Смоленск', 'Витебск', 'Орша', 'Минск', 'Гомель', 'Могилев', 'Брест', 'Полоцк', 'Вязьма', 'Рославль', 'Бобруйск', 'Гродно'];
const FORMATS = ['in_person', 'in_person', 'in_person', 'remote', 'videoconference', 'hybrid'] as const;
const SENTENCES = [
  'В мероприятии приняли участие представители органов исполнительной власти и общественных организаций.',
  'Участники обсудили перспективы развития приграничного сотрудничества и обменялись опытом работы.',
  'По итогам встречи достигнуты договоренности о проведении совместных мероприятий в следующем году.',
  'Особое внимание уделено вопросам поддержки молодежных инициатив и патриотического воспитания.',
  'Состоялась презентация инвестиционного потенциала региона и туристических возможностей.',
  'Подписан протокол о намерениях по расширению торгово-экономических связей.',
  'Работа проходила на нескольких площадках, включая пленарное заседание и секции.',
  'Гости ознакомились с деятельностью предприятий и учреждений культуры.',
];

function pick<T>(rnd: () => number, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}

function text(rnd: () => number, sentences: number): string {
  return Array.from({ length: sentences }, () => pick(rnd, SENTENCES)).join(' ');
}

/** `count` valid event inputs spread over the years `from`..`to`, their titles numbered from `first`. */
export function generateEvents(count: number, seed = 1, from = 2015, to = 2026, first = 1): EventInput[] {
  const rnd = random(seed);
  return Array.from({ length: count }, (_, i) => {
    const year = from + Math.floor(rnd() * (to - from + 1));
    const month = 1 + Math.floor(rnd() * 12);
    const roll = rnd();
    let startDate: string;
    let endDate: string;
    let datePrecision: EventInput['datePrecision'] = 'day';
    if (roll < 0.8) {
      startDate = isoDate(year, month, 1 + Math.floor(rnd() * 28));
      endDate = addDays(startDate, rnd() < 0.6 ? 0 : Math.floor(rnd() * 5));
    } else if (roll < 0.92) {
      datePrecision = 'month';
      ({ start: startDate, end: endDate } = monthRange(year, month));
    } else if (roll < 0.97) {
      datePrecision = 'quarter';
      ({ start: startDate, end: endDate } = quarterRange(year, 1 + Math.floor((month - 1) / 3)));
    } else {
      datePrecision = 'year';
      ({ start: startDate, end: endDate } = yearRange(year));
    }
    const kind = pick(rnd, KINDS);
    return EventInputSchema.parse({
      title: `${pick(rnd, ADJECTIVES)} ${kind} ${pick(rnd, TOPICS)} № ${first + i}`,
      kind,
      startDate,
      endDate,
      datePrecision,
      city: rnd() < 0.85 ? pick(rnd, CITIES) : null,
      format: pick(rnd, FORMATS),
      spheres: [...new Set([pick(rnd, SPHERES), ...(rnd() < 0.4 ? [pick(rnd, SPHERES)] : [])])],
      partners: [pick(rnd, PARTNERS)],
      participants: `Представители ${pick(rnd, TOPICS)} и ${pick(rnd, TOPICS)}, всего около ${10 + Math.floor(rnd() * 200)} человек`,
      outcomes: rnd() < 0.6 ? text(rnd, 1 + Math.floor(rnd() * 2)) : null,
      description: text(rnd, 2 + Math.floor(rnd() * 5)),
      status: rnd() < 0.85 ? 'held' : 'planned',
    });
  });
}

export const WORDS = TOPICS.flatMap((t) => t.split(' ')).filter((w) => w.length > 4);

// An event's paragraph built from its fields when the clerk wrote no text of their own, in the style of
// the department's reports: «12 мая 2022 года в г. Лепеле (Витебская область, Республика Беларусь)
// состоялся круглый стол «Туризм без границ» (в формате видео-конференц-связи). В мероприятии приняли
// участие представители …». The verb agrees with the noun actually written (the title's head noun).
import type { Event, EventFormat } from '../../../shared/schema/event';
import type { Agreement } from '../../../shared/schema/agreement';
import type { Gender } from '../../../shared/schema/reference';
import { eventDatePhrase } from '../../../shared/ru/date-phrases';
import { lowerFirst, pastVerb, russianQuotes, type ReportVerb } from '../../../shared/ru/grammar';
import { declinePhrase, genitiveToNominative, hasFiniteVerb, headNoun, isAnimate, lowerCommon, namesAfterHead, nounLemmas, subjectGender, type HeadNoun } from '../../../shared/ru/morph';
import { nameKey } from '../../../shared/ru/normalize';
import type { RefForms } from '../ref-forms';
import type { Gaps } from './gaps';

/** Heads a report says «состоялся» of: «состоялась встреча», «состоялся круглый стол», «состоялась бизнес-миссия». */
const HAPPENED = new Set([
  'встреча', 'визит', 'переговоры', 'командировка', 'презентация', 'акция', 'миссия', 'бизнес-миссия', 'стол', 'концерт', 'церемония',
  'открытие', 'беседа', 'телемост', 'прием', 'приём', 'консультация', 'поездка', 'экскурсия', 'подписание', 'гастроли',
  'видеоконференция', 'телеконференция', 'видеовстреча', 'возложение', 'закрытие', 'награждение', 'чествование', 'празднование',
  'вручение', 'закладка', 'посадка', 'дискуссия', 'дебаты',
]);
/** Heads of what runs for a while rather than takes place: «реализовывалась программа». */
const CARRIED_OUT = new Set(['программа', 'проект', 'план']);
/** Heads of what the department arranged, as the seed says it: «организовано участие в выставке», «организовано санаторно-курортное лечение». */
export const ARRANGED = new Set(['участие', 'сопровождение', 'лечение', 'оздоровление', 'отдых', 'обучение', 'посещение', 'трансляция']);

/**
 * Nouns that name events: a title opening with one is the subject itself («Семинар для специалистов …»);
 * another title («Туризм без границ») is the name of an event of its kind: «круглый стол «Туризм без границ»».
 */
const EVENT_NOUNS = new Set([
  'форум', 'фестиваль', 'семинар', 'конференция', 'выставка', 'ярмарка', 'встреча', 'визит', 'переговоры', 'заседание', 'совещание', 'стол',
  'конкурс', 'акция', 'автопробег', 'пробег', 'командировка', 'презентация', 'миссия', 'программа', 'проект', 'план', 'часть', 'день', 'неделя',
  'мастер-класс', 'класс', 'концерт', 'турнир', 'соревнование', 'олимпиада', 'слет', 'слёт', 'сессия', 'смена', 'лагерь', 'экспедиция',
  'тренинг', 'вебинар', 'курс', 'обучение', 'стажировка', 'экскурсия', 'церемония', 'открытие', 'праздник', 'чтения', 'игра', 'спартакиада',
  'чемпионат', 'первенство', 'кубок', 'марафон', 'эстафета', 'выступление', 'показ', 'гастроли', 'поездка', 'прием', 'приём', 'консультация',
  'пленум', 'съезд', 'собрание', 'диалог', 'саммит', 'симпозиум', 'коллегия', 'беседа', 'телемост', 'урок', 'лекция', 'митинг', 'шествие',
  'фотовыставка', 'кинофестиваль', 'декада', 'месячник', 'вечер', 'бал', 'ассамблея', 'мероприятие', 'фестиваль-конкурс', 'конференция-выставка',
  'выставка-ярмарка', 'бизнес-миссия', 'конгресс', 'биеннале', 'салон', 'смотр', 'вахта', 'экспозиция', 'ралли', 'велопробег', 'забег',
  'круиз', 'тур', 'фестиваль-ярмарка', 'выставка-конкурс', 'заседание-семинар', 'совет', 'подписание', 'старт', 'сбор', 'сборы',
  'паломничество', 'поход', 'реконструкция', 'обмен', 'кейс-чемпионат', 'хакатон', 'квест', 'квиз', 'челлендж', 'флешмоб',
  'видеоконференция', 'телеконференция', 'видеовстреча', 'учения', 'возложение', 'консультации', 'курсы', 'вебинар', 'съемки',
  'празднование', 'вручение', 'закрытие', 'награждение', 'чествование', 'дискуссия', 'дебаты', 'слушания', 'торжества', 'закладка', 'посадка',
]);

/** The format clause the seed adds after the subject: «(в формате видео-конференц-связи)». */
export const FORMAT_CLAUSE: Partial<Record<EventFormat, string>> = {
  remote: 'в дистанционном формате',
  videoconference: 'в формате видео-конференц-связи',
  hybrid: 'в очном и дистанционном форматах',
};

const FORMAT_MENTIONED: Partial<Record<EventFormat, RegExp>> = {
  remote: /дистанционн|онлайн|в режиме онлайн/i,
  videoconference: /видео-?конференц|ВКС/i,
  hybrid: /смешанн|гибридн|очн\p{L}* и дистанционн/iu,
};

export function formatMentioned(format: EventFormat, text: string): boolean {
  return FORMAT_MENTIONED[format]?.test(text) ?? false;
}

function verbOf(head: HeadNoun | null, kindHead: HeadNoun | null): ReportVerb {
  const lemmas = [head?.lemma, head?.word.toLowerCase(), kindHead?.lemma, kindHead?.word.toLowerCase()].filter((l): l is string => Boolean(l));
  const first = lemmas.slice(0, head ? 2 : lemmas.length);
  if (first.some((l) => CARRIED_OUT.has(l))) return 'реализовываться';
  if (first.some((l) => ARRANGED.has(l))) return 'организовать';
  if (first.some((l) => HAPPENED.has(l) || HAPPENED.has(l.replace(/^.*-/, '')))) return 'состояться';
  return 'пройти';
}

const isEventNoun = (head: HeadNoun) => [head.lemma, head.word.toLowerCase(), head.word.toLowerCase().replace(/^.*-/, '')].some((w) => EVENT_NOUNS.has(w) || ARRANGED.has(w));
/** Words a title may open with that are common nouns though the dictionary may lack them («Вебинар», «Квиз»). */
const COMMON_OPENERS = [...EVENT_NOUNS].filter((w) => !['день', 'неделя', 'декада'].includes(w)); // «Дни культуры», «Неделя кино»: names

export interface SentenceContext {
  f: RefForms;
  gaps: Gaps;
  agreement: (id: number) => Agreement;
}

/** Words a title names an agreement by: its head declines after «в рамках». */
const AGREEMENT_HEADS = new Set(['договор', 'соглашение', 'меморандум', 'план', 'протокол', 'программа', 'карта', 'концепция', 'стратегия', 'договоренность']);

/** «договора о сотрудничестве между … от 8 февраля 2021 года»: the agreement as the seed names it. */
function agreementPhrase(agreement: Agreement): string {
  const date = agreement.signedOn ? ` от ${eventDatePhrase(agreement.signedOn, agreement.signedOn, 'day')}` : '';
  const title = agreement.title.trim();
  // The title's head is the document's own word, adjectives before it or not («Смоленско-Витебское соглашение …»).
  const head = headNoun(title);
  if (head && AGREEMENT_HEADS.has(head.lemma)) {
    const declined = declinePhrase(title, 'gent');
    if (declined.declined) return `${lowerCommon(declined.text)}${date}`;
  }
  const KIND: Record<Agreement['kind'], string> = { agreement: 'соглашения', contract: 'договора', memorandum: 'меморандума', plan: 'плана', protocol: 'протокола', other: 'документа' };
  return `${KIND[agreement.kind]} «${title.replace(/^«(.*)»$/, '$1')}»${date}`;
}

/**
 * Titles that name the department's action by a verbal noun, said as the action done to what it governs:
 * «Проведение совместного заседания коллегий» → «проведено совместное заседание коллегий», «Организация
 * поездки школьников» → «организована поездка школьников»; when the dictionary cannot read the rest,
 * the verbal noun stays the subject («организовано проведение …», «обеспечена организация …»).
 */
const VERBAL_NOUNS: Record<string, { verb: ReportVerb; fallback: ReportVerb; keep?: 'always' | 'things' }> = {
  проведение: { verb: 'провести', fallback: 'организовать' },
  организация: { verb: 'организовать', fallback: 'обеспечить' },
  обеспечение: { verb: 'обеспечить', fallback: 'организовать' },
  подготовка: { verb: 'подготовить', fallback: 'организовать' },
  // Work on a document is said as the document done: «Разработка плана …» → «разработан план …».
  разработка: { verb: 'разработать', fallback: 'организовать' },
  согласование: { verb: 'согласовать', fallback: 'провести' },
  // «Сбор предложений» is the department's work done with others: the collecting itself was organised
  // («организован сбор предложений»), the proposals are not the department's product. A «сбор» of people
  // («Сбор юных борцов») is an event, said as one.
  сбор: { verb: 'организовать', fallback: 'организовать', keep: 'things' },
};

/** Whether the verbal noun stays the subject: always, or when it governs things rather than people. */
function keepsNoun(keep: 'always' | 'things' | undefined, governed: string): boolean {
  if (keep === 'always') return true;
  if (keep !== 'things') return false;
  const head = headNoun(governed);
  return head !== null && !isAnimate(head.word);
}

function verbalNounSubject(title: string): { verb: string; subject: string } | null {
  const m = /^(\p{L}+)\s+(.+)$/u.exec(title);
  const action = m ? VERBAL_NOUNS[(m[1] ?? '').toLowerCase()] : undefined;
  if (!m || !action) return null;
  const rest = genitiveToNominative(m[2] ?? '');
  if (action.keep) {
    if (!rest || !keepsNoun(action.keep, rest.text)) return null;
    return { verb: pastVerb(action.verb, headNoun(title)?.gender ?? 'm'), subject: lowerFirst(title) };
  }
  if (rest) return { verb: pastVerb(action.verb, rest.gender), subject: lowerCommon(rest.text, COMMON_OPENERS) };
  // «Организация и проведение фестиваля»: two actions, «обеспечены».
  const gender = /^\p{L}+\s+и\s+\p{L}/u.test(title) ? 'pl' : (headNoun(title)?.gender ?? 'n');
  return { verb: pastVerb(action.fallback, gender), subject: lowerFirst(title) };
}

/** A title wholly in quotes that names an event itself («Славянская ярмарка»): not «ярмарка «Славянская ярмарка»». */
function quotedEventName(title: string): { verb: ReportVerb; gender: Gender } | null {
  const inner = /^[«"]([^«»"]+)[»"]$/.exec(title)?.[1];
  if (!inner) return null;
  const head = headNoun(inner);
  if (!head || !isEventNoun(head) || !head.gender) return null;
  return { verb: verbOf(head, null), gender: head.gender };
}

/** Whether the head is joined by «и» to another event noun in the nominative: «Форум и выставка», «Семинар и круглый стол». */
function coordinated(title: string, headWord: string): boolean {
  const at = title.indexOf(headWord);
  const rest = /^\s+и\s+(.+)$/u.exec(title.slice(at + headWord.length))?.[1];
  if (at < 0 || !rest) return false;
  const other = headNoun(rest);
  return other !== null && isEventNoun(other);
}

/** Whether the noun after the head (past its adjectives) names an event: «этап Всероссийского конкурса». */
function eventNamedAfter(title: string, headWord: string): boolean {
  const words = title.split(/\s+/);
  const at = words.findIndex((w) => w.replace(/[^\p{L}\d-]/gu, '') === headWord);
  if (at < 0 || /[^\p{L}\d-]$/u.test(words[at] ?? '')) return false; // «комитет: визит» — the head ends a part
  for (const word of words.slice(at + 1, at + 4)) {
    if (/^[«"„“(]/.test(word)) return false;
    const lemmas = nounLemmas(word);
    if (lemmas.length) return lemmas.some((l) => EVENT_NOUNS.has(l));
    if (/[^\p{L}\d-]$/u.test(word)) return false;
  }
  return false;
}

/** The subject and its verb: «состоялся круглый стол «Туризм без границ»», «прошли Дни культуры …». */
function subjectOf(event: Event, ctx: SentenceContext): { verb: string; subject: string } {
  const title = event.title.trim().replace(/\.$/, '');
  const verbal = verbalNounSubject(title);
  if (verbal) return verbal;
  // A title typed as a sentence («Смоленский государственный университет провел олимпиаду») goes on as the clerk's text does.
  const opening = headNoun(title);
  if (!/^[«"]/.test(title) && !(opening && isEventNoun(opening)) && hasFiniteVerb(title)) return { verb: '', subject: lowerCommon(title) };
  const named = quotedEventName(title);
  if (named) return { verb: pastVerb(named.verb, named.gender), subject: title.replace(/^"(.*)"$/, '«$1»') };
  const kindRef = ctx.f.get('kind', event.kind);
  const kindHead = event.kind ? headNoun(event.kind) : null;
  let kindGender: Gender | null = kindRef?.gender ?? null;
  if (event.kind && kindRef && !kindRef.gender) {
    kindGender = kindHead?.gender ?? null;
    ctx.gaps.kindGender(kindRef, kindGender);
  }
  kindGender ??= kindHead?.gender ?? null;
  const head = headNoun(title);
  // The title's own head is the kind («Служебная командировка …» of «служебная командировка»), not a word further on
  // («Гомельский областной исполнительный комитет: визит» is no visit's name).
  const kindStem = nameKey(kindHead?.word ?? event.kind ?? '').slice(0, -2);
  const titleNamesKind = Boolean(event.kind) && Boolean(head) && kindStem.length > 1 && nameKey(head?.word ?? '').includes(kindStem);
  // «Региональный этап Всероссийского конкурса …», «Закрытие фестиваля …»: a part of an event named by the event.
  const partOfEvent = head !== null && eventNamedAfter(title, head.word);
  if (head && (titleNamesKind || isEventNoun(head) || partOfEvent)) {
    // «Форум и выставка …»: two events the verb agrees with in the plural.
    const gender = coordinated(title, head.word) ? 'pl' : (head.gender ?? kindGender ?? 'm');
    const common = event.kind ? [event.kind, ...COMMON_OPENERS] : COMMON_OPENERS;
    // «Форум Живи ярко»: the words after the head are the event's name, put in quotes as the head's apposition.
    const end = title.indexOf(head.word) + head.word.length;
    const rest = title.slice(end);
    if (end > head.word.length - 1 && /^\s/.test(rest) && namesAfterHead(rest)) {
      return { verb: pastVerb(verbOf(head, kindHead), gender), subject: `${lowerCommon(title.slice(0, end), common)} «${rest.trim()}»` };
    }
    return { verb: pastVerb(verbOf(head, kindHead), gender), subject: lowerCommon(title, common) };
  }
  if (!event.kind) return { verb: pastVerb('пройти', 'n'), subject: `мероприятие ${quoted(title)}` };
  const kindText = lowerCommon(event.kind, [event.kind]);
  return { verb: pastVerb(verbOf(null, kindHead), kindGender ?? 'm'), subject: `${kindText} ${quoted(title)}` };
}

/** A title as a name in quotes; quotes inside it become „…“ («Славянский базар „Витебск“»). */
function quoted(title: string): string {
  if (/^«[^«»]*»$/.test(title)) return title;
  const inner = title.replace(/^"(.*)"$/, '$1').replace(/«([^«»]*)»/g, '„$1“');
  return `«${inner}»`;
}

/**
 * Each item of a list lowered where its capital is only a sentence's («Губернатор Смоленской области и
 * Председатель облисполкома» → «… и председатель облисполкома»); quoted names are left whole.
 */
function lowerEach(list: string): string {
  if (/[«"]/.test(list)) return lowerCommon(list);
  return list.split(/(,\s+|;\s+|\s+и\s+|\s+а также\s+)/).map((part, i) => (i % 2 === 0 ? lowerCommon(part) : part)).join('');
}

/** What happened, as sentences: the subject, the agreement, the format when not in person, who took part, what came of it. */
export function eventSentences(event: Event, ctx: SentenceContext, formatClause: boolean): string {
  return russianQuotes(eventText(event, ctx, formatClause));
}

function eventText(event: Event, ctx: SentenceContext, formatClause: boolean): string {
  const { verb, subject } = subjectOf(event, ctx);
  let text = verb ? `${verb} ${subject}` : subject;
  if (formatClause && event.format && FORMAT_CLAUSE[event.format] && !formatMentioned(event.format, subject)) text += ` (${FORMAT_CLAUSE[event.format]})`;
  if (event.agreementId !== null) text += ` в рамках ${agreementPhrase(ctx.agreement(event.agreementId))}`;
  text += '.';
  if (event.participants) {
    const who = event.participants.trim().replace(/[.;]\s*$/, '');
    text += ` В мероприятии ${pastVerb('принять', subjectGender(who) ?? 'pl')} участие ${lowerEach(who)}.`;
  }
  if (event.outcomes) text += ` В рамках мероприятия ${lowerCommon(event.outcomes.trim().replace(/\.\s*$/, ''))}.`;
  return text;
}

// Russian morphology for the texts built from fields: a title's head noun with its gender and number,
// noun phrases declined (a venue after «на базе», partners in the genitive and instrumental, kinds in the
// plural), city names in the locative, common words told from names.
//
// Engine: `az` 0.2.3 (MIT; deNULL/Az.js), the JavaScript port of pymorphy2 over the OpenCorpora
// dictionary (~390 000 lemmas; 11 MB of DAWG files in node_modules/az/dicts, read from disk, never
// fetched). Chosen over `lvovich` (people's and city names only), `russian-nouns-js` (nouns only: no
// adjectives, no analysis) and `petrovich` (people's names): one dictionary both analyses and inflects
// nouns, adjectives and participles, and marks geographic names (Geox) and indeclinable words (Fixd).
// Numbers under ten are a list (shared/ru/count-words.ts): `numeralize-ru` is not worth a dependency.
// Loaded lazily and synchronously (~150 ms, ~60 MB) when a text is first built: the back end passes a
// reader of the dictionary files, so shared/ stays free of Node.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- az ships no types: projects that reach this file by import only (tests/e2e) find its declaration here
/// <reference path="./az.d.ts" />
import Az, { type AzParse } from 'az';
import type { Gender } from '../schema/reference';
import { cityLocative } from './grammar';

/** Reads one file of az's `dicts` directory (e.g. `words.dawg`) whole. */
export type DictReader = (file: string) => Uint8Array;

export type Case = 'nomn' | 'gent' | 'datv' | 'accs' | 'ablt' | 'loct';

let ready = false;

/** Loads the dictionary once; later calls return at once. Throws what the reader throws. */
export function initMorphology(read: DictReader): void {
  if (ready) return;
  // az loads its files with callbacks and counts them down; the reads here are synchronous, so the
  // callbacks wait in a queue until init has counted all its files, then run in order.
  const queue: (() => void)[] = [];
  const original = Az.load;
  let failure: unknown = null;
  Az.load = (url, type, callback) => {
    const bytes = read(url.replace(/^.*\//, ''));
    queue.push(() => callback(null, type === 'json' ? JSON.parse(new TextDecoder().decode(bytes)) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)));
  };
  try {
    Az.Morph.init('dicts', (err) => {
      if (err) failure = err;
    });
    for (const run of queue) run();
  } finally {
    Az.load = original;
  }
  if (failure) throw failure instanceof Error ? failure : new Error(String(failure));
  ready = true;
}

export function morphologyReady(): boolean {
  return ready;
}

const cache = new Map<string, AzParse[]>();

function parses(word: string): AzParse[] {
  if (!ready) throw new Error('Морфологический словарь не загружен: тексту отчёта не на чем строиться.');
  // As written: the dictionary tells «Гагарин» the town from «гагарин» by the capital.
  const key = word;
  let found = cache.get(key);
  if (!found) {
    found = Az.Morph(key);
    if (cache.size > 50_000) cache.clear();
    cache.set(key, found);
  }
  return found;
}

const GENDERS: Record<string, Gender> = { masc: 'm', femn: 'f', neut: 'n' };

/** Words that stay as they are before a hyphen: «бизнес-миссия», «пресс-конференция», «вице-губернатор». */
const INVARIABLE_PARTS = new Set([
  'бизнес', 'интернет', 'пресс', 'вице', 'экс', 'медиа', 'арт', 'онлайн', 'веб', 'мастер', 'блиц', 'шоу', 'экспо', 'фото', 'видео',
  'кино', 'эко', 'гала', 'квест', 'флешмоб', 'обер', 'штаб', 'премьер', 'генерал', 'контр', 'конференц', 'экспресс', 'стартап', 'диджитал', 'медиа',
]);

const ACRONYM = /^[\p{Lu}\d][\p{Lu}\d-]*\p{Lu}[\p{Lu}\d-]*$/u;
const ROMAN = /^[IVXLC]+$/;
const PROPER = ['Name', 'Surn', 'Patr', 'Geox', 'Orgn', 'Trad'];

const isAcronym = (word: string) => word.length > 1 && ACRONYM.test(word);

/** The writer's capitals on a form the dictionary gives in lower case; «ё» only where the writer wrote it. */
function restoreCase(original: string, produced: string): string {
  const plain = /ё/i.test(original) ? produced : produced.replace(/ё/g, 'е');
  if (isAcronym(original)) return original;
  const from = original.split('-');
  return plain
    .split('-')
    .map((part, i) => (/^\p{Lu}/u.test(from[Math.min(i, from.length - 1)] ?? '') ? part.charAt(0).toUpperCase() + part.slice(1) : part))
    .join('-');
}

type Role = 'noun' | 'adj';

/** One word of a noun phrase in the nominative, as the dictionary reads it. */
interface Word {
  role: Role;
  gender: Gender | null;
  plural: boolean;
  /** The dictionary has the word (not a guess from its ending). */
  known: boolean;
  geo: boolean;
  /** Common gender («глава», «руководитель» is masculine anyway): reports agree in the masculine. */
  common: boolean;
  /** The word in another case and number, with the writer's capitals. */
  inflect(grams: string[]): string;
}

const nominatives = (word: string) => parses(word).filter((p) => p.tag.CAse === 'nomn' || (p.tag.Fixd && p.tag.POS === 'NOUN'));
const isAdj = (p: AzParse) => p.tag.POS === 'ADJF' || p.tag.POS === 'PRTF';

function wordOf(original: string, parse: AzParse, role: Role): Word {
  const plural = parse.tag.NMbr === 'plur';
  return {
    role,
    gender: plural ? 'pl' : (GENDERS[parse.tag.GNdr ?? ''] ?? null),
    plural,
    known: parse.parser === 'Dictionary' || parse.parser === 'Abbr',
    geo: Boolean(parse.tag.Geox),
    common: Boolean(parse.tag['Ms-f']),
    inflect: (grams) => {
      if (parse.tag.Fixd) return original;
      // An adjective keeps its own gender in the singular («Витебская область» → «Витебской области»).
      const gender = role === 'adj' && grams.includes('sing') && parse.tag.GNdr ? [parse.tag.GNdr] : [];
      // A participle keeps its voice and tense: «Соединенные Штаты» → «Соединенных», not «соединивших».
      const aspect = parse.tag.POS === 'PRTF' ? ['pssv', 'actv', 'past', 'pres'].filter((g) => parse.tag[g]) : [];
      const form = parse.inflect([...grams, ...gender, ...aspect]) || parse.inflect([...grams, ...aspect]) || parse.inflect(grams);
      return form ? restoreCase(original, form.word) : original;
    },
  };
}

/** A whole word's reading as noun or adjective in the nominative; hyphenated words part by part. */
function readWord(original: string, preferAdj: boolean, preferGeo: boolean): Word | null {
  if (isAcronym(original)) {
    return { role: 'noun', gender: null, plural: false, known: true, geo: false, common: false, inflect: () => original };
  }
  if (!/^[\p{L}-]+$/u.test(original) || /^-|-$/.test(original)) return null;
  // A preposition, conjunction or pronoun opens no noun phrase («О сотрудничестве»: not the letter «о»).
  const best = parses(original)[0];
  if (original.length === 1 || (best && ['PREP', 'CONJ', 'PRCL', 'INTJ', 'NPRO'].includes(best.tag.POS ?? ''))) return null;
  const hyphen = original.indexOf('-');
  if (hyphen > 0 && !parses(original).some((p) => p.parser === 'Dictionary')) {
    const first = original.slice(0, hyphen);
    const rest = original.slice(hyphen + 1);
    const last = readWord(rest, preferAdj, preferGeo);
    if (!last) return null;
    // «Каменск-Шахтинский», «Ленинск-Кузнецкий»: a town's noun and an adjective of its gender after it, each in the case.
    const town = last.role === 'adj' && /^\p{Lu}/u.test(first) && /^\p{Lu}/u.test(rest) ? readWord(first, false, true) : null;
    if (town && town.role === 'noun' && (town.known || town.geo) && town.gender !== null && town.gender === last.gender) {
      return { ...town, known: town.known && last.known, inflect: (grams) => `${town.inflect(grams)}-${last.inflect(grams)}` };
    }
    const head = last.role === 'noun' && !INVARIABLE_PARTS.has(first.toLowerCase()) ? readWord(first, false, false) : null;
    if (head && head.role === 'noun' && head.known) {
      // Two nouns («выставка-ярмарка», «фестиваль-конкурс»): both decline; the first gives gender.
      return { ...head, known: head.known && last.known, inflect: (grams) => `${head.inflect(grams)}-${last.inflect(grams)}` };
    }
    // «бизнес-миссия», «Российско-Белорусский»: the first part stays.
    return { ...last, inflect: (grams) => `${first}-${last.inflect(grams)}` };
  }
  const found = nominatives(original);
  const adj = found.find((p) => p.tag.POS === 'ADJF') ?? found.find(isAdj); // «Соединенные» the adjective, not the participle
  const nouns = found.filter((p) => p.tag.POS === 'NOUN');
  const noun = (preferGeo ? nouns.find((p) => p.tag.Geox) : undefined) ?? nouns.find((p) => p.parser === 'Dictionary') ?? nouns[0];
  if (adj && (preferAdj || !noun)) return wordOf(original, adj, 'adj');
  if (noun) return wordOf(original, noun, 'noun');
  return null;
}

interface Token {
  text: string;
  /** The word without punctuation around it. */
  word: string;
  lead: string;
  trail: string;
}

function tokens(phrase: string): string[] {
  return phrase.split(/(\s+)/);
}

function tokenOf(text: string): Token {
  const m = /^([^\p{L}\d]*)([\p{L}\d][\p{L}\d-]*?)([^\p{L}\d]*)$/u.exec(text);
  return m ? { text, lead: m[1] ?? '', word: m[2] ?? '', trail: m[3] ?? '' } : { text, lead: text, word: '', trail: '' };
}

interface Phrase {
  parts: string[];
  /** Indexes into parts of the agreeing words before the head, and the head's. */
  adjs: { at: number; word: Word }[];
  head: { at: number; word: Word } | null;
}

/** The adjectives and the head noun a phrase opens with: «Первая часть …», «Рославльский многопрофильный колледж». */
function analysePhrase(phrase: string, preferGeo = false): Phrase {
  const parts = tokens(phrase);
  const adjs: Phrase['adjs'] = [];
  for (let at = 0; at < parts.length; at += 2) {
    const token = tokenOf(parts[at] ?? '');
    if (!token.word || /[«"“„(]/.test(token.lead)) break;
    if (ROMAN.test(token.word) || /^\d+$/.test(token.word)) {
      if (adjs.length === 0 && !token.trail) continue; // «XII Международный форум», «2021»
      break;
    }
    if (/^\d+-\p{L}{1,3}$/u.test(token.word)) continue; // «65-е заседание»
    const next = tokenOf(parts[at + 2] ?? '');
    const nextReads = Boolean(next.word) && !token.trail && !/[«"“„(]/.test(next.lead) && readWord(next.word, true, preferGeo) !== null;
    const word = readWord(token.word, nextReads, preferGeo);
    if (!word) break;
    if (word.role === 'noun') return { parts, adjs, head: { at, word } };
    adjs.push({ at, word });
    if (token.trail) break;
  }
  return { parts, adjs, head: null };
}

export interface HeadNoun {
  /** The head noun as written. */
  word: string;
  /** Its gender, `pl` when plural; null for an abbreviation the dictionary cannot tell. */
  gender: Gender | null;
  known: boolean;
  /** The nominative singular, lower case («дни» → «день»). */
  lemma: string;
}

/** The noun a title or phrase is about: «Первая часть … заседания» → «часть» (f). Null if it opens with none. */
export function headNoun(phrase: string): HeadNoun | null {
  const { parts, head } = analysePhrase(phrase);
  if (!head) return null;
  const word = tokenOf(parts[head.at] ?? '').word;
  const lemmaParse = isAcronym(word) ? null : nominatives(word.replace(/^.*-/, ''))[0]?.normalize();
  return {
    word,
    gender: head.word.common && !head.word.plural ? 'm' : head.word.gender,
    known: head.word.known,
    lemma: lemmaParse ? lemmaParse.word : word.toLowerCase(),
  };
}

export interface Declined {
  text: string;
  /** Every declined word was in the dictionary (else the text is a guess from endings, or unchanged). */
  known: boolean;
  /** The phrase opened with a noun phrase in the nominative (else it is returned as written). */
  declined: boolean;
}

/**
 * A noun phrase in another case (and the plural if asked): the adjectives before the head noun and the
 * head decline, what follows stays («Республика Узбекистан» → «Республики Узбекистан», «Рославльский
 * многопрофильный колледж» → «Рославльского многопрофильного колледжа», «конференция-выставка» →
 * «конференции-выставки»). A phrase not in the nominative (already declined) stays as written.
 */
export function declinePhrase(phrase: string, grammaticalCase: Case, plural = false, preferGeo = false): Declined {
  // «г. Москва» → «г. Москвы», «город Минск» → «города Минска»: the name after the word «город» declines with it.
  const town = /^(г\.\s*|[Гг]ород\s+)(\p{Lu}.*)$/u.exec(phrase.trim());
  if (town && !plural) {
    const name = placeDeclined(town[2] ?? '', grammaticalCase);
    const word = town[1]?.startsWith('г.') ? (town[1] ?? '') : `${declinePhrase((town[1] ?? '').trim(), grammaticalCase).text} `;
    return { ...name, text: `${word}${name.text}` };
  }
  const { parts, adjs, head } = analysePhrase(phrase, preferGeo);
  if (!head) return { text: phrase, known: false, declined: false };
  const number = plural || head.word.plural ? 'plur' : 'sing';
  const out = [...parts];
  for (const { at, word } of [...adjs, head]) {
    const token = tokenOf(parts[at] ?? '');
    out[at] = `${token.lead}${word.inflect([grammaticalCase, number])}${token.trail}`;
  }
  const known = [...adjs, head].every((w) => w.word.known);
  // «молодежная политика и спорт» → «молодежной политики и спорта»: a second phrase joined right after the head declines too.
  if (parts[head.at + 2] === 'и' && !tokenOf(parts[head.at] ?? '').trail && parts.length > head.at + 4) {
    const rest = declinePhrase(parts.slice(head.at + 4).join(''), grammaticalCase, plural, preferGeo);
    if (rest.declined) return { text: `${out.slice(0, head.at + 4).join('')}${rest.text}`, known: known && rest.known, declined: true };
  }
  return { text: out.join(''), known, declined: true };
}

/** A kind in the nominative plural: «круглый стол» → «круглые столы», «конференция-выставка» → «конференции-выставки». */
export function pluralPhrase(phrase: string): string {
  return declinePhrase(phrase, 'nomn', true).text;
}

/**
 * A settlement's name in the locative: «Орёл» → «Орле», «Великие Луки» → «Великих Луках», «Гродно» →
 * «Гродно», «Ростов-на-Дону» → «Ростове-на-Дону». `known` is false when the dictionary does not know
 * the place (the form is then a guess the caller may replace).
 */
export function placeLocative(name: string): Declined {
  const trimmed = name.trim();
  // «Марьина Горка» → «Марьиной Горке», «Петров Вал» → «Петровом Вале»: a possessive adjective before the noun.
  const possessive = /^(\p{Lu}\p{Ll}+(?:ин|ын|ов|ев|ёв))(а|о)?\s+(\p{Lu}[\p{L}-]+)$/u.exec(trimmed);
  if (possessive) {
    const noun = placeLocative(possessive[3] ?? '');
    return { text: `${possessive[1]}${possessive[2] === 'а' ? 'ой' : 'ом'} ${noun.text}`, known: noun.declined, declined: true };
  }
  // The dictionary marks a few towns ending in a consonant or a plural «-ки» indeclinable («Несвиж», «Лиски»):
  // Russian declines them («в Несвиже», «в Лисках»).
  if (/^\p{Lu}\p{Ll}+$/u.test(trimmed) && /(?:[бвгджзклмнпрстфхцчшщ]|[кгх]и|ы)$/.test(trimmed) && parses(trimmed).some((p) => p.tag.Fixd && p.tag.Geox)) {
    return { text: cityLocative(trimmed, 'm'), known: true, declined: true };
  }
  return placeDeclined(trimmed, 'loct');
}

/** A settlement's name in a case: «Ростов-на-Дону» declines its first part, a geographic name is preferred. */
function placeDeclined(name: string, grammaticalCase: Case): Declined {
  const trimmed = name.trim();
  const on = /^(.+?)(-на-.+)$/.exec(trimmed);
  if (on) {
    const first = placeDeclined(on[1] ?? '', grammaticalCase);
    return { ...first, text: `${first.text}${on[2] ?? ''}` };
  }
  const result = declinePhrase(trimmed, grammaticalCase, false, true);
  const { adjs, head } = analysePhrase(trimmed, true);
  const geo = [...adjs, ...(head ? [head] : [])].some(({ word }) => word.geo) || parses(trimmed.split(/\s/)[0] ?? '').some((p) => p.tag.Geox);
  // «Набережные Челны»: two capitalised nouns of one name agree in case, each by its own reading.
  const two = /^(\p{Lu}\p{Ll}+)\s+(\p{Lu}\p{Ll}+)$/u.exec(trimmed);
  if (two && head?.at === 0 && adjs.length === 0) {
    const second = readWord(two[2] ?? '', false, true);
    if (second?.role === 'noun' && second.known) {
      const number = head.word.plural ? 'plur' : 'sing';
      return { text: `${head.word.inflect([grammaticalCase, number])} ${second.inflect([grammaticalCase, second.plural ? 'plur' : 'sing'])}`, known: head.word.known, declined: true };
    }
  }
  return { ...result, known: result.known && geo };
}

/** What an institution's name is headed by («… государственный университет», «… областная филармония»). */
const INSTITUTIONS = new Set([
  'университет', 'академия', 'институт', 'колледж', 'техникум', 'училище', 'школа', 'гимназия', 'лицей', 'консерватория', 'музей', 'театр',
  'библиотека', 'филармония', 'центр', 'дворец', 'дом', 'больница', 'госпиталь', 'поликлиника', 'комитет', 'совет', 'управление', 'департамент',
  'министерство', 'агентство', 'фонд', 'учреждение', 'предприятие', 'объединение', 'ансамбль', 'оркестр', 'хор', 'цирк', 'архив', 'дума', 'собрание',
]);
/** Adjectives of an institution's status that follow the first word of its name. */
const STATUS_ADJECTIVE = /^(государственн|областн|районн|городск|национальн|республиканск|муниципальн|федеральн|межрегиональн|международн)/;

/** Capitalised words of official style that keep their capital («Губернатор Смоленской области», «Чрезвычайный и Полномочный Посол»). */
const OFFICIAL = new Set(['губернатор', 'президент', 'премьер-министр', 'чрезвычайный']);
/** Words that open the official name of a state body when a name follows them. */
const BODIES = new Set([
  'администрация', 'правительство', 'министерство', 'департамент', 'посольство', 'консульство', 'генконсульство', 'дума', 'агентство',
  'управление', 'комитет', 'служба', 'палата', 'парламент', 'аппарат', 'представительство', 'облисполком', 'горисполком', 'райисполком',
]);
/** Heads of the names of recurring events: «Дни культуры», «Неделя …», «День города», «Год …». */
const NAMED_HEADS = new Set(['день', 'неделя', 'год', 'декада', 'кубок', 'ночь', 'масленица', 'рождество', 'пасха', 'троица', 'купалье', 'коляды', 'радуница']);
/** Adjectives of holidays and saints' days that open a name: «Рождественские чтения», «Покровская ярмарка». */
const FEAST_ADJECTIVE = /^(рождественск|пасхальн|покровск|троицк|купальск|крещенск|никольск|ильинск|спасск|масленичн|вербн|успенск|сретенск)/;
/** First words that open an event's own name: «Международный форум …», «Всероссийский конкурс …». */
const NAME_OPENERS = /^(международн|всероссийск|всемирн|всебелорусск|межрегиональн|межгосударственн|евразийск|славянск)/;

/**
 * Whether a phrase's first capital is only that of a sentence's start and may be lowered mid-sentence:
 * «Круглый стол по вопросам…», «Семинар для…», «Представители…», «Глава района» may; names may not:
 * «Международный форум…», «Российско-Белорусский … форум», «Дни культуры…», «Гомельский областной
 * исполнительный комитет», «Губернатор …», «ФГБОУ …», «„Славянский базар“».
 */
export function isCommonStart(phrase: string, commonWords: readonly string[] = []): boolean {
  const first = tokenOf(tokens(phrase.trim())[0] ?? '');
  if (!first.word || first.lead || !/^\p{Lu}/u.test(first.word) || isAcronym(first.word) || ROMAN.test(first.word)) return false;
  const lower = first.word.toLowerCase();
  if (OFFICIAL.has(lower) || NAME_OPENERS.test(lower) || FEAST_ADJECTIVE.test(lower)) return false;
  // «Администрация Смоленской области», «Министерство культуры Республики Беларусь»: a state body's official name.
  if (BODIES.has(lower) && /\s[«"]?\p{Lu}/u.test(phrase.trim())) return false;
  // A word the caller knows for a common noun (the event's kind: «квиз») though the dictionary lacks it.
  // «Дни молодежи», «Неделя кино» stay names though the kind («дни») is a common word.
  if (commonWords.some((w) => w.trim().toLowerCase() === lower)) return !NAMED_HEADS.has(headNoun(phrase)?.lemma ?? '');
  if (/-\p{Lu}/u.test(first.word)) return false; // «Российско-Белорусский»
  // «Российско-белорусский», «Научно-практическая»: the first part a combining form, the word read by its last.
  const all = parses(first.word.replace(/^.*-/, (m) => (INVARIABLE_PARTS.has(m.slice(0, -1).toLowerCase()) || /\p{L}{3,}[ое]-$/u.test(m) || parses(m.slice(0, -1)).some((p) => p.parser === 'Dictionary') ? '' : m)));
  if (!all.some((p) => p.parser === 'Dictionary')) return false; // a word the dictionary lacks: a name
  const read = all.filter((p) => p.parser === 'Dictionary');
  if (read.every((p) => PROPER.some((g) => p.tag[g]))) return false;
  // «Российско-белорусский»: two places joined describe, they name nothing (while «Российско-Белорусский» does).
  const joined = /^\p{L}{3,}[ое]-/u.test(first.word);
  if (!joined && read.some((p) => isAdj(p)) && !read.some((p) => p.tag.POS === 'NOUN') && isPlaceAdjective(read)) {
    // «Гомельский областной исполнительный комитет», «Смоленская область»: an adjective of a place opens a name.
    return false;
  }
  // «Белорусский государственный университет», «Витебский областной …»: an adjective before the word of an
  // institution's status opens the institution's name (while «Областной фестиваль» opens with that word itself).
  const second = tokenOf(tokens(phrase.trim())[2] ?? '').word.toLowerCase();
  if (read.some((p) => isAdj(p)) && STATUS_ADJECTIVE.test(second) && INSTITUTIONS.has(headNoun(phrase)?.lemma ?? '')) return false;
  const head = headNoun(phrase);
  if (head && NAMED_HEADS.has(head.lemma)) return false;
  return true;
}

/** «Смоленский» (Смоленск), «Гомельский» (Гомель), «Рославльский» (Рославль): an adjective made from a place's name. */
function isPlaceAdjective(read: AzParse[]): boolean {
  const lemma = read.find(isAdj)?.normalize();
  if (!lemma) return false;
  const stem = /^(.+?)(?:ский|цкий)$/.exec(lemma.word)?.[1];
  if (!stem) return false;
  // Гродно → гродненский, Чебоксары → чебоксарский, Сочи → сочинский, Пинск → пинский.
  const bare = stem.replace(/(?:ен|ин)$/, '');
  return [`${stem}ск`, stem, `${stem}ь`, `${stem}а`, `${stem}ка`, `${stem}о`, `${bare}о`, `${stem}ы`, `${stem}и`, `${bare}и`].some((name) => parses(name.charAt(0).toUpperCase() + name.slice(1)).some((p) => p.tag.Geox && p.parser === 'Dictionary'));
}

/** The phrase with its first letter lowered when that capital is only a sentence's (see isCommonStart). */
export function lowerCommon(phrase: string, commonWords: readonly string[] = []): string {
  const trimmed = phrase.trim();
  return isCommonStart(trimmed, commonWords) ? trimmed.charAt(0).toLowerCase() + trimmed.slice(1) : trimmed;
}

/**
 * The grammatical number and gender a verb agrees with for a subject phrase: «глава района» → m,
 * «делегация» → f, «представители …», «А и Б», «А, Б» → pl. Null when no noun opens it.
 */
export function subjectGender(phrase: string): Gender | null {
  let text = phrase.replace(/«[^»]*»|"[^"]*"|\([^)]*\)/g, ' ');
  // «Чрезвычайный и Полномочный Посол …»: «и» joins two adjectives of one person, not two people.
  const pair = /^\s*(\p{L}+)\s+и\s+(\p{L}.*)$/u.exec(text);
  if (pair && isAdjectiveOnly(pair[1] ?? '')) text = pair[2] ?? '';
  // «5 человек», «Более 200 человек», «около 50 мастеров», «десятки волонтеров»: a number of people takes the plural.
  if (/^(?:\d|(?:более|свыше|около|порядка|до|не менее|не более|почти|примерно|свыше)\s|(?:два|две|три|четыре|пять|шесть|семь|восемь|девять|десять|десятки|сотни|несколько|много)\s)/iu.test(text.trim())) return 'pl';
  // «Ольга Окунева, заместитель Губернатора …»: a person named, then her post after a comma, is one participant.
  const named = /^\s*((?:\p{Lu}[\p{Ll}-]+|\p{Lu}\.)(?:\s*(?:\p{Lu}[\p{Ll}-]+|\p{Lu}\.)){1,2}),\s*(\p{L}[^,;]*?)\s*$/u.exec(text);
  if (named && !/\s(и|а также)\s/.test(named[2] ?? '') && isPost(named[2] ?? '')) {
    const post = headNoun(named[2] ?? '');
    if (post && post.gender !== 'pl') return personGender(named[1] ?? '') ?? post.gender;
  }
  const head = headNoun(text);
  if (/,|;|\s(и|а также)\s/.test(text) && head?.gender !== 'pl') {
    // «глава района и его заместитель», «делегация, представители …»: several.
    return 'pl';
  }
  // «Заместитель Губернатора … Ольга Окунева»: a woman named after her post takes the feminine.
  if (head?.gender === 'm' && text.split(/\s+/).some((w) => /^\p{Lu}\p{Ll}+$/u.test(w) && parses(w).some((p) => p.parser === 'Dictionary' && p.tag.Name && p.tag.GNdr === 'femn' && p.tag.CAse === 'nomn' && !parses(w).some((q) => q.tag.Name && q.tag.GNdr === 'masc')))) {
    return 'f';
  }
  return head?.gender ?? null;
}

/** A post opens with a common noun or adjective the dictionary knows («заместитель …», «Губернатор …»), not a person's name. */
function isPost(phrase: string): boolean {
  const read = parses(phrase.trim().split(/\s+/)[0] ?? '');
  return read.some((p) => p.parser === 'Dictionary' && (p.tag.POS === 'NOUN' || isAdj(p))) && !read.some((p) => p.tag.Name || p.tag.Surn || p.tag.Patr);
}

/** Whether a noun as written may name people or animals («борцы», «школьники»): the dictionary's animacy. */
export function isAnimate(word: string): boolean {
  // Any reading: «борцы» is also a plant (inanimate) to the dictionary.
  return parses(word).some((p) => p.tag.POS === 'NOUN' && p.tag.anim);
}

/**
 * Whether the words after an event's head noun are its name rather than words it governs: they open with a
 * capital and the first reads in no case a head governs without a preposition («Форум Живи ярко», «Конкурс
 * Учитель года», «Турнир Золотая шайба»), not a genitive («Форум регионов», «Кубок Губернатора»), a number,
 * an abbreviation or a preposition («Форум ЕАЭС», «Встреча в …»).
 */
export function namesAfterHead(rest: string): boolean {
  const first = /^\s*([\p{L}-]+)(?=[\s,.:!?–-]|$)/u.exec(rest)?.[1];
  if (!first || !/^\p{Lu}\p{Ll}/u.test(first) || isAcronym(first) || /[«»"„“]/.test(rest)) return false;
  const read = parses(first);
  if (read.length === 0) return false;
  const governed = (p: AzParse) => ['gent', 'datv', 'ablt', 'loct', 'gen2', 'loc2'].includes(p.tag.CAse ?? '') || ['PREP', 'CONJ', 'PRCL', 'NUMR'].includes(p.tag.POS ?? '');
  return !read.some(governed);
}

/** A person's gender by the first name among the words («Ольга Окунева» → f), else by a surname or patronymic; null when none reads. */
function personGender(name: string): Gender | null {
  for (const tag of ['Name', 'Patr', 'Surn'] as const) {
    for (const word of name.split(/[\s.]+/)) {
      const read = parses(word).filter((p) => p.tag[tag] && p.tag.CAse === 'nomn' && p.tag.NMbr !== 'plur');
      const genders = new Set(read.map((p) => p.tag.GNdr));
      if (genders.size === 1 && (genders.has('masc') || genders.has('femn'))) return genders.has('masc') ? 'm' : 'f';
    }
  }
  return null;
}

/**
 * The noun phrase a verbal noun governs, back in the nominative: «совместного заседания коллегий» →
 * «совместное заседание коллегий» (n), «поездки школьников в Брест» → «поездка школьников в Брест» (f).
 * The adjectives and the head noun in the genitive decline; what follows them stays. Null when the
 * phrase does not open with a genitive noun phrase the dictionary knows.
 */
export function genitiveToNominative(phrase: string): { text: string; gender: Gender } | null {
  const parts = tokens(phrase.trim());
  const out = [...parts];
  const adjs: { at: number; token: Token; parse: AzParse }[] = [];
  for (let at = 0; at < parts.length; at += 2) {
    const token = tokenOf(parts[at] ?? '');
    if (!token.word || /[«"“„(]/.test(token.lead)) return null;
    // «и проведение …», «к форуму»: no genitive phrase opens here.
    if (['PREP', 'CONJ', 'PRCL', 'INTJ'].includes(parses(token.word)[0]?.tag.POS ?? '')) return null;
    if (ROMAN.test(token.word) || /^\d+(-\p{L}{1,3})?$/u.test(token.word)) {
      if (token.trail) return null;
      continue; // «XV Форума», «10-го фестиваля»
    }
    const number = adjs[0]?.parse.tag.NMbr;
    const noun = genitiveNoun(token.word, number);
    const adj = parses(token.word).find((p) => p.parser === 'Dictionary' && p.tag.CAse === 'gent' && isAdj(p) && (!number || p.tag.NMbr === number));
    if (noun && !(adj && !token.trail && at + 2 < parts.length && genitiveNounFollows(parts[at + 2] ?? ''))) {
      const gender: Gender = noun.plural ? 'pl' : noun.gender;
      out[at] = `${token.lead}${noun.nominative}${token.trail}`;
      // The adjectives agree with the noun found («круглого стола» → «круглый стол», not the neuter «круглое»).
      for (const a of adjs) {
        const aspect = a.parse.tag.POS === 'PRTF' ? ['pssv', 'actv', 'past', 'pres'].filter((g) => a.parse.tag[g]) : [];
        const grams = noun.plural ? ['nomn', 'plur'] : ['nomn', 'sing', gender === 'f' ? 'femn' : gender === 'n' ? 'neut' : 'masc'];
        const form = a.parse.inflect([...grams, ...aspect]) || a.parse.inflect(grams);
        if (!form) return null;
        out[a.at] = `${a.token.lead}${restoreCase(a.token.word, form.word)}${a.token.trail}`;
      }
      return { text: out.join(''), gender };
    }
    if (!adj || token.trail) return null;
    adjs.push({ at, token, parse: adj });
  }
  return null;
}

/** A noun in the genitive back in the nominative, hyphenated ones part by part («выставки-ярмарки» → «выставка-ярмарка»). */
function genitiveNoun(word: string, number: unknown): { nominative: string; gender: Exclude<Gender, 'pl'>; plural: boolean } | null {
  const found = parses(word).filter((p) => p.parser === 'Dictionary' && p.tag.CAse === 'gent' && p.tag.POS === 'NOUN' && (!number || p.tag.NMbr === number));
  const noun = found[0];
  if (noun) {
    const plural = noun.tag.NMbr === 'plur';
    const form = noun.inflect(['nomn', plural ? 'plur' : 'sing']);
    if (!form) return null;
    const gender = GENDERS[noun.tag.GNdr ?? ''];
    return { nominative: restoreCase(word, form.word), gender: gender && gender !== 'pl' ? gender : noun.tag['Ms-f'] ? 'm' : 'n', plural };
  }
  const hyphen = word.indexOf('-');
  if (hyphen <= 0) return null;
  const first = word.slice(0, hyphen);
  const last = genitiveNoun(word.slice(hyphen + 1), number);
  if (!last) return null;
  if (INVARIABLE_PARTS.has(first.toLowerCase())) return { ...last, nominative: `${first}-${last.nominative}` };
  const head = genitiveNoun(first, last.plural ? 'plur' : 'sing');
  return head ? { ...head, nominative: `${head.nominative}-${last.nominative}` } : null;
}

/** A word the dictionary reads only as an adjective or participle in the nominative («Чрезвычайный»). */
function isAdjectiveOnly(word: string): boolean {
  const found = nominatives(word).filter((p) => p.parser === 'Dictionary');
  return found.length > 0 && found.every(isAdj);
}

function genitiveNounFollows(text: string): boolean {
  const token = tokenOf(text);
  return Boolean(token.word) && !/[«"“„(]/.test(token.lead) && parses(token.word).some((p) => p.parser === 'Dictionary' && p.tag.CAse === 'gent' && (p.tag.POS === 'NOUN' || isAdj(p)));
}

/** The dictionary forms a word may be of, as nouns in any case («конкурса» → «конкурс»). */
export function nounLemmas(word: string): string[] {
  const bare = tokenOf(word).word;
  if (!bare) return [];
  return [...new Set(parses(bare).filter((p) => p.tag.POS === 'NOUN' && p.parser === 'Dictionary').map((p) => (p.normalize() || p).word.toLowerCase()))];
}

/** Whether a phrase is a clause: a word of it the dictionary reads only as a finite verb («… провел олимпиаду»). */
export function hasFiniteVerb(phrase: string): boolean {
  return phrase.replace(/«[^»]*»|"[^"]*"/g, ' ').split(/\s+/).some((raw) => {
    const word = tokenOf(raw).word;
    if (!word || word.length < 3) return false;
    const found = parses(word).filter((p) => p.parser === 'Dictionary');
    // Indicative only: an imperative in a slogan («Живи ярко») is a name, not a clause.
    return found.length > 0 && found.every((p) => p.tag.POS === 'VERB' && Boolean(p.tag.indc));
  });
}

// Reads the values of a partner's cells into the register's own: its reference names, formats, statuses.
import type { EventFormat, EventStatus } from '../../../shared/schema/event';
import type { DatePrecision } from '../../../shared/schema/common';
import type { ImportColumn, ImportField } from '../../../shared/schema/import';
import { parseDateText, type DateTextResult } from '../../../shared/ru/date-text';
import { PRECISION_LABELS } from '../../../shared/ru/labels';
import { foldLookalikes } from '../../../shared/ru/lookalikes';
import { foldYo, nameKey } from '../../../shared/ru/normalize';
import { titleYear } from '../../../shared/ru/title-year';
import type { Layout } from './layout';
import { isDateCell, type Sheet } from './sheet';

export interface RefName {
  name: string;
  locative: string | null;
}

/** The reference lists a file's values are matched against, read once per analysis. */
export interface RefLists {
  kinds: readonly RefName[];
  spheres: readonly RefName[];
  cities: readonly RefName[];
  countries: readonly RefName[];
  regions: readonly RefName[];
}

const COUNTRY_ALIASES: Record<string, string> = {
  рб: 'Республика Беларусь',
  беларусь: 'Республика Беларусь',
  белоруссия: 'Республика Беларусь',
  'республика белоруссия': 'Республика Беларусь',
  belarus: 'Республика Беларусь',
  рф: 'Российская Федерация',
  россия: 'Российская Федерация',
  'российская федерация': 'Российская Федерация',
  russia: 'Российская Федерация',
  казахстан: 'Республика Казахстан',
  рк: 'Республика Казахстан',
  армения: 'Республика Армения',
  киргизия: 'Кыргызская Республика',
  кыргызстан: 'Кыргызская Республика',
  узбекистан: 'Республика Узбекистан',
  китай: 'Китайская Народная Республика',
  кнр: 'Китайская Народная Республика',
  сербия: 'Республика Сербия',
};

/** A word as words() splits them, one match at a time. */
const WORD = /[\p{L}\d]+/gu;

function words(text: string): string[] {
  return foldYo(foldLookalikes(text)).toLowerCase().split(/[^\p{L}\d]+/u).filter(Boolean);
}

/** The first four letters of each word of four or more: enough to tell «экономическое» is «экономика». */
function stems(text: string): string[] {
  return words(text).filter((w) => w.length >= 4).map((w) => w.slice(0, 4));
}

export function parseFormat(text: string): EventFormat | null | undefined {
  const key = foldYo(text).toLowerCase();
  if (!key.trim()) return null;
  const inPerson = /(^|[^а-я])(очн|офлайн|оффлайн|личн)/.test(key) && !/заочн/.test(key);
  const video = /вкс|видео|конференц-?связ|vks/.test(key);
  const remote = /онлайн|online|дистанц|заочн|удал[её]н|интернет/.test(key);
  if (/смешан|гибрид|комбинир/.test(key) || (inPerson && (video || remote))) return 'hybrid';
  if (video) return 'videoconference';
  if (remote) return 'remote';
  if (inPerson) return 'in_person';
  return undefined;
}

export function parseStatus(text: string): EventStatus | undefined {
  const key = foldYo(text).toLowerCase();
  if (/отмен/.test(key)) return 'cancelled';
  if (/перенес/.test(key)) return 'postponed';
  if (/не провод|план|будет|предполага|намеч/.test(key)) return 'planned';
  if (/провед|выполн|состоял|исполн|^да$/.test(key)) return 'held';
  return undefined;
}

/** «месяц», «квартал» (or the code) as a date precision. */
export function parsePrecision(text: string): DatePrecision | undefined {
  const key = foldYo(text).toLowerCase().trim();
  if (key === 'день' || key === 'дата') return 'day';
  return (Object.entries(PRECISION_LABELS) as [DatePrecision, string][]).find(([code, label]) => key === code || key === label.toLowerCase())?.[0];
}

export function canonicalCountry(text: string, countries: readonly RefName[]): string {
  const key = nameKey(text);
  return COUNTRY_ALIASES[key] ?? countries.find((c) => nameKey(c.name) === key)?.name ?? text.trim();
}

/** A region as listed: «Витебская обл.» is «Витебская область». */
export function canonicalRegion(text: string, regions: readonly RefName[]): string {
  const expanded = text.trim().replace(/\s+обл\.?$/i, ' область').replace(/\s+р-н\.?$/i, ' район');
  const key = nameKey(expanded);
  return regions.find((r) => nameKey(r.name) === key)?.name ?? expanded;
}

/** Each list's sphere names' stems, made once per list (an analysis reads its lists once). */
const SPHERE_STEMS = new WeakMap<readonly RefName[], Map<string, string[]>>();

/**
 * The listed sphere a text («Раздел II. Экономическое сотрудничество», «Образование») names: the one
 * with the largest share of its word stems in the text, if that share is at least half and no other
 * sphere ties with it.
 */
export function matchSphere(text: string, spheres: readonly RefName[]): string | null {
  const found = new Set(stems(text));
  if (found.size === 0) return null;
  let best: { name: string; score: number } | null = null;
  let tie = false;
  let stemsOf = SPHERE_STEMS.get(spheres);
  if (!stemsOf) SPHERE_STEMS.set(spheres, (stemsOf = new Map()));
  for (const sphere of spheres) {
    let own = stemsOf.get(sphere.name);
    if (!own) stemsOf.set(sphere.name, (own = stems(sphere.name)));
    if (own.length === 0) continue;
    const score = own.filter((s) => found.has(s)).length / own.length;
    if (score < 0.5) continue;
    if (!best || score > best.score) {
      best = { name: sphere.name, score };
      tie = false;
    } else if (score === best.score) tie = true;
  }
  return best && !tie ? best.name : null;
}

/** «1. Культура», «Раздел II. Экономическое сотрудничество», «III. Спорт» without the numbering. */
export function sectionName(text: string): string {
  return text.replace(/^\s*(?:раздел|часть|глава)?\s*(?:[ivxlc]+|\d+)(?:\.\d+)*[.)]?\s*/i, '').replace(/[.:]\s*$/, '').trim();
}

/** Sphere names of a cell listing one or several, each a listed sphere where one matches. */
export function parseSpheres(text: string, spheres: readonly RefName[]): string[] {
  return text
    .split(/[,;\n]+/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => matchSphere(part, spheres) ?? part.toLocaleLowerCase('ru-RU'));
}

/** Word stems of each kind, for finding it in titles: «выставк» finds «выставки». */
/** The kind whose stems start the earliest word, the kinds tried in their order at each word. */
function firstKind(byFirst: ReadonlyMap<string, { name: string; stems: string[] }[]>, wordAt: (i: number) => string | undefined): string | null {
  for (let at = 0; ; at++) {
    const word = wordAt(at);
    if (word === undefined) return null;
    for (const { name, stems: kindWords } of byFirst.get(word[0] as string) ?? []) {
      let k = 0;
      while (k < kindWords.length && wordAt(at + k)?.startsWith(kindWords[k] as string)) k++;
      if (k === kindWords.length) return name;
    }
  }
}

/** Kinds by the first letter of their first stem, in their order: a word is tried against a few, not all. */
function kindStems(kinds: readonly RefName[]): Map<string, { name: string; stems: string[] }[]> {
  const byFirst = new Map<string, { name: string; stems: string[] }[]>();
  for (const kind of kinds) {
    const stems = words(kind.name).map((w) => (w.length > 5 ? w.slice(0, -2) : w.length > 3 ? w.slice(0, -1) : w));
    const first = stems[0]?.[0];
    if (first === undefined) continue; // no word to find it by
    const list = byFirst.get(first);
    if (list) list.push({ name: kind.name, stems });
    else byFirst.set(first, [{ name: kind.name, stems }]);
  }
  return byFirst;
}

/** The kind a title or a kind cell names («Международный фестиваль …» → «фестиваль»), by the earliest word. */
export function kindMatcher(kinds: readonly RefName[]): (text: string) => string | null {
  const byFirst = kindStems(kinds);
  // The words of the text being read, lowered, read only as far as the match needs: a kind is mostly
  // among the first. Read here by character codes for ASCII, Russian letters and the usual punctuation;
  // at any other character the reading gives up (`odd`) and the regex reads the text from the start.
  let text = '';
  let at = 0;
  let odd = false;
  const words: string[] = [];
  const readWord = (): boolean => {
    let start = -1;
    let upper = false;
    for (; at <= text.length; at++) {
      const c = at < text.length ? text.charCodeAt(at) : 0x20;
      const lower = (c >= 0x430 && c <= 0x45f) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39);
      const capital = !lower && ((c >= 0x400 && c < 0x430) || (c >= 0x41 && c <= 0x5a));
      if (lower || capital) {
        if (start < 0) start = at;
        if (capital) upper = true;
        continue;
      }
      // Not a letter or digit: ASCII and a few typographic marks (NBSP, «», dashes, „“”, …, №).
      if (c >= 0x80 && c !== 0xa0 && c !== 0xab && c !== 0xbb && !(c >= 0x2010 && c <= 0x2015) && !(c >= 0x201c && c <= 0x201e) && c !== 0x2026 && c !== 0x2116) {
        odd = true;
        return false;
      }
      if (start < 0) continue;
      const word = text.slice(start, at);
      words.push(upper ? word.toLowerCase() : word);
      return true;
    }
    return false;
  };
  const plainWordAt = (i: number): string | undefined => {
    while (words.length <= i && !odd && readWord());
    return words[i];
  };
  return (input) => {
    text = foldYo(foldLookalikes(input));
    at = 0;
    odd = false;
    words.length = 0;
    const found = firstKind(byFirst, plainWordAt);
    if (!odd) return found;
    const folded = text.toLowerCase();
    const titleWords: string[] = [];
    let read = false;
    WORD.lastIndex = 0;
    return firstKind(byFirst, (i) => {
      while (titleWords.length <= i && !read) {
        const match = WORD.exec(folded);
        if (match) titleWords.push(match[0]);
        else read = true;
      }
      return titleWords[i];
    });
  };
}

const PLACE_PREFIX = /^(?:в\s+)?(?:г\.|гор\.|город|г\s|аг\.|агрогородок|д\.|дер\.|деревня|пос\.|п\.|пгт|г\.п\.|гп)\s*/i;
const IN = /^в\s+/i;

function cityName(part: string, cities: readonly RefName[]): string | null {
  const bare = part.replace(PLACE_PREFIX, '').replace(IN, '').trim();
  const key = nameKey(bare);
  const city = cities.find((c) => nameKey(c.name) === key || (c.locative !== null && nameKey(c.locative) === key));
  if (city) return city.name;
  return PLACE_PREFIX.test(part) && bare ? bare : null;
}

export interface ParsedPlace {
  city: string | null;
  venue: string | null;
}

/**
 * «г. Витебск» is a city; «Витебск, Летний амфитеатр» a city and a venue; a route or list of places
 * («Смоленск – Орша – Витебск») keeps its first city and the whole text as the venue.
 */
export function parsePlace(text: string, cities: readonly RefName[]): ParsedPlace {
  const whole = foldLookalikes(text).replace(/\s+/g, ' ').trim();
  if (!whole) return { city: null, venue: null };
  const stops = whole.split(/\s[-–—]+>?\s|\s*→\s*/).map((s) => s.trim()).filter(Boolean);
  if (stops.length > 1) {
    const first = stops.map((s) => cityName(s.split(',')[0] ?? s, cities)).find((c) => c !== null);
    return { city: first ?? null, venue: whole };
  }
  const parts = whole.split(/\s*[,;]\s*/).filter(Boolean);
  const cityAt = parts.findIndex((p) => cityName(p, cities) !== null);
  if (cityAt >= 0) {
    const rest = parts.filter((_, i) => i !== cityAt).join(', ');
    return { city: cityName(parts[cityAt] as string, cities), venue: rest || null };
  }
  // An unknown single name («Лепель») is taken for a city; anything longer for a venue.
  const bare = whole.replace(PLACE_PREFIX, '');
  if (parts.length === 1 && /^[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*(?:\s[А-ЯЁ][а-яё]+(?:-[А-ЯЁа-яё][а-яё]*)*)?$/.test(bare)) return { city: bare, venue: null };
  return { city: null, venue: whole };
}

/** Fields whose text is Russian words, where a Latin look-alike is a typo to fold. */
const FOLDED_FIELDS: ReadonlySet<ImportField> = new Set([
  'title', 'kind', 'startDate', 'endDate', 'city', 'region', 'country', 'venue', 'spheres', 'partners', 'organizer',
]);

/** The fields of a row whose cells had Latin look-alikes inside Cyrillic words: the preview marks them. */
export function foldedFields(columns: readonly ImportColumn[], shown: Readonly<Record<string, string>>): ImportField[] | undefined {
  return foldedFieldsOf(columns)(shown);
}

/** foldedFields for many rows of the same columns: the columns sorted out once. */
export function foldedFieldsOf(columns: readonly ImportColumn[]): (shown: Readonly<Record<string, string>>) => ImportField[] | undefined {
  const foldable = columns.flatMap((c) => (c.field && FOLDED_FIELDS.has(c.field) ? [{ key: String(c.index), field: c.field }] : []));
  return (shown) => {
    let fields: ImportField[] | undefined;
    for (const { key, field } of foldable) {
      const text = shown[key];
      if (foldLookalikes(text ?? '') !== text) (fields ??= []).push(field);
    }
    return fields;
  };
}

/** The texts folded: the same array when none changes (most lists). */
function foldAll(texts: string[]): string[] {
  for (let i = 0; i < texts.length; i++) {
    if (foldLookalikes(texts[i] as string) !== texts[i]) return texts.map(foldLookalikes);
  }
  return texts;
}

interface FoldableInput {
  title: string;
  kind?: string | null;
  city?: string | null;
  region?: string | null;
  country?: string | null;
  venue?: string | null;
  organizer?: string | null;
  description?: string | null;
  spheres: string[];
  partners: string[];
}

/**
 * The last touches on an imported event's text: Latin look-alikes inside Cyrillic words folded (so «Гомeль»
 * adds no second city), and what was written beside its dates («ориентировочно», «11:00») kept in its
 * description as «Сроки: …», the event having no other field for it.
 */
export function tidyImportedText(input: FoldableInput, remarks: readonly string[]): void {
  const fold = (text: string | null | undefined) => (text ? foldLookalikes(text) : text);
  input.title = foldLookalikes(input.title);
  input.kind = fold(input.kind);
  input.city = fold(input.city);
  input.region = fold(input.region);
  input.country = fold(input.country);
  input.venue = fold(input.venue);
  input.organizer = fold(input.organizer);
  input.spheres = foldAll(input.spheres);
  input.partners = foldAll(input.partners);
  const said = remarks.length === 0 ? '' : [...new Set(remarks)].join('; ');
  if (said) input.description = input.description ? `${input.description}\nСроки: ${said}` : `Сроки: ${said}`;
}

/**
 * parseDateText remembered for one analysis, the rows' and the title check's readings shared. The year
 * stands in only where a text names none: a text read without it reads the same with any, so that
 * one reading serves every year asked.
 */
export function dateTextReader(): (text: string, year: number | null) => DateTextResult {
  const bare = new Map<string, DateTextResult>();
  const byYear = new Map<number, Map<string, DateTextResult>>();
  return (text, year) => {
    let own = bare.get(text);
    if (own === undefined) bare.set(text, (own = parseDateText(text, null)));
    if (own.ok || year === null) return own;
    let known = byYear.get(year);
    if (!known) byYear.set(year, (known = new Map()));
    let result = known.get(text);
    if (result === undefined) known.set(text, (result = parseDateText(text, year)));
    return result;
  };
}

/** The year of a sheet's title rows (above its header) and of its name: see titleYear for which wins. */
export function sheetTitleYear(sheet: Sheet, headerRow: number): number | null {
  const lines: string[] = [];
  for (let i = 0; i < headerRow - 1; i++) {
    for (const cell of sheet.rows[i] ?? []) if (typeof cell === 'string') lines.push(cell);
  }
  if (sheet.name) lines.push(sheet.name);
  return titleYear(lines);
}

/**
 * A warning when the title's year, taken for dates written without one, is not the year most dates of the
 * table name («на 2023 год» over dates of 2024); none when no date lacks its year or the user chose the year.
 */
export function titleYearWarning(
  sheet: Sheet, layout: Layout, year: number | null, fromTitle: boolean, parse: (text: string, year: number | null) => DateTextResult = parseDateText,
): string[] {
  const column = layout.columns.find((c) => c.field === 'startDate');
  if (year === null || !fromTitle || !column) return [];
  const counts = new Map<number, number>();
  let dated = 0;
  let yearless = 0;
  // A text's own year, or 0 for a date read only with the title's year, or null for no date: plans repeat their dates.
  const known = new Map<string, number | null>();
  const yearOf = (text: string): number | null => {
    let found = known.get(text);
    if (found === undefined) {
      const own = parse(text, null);
      found = own.ok ? Number(own.value.startDate.slice(0, 4)) : parse(text, year).ok ? 0 : null;
      known.set(text, found);
    }
    return found;
  };
  for (let r = layout.dataRow; r <= sheet.rows.length; r++) {
    const cell = sheet.rows[r - 1]?.[column.index] ?? null;
    let found: number | null = null;
    if (isDateCell(cell)) found = Number(cell.date.slice(0, 4));
    else if (typeof cell === 'string' && cell.trim()) {
      found = yearOf(cell);
      if (found === 0) [found, yearless] = [null, yearless + 1];
    }
    if (found === null) continue;
    dated++;
    counts.set(found, (counts.get(found) ?? 0) + 1);
  }
  const [common, count] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [year, 0];
  if (yearless === 0 || common === year || count * 2 <= dated) return [];
  return [`В заголовке — ${year} год, а в датах таблицы — ${common}: для дат без года взят ${year}; выберите другой год, если нужно.`];
}

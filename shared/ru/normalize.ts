// Folding Russian text for matching: case, «ё»/«е», Latin look-alikes, stray spaces and quotes do not make two names differ.
import { foldLookalikes } from './lookalikes';

/** «ё» → «е», as Russian writers use them interchangeably. */
export function foldYo(text: string): string {
  return YO.test(text) ? text.replace(/ё/g, 'е').replace(/Ё/g, 'Е') : text;
}
const YO = /[ёЁ]/;

/** The key two reference names are compared by: «г. Гомeль» with a Latin e is Гомель. */
export function nameKey(name: string): string {
  return foldYo(foldLookalikes(name))
    .toLowerCase() // no locale: Cyrillic lowers the same everywhere, and ICU's is several times slower
    .replace(/[«»"„“”]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

// Control characters, white space and punctuation, ASCII and typographic («», „“, –, —, …, №, NBSP):
// an explicit class, several times faster than \p{L} on long texts; letters of every script stay
// word characters. Everything the index's `ascii` tokenizer would split on must be here.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const SEPARATORS = /[\s\x00-\x2f:-@[-`{-\x7f\u00a0-\u00ac\u00ae-\u00bf\u00d7\u00f7\u2000-\u206f\u2116\u2212]+/g;
/** Soft hyphens hide inside words: «фор\u00adум» is «форум». */
const SOFT_HYPHENS = /\u00ad/g;

/** Text as the search index holds it: lower case, «ё» as «е», words parted by single spaces. */
export function searchText(...parts: readonly (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ').toLowerCase().replaceAll('ё', 'е').replace(SOFT_HYPHENS, '').replace(SEPARATORS, ' ').trim();
}

// The separators beyond ASCII: the index's `ascii` tokenizer splits at ASCII punctuation itself, but
// takes every non-ASCII character for a letter.
const WIDE_SEPARATORS = /[\u00a0-\u00ac\u00ae-\u00bf\u00d7\u00f7\u2000-\u206f\u2116\u2212]/g;

/**
 * Text for the full-text index: the same words as searchText once the `ascii` tokenizer has split it,
 * made in a fraction of the time (ASCII punctuation, most of what separates words, is left in place).
 */
export function indexText(...parts: readonly (string | null | undefined)[]): string {
  return parts.filter(Boolean).join(' ').toLowerCase().replaceAll('ё', 'е').replace(SOFT_HYPHENS, '').replace(WIDE_SEPARATORS, ' ');
}

/** The words of a text as the search index holds them (see searchText), as a list. */
export function searchWords(text: string): string[] {
  return text.toLowerCase().replaceAll('ё', 'е').replace(SOFT_HYPHENS, '').split(SEPARATORS).filter(Boolean);
}

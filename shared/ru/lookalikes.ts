// Latin letters typed inside Cyrillic words («Фоpум» with a Latin p, «Гомeль»): folded to the Cyrillic they look like.

/** Latin letters that look like Cyrillic ones, each with its twin (Belarusian «і» for «i»). */
const TWIN: Readonly<Record<string, string>> = {
  A: 'А', B: 'В', C: 'С', E: 'Е', H: 'Н', I: 'І', K: 'К', M: 'М', O: 'О', P: 'Р', T: 'Т', X: 'Х', Y: 'У',
  a: 'а', c: 'с', e: 'е', i: 'і', k: 'к', o: 'о', p: 'р', x: 'х', y: 'у',
};

/** A run of letters (Latin, Cyrillic, anything else): the unit folding decides on. */
const WORD = /\p{L}+/gu;
const LATIN = /[A-Za-z]/;
const CYRILLIC = /[\u0400-\u04ff]/;

function foldWord(word: string): string {
  let latin = 0;
  let cyrillic = 0;
  for (const ch of word) {
    if (LATIN.test(ch)) {
      // A Latin letter with no Cyrillic twin («Kazаn»'s z): the word is not a Cyrillic one mistyped.
      if (TWIN[ch] === undefined) return word;
      latin++;
    } else if (CYRILLIC.test(ch)) cyrillic++;
  }
  // Only words mostly Cyrillic: «Expо» with a Cyrillic о stays as it is, so do «IT» and «Kazan».
  if (latin === 0 || cyrillic === 0 || cyrillic < latin) return word;
  let out = '';
  for (const ch of word) out += TWIN[ch] ?? ch;
  return out;
}

/** Quick test before the word-by-word pass: most texts mix no scripts at all. */
const MAYBE_MIXED = /[A-Za-z]/;

/**
 * The text with every mostly-Cyrillic word's Latin look-alikes made Cyrillic; purely Latin and purely
 * Cyrillic words are never changed, so folding twice changes nothing more.
 */
export function foldLookalikes(text: string): string {
  if (!MAYBE_MIXED.test(text) || !CYRILLIC.test(text)) return text;
  return text.replace(WORD, foldWord);
}

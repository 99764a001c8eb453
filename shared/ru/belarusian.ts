// Belarusian date words read as their Russian twins, so one set of date rules serves both languages:
// «у траўні 2024 года» is «в мае 2024 года», «на працягу года» «в течение года», «ІІ паўгоддзе» «II полугодие».

/** Not a letter on either side: JavaScript's \b knows no Cyrillic. */
const word = (body: string) => new RegExp(`(?<!\\p{L})(?:${body})(?!\\p{L})`, 'gu');

/**
 * Each Belarusian month in every case form (nominative, genitive, locative: «студзень», «студзеня»,
 * «у студзені»), with «у» or «ў» as people type them, and the Russian month it is.
 */
const MONTHS: readonly [RegExp, string][] = [
  [word('студзен[ьяі]|студзеню'), 'январь'],
  [word('люты|лютага|лютым|лютаму'), 'февраль'],
  [word('сакавік[ау]?'), 'март'],
  [word('красавік[ау]?'), 'апрель'],
  [word('травень|тра[ўу]н[яію]'), 'май'],
  [word('чэрвен[ьяію]'), 'июнь'],
  [word('ліпен[ьяію]'), 'июль'],
  [word('жнівень|жні[ўу]н[яію]'), 'август'],
  [word('верасень|верасн[яію]'), 'сентябрь'],
  [word('кастрычнік[ау]?'), 'октябрь'],
  [word('лістапад(?:а|зе|у)?'), 'ноябрь'],
  [word('снежань|снежн[яію]'), 'декабрь'],
];

/** Other words of Belarusian dates and periods, by their Russian twins. */
const WORDS: readonly [RegExp, string][] = [
  [word('на працягу'), 'в течение'],
  [word('штомесячна|штомесяц'), 'ежемесячно'],
  [word('штоквартальна'), 'ежеквартально'],
  [word('пастаянна'), 'постоянно'],
  [word('увесь|ўвесь'), 'весь'],
  [word('круглы'), 'круглый'],
  [word('па[ўу]годдз[еяі]|па[ўу]годдзем'), 'полугодие'],
  [word('першае|першым|першага'), 'первое'],
  [word('другое|другім|другога'), 'второе'],
  [word('годзе'), 'году'],
  [word('гады'), 'годы'],
  [word('гадоў'), 'годов'],
  // Prepositions last: «у»/«ў» (in), «з»/«са» (from), «па» (to), «да» (until).
  [word('[уў]'), 'в'],
  [word('з|са'), 'с'],
  [word('па'), 'по'],
  [word('да'), 'до'],
];

/** Letters only Belarusian has: a text without them and without «у»/«з»/«па» needs no rewriting. */
const MAYBE_BELARUSIAN = /[іўэ]|студз|сакав|красав|травен|верас|кастрыч|лістап|снеж|працяг|штомесяч|штокварт|пастаянн|годзе|гады|гадоў|люты|лютаг|лютым|(?<!\p{L})(?:у|з|па|да|са)(?!\p{L})/u;

/**
 * Lower-case date text with its Belarusian words put in Russian; Russian text comes back unchanged.
 * The Belarusian «І» of Roman numerals («ІІ квартал», «ІV кв.») becomes the Latin the rules read.
 */
export function belarusianDateText(text: string): string {
  let out = text.replace(/(?<!\p{L})[iі]{1,3}v?(?!\p{L})/gu, (m) => m.replace(/і/g, 'i'));
  if (!MAYBE_BELARUSIAN.test(out)) return out;
  for (const [regex, russian] of MONTHS) out = out.replace(regex, russian);
  for (const [regex, russian] of WORDS) out = out.replace(regex, russian);
  return out;
}

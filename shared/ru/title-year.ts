// The year a plan is for, from its title lines: «на 2024 год» beats «Приложение к решению от 20.12.2023 № 7».
import { belarusianDateText } from './belarusian';
import { foldLookalikes } from './lookalikes';
import { foldYo } from './normalize';

const YEAR = /(?<!\d)((?:19|20)\d{2})(?!\d)/g;
/** The year is the last part of a date: «от 20.12.2023», «от 15 декабря 2023 г.». */
const DATE_BEFORE = /(?:\d{1,2}[./-]\d{1,2}[./-]|\d{1,2}\s+(?:январ|феврал|март|апрел|ма[йяе]|июн|июл|август|сентябр|октябр|ноябр|декабр)\p{L}*\s*)$/u;
/** «2024 год», «2024 году», «2024–2025 годы», «2024 г.» */
const YEAR_WORD_AFTER = /^\s*(?:-\s*(?:19|20)\d{2}\s*)?(?:год|году|года|годы|годов|гг|г)(?!\p{L})/u;
/** «на 2024», «в 2024», «за 2024», «план 2024» */
const PREPOSITION_BEFORE = /(?:^|[^\p{L}])(?:на|в|во|за|план)\s*$/u;
/** A line that cites a document: its dates are when the document was signed, not what the plan is for. */
const DOCUMENT_LINE = /№|(?:^|[^\p{L}])от\s+\d|протокол|приказ|решени|постановлени|распоряжени|утвержд|зацвердж|загад|пастанов/u;
const PLAN_LINE = /план/u;

/** How far around a year its phrase is looked for: a hostile megabyte line costs no more than a short one. */
const NEAR = 40;

/**
 * How surely a year found in a line is the plan's year: 3 a plan's phrase, 2 a bare mention, 1 a document's
 * date. `cites` and `plan` say whether the line cites a document and whether it names a plan.
 */
function rank(line: string, at: number, cites: boolean, plan: boolean): number {
  const before = line.slice(Math.max(0, at - NEAR), at);
  const after = line.slice(at + 4, at + 4 + NEAR);
  if (DATE_BEFORE.test(before)) return 1;
  if (YEAR_WORD_AFTER.test(after) || PREPOSITION_BEFORE.test(before)) return 3;
  if (cites) return 1;
  return plan ? 3 : 2;
}

/**
 * The year of a sheet's title lines (and its name, given last): explicit plan phrases («на 2023 год»,
 * «в 2023 году», «за I квартал 2023 года», «План … 2024») first, bare mentions next, dates of the
 * documents a line cites («от 20.12.2023 № 7») last; the first of the best. Null when none names a year.
 */
export function titleYear(lines: readonly string[]): number | null {
  let best: { year: number; rank: number } | null = null;
  for (const text of lines) {
    const line = belarusianDateText(foldYo(foldLookalikes(text)).toLowerCase().replace(/[\u2010-\u2015\u2212]/g, '-'));
    const cites = DOCUMENT_LINE.test(line);
    const plan = PLAN_LINE.test(line);
    for (const match of line.matchAll(YEAR)) {
      const score = rank(line, match.index, cites, plan);
      if (!best || score > best.rank) best = { year: Number(match[1]), rank: score };
      if (best.rank === 3) break; // the first plan phrase of a line is as good as any later one
    }
  }
  return best?.year ?? null;
}

/** A year named in one title line: «на 2022 год», «за II полугодие 2021 года», «2022-2023». */
export function yearInTitle(text: string): number | null {
  return titleYear([text]);
}

// Finds the table in a sheet: its header (one or two rows), the column numbers row, and what each column holds.
import type { ImportColumn, ImportField } from '../../../shared/schema/import';
import { columnLetter } from '../../../shared/column-letter';
import { matchHeader, NUMBER_COLUMN, type HeaderMatch } from './headers';
import { cellText, type Cell, type Sheet } from './sheet';

/** Rows searched for a header: partners put at most a title block and notes above it. */
const HEADER_SEARCH_ROWS = 40;

export interface Layout {
  /** 1-based row of the (first) header row. */
  headerRow: number;
  headerRows: 1 | 2;
  /** 1-based first row of data. */
  dataRow: number;
  columns: ImportColumn[];
}

function text(cell: Cell | undefined): string {
  return cellText(cell).replace(/\s+/g, ' ').trim();
}

function headerMatches(row: readonly Cell[], match: (text: string) => HeaderMatch | null): HeaderMatch[] {
  return row.flatMap((cell) => (typeof cell === 'string' ? [match(cell)].filter((m): m is HeaderMatch => m !== null) : []));
}

/** matchHeader remembering its answers: the rows searched for a header repeat their places, formats and spheres. */
function headerMatcher(): (text: string) => HeaderMatch | null {
  const known = new Map<string, HeaderMatch | null>();
  return (text) => {
    let found = known.get(text);
    if (found === undefined) known.set(text, (found = matchHeader(text)));
    return found;
  };
}

/** How much a row looks like a header: the sum of its cells' matches, if a title column is among them. */
function headerScore(row: readonly Cell[], match: (text: string) => HeaderMatch | null): number {
  const matches = headerMatches(row, match);
  const distinct = new Set(matches.map((m) => m.meaning));
  if (distinct.size < 2) return 0;
  return matches.reduce((sum, m) => sum + m.score, 0) + (distinct.has('title') ? 1 : 0);
}

/** A row of column numbers under the header: 1, 2, 3 … */
function isNumbersRow(row: readonly Cell[]): boolean {
  const values = row.filter((c) => c !== null && text(c) !== '');
  return values.length >= 2 && values.every((c, i) => Number(text(c)) === i + 1);
}

/**
 * A second header row: short texts only, at least one under an empty cell of the first (a merged
 * parent such as «Период проведения» over «с» and «по»), or all of them header words.
 */
function isSubHeader(first: readonly Cell[], second: readonly Cell[]): boolean {
  const cells = second.map((c, i) => ({ c, i })).filter(({ c }) => text(c) !== '');
  if (cells.length === 0 || cells.some(({ c }) => typeof c !== 'string' || text(c).length > 40)) return false;
  const underEmpty = cells.some(({ i }) => text(first[i]) === '');
  const allHeaders = cells.every(({ c }) => matchHeader(c as string) !== null);
  return underEmpty && cells.length <= first.filter((c) => text(c) !== '').length + 2 || (allHeaders && cells.length >= 2);
}

/** The header row the user named, or the best-scoring row near the top; null when there is none. */
export function findHeaderRow(sheet: Sheet, wanted?: number): number | null {
  if (wanted !== undefined) return wanted <= sheet.rows.length ? wanted : null;
  let best: { row: number; score: number } | null = null;
  const match = headerMatcher();
  for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
    const score = headerScore(sheet.rows[i] ?? [], match);
    if (score > 0 && (!best || score > best.score)) best = { row: i + 1, score };
  }
  return best?.row ?? null;
}

/** Picks a field for each column (but those left out): best matches first, each field once. */
function assignFields(headers: { upper: string; lower: string }[], leftOut: ReadonlySet<number>): (ImportField | null)[] {
  const candidates = headers.flatMap(({ upper, lower }, index) => {
    if (leftOut.has(index)) return [];
    // The lower cell of a two-row header says the most («с», «по»), then both together, then the upper.
    const tries = [lower, lower && upper ? `${upper} ${lower}` : '', upper].filter(Boolean);
    return tries.flatMap((t, rank) => {
      const match = matchHeader(t);
      return match ? [{ index, meaning: match.meaning, score: match.score - rank * 0.01 }] : [];
    });
  });
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const fields: (ImportField | null)[] = headers.map(() => null);
  const taken = new Set<string>();
  const decided = new Set<number>();
  for (const { index, meaning } of candidates) {
    if (decided.has(index) || taken.has(meaning)) continue;
    decided.add(index);
    if (meaning === NUMBER_COLUMN) continue;
    taken.add(meaning);
    fields[index] = meaning;
  }
  return fields;
}

/** The table under `headerRow`; the columns in `leftOut` (hidden ones) get no field. */
export function detectLayout(sheet: Sheet, headerRow: number, leftOut: ReadonlySet<number> = new Set()): Layout {
  const first = sheet.rows[headerRow - 1] ?? [];
  const next = sheet.rows[headerRow] ?? [];
  const headerRows = isSubHeader(first, next) ? 2 : 1;
  const second = headerRows === 2 ? next : [];
  let dataRow = headerRow + headerRows;
  if (isNumbersRow(sheet.rows[dataRow - 1] ?? [])) dataRow++;

  const width = Math.max(first.length, second.length);
  const headers: { upper: string; lower: string }[] = [];
  let parent = '';
  for (let i = 0; i < width; i++) {
    let upper = text(first[i]);
    const lower = text(second[i]);
    // An empty cell of the first row over a filled second one is part of a merged parent.
    if (upper) parent = upper;
    else if (lower) upper = parent;
    headers.push({ upper, lower });
  }
  const fields = assignFields(headers, leftOut);
  const columns = headers.map(({ upper, lower }, index) => ({
    index,
    letter: columnLetter(index),
    header: lower && upper && lower !== upper ? `${upper}: ${lower}` : lower || upper,
    field: fields[index] ?? null,
  }));
  return { headerRow, headerRows, dataRow, columns };
}

/** The sheet that holds the table (the first with a recognisable header, else the first with data) and its header row. */
export function pickSheet(sheets: readonly Sheet[], wanted?: string): { sheet: Sheet; headerRow: number | null } | null {
  if (wanted !== undefined) {
    const sheet = sheets.find((s) => s.name === wanted);
    return sheet ? { sheet, headerRow: findHeaderRow(sheet) } : null;
  }
  for (const sheet of sheets) {
    const headerRow = findHeaderRow(sheet);
    if (headerRow !== null) return { sheet, headerRow };
  }
  const sheet = sheets.find((s) => s.rows.some((r) => r.length > 0));
  return sheet ? { sheet, headerRow: null } : null;
}

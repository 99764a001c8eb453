// What every reader hands on: sheets as rows of plain cell values, whatever the file format was.
import { AppError } from '../../../shared/errors';
import type { TextEncoding } from '../../../shared/schema/import';
import { LIMITS } from '../workbook-format';

export interface DateCell {
  /** ISO `YYYY-MM-DD`: a real date cell of a workbook. */
  date: string;
}

export interface ErrorCell {
  /** The error value as the spreadsheet shows it: `#DIV/0!`, `#N/A`. */
  error: string;
}

export type Cell = string | number | boolean | DateCell | ErrorCell | null;

export interface Sheet {
  /** The sheet's name; null for a CSV file. */
  name: string | null;
  /** `rows[i]` is row i + 1 of the sheet (for CSV, record i + 1); a missing row is empty. */
  rows: Cell[][];
  /**
   * What the sheet is: a workbook's sheet (the default when absent) or a table of a Word or
   * OpenDocument text document, offered like a sheet and named «Таблица 1», «Таблица 2»…
   */
  kind?: 'sheet' | 'table';
  /** 1-based row numbers (as in `rows[n - 1]`) the file marks hidden; absent when none or unknown. */
  hiddenRows?: ReadonlySet<number>;
  /** 0-based column indexes (as in `rows[i][c]`) the file marks hidden; absent when none or unknown. */
  hiddenColumns?: ReadonlySet<number>;
  /**
   * Cells, as `${row}:${col}` (1-based row, 0-based column), whose value was copied into them from a
   * cell merged vertically over them: a merged date or place belongs to every row it spans, and the
   * preview marks the copies. The merge's own first cell is not listed. Absent when none.
   */
  inherited?: ReadonlySet<string>;
}

export interface WorkbookData {
  sheets: Sheet[];
  /** The encoding a CSV file's text was read in; absent for a workbook. */
  encoding?: TextEncoding;
  /** The format the file was read as (by its bytes, not its name); absent when a caller built the data. */
  format?: 'xlsx' | 'xls' | 'ods' | 'csv' | 'docx' | 'odt';
}

/** Bounds that keep a hostile file from taking the memory or the afternoon (kept with the workbook format). */
export { LIMITS };

/** The file kinds as a message names the whole file: «книга» for a workbook, «документ» for a text document. */
export function isDocument(format: WorkbookData['format']): boolean {
  return format === 'docx' || format === 'odt';
}

/** The refusal of a file with nothing to import: no sheet with data, or no table in a document. */
export function nothingToRead(fileName: string, format: WorkbookData['format']): AppError {
  return new AppError('validation', isDocument(format)
    ? `В документе «${fileName}» нет ни одной таблицы с данными: Reestr читает мероприятия из таблиц документа. Если план набран текстом, оформите его таблицей (Вставка → Таблица) или перенесите в Excel.`
    : `В книге «${fileName}» не найдено ни одного листа с данными.`);
}

/**
 * Copies the value of each merged range's first cell into the first column of every row below it
 * that the range covers, and lists those cells in `inherited`: a date or place merged over a day's
 * rows belongs to each of them. A row with nothing of its own stays empty (a merge drawn down past
 * the table makes no rows), and a range one row high (a header over two columns) keeps its value in
 * its first cell only. `merges` are 0-based inclusive rows and columns, as spreadsheets give them.
 * Ranges of a sound file never overlap, so the work is at most one visit per cell of the sheet's
 * columns; a file whose ranges overlap over and over stops being filled in there.
 */
export function inheritMerges(rows: Cell[][], merges: readonly { top: number; left: number; bottom: number; right: number }[], inherited: Set<string>): void {
  if (merges.length === 0) return;
  const filled = (cell: Cell | undefined) => cell !== undefined && cell !== null && cell !== '';
  const hasOwn = rows.map((row) => row.some(filled));
  let budget = rows.length * LIMITS.columns;
  for (const { top, left, bottom } of merges) {
    if (bottom <= top || left >= LIMITS.columns || top < 0 || left < 0) continue;
    const value = rows[top]?.[left] ?? null;
    if (!filled(value)) continue;
    for (let r = top + 1; r <= Math.min(bottom, rows.length - 1); r++) {
      if (--budget < 0) return;
      const row = rows[r] as Cell[];
      if (!hasOwn[r] || filled(row[left])) continue; // an empty row, or a writer that kept the covered value
      while (row.length < left) row.push(null);
      row[left] = value;
      inherited.add(`${r + 1}:${left}`);
    }
  }
}

// Characters that show nothing or turn the text around: controls (tab and line breaks aside),
// direction marks, embeddings, overrides and isolates, zero-width characters, the BOM. A file's
// text keeps none of them: «\u202eмурoФ» must not pass for «Форум», nor «Фо\u200bрум» be another title.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must go
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g;
/** INVISIBLE and the separators together, tested once: nearly every cell has none of them. */
// eslint-disable-next-line no-control-regex -- as INVISIBLE
const TO_CLEAN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\u2028\u2029]/;

/** A cell's text without invisible characters; line and paragraph separators become line breaks. */
export function cleanText(text: string): string {
  return TO_CLEAN.test(text) ? text.replace(INVISIBLE, '').replace(/[\u2028\u2029]/g, '\n') : text;
}

/** The refusal of a file with a cell longer than any field of an event (`where`: «B12»). */
export function cellTooLong(fileName: string, where: string): AppError {
  return new AppError(
    'validation',
    `В файле «${fileName}» ячейка ${where} длиннее ${LIMITS.cellChars.toLocaleString('ru-RU')} знаков: в таблице мероприятий таких не бывает. Сократите текст ячейки или удалите её и выберите файл снова.`,
  );
}

export function isDateCell(cell: Cell): cell is DateCell {
  return typeof cell === 'object' && cell !== null && 'date' in cell;
}

export function isErrorCell(cell: Cell): cell is ErrorCell {
  return typeof cell === 'object' && cell !== null && 'error' in cell;
}

/** A cell as text, the way the sheet shows it; '' for an empty one. */
export function cellText(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'да' : 'нет';
  return isDateCell(cell) ? cell.date.split('-').reverse().join('.') : cell.error;
}

/** A formula cell without a usable value: never computed (openpyxl writes such) or an error. */
export const FORMULA_WITHOUT_VALUE = 'formula';

/** What is wrong with an error cell, for a row's message. */
export function errorCellMessage(cell: ErrorCell): string {
  if (cell.error === FORMULA_WITHOUT_VALUE) {
    return 'в ячейке ошибка формулы или формула без значения: исправьте ячейку в Excel или LibreOffice и сохраните файл';
  }
  return `в ячейке ошибка формулы ${cell.error}`;
}

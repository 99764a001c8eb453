// What every reader hands on: sheets as rows of plain cell values, whatever the file format was.

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
}

export interface WorkbookData {
  sheets: Sheet[];
}

/** Bounds that keep a hostile file from taking the memory or the afternoon. */
export const LIMITS = {
  /** Bytes of the file itself. */
  fileBytes: 100 * 1024 * 1024,
  /** Bytes the zip parts of a workbook may unpack to, together. */
  unpackedBytes: 600 * 1024 * 1024,
  /** Rows of one sheet, or records of a CSV file. */
  rows: 200_000,
  /** Columns read of a row; cells beyond are ignored. */
  columns: 100,
} as const;

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

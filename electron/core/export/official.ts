// Sheets laid out as official documents are: Times New Roman 10–12, a title of 14 bold over the table,
// thin borders, wrapped text, the header frozen and repeated on every printed page, A4 at 100% scale:
// portrait when the columns fit its width, landscape otherwise, never shrunk below the font size.
import type ExcelJS from 'exceljs';

export const FONT = 'Times New Roman';
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' },
};
const DATE_FORMAT = 'DD.MM.YYYY';

export interface Column {
  header: string;
  /** Width in characters. */
  width: number;
  center?: boolean;
}

/** A cell: text, a number, a date (ISO, written as a real date cell) or nothing. */
export type CellValue = string | number | { date: string } | null;

export interface TableRow {
  cells: CellValue[];
  /** A group row («Культура»): one text across the table, bold. */
  group?: string;
  /** A row to stand out: expired or ending agreements. */
  fill?: 'expired' | 'expiring';
}

const FILLS = { expired: 'FFF4CCCC', expiring: 'FFFFF2CC' } as const;

/** Page margins (inches) and the widths (in column-width units) that A4 prints at 100% within them. */
const MARGINS = { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 };
/** Millimetres one column-width unit prints as (a digit of Times New Roman 10 is 7 px at 96 dpi, 1.76 mm), with a margin. */
const MM_PER_WIDTH = 1.8;
const PRINTABLE_MM = { portrait: 210 - (MARGINS.left + MARGINS.right) * 25.4, landscape: 297 - (MARGINS.left + MARGINS.right) * 25.4 };
export const PRINTABLE_WIDTH = { portrait: Math.floor(PRINTABLE_MM.portrait / MM_PER_WIDTH), landscape: Math.floor(PRINTABLE_MM.landscape / MM_PER_WIDTH) };

/** Portrait when the columns fit its width, else landscape. */
export function orientationFor(columns: readonly Column[]): 'portrait' | 'landscape' {
  return columns.reduce((sum, c) => sum + c.width, 0) <= PRINTABLE_WIDTH.portrait ? 'portrait' : 'landscape';
}

/** The body's size: 12 pt when the table is narrow enough for it, never below 10 pt. */
export function bodySize(columns: readonly Column[]): number {
  return columns.length <= 4 ? 12 : 10;
}

/**
 * Characters of Times New Roman a width unit holds at a size, on the low side (Cyrillic capitals and
 * bold run wide), so an estimate errs towards one line too many, never one too few.
 */
function charsPerWidth(size: number, bold: boolean): number {
  return (10 / size) * (bold ? 0.85 : 0.98);
}

/** Lines a text takes wrapped at word ends in a column, a word longer than the line broken as LibreOffice does. */
export function linesOf(text: string, width: number, size: number, bold = false): number {
  const perLine = Math.max(1, Math.floor(width * charsPerWidth(size, bold)) - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let used = 0;
    lines++;
    // A no-break space joins its words, as LibreOffice keeps them on one line.
    for (const word of paragraph.split(/[^\S\u00a0]+/).filter(Boolean)) {
      const need = used === 0 ? word.length : used + 1 + word.length;
      if (need <= perLine) {
        used = need;
        continue;
      }
      if (used > 0) lines++;
      lines += Math.ceil(word.length / perLine) - 1;
      used = word.length % perLine || perLine;
    }
  }
  return Math.max(1, lines);
}

/**
 * The height a row needs for its wrapped text: neither Excel nor LibreOffice grows a written row by
 * itself, and a streamed sheet cannot ask them to. A line is 1.2 of the size, with a little to spare.
 */
function rowHeight(values: readonly CellValue[], columns: readonly Column[], size: number, bold = false): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    lines = Math.max(lines, linesOf(value, columns[i]?.width ?? 10, size, bold));
  });
  return Math.min(409, Math.ceil(lines * size * 1.2 + 6 + (lines > 3 ? size * 0.6 : 0)));
}

/** An ISO date as the date cell exceljs writes: midnight UTC of the day. */
export function excelDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function excelValue(value: CellValue): ExcelJS.CellValue {
  if (value === null) return null;
  if (typeof value === 'object') return excelDate(value.date);
  // exceljs writes a string as a string, «=…» included: no text becomes a formula.
  return value;
}

/**
 * Makes Times New Roman 10 the workbook's normal font (font 0), before any cell style is added. A column's
 * width unit is a digit of the normal font: exceljs's Calibri falls back to a wider font where Calibri is
 * missing (LibreOffice on Linux), and the sheet no longer fits the page; Times New Roman has a
 * metric twin everywhere (Liberation Serif), so the widths print the same in Excel and LibreOffice.
 */
export function normalFont(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  // exceljs has no API for the normal font: its style manager takes the first font added as font 0.
  const styles = (workbook as unknown as { styles?: { _addFont?: (font: Partial<ExcelJS.Font>) => number } }).styles;
  styles?._addFont?.({ name: FONT, size: 10, family: 1 });
}

/** Rows as a sheet takes them: made at once, or read from the register as they are written. */
export type Rows<T> = Iterable<T> | AsyncIterable<T>;

/** Writes a titled table on a new sheet of a streaming workbook and commits it. */
export async function writeTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheetName: string,
  title: string,
  columns: readonly Column[],
  rows: Rows<TableRow>,
): Promise<void> {
  const headerRow = 3;
  const size = bodySize(columns);
  const orientation = orientationFor(columns);
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation,
      // Printed at its own size: a fitted page shrinks the text to 6–7 pt.
      scale: 100,
      fitToPage: false,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: MARGINS,
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: `&"${FONT}"&10Страница &P из &N` },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;

  const titleRow = sheet.addRow([title]);
  titleRow.height = Math.ceil(linesOf(title, columns.reduce((sum, c) => sum + c.width, 0), 14, true) * 14 * 1.2 + 8);
  titleRow.getCell(1).font = { name: FONT, size: 14, bold: true };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.mergeCells(1, 1, 1, last);
  titleRow.commit();
  sheet.addRow([]).commit();

  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = rowHeight(columns.map((c) => c.header), columns, size, true);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  header.commit();

  let count = 0;
  for await (const row of rows) {
    count++;
    if (row.group !== undefined) {
      const group = sheet.addRow([row.group]);
      group.getCell(1).font = { name: FONT, size, bold: true };
      group.height = rowHeight([row.group], [{ header: '', width: columns.reduce((sum, c) => sum + c.width, 0) }], size, true);
      for (let c = 1; c <= last; c++) group.getCell(c).border = BORDER;
      sheet.mergeCells(group.number, 1, group.number, last);
      group.commit();
      continue;
    }
    const added = sheet.addRow(row.cells.map(excelValue));
    added.height = rowHeight(row.cells.map((v) => (typeof v === 'number' ? String(v) : v)), columns, size);
    row.cells.forEach((value, i) => {
      const cell = added.getCell(i + 1);
      cell.font = { name: FONT, size };
      cell.border = BORDER;
      cell.alignment = { vertical: 'top', wrapText: true, horizontal: columns[i]?.center ? 'center' : 'left' };
      if (value !== null && typeof value === 'object') cell.numFmt = DATE_FORMAT;
      if (row.fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: FILLS[row.fill] } };
    });
    added.commit();
  }
  sheet.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + Math.max(count, 1), column: last } };
  sheet.commit();
}

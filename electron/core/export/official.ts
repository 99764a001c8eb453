// Sheets laid out as official documents are: Times New Roman 12, a title of 14 bold over the table,
// thin borders, wrapped text, the header frozen and repeated on every printed page, A4 landscape.
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

/** Points per line of 12-point Times New Roman, and characters of it a column's width unit holds. */
const LINE_HEIGHT = 15;
const CHARS_PER_WIDTH = 1.15;

/**
 * The height a row needs for its wrapped text: neither Excel nor LibreOffice grows a written row by
 * itself, and a streamed sheet cannot ask them to.
 */
function rowHeight(values: readonly CellValue[], columns: readonly Column[], bold = false): number {
  let lines = 1;
  values.forEach((value, i) => {
    if (typeof value !== 'string') return;
    const perLine = Math.max(1, Math.floor((columns[i]?.width ?? 10) * CHARS_PER_WIDTH * (bold ? 0.85 : 1)));
    const needed = value.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / perLine)), 0);
    lines = Math.max(lines, needed);
  });
  return Math.min(409, lines * LINE_HEIGHT + 4);
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

/** Writes a titled table on a new sheet of a streaming workbook and commits it. */
export function writeTable(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  sheetName: string,
  title: string,
  columns: readonly Column[],
  rows: Iterable<TableRow>,
): void {
  const headerRow = 3;
  const sheet = workbook.addWorksheet(sheetName, {
    views: [{ state: 'frozen', ySplit: headerRow, showGridLines: false }],
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${headerRow}:${headerRow}`,
      margins: { left: 0.6, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      horizontalCentered: true,
    },
    headerFooter: { oddFooter: `&"${FONT}"&10Страница &P из &N` },
  });
  sheet.columns = columns.map((c) => ({ width: c.width }));
  const last = columns.length;

  const titleRow = sheet.addRow([title]);
  titleRow.height = Math.max(20, Math.ceil(title.length / (columns.reduce((s, c) => s + c.width, 0) * 0.9)) * 20);
  titleRow.getCell(1).font = { name: FONT, size: 14, bold: true };
  titleRow.getCell(1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.mergeCells(1, 1, 1, last);
  titleRow.commit();
  sheet.addRow([]).commit();

  const header = sheet.addRow(columns.map((c) => c.header));
  header.height = rowHeight(columns.map((c) => c.header), columns, true);
  header.eachCell((cell) => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7EEF7' } };
  });
  header.commit();

  let count = 0;
  for (const row of rows) {
    count++;
    if (row.group !== undefined) {
      const group = sheet.addRow([row.group]);
      group.getCell(1).font = { name: FONT, size: 12, bold: true };
      for (let c = 1; c <= last; c++) group.getCell(c).border = BORDER;
      sheet.mergeCells(group.number, 1, group.number, last);
      group.commit();
      continue;
    }
    const added = sheet.addRow(row.cells.map(excelValue));
    added.height = rowHeight(row.cells, columns);
    row.cells.forEach((value, i) => {
      const cell = added.getCell(i + 1);
      cell.font = { name: FONT, size: 12 };
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

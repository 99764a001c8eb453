// A generated partner sheet as committees send them: a year's plan, title rows, a header, dates as text;
// the same rows as an .xlsx (exceljs), an old .xls (SheetJS) and a table in a Word document (docx).
import ExcelJS from '../electron/core/excel';
import { formatDateRange } from '../shared/ru/dates';
import { FORMAT_LABELS } from '../shared/ru/labels';
import { generateEvents } from './generate';

const HEADER = ['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения', 'Формат', 'Сфера сотрудничества', 'Участники'];

function title(year: number): string {
  return `ПЛАН совместных мероприятий Смоленской области и Витебской области на ${year} год`;
}

/** The plan's data rows: the same for every format written from the same seed. */
export function partnerRows(rows: number, seed: number, year = 2024): (string | number)[][] {
  return generateEvents(rows, seed, year, year).map((e, i) => [
    i + 1,
    e.title,
    formatDateRange(e.startDate, e.endDate, e.datePrecision),
    e.city ? `г. ${e.city}` : '',
    e.format ? FORMAT_LABELS[e.format] : '',
    e.spheres.join(', '),
    e.participants ?? '',
  ]);
}

export async function writePartnerSheet(file: string, rows: number, seed: number, year = 2024): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('План');
  sheet.addRow([title(year)]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(HEADER).commit();
  for (const row of partnerRows(rows, seed, year)) sheet.addRow(row).commit();
  await workbook.commit();
}

/** The same plan as Excel 97–2003 saves it (BIFF8), written by SheetJS. */
export async function partnerXls(rows: number, seed: number, year = 2024): Promise<Buffer> {
  const X = await import('@e965/xlsx');
  const workbook = X.utils.book_new();
  X.utils.book_append_sheet(workbook, X.utils.aoa_to_sheet([[title(year)], [], HEADER, ...partnerRows(rows, seed, year)]), 'План');
  return X.write(workbook, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/** The same plan typed as a table in Word: the title paragraph above, a header row, the rows. */
export async function partnerDocx(rows: number, seed: number, year = 2024): Promise<Buffer> {
  const { Document, Packer, Paragraph, Table, TableCell, TableRow } = await import('docx');
  const row = (cells: readonly (string | number)[]) => new TableRow({ children: cells.map((c) => new TableCell({ children: [new Paragraph(String(c))] })) });
  const document = new Document({
    sections: [{
      children: [
        new Paragraph('УТВЕРЖДАЮ'),
        new Paragraph(title(year)),
        new Table({ rows: [row(HEADER), ...partnerRows(rows, seed, year).map(row)] }),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

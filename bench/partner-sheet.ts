// A generated partner sheet as committees send them: a year's plan, title rows, a header, dates as text.
import ExcelJS from '../electron/core/excel';
import { formatDateRange } from '../shared/ru/dates';
import { FORMAT_LABELS } from '../shared/ru/labels';
import { generateEvents } from './generate';

export async function writePartnerSheet(file: string, rows: number, seed: number, year = 2024): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true });
  const sheet = workbook.addWorksheet('План');
  sheet.addRow([`ПЛАН совместных мероприятий Смоленской области и Витебской области на ${year} год`]).commit();
  sheet.addRow([]).commit();
  sheet.addRow(['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения', 'Формат', 'Сфера сотрудничества', 'Участники']).commit();
  generateEvents(rows, seed, year, year).forEach((e, i) => {
    sheet.addRow([
      i + 1,
      e.title,
      formatDateRange(e.startDate, e.endDate, e.datePrecision),
      e.city ? `г. ${e.city}` : '',
      e.format ? FORMAT_LABELS[e.format] : '',
      e.spheres.join(', '),
      e.participants,
    ]).commit();
  });
  await workbook.commit();
}

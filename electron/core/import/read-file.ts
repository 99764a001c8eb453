// Tells what a file is by its bytes, not its name, and reads it as sheets of cells.
import { AppError } from '../../../shared/errors';
import { readCsv } from './read-csv';
import { readXlsx } from './read-xlsx';
import { LIMITS, type WorkbookData } from './sheet';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted .xlsx is an OLE file with these streams, named in UTF-16.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

export async function readSpreadsheet(fileName: string, data: Buffer): Promise<WorkbookData> {
  if (data.length === 0) throw new AppError('validation', `Файл «${fileName}» пуст.`);
  if (data.length > LIMITS.fileBytes) {
    throw new AppError('validation', `Файл «${fileName}» больше ${LIMITS.fileBytes / 1024 / 1024} МБ: Reestr не читает таблицы такого размера. Разделите его на несколько файлов.`);
  }
  const extension = extensionOf(fileName);
  if (data.subarray(0, 4).equals(ZIP)) {
    if (extension === 'ods') throw new AppError('validation', `Файл «${fileName}» — таблица OpenDocument (.ods). Сохраните её в LibreOffice как «Книга Excel 2007–365 (.xlsx)» и выберите снова.`);
    return readXlsx(data, fileName);
  }
  if (data.subarray(0, 8).equals(OLE)) {
    if (data.includes(ENCRYPTION_INFO)) {
      throw new AppError('validation', `Книга «${fileName}» защищена паролем. Откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните копию без пароля.`);
    }
    throw new AppError('validation', `Файл «${fileName}» сохранён в старом формате Excel 97–2003 (.xls). Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)».`);
  }
  if (extension === 'xlsx' || extension === 'xlsm' || extension === 'xls') {
    throw new AppError('validation', `Файл «${fileName}» не является книгой Excel, хотя так назван: возможно, он повреждён или это файл другого типа.`);
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') {
    const { sheet, encoding } = readCsv(data, fileName);
    return { sheets: [sheet], encoding };
  }
  throw new AppError('validation', `Reestr читает таблицы .xlsx и .csv, а файл «${fileName}» — ни то, ни другое.`);
}

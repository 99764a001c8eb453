// Tells what a file is by its bytes, not its name, and reads it as sheets of cells.
import { AppError } from '../../../shared/errors';
import { readCsv } from './read-csv';
import { readDocx } from './read-docx';
import { odfFormat, readOdf } from './read-odf';
import { hasStream, openCompound, readXls } from './read-xls';
import { readXlsx } from './read-xlsx';
import { LIMITS, type WorkbookData } from './sheet';
import { zipEntries } from './zip';

const ZIP = Buffer.from('PK\x03\x04', 'latin1');
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
// An encrypted .xlsx is an OLE file with these streams, named in UTF-16.
const ENCRYPTION_INFO = Buffer.from('EncryptionInfo', 'utf16le');

function extensionOf(fileName: string): string {
  return /\.([^./\\]+)$/.exec(fileName)?.[1]?.toLowerCase() ?? '';
}

/** An old binary Office file: an .xls workbook is read, a Word 97–2003 document refused with the way out. */
async function readCompound(fileName: string, data: Buffer): Promise<WorkbookData> {
  if (data.includes(ENCRYPTION_INFO)) {
    throw new AppError('validation', `Книга «${fileName}» защищена паролем. Откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните копию без пароля.`);
  }
  const cfb = await openCompound(data, fileName);
  if (hasStream(cfb, 'WordDocument')) {
    throw new AppError('validation', `Файл «${fileName}» — документ Word 97–2003 (.doc): таблицы из него Reestr не читает. Откройте его в Word или LibreOffice и выберите «Сохранить как» → «Документ Word (.docx)», затем выберите новый файл.`);
  }
  if (hasStream(cfb, 'Workbook') || hasStream(cfb, 'Book')) return readXls(cfb, fileName);
  throw new AppError('validation', `Файл «${fileName}» — документ Microsoft Office, но не книга Excel и не документ Word: Reestr читает таблицы .xlsx, .xls, .ods, .csv и таблицы документов .docx и .odt.`);
}

export async function readSpreadsheet(fileName: string, data: Buffer): Promise<WorkbookData> {
  if (data.length === 0) throw new AppError('validation', `Файл «${fileName}» пуст.`);
  if (data.length > LIMITS.fileBytes) {
    throw new AppError('validation', `Файл «${fileName}» больше ${LIMITS.fileBytes / 1024 / 1024} МБ: Reestr не читает таблицы такого размера. Разделите его на несколько файлов.`);
  }
  const extension = extensionOf(fileName);
  if (data.subarray(0, 4).equals(ZIP)) {
    const entries = zipEntries(data, fileName);
    if (entries.some((e) => e.name === 'word/document.xml')) return readDocx(data, entries, fileName);
    const odf = odfFormat(data, entries);
    if (odf) return readOdf(data, entries, fileName, odf);
    if (['docx', 'odt', 'doc'].includes(extension)) {
      throw new AppError('validation', `Файл «${fileName}» — архив, но не документ Word или OpenDocument: в нём нет текста документа. Возможно, он повреждён или это файл другого типа; откройте его в Word или LibreOffice и сохраните как «Документ Word (.docx)».`);
    }
    return { ...(await readXlsx(data, fileName)), format: 'xlsx' };
  }
  if (data.subarray(0, 8).equals(OLE)) return readCompound(fileName, data);
  // Word saves «.doc» files in RTF when asked, and accounting programs save HTML tables as «.xls»:
  // neither is read, but each is named with the step that helps.
  const head = data.subarray(0, 512).toString('latin1').trimStart();
  if (head.startsWith('{\\rtf')) {
    throw new AppError('validation', `Файл «${fileName}» — документ RTF: таблицы из него Reestr не читает. Откройте его в Word или LibreOffice и выберите «Сохранить как» → «Документ Word (.docx)», затем выберите новый файл.`);
  }
  if (['xls', 'xlsx', 'doc', 'docx'].includes(extension) && /^(<\?xml[^>]*>\s*)?(<!doctype html|<html|<table)/i.test(head)) {
    throw new AppError('validation', `Файл «${fileName}» — веб-страница (HTML), сохранённая под именем ${extension === 'xls' || extension === 'xlsx' ? 'книги Excel' : 'документа Word'}: так выгружают таблицы некоторые программы. Откройте его в Excel или LibreOffice и сохраните как «Книга Excel (.xlsx)».`);
  }
  if (['docx', 'doc', 'odt'].includes(extension)) {
    throw new AppError('validation', `Файл «${fileName}» не является документом Word или OpenDocument, хотя так назван: возможно, он повреждён или это файл другого типа.`);
  }
  if (['xlsx', 'xlsm', 'xls', 'ods'].includes(extension)) {
    throw new AppError('validation', `Файл «${fileName}» не является книгой Excel, хотя так назван: возможно, он повреждён или это файл другого типа.`);
  }
  if (extension === 'csv' || extension === 'txt' || extension === 'tsv') {
    const { sheet, encoding } = readCsv(data, fileName);
    return { sheets: [sheet], encoding, format: 'csv' };
  }
  throw new AppError('validation', `Reestr читает таблицы .xlsx, .xls, .ods и .csv и таблицы документов .docx и .odt, а файл «${fileName}» — ни то, ни другое.`);
}

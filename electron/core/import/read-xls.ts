// Reads old Excel 97–2003 workbooks (.xls, BIFF8, and Excel 5/95's BIFF5) with SheetJS, within
// LIMITS: the compound file and its records are counted before the workbook is parsed, the result
// checked after. Cached formula values only (nothing is computed), dates as dates, merges, hidden rows.
import type * as XLSX from '@e965/xlsx';
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/column-letter';
import { cellTooLong, cleanText, inheritMerges, LIMITS, nothingToRead, type Cell, type Sheet, type WorkbookData } from './sheet';

type SheetJS = typeof XLSX;
/** The part of SheetJS's compound-file container read here (its types leave CFB untyped). */
interface CFBContainer {
  FileIndex: { name: string; type: number; content?: Uint8Array }[];
}

let library: Promise<SheetJS> | null = null;

/** SheetJS, loaded the first time an old file is read: other commands never pay for it. */
export function sheetJs(): Promise<SheetJS> {
  library ??= import('@e965/xlsx');
  return library;
}

/** Excel's error codes as the sheet shows them. */
const ERRORS: Record<number, string> = { 0x00: '#NULL!', 0x07: '#DIV/0!', 0x0f: '#VALUE!', 0x17: '#REF!', 0x1d: '#NAME?', 0x24: '#NUM!', 0x2a: '#N/A', 0x2b: '#GETTING_DATA' };

function damaged(fileName: string, details: unknown): AppError {
  return new AppError('validation', `Не удалось прочитать книгу «${fileName}»: файл повреждён или сохранён не полностью. Откройте его в Excel или LibreOffice и сохраните заново как .xlsx.`, details);
}

/** The compound file's streams by name; throws the Russian «damaged» error for one that is not. */
export async function openCompound(data: Buffer, fileName: string): Promise<CFBContainer> {
  const X = await sheetJs();
  try {
    return (X.CFB as { read(data: Buffer, options: { type: 'buffer' }): CFBContainer }).read(data, { type: 'buffer' });
  } catch (e) {
    throw damaged(fileName, e);
  }
}

export function hasStream(cfb: CFBContainer, name: string): boolean {
  return cfb.FileIndex.some((entry) => entry.type === 2 && entry.name === name);
}

// BIFF record types that hold cells, the sheet records, and the column widths that say which are hidden.
const CELL_RECORDS = new Set([0x0006, 0x00fd, 0x0203, 0x027e, 0x0201, 0x0204, 0x0205, 0x00d6, 0x0406]);
const MULRK = 0x00bd;
const MULBLANK = 0x00be;
const BOUNDSHEET = 0x0085;
const BOF = 0x0809;
const COLINFO = 0x007d;

interface Declared {
  cells: number;
  sheets: number;
  /** Hidden 0-based columns by the stream position of their sheet's BOF record. */
  hiddenColumns: Map<number, Set<number>>;
  /** Stream positions of the sheets' BOF records, in BOUNDSHEET (tab) order. */
  sheetAt: number[];
}

/**
 * What the workbook stream declares, from its record headers without parsing it: cells and sheets
 * (for the limits), and the hidden columns (COLINFO), which SheetJS gives only with its costly styles.
 */
function scanRecords(stream: Uint8Array): Declared {
  const view = Buffer.from(stream.buffer, stream.byteOffset, stream.byteLength);
  const declared: Declared = { cells: 0, sheets: 0, hiddenColumns: new Map(), sheetAt: [] };
  let sheet = -1;
  for (let at = 0; at + 4 <= view.length; ) {
    const type = view.readUInt16LE(at);
    const length = view.readUInt16LE(at + 2);
    const data = at + 4;
    if (CELL_RECORDS.has(type)) declared.cells++;
    else if (type === MULRK) declared.cells += Math.max(0, Math.floor((length - 6) / 6));
    else if (type === MULBLANK) declared.cells += Math.max(0, Math.floor((length - 6) / 2));
    else if (type === BOUNDSHEET) {
      declared.sheets++;
      if (length >= 4 && data + 4 <= view.length) declared.sheetAt.push(view.readUInt32LE(data));
    } else if (type === BOF) sheet = at;
    else if (type === COLINFO && length >= 10 && data + 10 <= view.length && (view.readUInt16LE(data + 8) & 1) === 1) {
      const first = view.readUInt16LE(data);
      const last = Math.min(view.readUInt16LE(data + 2), LIMITS.columns - 1);
      let hidden = declared.hiddenColumns.get(sheet);
      if (!hidden) declared.hiddenColumns.set(sheet, (hidden = new Set()));
      for (let c = first; c <= last; c++) hidden.add(c);
    }
    at = data + length;
  }
  return declared;
}

function tooBig(fileName: string, what: string): AppError {
  return new AppError('validation', `Книгу «${fileName}» Reestr не читает: ${what}. Если это настоящая таблица, сохраните её как «Книга Excel (.xlsx)» или разделите на несколько файлов.`);
}

/** Every sheet of an .xls workbook held in `cfb` (its Workbook or Book stream). */
export async function readXls(cfb: CFBContainer, fileName: string): Promise<WorkbookData> {
  const X = await sheetJs();
  const stream = cfb.FileIndex.find((entry) => entry.type === 2 && (entry.name === 'Workbook' || entry.name === 'Book'));
  const content = stream?.content as Uint8Array | undefined;
  if (!content) throw damaged(fileName, 'no Workbook stream');
  const declared = scanRecords(content);
  if (declared.sheets > LIMITS.sheets) throw tooBig(fileName, `в ней ${declared.sheets.toLocaleString('ru-RU')} листов, а Reestr читает книги не больше чем из ${LIMITS.sheets.toLocaleString('ru-RU')} листов`);
  if (declared.cells > LIMITS.cells) throw tooBig(fileName, `в ней больше ${LIMITS.cells.toLocaleString('ru-RU')} ячеек`);

  let workbook: ReturnType<SheetJS['read']>;
  try {
    // The container read above, parsed once: the same as X.read does after reading it again.
    const parse = (X as unknown as { parse_xlscfb(cfb: CFBContainer, options: XLSX.ParsingOptions): XLSX.WorkBook }).parse_xlscfb;
    workbook = parse(cfb, {
      type: 'buffer',
      dense: true,
      cellFormula: false, // the values Excel saved, never a formula of ours computed
      cellHTML: false,
      cellText: false,
      cellDates: false, // serial numbers with their format: read as dates below, in no time zone
      cellNF: true,
      cellStyles: false, // hidden columns are read from the records above: styles double the time
      sheetStubs: false,
      bookVBA: false,
    });
  } catch (e) {
    if (/password|encrypt/i.test(String(e))) {
      throw new AppError('validation', `Книга «${fileName}» защищена паролем. Откройте её в Excel, снимите пароль (Файл → Сведения → Защита книги) и сохраните копию без пароля.`);
    }
    throw damaged(fileName, e);
  }
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904);
  const sheets: Sheet[] = [];
  for (const [index, sheetName] of workbook.SheetNames.entries()) {
    const ws = workbook.Sheets[sheetName];
    if (!ws) continue;
    const name = cleanText(sheetName);
    const dense = (ws as unknown as { '!data'?: ({ t: string; v?: unknown; z?: string | number; w?: string } | undefined)[][] })['!data'] ?? [];
    // BIFF8 has at most 65,536 rows a sheet: this holds for what a damaged file might claim.
    if (dense.length > LIMITS.rows) {
      throw new AppError('validation', `На листе «${name}» файла «${fileName}» больше ${LIMITS.rows.toLocaleString('ru-RU')} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей.`);
    }
    const rows: Cell[][] = [];
    for (let r = 0; r < dense.length; r++) {
      const source = dense[r] ?? [];
      const cells: Cell[] = [];
      for (let c = 0; c < Math.min(source.length, LIMITS.columns); c++) {
        const cell = source[c];
        let value: Cell = null;
        if (cell) {
          if (cell.t === 's' && typeof cell.v === 'string') value = cleanText(cell.v);
          else if (cell.t === 'b') value = Boolean(cell.v);
          else if (cell.t === 'e') value = { error: ERRORS[cell.v as number] ?? '#ERR' };
          else if (cell.t === 'n' && typeof cell.v === 'number' && Number.isFinite(cell.v)) {
            const format = typeof cell.z === 'number' ? X.SSF.get_table()[cell.z] : cell.z;
            const parts = format && X.SSF.is_date(format) ? X.SSF.parse_date_code(cell.v, { date1904 }) : null;
            value = parts && parts.y >= 1 && parts.y <= 9999
              ? { date: `${String(parts.y).padStart(4, '0')}-${String(parts.m).padStart(2, '0')}-${String(parts.d).padStart(2, '0')}` }
              : cell.v;
          }
          if (typeof value === 'string' && value.length > LIMITS.cellChars) throw cellTooLong(fileName, `${columnLetter(c)}${r + 1}`);
          if (value === '') value = null;
        }
        cells.push(value);
      }
      while (cells.length && cells[cells.length - 1] === null) cells.pop();
      rows.push(cells);
    }
    const inherited = new Set<string>();
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    inheritMerges(rows, merges, inherited);
    const hiddenRows = new Set<number>();
    for (const [i, info] of (ws['!rows'] ?? []).entries()) if (info?.hidden && i < rows.length) hiddenRows.add(i + 1);
    const hiddenColumns = declared.hiddenColumns.get(declared.sheetAt[index] ?? -1) ?? new Set<number>();
    sheets.push({
      name,
      rows,
      ...(hiddenRows.size ? { hiddenRows } : {}),
      ...(hiddenColumns.size ? { hiddenColumns } : {}),
      ...(inherited.size ? { inherited } : {}),
    });
  }
  if (!sheets.some((s) => s.rows.some((r) => r.length > 0))) throw nothingToRead(fileName, 'xls');
  return { sheets, format: 'xls' };
}

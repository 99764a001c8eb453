// Reads an .xlsx workbook as a stream, every sheet as plain cells, within LIMITS.
import { streamWorksheets, worksheetMarks, XmlLimitError, type SheetMarks } from '../excel';
import type { CellFormulaValue, CellValue } from 'exceljs';
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/column-letter';
import { cellTooLong, cleanText, FORMULA_WITHOUT_VALUE, inheritMerges, LIMITS, nothingToRead, type Cell, type Sheet, type WorkbookData } from './sheet';
import { checkUnpackedData, checkUnpackedSize, entryStream, readEntry, zipEntries, type ZipEntry } from './zip';

type ExcelValue = CellValue;

/**
 * Text as the sheet holds it: Excel writes characters XML cannot carry as `_xHHHH_` (and a literal
 * `_x` as `_x005F_x`), which exceljs's streaming reader leaves as they are.
 */
function sheetText(text: string): string {
  return cleanText(text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);
}

function plainCell(value: ExcelValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return sheetText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : { date: value.toISOString().slice(0, 10) };
  if ('error' in value) return { error: String(value.error) };
  if ('richText' in value) return sheetText(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    // The value the writing program computed; a formula without one is not data. exceljs drops an
    // error result (`#DIV/0!`) too, so the two read the same.
    const result = (value as CellFormulaValue).result;
    if (result === undefined || result === null || Number.isNaN(result)) return { error: FORMULA_WITHOUT_VALUE };
    return typeof result === 'object' && !(result instanceof Date) ? { error: String(result.error) } : plainCell(result);
  }
  if ('text' in value) return plainCell(value.text as ExcelValue); // a hyperlink
  return null;
}

function tooManyRows(fileName: string, sheet: string): AppError {
  return new AppError(
    'validation',
    `На листе «${sheet}» файла «${fileName}» больше ${LIMITS.rows.toLocaleString('ru-RU')} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей или удалите пустые строки в конце листа.`,
  );
}

function xmlLimit(fileName: string, e: XmlLimitError): AppError {
  const what = {
    text: `в ней есть ячейка или фрагмент текста длиннее ${LIMITS.cellChars.toLocaleString('ru-RU')} знаков`,
    elements: `на одном из листов больше ${LIMITS.xmlElements.toLocaleString('ru-RU')} элементов разметки`,
    sharedStrings: `в ней больше ${LIMITS.sharedStrings.toLocaleString('ru-RU')} разных текстов`,
  }[e.limit];
  return new AppError('validation', `Книгу «${fileName}» Reestr не читает: ${what}. Возможно, файл повреждён или намеренно раздут; если это настоящая таблица, разделите её на несколько файлов.`, e);
}

function xmlText(text: string): string {
  return text.replace(/&(lt|gt|quot|apos|amp|#x[0-9a-f]+|#\d+);/gi, (_, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' } as Record<string, string>)[e.toLowerCase()] ?? '';
  });
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return match?.[1] === undefined ? undefined : xmlText(match[1]);
}

/** `B3` as 0-based row and column; null for what is no cell reference. */
function cellRef(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1] as string) col = col * 26 + ch.charCodeAt(0) - 64;
  return { row: Number(m[2]) - 1, col: col - 1 };
}

/** What the sheet's marks add to its rows: merged values copied down, hidden rows and columns. */
function applyMarks(rows: Cell[][], marks: SheetMarks | undefined): Pick<Sheet, 'hiddenRows' | 'hiddenColumns' | 'inherited'> {
  if (!marks) return {};
  const merges = marks.merges.flatMap((ref) => {
    const [from, to] = ref.split(':').map((part) => cellRef(part.toUpperCase()));
    return from && to ? [{ top: from.row, left: from.col, bottom: to.row, right: to.col }] : [];
  });
  const inherited = new Set<string>();
  inheritMerges(rows, merges, inherited);
  const hiddenRows = new Set(marks.hiddenRows.filter((r) => r <= rows.length));
  const hiddenColumns = new Set(marks.hiddenColumns);
  return {
    ...(hiddenRows.size ? { hiddenRows } : {}),
    ...(hiddenColumns.size ? { hiddenColumns } : {}),
    ...(inherited.size ? { inherited } : {}),
  };
}

interface SheetEntry {
  name: string;
  order: number;
}

/**
 * Sheet names and tab order by part number (`xl/worksheets/sheet2.xml` → "2"), read from the
 * workbook itself: exceljs misses them when a writer (openpyxl) uses absolute part paths.
 */
function sheetEntries(data: Buffer, entries: readonly ZipEntry[]): Map<string, SheetEntry> {
  const read = (path: string) => {
    const entry = entries.find((e) => e.name === path);
    return entry ? readEntry(data, entry, 16 * 1024 * 1024)?.toString('utf8') ?? '' : '';
  };
  const targets = new Map<string, string>();
  for (const tag of read('xl/_rels/workbook.xml.rels').match(/<Relationship\b[^>]*>/g) ?? []) {
    const id = attribute(tag, 'Id');
    const part = /worksheets\/sheet(\d+)\.xml$/.exec(attribute(tag, 'Target') ?? '')?.[1];
    if (id && part) targets.set(id, part);
  }
  const sheets = new Map<string, SheetEntry>();
  for (const [order, tag] of (read('xl/workbook.xml').match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).entries()) {
    const part = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (part && name) sheets.set(part, { name, order });
  }
  return sheets;
}

/** Every worksheet of the workbook, rows in sheet order; throws Russian AppErrors for what it cannot read. */
export async function readXlsx(data: Buffer, fileName: string): Promise<WorkbookData> {
  const entries = zipEntries(data, fileName);
  checkUnpackedSize(entries, LIMITS.unpackedBytes, fileName, LIMITS.zipEntries);
  const sheetCount = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name)).length;
  if (sheetCount > LIMITS.sheets) {
    throw new AppError('validation', `В книге «${fileName}» ${sheetCount.toLocaleString('ru-RU')} листов, а Reestr читает книги не больше чем из ${LIMITS.sheets.toLocaleString('ru-RU')} листов. Перенесите нужные листы в отдельный файл.`);
  }
  const kept = new Map<ZipEntry, Buffer[]>();
  await checkUnpackedData(data, entries, { total: LIMITS.unpackedBytes, otherPart: LIMITS.otherPartBytes }, fileName, kept);
  const known = sheetEntries(data, entries);
  const parts = entries.map((entry) => ({ name: entry.name, open: () => entryStream(data, entry, kept) }));
  const worksheets = streamWorksheets(parts, {
    sharedStrings: 'cache',
    styles: 'cache', // number formats tell date cells from numbers
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  const sheets: (Sheet & { order: number })[] = [];
  try {
    for await (const worksheet of worksheets) {
      // exceljs's types lack the id and name its reader sets: the part number and a default name when
      // it could not match the part to workbook.xml, else the sheet's own.
      const { id, name: excelName } = worksheet as unknown as { id: string | number; name: string };
      const entry = excelName === `Sheet${id}` ? known.get(String(id)) : undefined;
      const name = cleanText(entry?.name ?? excelName);
      const order = entry?.order ?? [...known.values()].find((e) => e.name === name)?.order ?? sheets.length;
      const rows: Cell[][] = [];
      for await (const row of worksheet) {
        if (row.number > LIMITS.rows) throw tooManyRows(fileName, name);
        const cells: Cell[] = [];
        const values = row.values as ExcelValue[]; // 1-based, sparse
        const last = Math.min(values.length - 1, LIMITS.columns);
        for (let col = 1; col <= last; col++) {
          const cell = plainCell(values[col]);
          if (typeof cell === 'string' && cell.length > LIMITS.cellChars) throw cellTooLong(fileName, `${columnLetter(col - 1)}${row.number}`);
          cells.push(cell);
        }
        while (cells.length && cells[cells.length - 1] === null) cells.pop();
        rows[row.number - 1] = cells;
      }
      for (let i = 0; i < rows.length; i++) rows[i] ??= [];
      sheets.push({ name, rows, order, ...applyMarks(rows, worksheetMarks(worksheet)) });
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    if (e instanceof XmlLimitError) throw xmlLimit(fileName, e);
    // The reader's own words (English) go to the log, not to the clerk.
    throw new AppError('validation', `Не удалось прочитать книгу «${fileName}»: файл повреждён или сохранён не полностью. Откройте его в Excel или LibreOffice и сохраните заново как .xlsx.`, e);
  }
  if (sheets.length === 0) throw nothingToRead(fileName, 'xlsx');
  return { sheets: sheets.sort((a, b) => a.order - b.order).map(({ order: _order, ...sheet }) => sheet), format: 'xlsx' };
}

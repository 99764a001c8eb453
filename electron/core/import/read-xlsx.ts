// Reads an .xlsx workbook as a stream, every sheet as plain cells, within LIMITS.
import { styleFormats, XmlLimitError } from '../excel';
import { AppError } from '../../../shared/errors';
import { columnIndex } from '../../../shared/column-letter';
import { cleanText, inheritMerges, LIMITS, nothingToRead, type Cell, type Sheet, type WorkbookData } from './sheet';
import { readSharedStrings, readSheetXml, xmlTrue, type SheetXml } from './xlsx-sheet';
import { checkUnpackedData, checkUnpackedSize, entryStream, readEntry, zipEntries, type ZipEntry } from './zip';

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
  return m ? { row: Number(m[2]) - 1, col: columnIndex(m[1] as string) } : null;
}

/** What the sheet's marks add to its rows: merged values copied down, hidden rows and columns. */
function applyMarks(rows: Cell[][], marks: Omit<SheetXml, 'rows'>): Pick<Sheet, 'hiddenRows' | 'hiddenColumns' | 'inherited'> {
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
 * Sheet names and tab order by part number (`xl/worksheets/sheet2.xml` → "2"), and whether dates
 * count from 1904 (old Mac Excel), read from the workbook part and its relationships (a writer may
 * give the parts' paths from the package's root, as openpyxl does).
 */
function workbookInfo(data: Buffer, entries: readonly ZipEntry[]): { sheets: Map<string, SheetEntry>; date1904: boolean } {
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
  const workbook = read('xl/workbook.xml');
  const sheets = new Map<string, SheetEntry>();
  for (const [order, tag] of (workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []).entries()) {
    const part = targets.get(attribute(tag, 'r:id') ?? '');
    const name = attribute(tag, 'name');
    if (part && name) sheets.set(part, { name, order });
  }
  const properties = /<(?:\w+:)?workbookPr\b[^>]*>/.exec(workbook)?.[0];
  const date1904 = properties !== undefined && xmlTrue(attribute(properties, 'date1904'));
  return { sheets, date1904 };
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** Every worksheet of the workbook, rows in sheet order; throws Russian AppErrors for what it cannot read. */
export async function readXlsx(data: Buffer, fileName: string): Promise<WorkbookData> {
  const entries = zipEntries(data, fileName);
  checkUnpackedSize(entries, LIMITS.unpackedBytes, fileName, LIMITS.zipEntries);
  const sheetCount = entries.filter((e) => SHEET_PART.test(e.name)).length;
  if (sheetCount > LIMITS.sheets) {
    throw new AppError('validation', `В книге «${fileName}» ${sheetCount.toLocaleString('ru-RU')} листов, а Reestr читает книги не больше чем из ${LIMITS.sheets.toLocaleString('ru-RU')} листов. Перенесите нужные листы в отдельный файл.`);
  }
  const kept = new Map<ZipEntry, Buffer[]>();
  await checkUnpackedData(data, entries, { total: LIMITS.unpackedBytes, otherPart: LIMITS.otherPartBytes }, fileName, kept);
  const { sheets: known, date1904 } = workbookInfo(data, entries);
  const parts = entries.map((entry) => ({ name: entry.name, open: () => entryStream(data, entry, kept) }));
  const sheets: (Sheet & { order: number })[] = [];
  try {
    const part = (name: string) => parts.find((p) => p.name === name);
    const strings = part('xl/sharedStrings.xml');
    const context = { sharedStrings: strings ? await readSharedStrings(strings.open) : [], numFmt: await styleFormats(part('xl/styles.xml')) };
    for (const sheet of parts) {
      const number = SHEET_PART.exec(sheet.name)?.[1];
      if (number === undefined) continue;
      const entry = known.get(number);
      const name = cleanText(entry?.name ?? `Sheet${number}`);
      const { rows, ...marks } = await readSheetXml(sheet.open, { context, date1904, fileName, sheetName: name });
      sheets.push({ name, rows, order: entry?.order ?? sheets.length, ...applyMarks(rows, marks) });
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

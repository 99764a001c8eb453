// Reads the tables of a Word document (.docx) as sheets: «Таблица 1», «Таблица 2»…, each with the
// paragraphs above it as title rows, merged cells placed by the table's grid (gridSpan, vMerge).
import { AppError } from '../../../shared/errors';
import { parseXml, XmlRefusal, type XmlTag } from './read-xml';
import { TableBuilder, TitleParagraphs } from './read-table';
import { LIMITS, nothingToRead, type Cell, type Sheet, type WorkbookData } from './sheet';
import { checkUnpackedData, checkUnpackedSize, entryStream, type ZipEntry } from './zip';

/** Local names by qualified name: a document has a few dozen element names, met millions of times. */
const LOCAL = new Map<string, string>();

/** The element's name without its prefix: `w:tbl` → `tbl` (Word always writes `w:`, others need not). */
function local(name: string): string {
  let known = LOCAL.get(name);
  if (known === undefined) {
    const colon = name.indexOf(':');
    known = colon < 0 ? name : name.slice(colon + 1);
    if (LOCAL.size < 10_000) LOCAL.set(name, known);
  }
  return known;
}

function attr(tag: XmlTag, name: string): string | undefined {
  for (const [key, value] of Object.entries(tag.attributes)) if (local(key) === name) return value;
  return undefined;
}

/** A toggle property (`<w:vanish/>`, `<w:hidden w:val="0"/>`) as Word reads it. */
function on(tag: XmlTag): boolean {
  const value = attr(tag, 'val');
  return value === undefined || !['0', 'false', 'off'].includes(value);
}

/** The refusal of a document whose XML is not what Word or LibreOffice writes. */
export function documentRefusal(fileName: string, e: XmlRefusal, format: 'docx' | 'odt' | 'ods'): AppError {
  const sheet = format === 'ods';
  const it = sheet ? 'ней' : 'нём';
  const why = {
    doctype: `в ${it} есть объявление DOCTYPE, которого не пишет ни Word, ни LibreOffice`,
    elements: `в ${it} больше элементов разметки, чем бывает в настоящих ${sheet ? 'таблицах' : 'документах'}`,
    text: `в ${it} есть фрагмент текста длиннее ${LIMITS.cellChars.toLocaleString('ru-RU')} знаков`,
    malformed: `${sheet ? 'её' : 'его'} содержимое повреждено или обрезано`,
  }[e.reason];
  const program = format === 'docx' ? 'Word или LibreOffice' : 'LibreOffice';
  return new AppError(
    'validation',
    `${sheet ? 'Таблицу' : 'Документ'} «${fileName}» Reestr не читает: ${why}. Откройте ${sheet ? 'её' : 'его'} в ${program} и сохраните заново; если файл прислали, попросите прислать его ещё раз.`,
    e.message,
  );
}

interface CellState {
  text: string[];
  span: number;
  /** `restart`, `continue`, or null when the cell is not merged vertically. */
  vMerge: 'restart' | 'continue' | null;
  hMergeContinue: boolean;
}

/** Every table of `word/document.xml` (already checked by the zip reader) as a sheet. */
export async function readDocx(data: Buffer, entries: readonly ZipEntry[], fileName: string): Promise<WorkbookData> {
  checkUnpackedSize(entries, LIMITS.unpackedBytes, fileName, LIMITS.zipEntries);
  await checkUnpackedData(data, entries, { total: LIMITS.unpackedBytes, otherPart: LIMITS.otherPartBytes }, fileName);
  const part = entries.find((e) => e.name === 'word/document.xml') as ZipEntry;

  const sheets: Sheet[] = [];
  const titles = new TitleParagraphs();
  let table: TableBuilder | null = null;
  /** Depth of tables: 1 inside a table of the body, more inside a table in a cell. */
  let depth = 0;
  let row: Cell[] = [];
  let rowHidden = false;
  let col = 0;
  let cell: CellState | null = null;
  /** For each grid column, the merge a `vMerge="restart"` cell began there: extended by each continuation. */
  let vertical = new Map<number, { top: number; left: number; bottom: number; right: number }>();
  let paragraph: string[] = [];
  let inText = false;
  let vanish = false;
  /** Depth inside parts whose text is not the document's: deleted text, field codes, fallbacks, notes. */
  let skip = 0;
  const SKIPPED = new Set(['del', 'instrText', 'delInstrText', 'Fallback', 'moveFrom']);

  const put = (text: string) => {
    if (skip || vanish) return;
    if (cell) cell.text.push(text);
    else if (depth === 0) paragraph.push(text);
  };

  await parseXml(entryStream(data, part), {
    open(tag) {
      const name = local(tag.name);
      // Inside a skipped part nothing counts: a table in a fallback is the same table again.
      if (skip || SKIPPED.has(name)) {
        skip++;
        return;
      }
      switch (name) {
        case 'tbl':
          depth++;
          if (depth === 1) {
            if (sheets.length >= LIMITS.sheets) {
              throw new AppError('validation', `В документе «${fileName}» больше ${LIMITS.sheets.toLocaleString('ru-RU')} таблиц: Reestr читает документы не больше чем из ${LIMITS.sheets.toLocaleString('ru-RU')} таблиц.`);
            }
            table = new TableBuilder(fileName, { table: sheets.length + 1 }, titles.take());
            vertical = new Map();
          }
          break;
        case 'tr':
          if (depth === 1) {
            row = [];
            rowHidden = false;
            col = 0;
          }
          break;
        case 'gridBefore':
          if (depth === 1 && !cell) col += Math.max(0, Math.min(Number(attr(tag, 'val')) || 0, LIMITS.columns));
          break;
        case 'hidden':
          if (depth === 1 && !cell) rowHidden = on(tag);
          break;
        case 'tc':
          if (depth === 1) cell = { text: [], span: 1, vMerge: null, hMergeContinue: false };
          break;
        case 'gridSpan':
          if (depth === 1 && cell) cell.span = Math.max(1, Math.min(Number(attr(tag, 'val')) || 1, LIMITS.columns));
          break;
        case 'vMerge':
          if (depth === 1 && cell) cell.vMerge = attr(tag, 'val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          if (depth === 1 && cell) cell.hMergeContinue = attr(tag, 'val') !== 'restart';
          break;
        case 'r':
          vanish = false;
          break;
        case 'vanish':
          vanish = on(tag);
          break;
        case 't':
          inText = true;
          break;
        case 'tab':
          // A tab in a run; `w:tabs/w:tab` in a paragraph's properties is a tab stop, not text.
          if (attr(tag, 'pos') === undefined) put('\t');
          break;
        case 'br':
        case 'cr':
          put('\n');
          break;
        case 'noBreakHyphen':
          put('-');
          break;
        case 'p':
          // Paragraphs of a cell are its lines: a line break before each but the first.
          if (cell) {
            if (cell.text.length) cell.text.push('\n');
          } else if (depth === 0) paragraph = [];
          break;
      }
    },
    text(text) {
      if (inText) put(text);
    },
    close(raw) {
      const name = local(raw);
      if (skip) {
        skip--;
        return;
      }
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'r':
          vanish = false;
          break;
        case 'p':
          if (!cell && depth === 0) titles.add(paragraph.join(''));
          break;
        case 'tc': {
          if (depth !== 1 || !cell || !table) break;
          const at = table.nextIndex;
          const c = cell;
          cell = null;
          if (col >= LIMITS.columns) break;
          let value: Cell = c.hMergeContinue ? null : table.text(c.text.join(''), at, col);
          if (c.vMerge === 'continue') {
            const merge = vertical.get(col);
            if (merge && merge.bottom === at - 1) merge.bottom = at;
            value = null; // Word shows the first cell's text over the whole merge
          } else if (c.vMerge === 'restart') {
            const merge = { top: at, left: col, bottom: at, right: col + c.span - 1 };
            vertical.set(col, merge);
            table.merge(merge);
          } else vertical.delete(col);
          while (row.length < col) row.push(null);
          row[col] = value;
          col += c.span;
          break;
        }
        case 'tr':
          if (depth === 1 && table) table.addRow(row, rowHidden);
          break;
        case 'tbl':
          if (depth === 1 && table) {
            sheets.push(table.finish(`Таблица ${sheets.length + 1}`, 'table'));
            table = null;
          }
          depth--;
          break;
      }
    },
  }, { elements: LIMITS.documentElements, textRun: LIMITS.cellChars + 1000 }).catch((e: unknown) => {
    if (e instanceof XmlRefusal) throw documentRefusal(fileName, e, 'docx');
    throw e;
  });
  if (!sheets.some((s) => s.rows.some((r) => r.length > 0))) throw nothingToRead(fileName, 'docx');
  return { sheets, format: 'docx' };
}

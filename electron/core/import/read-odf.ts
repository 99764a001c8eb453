// Reads OpenDocument files as sheets, streaming content.xml: the sheets of a spreadsheet (.ods) and
// the tables of a text document (.odt, «Таблица 1»… with the paragraphs above as title rows), with
// merged cells (number-rows-spanned, covered cells), repeated rows and cells, hidden rows and columns.
// SheetJS reads .ods too, but parses content.xml whole in memory, drops hidden rows and columns and
// prints warnings to the console; .odt needs this reader anyway, and both share its limits.
import { AppError } from '../../../shared/errors';
import { documentRefusal } from './read-docx';
import { TableBuilder, TitleParagraphs } from './read-table';
import { parseXml, XmlRefusal, type XmlTag } from './read-xml';
import { cleanText, LIMITS, nothingToRead, type Cell, type Sheet, type WorkbookData } from './sheet';
import { checkUnpackedData, checkUnpackedSize, entryStream, readEntry, type ZipEntry } from './zip';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})/;

function realDate(text: string): string | null {
  const m = ISO_DATE.exec(text);
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}`;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso ? iso : null;
}

/** A repeat or span count, bounded: a hostile file's «1e9» counts as the limit, never as a loop of it. */
function count(tag: XmlTag, name: string, max: number): number {
  const value = Number(tag.attributes[name] ?? 1);
  return Number.isFinite(value) && value >= 1 ? Math.min(Math.floor(value), max) : 1;
}

/** Parts whose text is not the table's: notes, comments, tracked (deleted) changes. */
const SKIPPED = new Set(['office:annotation', 'text:note', 'text:tracked-changes', 'office:forms']);

/** What kind of OpenDocument the zip holds by its `mimetype` part; null for none it reads. */
export function odfFormat(data: Buffer, entries: readonly ZipEntry[]): 'ods' | 'odt' | null {
  const entry = entries.find((e) => e.name === 'mimetype');
  const type = entry ? readEntry(data, entry, 200)?.toString('latin1').trim() : undefined;
  if (type === 'application/vnd.oasis.opendocument.spreadsheet' || type === 'application/vnd.oasis.opendocument.spreadsheet-template') return 'ods';
  if (type === 'application/vnd.oasis.opendocument.text' || type === 'application/vnd.oasis.opendocument.text-template') return 'odt';
  return entries.some((e) => e.name === 'content.xml') ? 'ods' : null;
}

export async function readOdf(data: Buffer, entries: readonly ZipEntry[], fileName: string, format: 'ods' | 'odt'): Promise<WorkbookData> {
  checkUnpackedSize(entries, LIMITS.unpackedBytes, fileName, LIMITS.zipEntries);
  const manifest = entries.find((e) => e.name === 'META-INF/manifest.xml');
  if (manifest && readEntry(data, manifest, LIMITS.otherPartBytes)?.includes('encryption-data')) {
    throw new AppError('validation', `${format === 'odt' ? 'Документ' : 'Таблица'} «${fileName}» защищен${format === 'odt' ? '' : 'а'} паролем. Откройте файл в LibreOffice, снимите пароль (Файл → Свойства → Безопасность) и сохраните копию без пароля.`);
  }
  await checkUnpackedData(data, entries, { total: LIMITS.unpackedBytes, otherPart: LIMITS.otherPartBytes }, fileName);
  const content = entries.find((e) => e.name === 'content.xml');
  if (!content) throw new AppError('validation', `Файл «${fileName}» повреждён: в нём нет содержимого (content.xml). Откройте его в LibreOffice и сохраните заново.`);

  const text = format === 'odt';
  const sheets: Sheet[] = [];
  const titles = new TitleParagraphs();
  let table: TableBuilder | null = null;
  let tableName = '';
  let hiddenColumns = new Set<number>();
  let columnAt = 0;
  let depth = 0;
  let skip = 0;
  let row: Cell[] = [];
  let rowRepeat = 1;
  let rowHidden = false;
  let col = 0;
  /** The cell being read: its value type and attributes, its text so far, its repeat and spans. */
  let cell: { tag: XmlTag; text: string[]; repeat: number; rowSpan: number; colSpan: number } | null = null;
  /** Paragraphs open (a note's paragraph sits inside another): text outside any is not the document's. */
  let inParagraph = 0;
  let paragraph: string[] = [];

  const put = (t: string) => {
    if (skip) return;
    if (cell) cell.text.push(t);
    else if (depth === 0) paragraph.push(t);
  };

  const value = (c: NonNullable<typeof cell>, at: number): Cell => {
    const a = c.tag.attributes;
    const type = a['office:value-type'];
    if (a['calcext:value-type'] === 'error') return { error: cleanText(c.text.join('')) || '#ERR' };
    if (type === 'float' || type === 'percentage' || type === 'currency') {
      const n = Number(a['office:value']);
      if (Number.isFinite(n)) return n;
    }
    if (type === 'date') {
      const iso = realDate(a['office:date-value'] ?? '');
      if (iso) return { date: iso };
    }
    if (type === 'boolean') return a['office:boolean-value'] === 'true';
    return table ? table.text(c.text.join(''), at, col) : null;
  };

  await parseXml(entryStream(data, content), {
    open(tag) {
      const name = tag.name;
      if (skip || SKIPPED.has(name)) {
        skip++;
        return;
      }
      switch (name) {
        case 'table:table':
          depth++;
          if (depth === 1) {
            if (sheets.length >= LIMITS.sheets) {
              throw new AppError('validation', `В файле «${fileName}» больше ${LIMITS.sheets.toLocaleString('ru-RU')} ${text ? 'таблиц' : 'листов'}: Reestr читает файлы не больше чем из ${LIMITS.sheets.toLocaleString('ru-RU')}.`);
            }
            tableName = text ? `Таблица ${sheets.length + 1}` : cleanText(tag.attributes['table:name'] ?? `Лист${sheets.length + 1}`);
            table = new TableBuilder(fileName, text ? { table: sheets.length + 1 } : { sheet: tableName }, text ? titles.take() : []);
            hiddenColumns = new Set();
            columnAt = 0;
          }
          break;
        case 'table:table-column':
          if (depth === 1) {
            const n = count(tag, 'table:number-columns-repeated', LIMITS.columns);
            if (tag.attributes['table:visibility'] && tag.attributes['table:visibility'] !== 'visible') {
              for (let i = columnAt; i < Math.min(columnAt + n, LIMITS.columns); i++) hiddenColumns.add(i);
            }
            columnAt = Math.min(columnAt + n, LIMITS.columns);
          }
          break;
        case 'table:table-row':
          if (depth === 1) {
            row = [];
            col = 0;
            rowRepeat = count(tag, 'table:number-rows-repeated', LIMITS.rows + 1);
            rowHidden = (tag.attributes['table:visibility'] ?? 'visible') !== 'visible';
          }
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell':
          if (depth === 1) {
            cell = {
              tag,
              text: [],
              repeat: count(tag, 'table:number-columns-repeated', LIMITS.columns + 1),
              rowSpan: count(tag, 'table:number-rows-spanned', LIMITS.rows),
              colSpan: count(tag, 'table:number-columns-spanned', LIMITS.columns),
            };
          }
          break;
        case 'text:p':
        case 'text:h':
          if (cell && cell.text.length) cell.text.push('\n');
          if (depth === 0 && !inParagraph) paragraph = [];
          inParagraph++;
          break;
        case 'text:s':
          put(' '.repeat(count(tag, 'text:c', 1000)));
          break;
        case 'text:tab':
          put('\t');
          break;
        case 'text:line-break':
          put('\n');
          break;
      }
    },
    text(t) {
      // Text outside paragraphs is the file's indentation, not the document's.
      if (inParagraph) put(t);
    },
    close(name) {
      if (skip) {
        skip--;
        return;
      }
      switch (name) {
        case 'text:p':
        case 'text:h':
          if (inParagraph > 0 && --inParagraph === 0 && depth === 0) titles.add(paragraph.join(''));
          break;
        case 'table:table-cell':
        case 'table:covered-table-cell': {
          if (depth !== 1 || !cell || !table) break;
          const c = cell;
          cell = null;
          const at = table.nextIndex;
          const v = name === 'table:covered-table-cell' ? null : value(c, at);
          if (v !== null && col < LIMITS.columns) {
            while (row.length < col) row.push(null);
            for (let i = 0; i < c.repeat && col + i < LIMITS.columns; i++) row[col + i] = v;
            if (c.rowSpan > 1) table.merge({ top: at, left: col, bottom: at + c.rowSpan - 1, right: col + c.colSpan - 1 });
          }
          col = Math.min(col + c.repeat, LIMITS.columns + 1);
          break;
        }
        case 'table:table-row':
          if (depth === 1 && table) table.addRow(row, rowHidden, rowRepeat);
          break;
        case 'table:table':
          if (depth === 1 && table) {
            sheets.push(table.finish(tableName, text ? 'table' : 'sheet', hiddenColumns));
            table = null;
          }
          depth--;
          break;
      }
    },
  }, { elements: LIMITS.xmlElements, textRun: LIMITS.cellChars + 1000 }).catch((e: unknown) => {
    if (e instanceof XmlRefusal) throw documentRefusal(fileName, e, format);
    throw e;
  });
  if (!sheets.some((s) => s.rows.some((r) => r.length > 0))) throw nothingToRead(fileName, format);
  return { sheets, format };
}

// The parts of an .xlsx package with the cells: a worksheet as rows of plain cells, with what the
// import needs besides (the rows and columns the file hides, its merged ranges), and the shared
// strings. Read here from XML events (xml-subset.ts, saxes where it gives up) rather than by
// exceljs's worksheet reader, which built a Row and Cell model of every cell (most of the reading's
// time) and mislaid what some writers do: rows and cells without a reference, several runs of an
// inline string, the spaces of a pretty-printed file.
import type { Readable } from 'node:stream';
import { AppError } from '../../../shared/errors';
import { columnIndex, columnLetter } from '../../../shared/column-letter';
import { parseXml, XmlLimitError, type XmlHandlers, type XmlTag } from '../excel';
import { cellTooLong, cleanText, FORMULA_WITHOUT_VALUE, LIMITS, type Cell } from './sheet';
import { scanXml, UnsupportedXml } from './xml-subset';

export interface SheetXml {
  /** Row by row from the first, every row as long as its last filled cell, LIMITS.columns at most. */
  rows: Cell[][];
  /** 1-based row numbers. */
  hiddenRows: number[];
  /** 0-based column indexes, below LIMITS.columns. */
  hiddenColumns: number[];
  /** Ranges as the file writes them: `A3:A7`. */
  merges: string[];
}

/** An XML boolean attribute that is set (`1`, `true`). */
export const xmlTrue = (value: string | undefined): boolean => value === '1' || value === 'true';

/**
 * Text as the sheet holds it: Excel writes characters XML cannot carry as `_xHHHH_` (and a literal
 * `_x` as `_x005F_x`).
 */
function sheetText(text: string): string {
  return cleanText(text.includes('_x') ? text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))) : text);
}

/** exceljs's test of a number format for a date: a date letter outside quotes and brackets. */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** A serial day number as a date cell (1900 system; `date1904` for packages of the other). */
function serialDate(serial: number, date1904: boolean): Cell {
  const time = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(time.getTime()) ? null : { date: time.toISOString().slice(0, 10) };
}

/** A tag's name without its namespace prefix (`x:row` → `row`): some writers prefix every element. */
function localName(tag: XmlTag): string {
  const colon = tag.name.indexOf(':');
  return colon < 0 ? tag.name : tag.name.slice(colon + 1);
}

/** What the cells of a package's sheets refer to: its shared strings and the number format of each cell style. */
export interface SheetContext {
  sharedStrings: readonly (string | null)[];
  /** The number format of style `index` (`dd.mm.yyyy`, `0.00`); undefined for the default. */
  numFmt(index: number): string | undefined;
}

export interface SheetXmlOptions {
  context: SheetContext;
  date1904: boolean;
  fileName: string;
  sheetName: string;
}

function tooManyRows(fileName: string, sheet: string): AppError {
  return new AppError(
    'validation',
    `На листе «${sheet}» файла «${fileName}» больше ${LIMITS.rows.toLocaleString('ru-RU')} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей или удалите пустые строки в конце листа.`,
  );
}

/** An XML parser as this module uses one: `input` handed to `handlers` tag by tag. */
type XmlParser = (input: Readable, handlers: XmlHandlers) => Promise<void>;

const saxes: XmlParser = async (input, handlers) => {
  for await (const _ of parseXml(input, handlers));
};

/** `read` with the fast reader of the XML writers produce; again from the start with saxes where it meets more. */
async function fastOrFull<T>(open: () => Readable, read: (parse: XmlParser, input: Readable) => Promise<T>): Promise<T> {
  try {
    return await read(scanXml, open());
  } catch (e) {
    if (!(e instanceof UnsupportedXml)) throw e;
  }
  return read(saxes, open());
}

/** The shared strings part: each string's runs joined, a reading aid (`rPh`) left out; null for an empty one. */
export async function readSharedStrings(open: () => Readable): Promise<(string | null)[]> {
  return fastOrFull(open, async (parse, input) => {
    const strings: (string | null)[] = [];
    let text: string | null = null;
    let capturing = false;
    let phonetic = false;
    await parse(input, {
      opentag(tag) {
        switch (localName(tag)) {
          case 'si':
            if (strings.length >= LIMITS.sharedStrings) throw new XmlLimitError('sharedStrings');
            text = null;
            break;
          case 't':
            capturing = !phonetic;
            break;
          case 'rPh':
            phonetic = true;
            break;
        }
      },
      text(chunk) {
        if (capturing) text = (text ?? '') + chunk;
      },
      closetag(tag) {
        switch (localName(tag)) {
          case 'si':
            strings.push(text || null);
            break;
          case 't':
            capturing = false;
            break;
          case 'rPh':
            phonetic = false;
            break;
        }
      },
    });
    return strings;
  });
}

/** Reads the worksheet XML `open` gives; throws a Russian AppError for a sheet over the limits. */
export async function readSheetXml(open: () => Readable, options: SheetXmlOptions): Promise<SheetXml> {
  return fastOrFull(open, (parse, input) => readWith(parse, input, options));
}

async function readWith(parse: XmlParser, input: Readable, { context, date1904, fileName, sheetName }: SheetXmlOptions): Promise<SheetXml> {
  const sheet: SheetXml = { rows: [], hiddenRows: [], hiddenColumns: [], merges: [] };
  const dateStyles = new Map<number, boolean>();
  const isDateStyle = (style: number) => {
    let date = dateStyles.get(style);
    if (date === undefined) dateStyles.set(style, (date = style > 0 && isDateFormat(context.numFmt(style))));
    return date;
  };

  let inSheetData = false;
  let rowNumber = 0;
  let cells: Cell[] | null = null;
  // The cell being read: its column, type, style; its value's text, gathered from <v> or <is>'s runs.
  let col = -1;
  let type: string | undefined;
  let style = 0;
  let formula = false;
  let valued = false;
  let text = '';
  let capturing = false;
  let phonetic = false;

  const number = (): Cell => {
    const n = Number.parseFloat(text);
    if (Number.isNaN(n)) return null;
    return isDateStyle(style) ? serialDate(n, date1904) : n;
  };
  const value = (): Cell => {
    if (formula) {
      // The value the writing program computed; a formula without one is not data, nor an error result.
      if (!valued || type === 'e') return { error: FORMULA_WITHOUT_VALUE };
      if (type === 'str' || type === 'inlineStr') return sheetText(text);
      if (type === 'b') return Number.parseInt(text, 10) !== 0;
      return number() ?? { error: FORMULA_WITHOUT_VALUE };
    }
    if (!valued) return null;
    switch (type) {
      case 's': {
        const shared = context.sharedStrings[Number.parseInt(text, 10)];
        return shared === undefined || shared === null ? null : sheetText(shared);
      }
      // An ISO date cell (t="d") is read as the text it is, as «2021-06-12» typed: a wrong one is a row's error.
      case 'str': case 'inlineStr': case 'd':
        return sheetText(text);
      case 'e':
        return { error: text };
      case 'b':
        return Number.parseInt(text, 10) !== 0;
      default:
        return number();
    }
  };

  const handlers: XmlHandlers = {
    opentag(tag) {
      switch (localName(tag)) {
        case 'sheetData':
          inSheetData = true;
          break;
        case 'row': {
          if (!inSheetData) break;
          // A row without its number follows the one before.
          rowNumber = Number.parseInt(tag.attributes.r ?? '', 10) || rowNumber + 1;
          if (rowNumber > LIMITS.rows) throw tooManyRows(fileName, sheetName);
          if (xmlTrue(tag.attributes.hidden)) sheet.hiddenRows.push(rowNumber);
          cells = [];
          col = -1;
          break;
        }
        case 'c': {
          if (!cells) break;
          // A cell without its reference follows the one before.
          const at = columnIndex(tag.attributes.r ?? '');
          col = at < 0 ? col + 1 : at;
          type = tag.attributes.t;
          style = Number.parseInt(tag.attributes.s ?? '', 10) || 0;
          formula = false;
          valued = false;
          text = '';
          break;
        }
        case 'f':
          formula = true;
          break;
        case 'v':
          valued = true;
          text = '';
          capturing = true;
          break;
        case 'is':
          valued = true;
          text = '';
          break;
        case 'rPh': // the reading aid of East Asian text, not the cell's text
          phonetic = true;
          break;
        case 't':
          if (cells && !phonetic) capturing = true;
          break;
        case 'col':
          if (xmlTrue(tag.attributes.hidden)) {
            const last = Math.min(Number(tag.attributes.max) || 0, LIMITS.columns);
            for (let c = Math.max(1, Number(tag.attributes.min) || 1); c <= last; c++) sheet.hiddenColumns.push(c - 1);
          }
          break;
        case 'mergeCell':
          if (tag.attributes.ref && sheet.merges.length < LIMITS.rows) sheet.merges.push(tag.attributes.ref);
          break;
      }
    },
    text(chunk) {
      if (capturing) text += chunk;
    },
    closetag(tag) {
      switch (localName(tag)) {
        case 'v': case 't':
          capturing = false;
          break;
        case 'rPh':
          phonetic = false;
          break;
        case 'c': {
          if (!cells || col >= LIMITS.columns) break;
          const cell = value();
          if (typeof cell === 'string' && cell.length > LIMITS.cellChars) throw cellTooLong(fileName, `${columnLetter(col)}${rowNumber}`);
          cells[col] = cell;
          break;
        }
        case 'row': {
          if (!cells) break;
          let length = cells.length;
          while (length > 0 && (cells[length - 1] ?? null) === null) length--;
          const row: Cell[] = new Array<Cell>(length);
          for (let i = 0; i < length; i++) row[i] = cells[i] ?? null;
          sheet.rows[rowNumber - 1] = row;
          cells = null;
          break;
        }
        case 'sheetData':
          inSheetData = false;
          break;
      }
    },
  };
  await parse(input, handlers);
  for (let i = 0; i < sheet.rows.length; i++) sheet.rows[i] ??= [];
  return sheet;
}

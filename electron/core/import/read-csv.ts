// Reads a CSV file as Russian Excel saves it (Windows-1251, `;`) or as anything else does (UTF-8, `,`),
// a chunk at a time, refusing a file past a limit as soon as it is reached.
//
// The tokenizer is our own, not csv-parse's: csv-parse builds a whole record before any hook sees it
// (99 MB of `;` is one record of 99 million fields, 5.7 GB) and its per-field hook costs microseconds,
// so neither columns nor cells could be counted while reading. This one follows RFC 4180 as Excel
// reads it: a field is quoted only when its first character is a quote, `""` in it is one quote,
// text after the closing quote is kept as it is, and a quote inside an unquoted field is a character.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/column-letter';
import type { TextEncoding } from '../../../shared/schema/import';
import { cellTooLong, cleanText, LIMITS, type Cell, type Sheet } from './sheet';

export type { TextEncoding };

/** Bounds of a CSV file besides LIMITS' rows, columns read and cell length. */
export const CSV_LIMITS = {
  /** Fields of one record: Excel's own last column is XFD, the 16,384th. */
  columns: 16_384,
  /** Fields of the whole file, empty ones too: each costs time even when it is not kept. */
  cells: 5_000_000,
} as const;

/** Bytes decoded at a time: each chunk becomes one string the cells are cut from. */
const CHUNK_BYTES = 1 << 20;

/** Counts of a byte run read as UTF-8: sequences of 2–4 bytes that are valid, bytes that are not. */
export function utf8Counts(data: Uint8Array): { valid: number; invalid: number } {
  let valid = 0;
  let invalid = 0;
  const n = data.length;
  const cont = (at: number, low = 0x80, high = 0xbf) => at < n && (data[at] as number) >= low && (data[at] as number) <= high;
  for (let i = 0; i < n; ) {
    const b = data[i] as number;
    if (b < 0x80) {
      i++;
      continue;
    }
    let length = 0;
    if (b >= 0xc2 && b <= 0xdf) length = cont(i + 1) ? 2 : 0;
    else if (b >= 0xe0 && b <= 0xef) {
      // No overlong forms (E0 below A0) and no surrogates (ED above 9F).
      const ok = b === 0xe0 ? cont(i + 1, 0xa0) : b === 0xed ? cont(i + 1, 0x80, 0x9f) : cont(i + 1);
      length = ok && cont(i + 2) ? 3 : 0;
    } else if (b >= 0xf0 && b <= 0xf4) {
      const ok = b === 0xf0 ? cont(i + 1, 0x90) : b === 0xf4 ? cont(i + 1, 0x80, 0x8f) : cont(i + 1);
      length = ok && cont(i + 2) && cont(i + 3) ? 4 : 0;
    }
    if (length) {
      valid++;
      i += length;
    } else {
      invalid++;
      i++;
    }
  }
  return { valid, invalid };
}

/**
 * BOM first; then UTF-8 when at least nine in ten of the non-ASCII sequences are valid UTF-8 (a stray
 * byte in a UTF-8 file does not make it Windows-1251, and Russian Windows-1251 text is practically
 * never valid UTF-8: a letter's byte is followed by another letter, never by a continuation byte);
 * else Windows-1251.
 */
export function detectEncoding(data: Buffer): TextEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  if (isUtf8(data)) return 'utf-8';
  const { valid, invalid } = utf8Counts(data);
  return valid >= 9 * invalid ? 'utf-8' : 'windows-1251';
}

/** The delimiter used most in the first record (quoted parts aside): `;`, `,` or a tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  const [best, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? best : ';';
}

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

function n(value: number): string {
  return value.toLocaleString('ru-RU');
}

/** Cuts decoded text, given in pieces, into rows of cells, within the limits. */
class CsvRows {
  readonly rows: Cell[][] = [];
  private record: Cell[] = [];
  /** 0-based index of the field being read in its record. */
  private column = 0;
  private cells = 0;
  private field = '';
  private fieldLength = 0;
  /** Nothing of the field read yet: a quote here opens a quoted field. */
  private fieldStart = true;
  private quoted = false;
  private inQuotes = false;
  /** A quote ended the last piece inside quotes: the next character tells a closing one from `""`. */
  private quotePending = false;
  /** A CR ended the last piece: an LF starting the next one belongs to it. */
  private lfPending = false;
  /** Some character of the current record has been read. */
  private open = false;

  constructor(
    private readonly fileName: string,
    private readonly delimiter: number,
  ) {}

  private get rowNumber(): number {
    return this.rows.length + 1;
  }

  private where(): string {
    return `${columnLetter(this.column)}${this.rowNumber}`;
  }

  private append(text: string, from: number, to: number): void {
    if (to <= from) return;
    this.fieldLength += to - from;
    if (this.fieldLength > LIMITS.cellChars) {
      if (!this.quoted) throw cellTooLong(this.fileName, this.where());
      throw new AppError('validation', `В файле «${this.fileName}» ячейка ${this.where()} длиннее ${n(LIMITS.cellChars)} знаков: скорее всего, в ней не закрыта кавычка «"». Проверьте кавычки в этой ячейке или сохраните файл из Excel заново.`);
    }
    // Fields past the columns read are only measured.
    if (this.column < LIMITS.columns) this.field += text.slice(from, to);
  }

  private endField(): void {
    if (this.column >= CSV_LIMITS.columns) {
      throw new AppError('validation', `В строке ${n(this.rowNumber)} файла «${this.fileName}» больше ${n(CSV_LIMITS.columns)} столбцов, а в таблице их не бывает больше: возможно, файл повреждён или в нём не тот разделитель. Откройте его в Excel и сохраните заново как CSV.`);
    }
    if (++this.cells > CSV_LIMITS.cells) {
      throw new AppError('validation', `В файле «${this.fileName}» больше ${n(CSV_LIMITS.cells)} ячеек (предел превышен в строке ${n(this.rowNumber)}): Reestr читает таблицы не больше. Удалите пустые строки и столбцы или разделите файл на несколько частей.`);
    }
    if (this.column < LIMITS.columns) {
      const value = this.field.length === 0 ? '' : cleanText(this.field);
      this.record.push(value.trim() === '' ? null : value);
    }
    this.column++;
    this.field = '';
    this.fieldLength = 0;
    this.fieldStart = true;
    this.quoted = false;
  }

  private endRecord(): void {
    this.endField();
    if (this.rows.length >= LIMITS.rows) {
      throw new AppError('validation', `В файле «${this.fileName}» больше ${n(LIMITS.rows)} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей.`);
    }
    const cells = this.record;
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    this.rows.push(cells);
    this.record = [];
    this.column = 0;
    this.open = false;
  }

  write(text: string): void {
    const size = text.length;
    let i = 0;
    if (size === 0) return;
    if (this.lfPending) {
      this.lfPending = false;
      if (text.charCodeAt(0) === LF) i = 1;
    }
    if (this.quotePending) {
      this.quotePending = false;
      if (text.charCodeAt(i) === QUOTE) {
        this.append('"', 0, 1);
        i++;
      } else this.inQuotes = false;
    }
    if (i < size) this.open = true;
    while (i < size) {
      if (this.inQuotes) {
        const quote = text.indexOf('"', i);
        if (quote < 0) {
          this.append(text, i, size);
          return;
        }
        this.append(text, i, quote);
        if (quote + 1 === size) {
          this.quotePending = true;
          return;
        }
        if (text.charCodeAt(quote + 1) === QUOTE) {
          this.append('"', 0, 1);
          i = quote + 2;
        } else {
          this.inQuotes = false;
          i = quote + 1;
        }
        continue;
      }
      if (this.fieldStart && text.charCodeAt(i) === QUOTE) {
        this.inQuotes = true;
        this.quoted = true;
        this.fieldStart = false;
        i++;
        continue;
      }
      let end = i;
      let c = 0;
      for (; end < size; end++) {
        c = text.charCodeAt(end);
        if (c === this.delimiter || c === LF || c === CR) break;
      }
      if (end > i) {
        this.append(text, i, end);
        this.fieldStart = false;
      }
      if (end === size) return;
      if (c === this.delimiter) {
        this.endField();
        i = end + 1;
        continue;
      }
      this.endRecord();
      i = end + 1;
      if (c === CR) {
        if (i === size) this.lfPending = true;
        else if (text.charCodeAt(i) === LF) i++;
      }
      if (i < size) this.open = true;
    }
  }

  end(): Cell[][] {
    if (this.quotePending) {
      this.quotePending = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) {
      throw new AppError('validation', `В файле «${this.fileName}» ячейка ${this.where()} начинается с кавычки «"», которая не закрыта до конца файла. Проверьте кавычки в этой ячейке или сохраните файл из Excel заново.`);
    }
    if (this.open) this.endRecord();
    return this.rows;
  }
}

/** Rows of CSV text given in pieces (cut anywhere), within the limits; throws Russian AppErrors. */
export function readCsvText(pieces: Iterable<string>, fileName: string, delimiter: string): Cell[][] {
  const reader = new CsvRows(fileName, delimiter.charCodeAt(0));
  for (const piece of pieces) reader.write(piece);
  return reader.end();
}

export interface CsvData {
  sheet: Sheet;
  encoding: TextEncoding;
}

export function readCsv(data: Buffer, fileName: string): CsvData {
  const encoding = detectEncoding(data);
  const head = iconv.decode(data.subarray(0, 64 * 1024), encoding, { stripBOM: true });
  // eslint-disable-next-line no-control-regex -- NUL bytes mean a binary file, not text
  if (/\x00/.test(head.slice(0, 4096))) {
    throw new AppError('validation', `Файл «${fileName}» не похож на таблицу: в нём двоичные данные. Выберите файл .xlsx или .csv.`);
  }
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  function* pieces(): Generator<string> {
    for (let at = 0; at < data.length; at += CHUNK_BYTES) yield decoder.write(data.subarray(at, at + CHUNK_BYTES));
    yield decoder.end() ?? '';
  }
  return { sheet: { name: null, rows: readCsvText(pieces(), fileName, detectDelimiter(head)) }, encoding };
}

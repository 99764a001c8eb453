// exceljs, with its streaming reader decoding text as a stream. exceljs 4.4 decodes each inflated
// chunk of a part on its own (lib/utils/parse-sax.js), so a Cyrillic letter split between two chunks
// comes out as «Б��ларусь». Its module is put in Node's cache, fixed, before exceljs first loads it:
// import ExcelJS from here, never from 'exceljs' directly.
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
import type { stream } from 'exceljs';
import { LIMITS } from './workbook-format';

const require = createRequire(import.meta.url);
const PARSE_SAX = require.resolve('exceljs/lib/utils/parse-sax.js');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

/**
 * What the parser refuses to hold, whatever the zip declared: a text run longer than any cell, more
 * elements than any sheet, more shared strings than any workbook. The import tells the clerk.
 */
export class XmlLimitError extends Error {
  constructor(readonly limit: 'text' | 'elements' | 'sharedStrings') {
    super(`XML part over the ${limit} limit`);
  }
}

/** Characters between two tags beyond which a part is refused: a cell's limit with room for markup. */
const TEXT_RUN_CHARS = LIMITS.cellChars + 1000;

/**
 * Text is parsed and its events handed on in slices of this size, however big the chunks come: a
 * megabyte's events at once outlive the young generation and cost the collector several times as much.
 */
const SLICE_CHARS = 32 * 1024;

/**
 * What exceljs's streaming reader drops from a sheet and the import needs: the rows and columns the
 * file hides and the merged ranges (`A3:A7`). Gathered while the sheet's XML is parsed.
 */
export interface SheetMarks {
  /** 1-based row numbers. */
  hiddenRows: number[];
  /** 0-based column indexes, below LIMITS.columns. */
  hiddenColumns: number[];
  merges: string[];
}

/** Marks by the stream a sheet is parsed from (what parseSax is given), and by the worksheet reader. */
const marksByInput = new WeakMap<object, SheetMarks>();
const marksByWorksheet = new WeakMap<object, SheetMarks>();

/** The marks of a worksheet `streamWorksheets` yielded, complete once its rows have all been read. */
export function worksheetMarks(worksheet: object): SheetMarks | undefined {
  return marksByWorksheet.get(worksheet);
}

const TRUE = new Set(['1', 'true']);

async function* parseSax(input: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
  const marks = marksByInput.get(input);
  let lastRow = 0;
  // saxes is exceljs's own dependency; typed loosely here (the any is the CommonJS module's export).
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(t: string): void; close(): void } };
  // Old-style streams without async iteration, as exceljs itself allows.
  const iterable = Symbol.asyncIterator in input ? input : (input as Readable).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  let elements = 0;
  let strings = 0;
  let run = 0;
  parser.on('opentag', (value) => {
    if (++elements > LIMITS.xmlElements) error ??= new XmlLimitError('elements');
    // exceljs's reader has no ISO date cells (t="d"): it took «2021-06-12» for the number 2021.
    // As text, the import reads it as it reads «2021-06-12» typed, and a wrong one is a row's error.
    const tag = value as { name: string; attributes: Record<string, string> };
    if (tag.name === 'c' && tag.attributes.t === 'd') tag.attributes.t = 'str';
    if (tag.name === 'si' && ++strings > LIMITS.sharedStrings) error ??= new XmlLimitError('sharedStrings');
    if (marks) {
      if (tag.name === 'row') {
        lastRow = Number(tag.attributes.r) || lastRow + 1;
        if (TRUE.has(tag.attributes.hidden ?? '')) marks.hiddenRows.push(lastRow);
      } else if (tag.name === 'col' && TRUE.has(tag.attributes.hidden ?? '')) {
        const last = Math.min(Number(tag.attributes.max) || 0, LIMITS.columns);
        for (let c = Math.max(1, Number(tag.attributes.min) || 1); c <= last; c++) marks.hiddenColumns.push(c - 1);
      } else if (tag.name === 'mergeCell' && tag.attributes.ref && marks.merges.length < LIMITS.rows) marks.merges.push(tag.attributes.ref);
    }
    events.push({ eventType: 'opentag', value });
  });
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable as AsyncIterable<Buffer | string>) {
    const text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    // saxes joins a surrogate pair cut in two by a slice's end.
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      const slice = text.slice(at, at + SLICE_CHARS);
      // saxes gathers a text run whole before it hands it on: a run of a gigabyte is refused while it grows.
      const last = slice.lastIndexOf('<');
      run = last < 0 ? run + slice.length : slice.length - last - 1;
      if (run > TEXT_RUN_CHARS) throw new XmlLimitError('text');
      parser.write(slice);
      if (error) throw error;
      yield events;
      events = [];
    }
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  // A part cut short (an unclosed tag) is damage, not a shorter sheet.
  parser.close();
  if (error) throw error;
  if (events.length) yield events;
}

require.cache[PARSE_SAX] = { id: PARSE_SAX, filename: PARSE_SAX, loaded: true, exports: parseSax } as unknown as NodeJS.Module;

// Loaded on first use (0.3 s): the `reestr` commands and the app's start that never touch a workbook skip it.
let loaded: typeof ExcelJSModule | undefined;
const ExcelJS = new Proxy({} as typeof ExcelJSModule, {
  get: (_, key) => (loaded ??= require('exceljs') as typeof ExcelJSModule)[key as keyof typeof ExcelJSModule],
});
export default ExcelJS;

/** A part of an .xlsx package by its path in the zip, unpacked as a stream when its turn comes. */
export interface PackagePart {
  name: string;
  open(): Readable;
}

/** The steps of exceljs's streaming reader that its own unzipping drives (lib/stream/xlsx/workbook-reader.js). */
interface ReaderSteps {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<Buffer>, sheetNo: string): Generator<{ value: stream.xlsx.WorksheetReader }>;
}

const SHEET_PART = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/**
 * exceljs's streaming reader over the parts of a package in the order its steps need them:
 * relationships, workbook, shared strings and styles, then the sheets. Left to its own unzipping,
 * it parks every sheet that comes before the shared strings in the zip (Excel's order, and
 * LibreOffice's) in a temporary file on disk and reads it back at the end.
 */
export async function* streamWorksheets(parts: readonly PackagePart[], options: Partial<stream.xlsx.WorkbookStreamReaderOptions>): AsyncGenerator<stream.xlsx.WorksheetReader> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), options) as unknown as ReaderSteps;
  const named = (name: string) => parts.filter((p) => p.name === name);
  for (const p of named('xl/_rels/workbook.xml.rels')) await reader._parseRels(p.open());
  for (const p of named('xl/workbook.xml')) await reader._parseWorkbook(p.open());
  for (const p of named('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(p.open()));
  for (const p of named('xl/styles.xml')) await reader._parseStyles(p.open());
  for (const p of parts) {
    const sheetNo = SHEET_PART.exec(p.name)?.[1];
    if (sheetNo === undefined) continue;
    const input = p.open();
    const marks: SheetMarks = { hiddenRows: [], hiddenColumns: [], merges: [] };
    marksByInput.set(input, marks);
    for (const { value } of reader._parseWorksheet(input, sheetNo)) {
      marksByWorksheet.set(value, marks);
      yield value;
    }
  }
}

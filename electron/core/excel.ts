// exceljs, with its streaming reader decoding text as a stream. exceljs 4.4 decodes each inflated
// chunk of a part on its own (lib/utils/parse-sax.js), so a Cyrillic letter split between two chunks
// comes out as «Б��ларусь». Its module is put in Node's cache, fixed, before exceljs first loads it:
// import ExcelJS from here, never from 'exceljs' directly.
import { createRequire } from 'node:module';
import { PassThrough, Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';
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
export const TEXT_RUN_CHARS = LIMITS.cellChars + 1000;

/**
 * Text is parsed and its events handed on in slices of this size, however big the chunks come: a
 * megabyte's events at once outlive the young generation and cost the collector several times as much.
 */
const SLICE_CHARS = 32 * 1024;

/** A tag as saxes gives it: the name with any prefix, the attributes decoded. */
export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

/** What an XML part's parsing hands on, in document order. */
export interface XmlHandlers {
  opentag(tag: XmlTag): void;
  text(text: string): void;
  closetag(tag: XmlTag): void;
}

/**
 * Parses the XML text of `input` (decoded as one stream of UTF-8), handing every tag and text to
 * `handlers`, within the limits; yields after each slice, so a caller can pass on what it gathered.
 * A throw in a handler ends the parse with it.
 */
export async function* parseXml(input: AsyncIterable<Buffer | string> | Readable, handlers: XmlHandlers): AsyncGenerator<void> {
  // saxes is exceljs's own dependency; typed loosely here (the any is the CommonJS module's export).
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: never) => void): void; write(t: string): void; close(): void } };
  // Old-style streams without async iteration, as exceljs itself allows.
  const iterable = Symbol.asyncIterator in input ? input : (input as Readable).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  parser.on('error', (e: unknown) => (error = e));
  let elements = 0;
  let run = 0;
  parser.on('opentag', (tag: XmlTag) => {
    if (++elements > LIMITS.xmlElements) error ??= new XmlLimitError('elements');
    handlers.opentag(tag);
  });
  parser.on('text', (text: string) => handlers.text(text));
  parser.on('closetag', (tag: XmlTag) => handlers.closetag(tag));
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
      yield;
    }
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  // A part cut short (an unclosed tag) is damage, not a shorter sheet.
  parser.close();
  if (error) throw error;
}

/** exceljs's parse-sax: the same parsing, its events handed on in batches as exceljs's steps take them. */
async function* parseSax(input: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
  let events: SaxEvent[] = [];
  const handlers: XmlHandlers = {
    opentag: (value) => events.push({ eventType: 'opentag', value }),
    text: (value) => events.push({ eventType: 'text', value }),
    closetag: (value) => events.push({ eventType: 'closetag', value }),
  };
  for await (const _ of parseXml(input, handlers)) {
    if (events.length === 0) continue;
    yield events;
    events = [];
  }
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

/** The step of exceljs's streaming reader this module drives (lib/stream/xlsx/workbook-reader.js). */
interface ReaderSteps {
  _parseStyles(entry: Readable): Promise<void>;
  styles: { getStyleModel(id: number): { numFmt?: string } | null };
}

/**
 * The number format of each cell style of a package (`dd.mm.yyyy`, `0.00`; undefined for the default),
 * read by exceljs's own step: the built-in formats by number are its knowledge.
 */
export async function styleFormats(styles: PackagePart | undefined): Promise<(index: number) => string | undefined> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([]), { styles: 'cache' }) as unknown as ReaderSteps;
  if (styles) await reader._parseStyles(styles.open());
  return (index) => reader.styles.getStyleModel(index)?.numFmt;
}

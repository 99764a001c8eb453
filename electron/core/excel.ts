// exceljs, with its streaming reader decoding text as a stream. exceljs 4.4 decodes each inflated
// chunk of a part on its own (lib/utils/parse-sax.js), so a Cyrillic letter split between two chunks
// comes out as «Б��ларусь». Its module is put in Node's cache, fixed, before exceljs first loads it:
// import ExcelJS from here, never from 'exceljs' directly.
import { createRequire } from 'node:module';
import { PassThrough, type Readable } from 'node:stream';
import type ExcelJSModule from 'exceljs';

const require = createRequire(import.meta.url);
const PARSE_SAX = require.resolve('exceljs/lib/utils/parse-sax.js');

type SaxEvent = { eventType: 'opentag' | 'text' | 'closetag'; value: unknown };

async function* parseSax(input: AsyncIterable<Buffer | string> | Readable): AsyncGenerator<SaxEvent[]> {
  // saxes is exceljs's own dependency; typed loosely here (the any is the CommonJS module's export).
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => { on(e: string, f: (v: unknown) => void): void; write(t: string): void; close(): void } };
  // Old-style streams without async iteration, as exceljs itself allows.
  const iterable = Symbol.asyncIterator in input ? input : (input as Readable).pipe(new PassThrough());
  const parser = new SaxesParser();
  const decoder = new TextDecoder('utf-8');
  let error: unknown;
  let events: SaxEvent[] = [];
  parser.on('error', (e) => (error = e));
  parser.on('opentag', (value) => events.push({ eventType: 'opentag', value }));
  parser.on('text', (value) => events.push({ eventType: 'text', value }));
  parser.on('closetag', (value) => events.push({ eventType: 'closetag', value }));
  for await (const chunk of iterable as AsyncIterable<Buffer | string>) {
    parser.write(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (error) throw error;
    yield events;
    events = [];
  }
  const rest = decoder.decode();
  if (rest) parser.write(rest);
  if (error) throw error;
  if (events.length) yield events;
}

require.cache[PARSE_SAX] = { id: PARSE_SAX, filename: PARSE_SAX, loaded: true, exports: parseSax } as unknown as NodeJS.Module;

const ExcelJS = require('exceljs') as typeof ExcelJSModule;
export default ExcelJS;

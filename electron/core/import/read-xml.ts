// Streams one XML part of a document to a handler, as the text arrives, refusing what no office
// program writes: a DOCTYPE (entity expansion, external entities), a text run longer than any cell,
// more elements than any real document. Entities other than XML's five are never expanded.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

export interface XmlTag {
  name: string;
  attributes: Record<string, string>;
}

export interface XmlHandler {
  open(tag: XmlTag): void;
  text(text: string): void;
  close(name: string): void;
}

/** Why a part was refused: the reader turns it into the clerk's message. */
export class XmlRefusal extends Error {
  constructor(
    readonly reason: 'doctype' | 'elements' | 'text' | 'malformed',
    details: string,
  ) {
    super(details);
  }
}

interface Saxes {
  on(event: string, f: (v: never) => void): void;
  write(text: string): void;
  close(): void;
}

/** Text is handed to the parser in slices: each slice's events are handled before the next is read. */
const SLICE_CHARS = 32 * 1024;

/**
 * Parses `input` (a part's bytes, UTF-8) with saxes, calling `handler` for every element and text.
 * Throws XmlRefusal for a DOCTYPE, a text run over `textRun` characters, more than `elements`
 * elements, or XML that is not well formed (an undefined entity, a part cut short); a handler's own
 * error passes through as it is.
 */
export async function parseXml(input: AsyncIterable<Buffer>, handler: XmlHandler, limits: { elements: number; textRun: number }): Promise<void> {
  const { SaxesParser } = require('saxes') as { SaxesParser: new () => Saxes };
  const parser = new SaxesParser();
  let failure: unknown = null;
  let elements = 0;
  parser.on('doctype', () => {
    failure ??= new XmlRefusal('doctype', 'DOCTYPE in a document part');
  });
  parser.on('error', (e: Error) => {
    failure ??= new XmlRefusal('malformed', e.message);
  });
  parser.on('opentag', (tag: XmlTag) => {
    if (failure) return;
    if (++elements > limits.elements) {
      failure = new XmlRefusal('elements', `over ${limits.elements} elements`);
      return;
    }
    try {
      handler.open(tag);
    } catch (e) {
      failure = e;
    }
  });
  parser.on('text', (text: string) => {
    if (failure) return;
    try {
      handler.text(text);
    } catch (e) {
      failure = e;
    }
  });
  parser.on('closetag', (tag: XmlTag) => {
    if (failure) return;
    try {
      handler.close(tag.name);
    } catch (e) {
      failure = e;
    }
  });
  const decoder = new TextDecoder('utf-8');
  let run = 0;
  const feed = (text: string) => {
    for (let at = 0; at < text.length; at += SLICE_CHARS) {
      const slice = text.slice(at, at + SLICE_CHARS);
      // saxes gathers a text run whole before it hands it on: a run of a gigabyte is refused while it grows.
      const last = slice.lastIndexOf('<');
      run = last < 0 ? run + slice.length : slice.length - last - 1;
      if (run > limits.textRun) throw new XmlRefusal('text', `a text run over ${limits.textRun} characters`);
      parser.write(slice);
      if (failure) throw failure;
    }
  };
  for await (const chunk of input) feed(decoder.decode(chunk, { stream: true }));
  feed(decoder.decode());
  parser.close();
  if (failure) throw failure;
}

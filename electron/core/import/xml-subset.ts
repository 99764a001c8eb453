// A fast reader of the XML spreadsheet writers produce: elements, attributes, text with the predefined
// entities and character references, an XML declaration. Anything beyond it (a comment, CDATA, a
// DOCTYPE, another processing instruction, an unknown entity, a character XML forbids, a name or
// an end tag out of the ordinary) throws UnsupportedXml, and the caller reads the part again with
// saxes, the full parser (excel.ts parseXml), which also judges what is damaged. Several times
// faster than saxes on a sheet: a sheet's parsing was most of an import's reading.
import type { Readable } from 'node:stream';
import { TEXT_RUN_CHARS, XmlLimitError, type XmlHandlers, type XmlTag } from '../excel';
import { LIMITS } from '../workbook-format';

/** XML this reader leaves to saxes. */
export class UnsupportedXml extends Error {}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g;
// eslint-disable-next-line no-control-regex -- the characters XML forbids are what is looked for
const FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NAME = /^[A-Za-z_][A-Za-z0-9_.:-]*$/;

/** An ampersand that begins no reference: not well-formed, for saxes to name. */
const BARE_AMPERSAND = /&(?!#x[0-9a-fA-F]+;|#[0-9]+;|[a-z]+;)/;

// eslint-disable-next-line no-control-regex -- what decode must look at: controls (white space among them), references, the non-characters
const SPECIAL = /[\u0000-\u001f&\ufffe\uffff]/;

/**
 * Text or an attribute's value as XML reads it: line ends (CR LF, a lone CR) as line feeds, in a
 * value every white space character as a space; then the references, whose characters stay as they are.
 */
function decode(raw: string, attribute: boolean): string {
  if (!SPECIAL.test(raw)) return raw; // nearly every value and cell
  if (FORBIDDEN.test(raw)) throw new UnsupportedXml('character');
  let text = raw.includes('\r') ? raw.replace(/\r\n?/g, '\n') : raw;
  if (attribute && /[\t\n]/.test(text)) text = text.replace(/[\t\n]/g, ' ');
  if (!text.includes('&')) return text;
  if (BARE_AMPERSAND.test(text)) throw new UnsupportedXml('ampersand');
  return text.replace(ENTITY, (_, entity: string) => {
    if (entity[0] !== '#') {
      const known = ENTITIES[entity];
      if (known === undefined) throw new UnsupportedXml('entity');
      return known;
    }
    const code = entity[1] === 'x' ? parseInt(entity.slice(2), 16) : Number(entity.slice(1));
    if (code > 0x10ffff || (code < 0x20 && code !== 9 && code !== 10 && code !== 13)) throw new UnsupportedXml('reference');
    return String.fromCodePoint(code);
  });
}

/** An end tag's attributes: none, one object for them all (a sheet closes a million tags). */
const NO_ATTRIBUTES: Record<string, string> = Object.freeze({});

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x09 || c === 0x0d;

/** Names already found plain: a sheet repeats a handful of them a million times. */
const plainNames = new Set<string>();
function checkName(name: string, what: string): void {
  if (plainNames.has(name)) return;
  if (!NAME.test(name)) throw new UnsupportedXml(what);
  if (plainNames.size < 1000) plainNames.add(name);
}

/**
 * Parses the XML text of `input` (UTF-8), handing every tag and text to `handlers` as saxes would
 * (a self-closing tag opens and closes); throws UnsupportedXml for what it leaves to saxes.
 */
export async function scanXml(input: AsyncIterable<Buffer | string> | Readable, handlers: XmlHandlers): Promise<void> {
  const decoder = new TextDecoder('utf-8');
  const open: string[] = [];
  let elements = 0;
  /** Anything read yet (the declaration comes first or not at all); the root element read whole. */
  let started = false;
  let rootClosed = false;
  let pending = '';

  /** Consumes what it can of `s`; answers where the unfinished rest begins. */
  const scan = (s: string): number => {
    let i = 0;
    for (;;) {
      const lt = s.indexOf('<', i);
      if (lt < 0) return i;
      if (lt > i) {
        if (open.length === 0) {
          if (s.slice(i, lt).trim() !== '') throw new UnsupportedXml('text outside the root');
        } else handlers.text(decode(s.slice(i, lt), false));
      }
      const next = s.charCodeAt(lt + 1);
      if (Number.isNaN(next)) return lt;
      if (next === 0x2f /* / */) {
        const gt = s.indexOf('>', lt);
        if (gt < 0) return lt;
        const name = s.slice(lt + 2, gt).trimEnd();
        if (open.pop() !== name) throw new UnsupportedXml('end tag');
        rootClosed = open.length === 0;
        handlers.closetag({ name, attributes: NO_ATTRIBUTES });
        i = gt + 1;
        continue;
      }
      if (next === 0x3f /* ? */) {
        const end = s.indexOf('?>', lt);
        if (end < 0) return lt;
        if (started || !/^<\?xml\s/.test(s.slice(lt, end + 2))) throw new UnsupportedXml('processing instruction');
        started = true;
        i = end + 2;
        continue;
      }
      if (next === 0x21 /* ! */) throw new UnsupportedXml('declaration');
      // A start tag: its name, then attributes, each value quoted (a «>» may stand in one).
      let at = lt + 1;
      for (let c = s.charCodeAt(at); at < s.length && !isSpace(c) && c !== 0x3e /* > */ && c !== 0x2f /* / */; c = s.charCodeAt(++at));
      if (at >= s.length) return lt;
      const name = s.slice(lt + 1, at);
      checkName(name, 'name');
      const attributes: Record<string, string> = {};
      let selfClosing = false;
      for (;;) {
        while (at < s.length && isSpace(s.charCodeAt(at))) at++;
        if (at >= s.length) return lt;
        if (s[at] === '>') break;
        if (s[at] === '/') {
          if (at + 1 >= s.length) return lt;
          if (s[at + 1] !== '>') throw new UnsupportedXml('tag');
          selfClosing = true;
          at++;
          break;
        }
        const eq = s.indexOf('=', at);
        if (eq < 0) return lt;
        const attribute = s.slice(at, eq).trimEnd();
        checkName(attribute, 'attribute');
        if (attribute in attributes) throw new UnsupportedXml('attribute');
        at = eq + 1;
        while (at < s.length && isSpace(s.charCodeAt(at))) at++;
        if (at >= s.length) return lt;
        const quote = s[at];
        if (quote !== '"' && quote !== "'") throw new UnsupportedXml('attribute value');
        const close = s.indexOf(quote, at + 1);
        if (close < 0) return lt;
        const raw = s.slice(at + 1, close);
        if (raw.includes('<')) throw new UnsupportedXml('attribute value');
        attributes[attribute] = decode(raw, true);
        at = close + 1;
        if (!isSpace(s.charCodeAt(at)) && s[at] !== '>' && s[at] !== '/' && at < s.length) throw new UnsupportedXml('attribute');
      }
      if (++elements > LIMITS.xmlElements) throw new XmlLimitError('elements');
      if (rootClosed) throw new UnsupportedXml('second root');
      started = true;
      const tag: XmlTag = { name, attributes };
      handlers.opentag(tag);
      if (selfClosing) {
        rootClosed = open.length === 0;
        handlers.closetag(tag);
      } else open.push(name);
      i = at + 1;
    }
  };

  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const s = pending + (typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    pending = s.slice(scan(s));
    if (pending.length > TEXT_RUN_CHARS) throw new XmlLimitError('text');
  }
  const rest = pending + decoder.decode();
  if (scan(rest) < rest.length && rest.trim() !== '') throw new UnsupportedXml('cut short');
  if (!rootClosed) throw new UnsupportedXml('cut short');
}

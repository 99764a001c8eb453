// The fast XML reader of spreadsheet parts against saxes: where it reads a document, it reads what
// saxes reads, tag for tag, however the bytes come cut; what it does not read, it leaves to saxes.
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseXml, type XmlHandlers } from '../../electron/core/excel';
import { scanXml, UnsupportedXml } from '../../electron/core/import/xml-subset';

type Event = ['open', string, Record<string, string>] | ['text', string] | ['close', string];

function recorder(): { handlers: XmlHandlers; events: Event[] } {
  const events: Event[] = [];
  let depth = 0;
  const handlers: XmlHandlers = {
    opentag: (tag) => {
      depth++;
      events.push(['open', tag.name, { ...tag.attributes }]);
    },
    text: (text) => {
      if (depth === 0 && text.trim() === '') return;
      const last = events[events.length - 1];
      if (last?.[0] === 'text') last[1] += text;
      else events.push(['text', text]);
    },
    closetag: (tag) => {
      depth--;
      events.push(['close', tag.name]);
    },
  };
  return { handlers, events };
}

/** The bytes in pieces cut at `cuts` (fractions of the length): a letter may be cut in two. */
function pieces(bytes: Buffer, cuts: number[]): Readable {
  const at = [...new Set(cuts.map((c) => Math.floor(c * bytes.length)))].sort((a, b) => a - b);
  const parts: Buffer[] = [];
  let from = 0;
  for (const to of [...at, bytes.length]) {
    if (to > from) parts.push(bytes.subarray(from, to));
    from = to;
  }
  return Readable.from(parts);
}

async function withSaxes(bytes: Buffer): Promise<Event[] | Error> {
  const { handlers, events } = recorder();
  try {
    for await (const _ of parseXml(Readable.from([bytes]), handlers));
    return events;
  } catch (e) {
    return e as Error;
  }
}

const names = fc.constantFrom('row', 'c', 'v', 'is', 't', 'x:row', 'x:c', 'sheetData', 'mergeCell');
const char = fc.constantFrom(...'Форум aZ09 «»№—'.split(''), '&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#1060;', '&#x424;', '&#13;', '\r\n', '\r', '\n', '\t', '"', "'", '>');
const text = fc.array(char, { maxLength: 12 }).map((parts) => parts.join(''));
const attrText = text.map((t) => t.replace(/"/g, '&quot;'));

type Node = { name: string; attributes: [string, string][]; children: (Node | string)[] };
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record({
    name: names,
    attributes: fc.uniqueArray(fc.tuple(fc.constantFrom('r', 's', 't', 'hidden', 'xml:space', 'ref'), attrText), { maxLength: 3, selector: ([n]) => n }),
    children: fc.array(fc.oneof({ weight: 2, arbitrary: text }, { weight: 1, arbitrary: tie('node') }), { maxLength: 4 }),
  }),
})).node;

function xml(n: Node, pretty: boolean): string {
  const attributes = n.attributes.map(([k, v]) => ` ${k}="${v}"`).join('');
  if (n.children.length === 0) return `<${n.name}${attributes}/>`;
  const body = n.children.map((c) => (typeof c === 'string' ? c : xml(c, pretty))).join(pretty ? '\n  ' : '');
  return `<${n.name}${attributes}>${body}</${n.name}${pretty ? ' ' : ''}>`;
}

const documents = fc.record({ root: node, declaration: fc.boolean(), pretty: fc.boolean() })
  .map(({ root, declaration, pretty }) => `${declaration ? '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' : ''}${xml(root, pretty)}${pretty ? '\n' : ''}`);

/** What makes a document more than the subset, or damaged: each is for saxes to read or to refuse. */
const mutations = fc.constantFrom(
  (d: string) => d.replace('>', '><!-- примечание -->'),
  (d: string) => d.replace('>', '><![CDATA[a<b]]>'),
  (d: string) => `<!DOCTYPE x [<!ENTITY e "раз">]>${d}`,
  (d: string) => d.replace(/<\/[^>]+>$/, ''),
  (d: string) => `${d}<row/>`,
  (d: string) => d.replace('>', '>&nbsp;'),
  (d: string) => d.replace('>', '>a & b'),
  (d: string) => d.replace('>', '>\u0001'),
  (d: string) => d.replace('>', '><?pi data?>'),
  (d: string) => d.replace(/<(\w)/, '<$1 a="1" a="2"'),
  (d: string) => d.slice(0, Math.floor(d.length / 2)),
);

describe('the fast reader of spreadsheet XML', () => {
  it('reads every document of the subset as saxes does, however its bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(documents, fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 }), async (document, cuts) => {
        const bytes = Buffer.from(document, 'utf8');
        const expected = await withSaxes(bytes);
        expect(expected).not.toBeInstanceOf(Error);
        const { handlers, events } = recorder();
        await scanXml(pieces(bytes, cuts), handlers);
        expect(events).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves what is more than the subset, or damaged, to saxes, and never reads it otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(documents, mutations, async (document, mutate) => {
        const bytes = Buffer.from(mutate(document), 'utf8');
        const { handlers, events } = recorder();
        try {
          await scanXml(pieces(bytes, []), handlers);
        } catch (e) {
          expect(e).toBeInstanceOf(UnsupportedXml);
          return;
        }
        // Read: then saxes reads it too, the same (a mutation may leave a document within the subset).
        expect(events).toEqual(await withSaxes(bytes));
      }),
      { numRuns: 300 },
    );
  });
});

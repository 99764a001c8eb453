// The zip reader under the .xlsx import: random and damaged zips are read or refused in Russian, never
// anything else and never hanging; a part whose bytes changed (its CRC) and a part named twice are refused.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../electron/core/import/read-file';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { AppError } from '../../shared/errors';
import { planXlsx, SOUND_ROWS } from '../support/hostile-files';
import { messageProblems } from '../support/hostile-run';
import { makeZip, type ZipPart } from '../support/zip-writer';

const FILE = 'книга.xlsx';
/** A run that takes longer than this has hung: the real ones take milliseconds. */
const HANG_MS = 20_000;

/** The parts of a sound workbook of five rows, unpacked, to be zipped again in other ways. */
function soundParts(): ZipPart[] {
  const data = planXlsx(SOUND_ROWS);
  return zipEntries(data).map((entry) => ({ name: entry.name, data: readEntry(data, entry, 1 << 20) as Buffer }));
}

const PARTS = soundParts();
const TITLES = SOUND_ROWS.map((r) => r[0]);

async function outcome(data: Buffer): Promise<{ titles: unknown[] } | { refused: string }> {
  try {
    const workbook = await readSpreadsheet(FILE, data);
    return { titles: workbook.sheets.flatMap((s) => s.rows.slice(1).map((r) => r[0])) };
  } catch (e) {
    if (!(e instanceof AppError)) throw new Error(`not an AppError: ${String((e as Error).stack ?? e)}`, { cause: e });
    expect(messageProblems(e.message, FILE)).toEqual([]);
    return { refused: e.message };
  }
}

/** Where each part's packed bytes lie in a zip written by makeZip. */
function dataRanges(zip: Buffer): { start: number; end: number }[] {
  return zipEntries(zip).map((entry) => {
    const start = entry.localOffset + 30 + zip.readUInt16LE(entry.localOffset + 26) + zip.readUInt16LE(entry.localOffset + 28);
    return { start, end: start + entry.compressedSize };
  });
}

type Mutation = { kind: 'flip'; at: number; value: number } | { kind: 'cut'; at: number } | { kind: 'insert'; at: number; bytes: Uint8Array };

describe('the zip reader, given random and damaged zips', () => {
  const partName = fc.oneof(
    fc.constantFrom(...PARTS.map((p) => p.name), 'xl/worksheets/sheet2.xml', 'xl/sharedStrings.xml', 'mimetype', ''),
    fc.string({ maxLength: 20 }),
  );
  const part = fc.record({
    name: partName,
    data: fc.oneof(fc.constantFrom(...PARTS.map((p) => p.data)), fc.uint8Array({ maxLength: 200 }).map((a) => Buffer.from(a))),
    method: fc.constantFrom<0 | 8>(0, 8),
  });
  const zip = fc.oneof(
    fc.array(part, { maxLength: 8 }).map((parts) => makeZip(parts)),
    // A sound workbook, each part stored or deflated: damage to it gets past the first checks.
    fc.array(fc.constantFrom<0 | 8>(0, 8), { minLength: PARTS.length, maxLength: PARTS.length }).map((methods) => makeZip(PARTS.map((p, i) => ({ ...p, method: methods[i] })))),
  );
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }),
    fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ minLength: 1, maxLength: 8 }) }),
  );

  function mutate(zip: Buffer, mutations: readonly Mutation[]): Buffer {
    let data = Buffer.from(zip);
    for (const m of mutations) {
      const at = data.length ? m.at % data.length : 0;
      if (m.kind === 'flip' && data.length) data[at] = m.value;
      if (m.kind === 'cut') data = data.subarray(0, at);
      if (m.kind === 'insert') data = Buffer.concat([data.subarray(0, at), m.bytes, data.subarray(at)]);
    }
    return data;
  }

  it('reads a zip or refuses it in Russian naming the file, whatever parts and damage it has; nothing else is thrown', async () => {
    await fc.assert(
      fc.asyncProperty(zip, fc.array(mutation, { maxLength: 4 }), async (data, mutations) => {
        await outcome(mutate(data, mutations));
      }),
      { numRuns: 200, timeout: HANG_MS },
    );
  });

  it('refuses a sound workbook with any byte of a stored part changed: its CRC does not match', async () => {
    const zip = makeZip(PARTS.map((p) => ({ ...p, method: 0 })));
    const ranges = dataRanges(zip).filter((r) => r.end > r.start);
    expect(await outcome(zip)).toEqual({ titles: TITLES });
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, offset, xor) => {
        const range = ranges[which % ranges.length] as { start: number; end: number };
        const damaged = Buffer.from(zip);
        const at = range.start + (offset % (range.end - range.start));
        damaged[at] = (damaged[at] as number) ^ xor;
        const result = await outcome(damaged);
        expect(result).toHaveProperty('refused');
        expect((result as { refused: string }).refused).toMatch(/повреждён или подозрителен: контрольная сумма/);
      }),
      { numRuns: 100, timeout: HANG_MS },
    );
  });

  it('refuses a deflated workbook with a byte of its packed data changed, unless it still unpacks to the very same', async () => {
    const zip = makeZip(PARTS);
    const ranges = dataRanges(zip).filter((r) => r.end > r.start);
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.nat(), fc.integer({ min: 1, max: 255 }), async (which, offset, xor) => {
        const range = ranges[which % ranges.length] as { start: number; end: number };
        const damaged = Buffer.from(zip);
        const at = range.start + (offset % (range.end - range.start));
        damaged[at] = (damaged[at] as number) ^ xor;
        const result = await outcome(damaged);
        // Only the unused bits after a deflate stream's last code may change without changing what it holds.
        if ('titles' in result) expect(result.titles).toEqual(TITLES);
      }),
      { numRuns: 100, timeout: HANG_MS },
    );
  });

  it('refuses a workbook with a part named twice, whichever part, wherever the second is and however its name is written', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.nat(),
        fc.nat(),
        fc.constantFrom((n: string) => n, (n: string) => n.toUpperCase(), (n: string) => n.replace(/\//g, '\\'), (n: string) => `/${n}`),
        fc.boolean(),
        async (which, where, spell, same) => {
          const original = PARTS[which % PARTS.length] as ZipPart;
          const twin = { name: spell(original.name), data: same ? original.data : '<x/>' };
          const parts = [...PARTS];
          parts.splice(where % (parts.length + 1), 0, twin);
          const result = await outcome(makeZip(parts));
          expect(result).toHaveProperty('refused');
          expect((result as { refused: string }).refused).toMatch(/повреждён или подозрителен: в нём две части книги под одним именем/);
        },
      ),
      { numRuns: 60, timeout: HANG_MS },
    );
  });
});

// `npm run bench -- --only import`: the import dry run of a 10,000-row partner sheet beside exceljs
// reading the same file, on a register of BENCH_EVENTS events made for them alone (as the full run's).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import ExcelJS from '../electron/core/excel';
import { closeCore, openCore } from '../electron/core/core';
import { analyze } from '../electron/core/import/analyze';
import { readImportSource } from '../electron/core/services/imports';
import { generateEvents } from './generate';
import { insertBatch } from './inserts';
import { writePartnerSheet } from './partner-sheet';
import { fillRegister } from './fill';

export interface DryRunTimes {
  /** exceljs's `xlsx.load`, the whole workbook in memory. */
  excel: number[];
  /** exceljs's streaming reader giving every row's values. */
  stream: number[];
  /** readImportSource then analyze: `reestr import FILE --dry-run` without the printing. */
  dry: number[];
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** exceljs alone loading the file: its `xlsx.load`, the whole workbook in memory. */
export async function excelLoad(data: Buffer): Promise<void> {
  await new ExcelJS.Workbook().xlsx.load(new Uint8Array(data).buffer);
}

/** exceljs's own streaming reader, its unzipping included, giving every row's values. */
export async function excelStream(data: Buffer): Promise<void> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([data]), { sharedStrings: 'cache', styles: 'cache', worksheets: 'emit', hyperlinks: 'ignore', entries: 'ignore' });
  for await (const sheet of reader) for await (const row of sheet) void row.values;
}

/** The three, taken in turn `runs` times over one file's bytes. */
export async function timeDryRuns(core: ReturnType<typeof openCore>, sheetData: Buffer, runs: number): Promise<DryRunTimes & { preview: Awaited<ReturnType<typeof analyze>> }> {
  const times: DryRunTimes = { excel: [], stream: [], dry: [] };
  let preview: Awaited<ReturnType<typeof analyze>> | undefined;
  for (let i = 0; i < runs; i++) {
    times.excel.push(await timeAsync(() => excelLoad(sheetData)));
    times.stream.push(await timeAsync(() => excelStream(sheetData)));
    times.dry.push(await timeAsync(async () => (preview = await analyze(core, await readImportSource('partner.xlsx', sheetData), {}))));
  }
  return { ...times, preview: preview as Awaited<ReturnType<typeof analyze>> };
}

/** The register of the full run (`total` events, then a 10,000-event batch), the sheet, and the times. */
export async function importRowsAlone(total: number, runs: number): Promise<DryRunTimes> {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-import-'));
  try {
    const file = join(dir, 'bench.sqlite');
    let core = openCore(file);
    await fillRegister(core, total);
    // Reopened, then the batch the full run's insert rows leave in it, as there.
    closeCore(core);
    core = openCore(file);
    await insertBatch(core, generateEvents(10_000, 8));
    const sheetFile = join(dir, 'partner.xlsx');
    await writePartnerSheet(sheetFile, 10_000, 9);
    const times = await timeDryRuns(core, readFileSync(sheetFile), runs);
    closeCore(core);
    return times;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

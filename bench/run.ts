// `npm run bench`: builds a register of 100,000 events and measures the hot paths against the targets.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Writable } from 'node:stream';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeCore, openCore } from '../electron/core/core';
import { checkInWorker } from '../electron/core/db/sqlite';
import { startupCheck } from '../electron/core/db/connection';
import { listEvents } from '../electron/core/services/events';
import { calendarData } from '../electron/core/services/calendar';
import { addDays, weekStart } from '../shared/dates';
import { EventFilterSchema } from '../shared/schema/event';
import { CalendarQuerySchema } from '../shared/schema/calendar';
import { generateEvents } from './generate';
import { queryInputs } from './queries';
import { writePartnerSheet } from './partner-sheet';
import { commitPreview } from '../electron/core/services/imports';
import { importRowsAlone, timeDryRuns, type DryRunTimes } from './import-dry-run';
import { periodTables, writeTables } from '../electron/core/export/period-workbook';
import { periodSource } from '../electron/core/services/export-sources';
import { parsePeriod, type Period } from '../shared/period';
import { startRows } from './start';
import { jobRows, jobRowsAlone } from './jobs';
import { insertBatch, insertRows } from './inserts';
import { writePeriodWithProgress } from '../electron/core/jobs/export-progress';
import { morphologyRows } from './morphology';
import { serverRows } from './server';
import { inOrder } from '../electron/core/in-order';
import type { Row } from './row';
import { fillRegister } from './fill';
import { median, p95 } from './percentile';


const TOTAL = Number(process.env.BENCH_EVENTS ?? 100_000);
const RUNS = 200;
/** Side-by-side comparisons take each side's best run: this shared VM's speed varies by a third. */
const PAIRED_RUNS = 9;

function time(fn: () => void): number {
  const start = performance.now();
  fn();
  return performance.now() - start;
}


function print(rows: Row[]): void {
  const lines = rows.map((r) => [
    r.measure,
    `${r.value.toFixed(r.value < 10 ? 2 : 0)} ${r.unit}`,
    r.target === null ? '' : `≤ ${r.target} ${r.unit}`,
    r.target === null ? '' : r.value <= r.target ? 'ok' : 'MISSED',
  ]);
  const header = ['measure', 'result', 'target', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const fmt = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(fmt(header));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  lines.forEach((l) => console.log(fmt(l)));
}

/** A stream that drops what it is given: the export's cost without the disk's. */
function nullSink(): Writable {
  return new Writable({ write: (_chunk, _encoding, done) => done() });
}

/** Every row of a sheet, made now: what exceljs alone is timed writing. */
async function rowsOf<T>(rows: Iterable<T> | AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const row of rows) all.push(row);
  return all;
}

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}


async function main(): Promise<void> {
  // `npm run bench -- --only start`: the start-up rows alone, without the 100,000-event register.
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only === 'start') return print(await startRows());
  if (only === 'jobs') return print(await jobRowsAlone(TOTAL));
  if (only === 'inserts') return print(await insertRowsAlone());
  if (only === 'import') return print(dryRunRows(await importRowsAlone(TOTAL, PAIRED_RUNS)));
  if (only === 'morphology') return print(await morphologyRows());
  if (only === 'server') return print(await serverRows());
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-'));
  const file = join(dir, 'bench.sqlite');
  try {
    console.log(`Generating and storing ${TOTAL.toLocaleString('en')} events…`);
    const create = time(() => closeCore(openCore(file)));
    let core = openCore(file);
    const fill = await timeAsync(() => fillRegister(core, TOTAL));
    console.log(`Filled in ${(fill / 1000).toFixed(1)} s (new database created and migrated in ${create.toFixed(0)} ms).`);
    closeCore(core);

    // A register closed cleanly after its check: the next start compares the file with the note
    // written at that close (size and CRC-32) and needs no SQLite check.
    const verdicts: (string | null)[] = [];
    const noteChecks = Array.from({ length: 5 }, () => time(() => verdicts.push(startupCheck(file))));
    if (verdicts.some((v) => v !== null)) console.log(`Warning: the start-up check of a cleanly closed register asked for ${verdicts.join(', ')}.`);
    // Open an existing register as the app does at every start: the migration check, pragmas and
    // prepared statements; a full check (after a crash, a copy) runs beside it in a worker thread, timed on its own.
    const opens = Array.from({ length: 5 }, () => time(() => closeCore(openCore(file, { deferCheck: true }))));
    const checks: number[] = [];
    for (let i = 0; i < 3; i++) checks.push(await timeAsync(() => checkInWorker(file, 'integrity_check')));
    core = openCore(file);
    const draw = queryInputs(42);
    // Each run's input drawn first, then its query timed alone.
    const times = (next: () => () => Promise<unknown>) => inOrder(Array.from({ length: RUNS }, (_, i) => i), () => timeAsync(next()));
    const page = await times(() => {
      const filter = EventFilterSchema.parse(draw.page());
      return () => listEvents(core, filter);
    });
    const fts = await times(() => {
      const filter = EventFilterSchema.parse(draw.search());
      return () => listEvents(core, filter);
    });
    const range = await times(() => {
      const { start, end } = draw.range();
      return () => core.events.range(start, end);
    });
    // What a month view asks for: its six weeks of events (with their first sphere) and agreement deadlines.
    const monthView = await times(() => {
      const { start } = draw.range();
      const query = CalendarQuerySchema.parse({ start: weekStart(start), end: addDays(weekStart(start), 41) });
      return () => calendarData(core, query);
    });
    // As an import writes them: one batch, one transaction, beside the floor of the same statements
    // (on copies of the register); then the batch is written into it, as before.
    closeCore(core);
    const inserts = await insertRows(file, dir);
    core = openCore(file);
    await insertBatch(core, generateEvents(10_000, 8));

    // A 10,000-row partner sheet: exceljs alone, then the whole dry run, side by side, best of PAIRED_RUNS.
    const sheetFile = join(dir, 'partner.xlsx');
    await writePartnerSheet(sheetFile, 10_000, 9);
    const sheetData = readFileSync(sheetFile);
    const { preview: last, ...dryRuns } = await timeDryRuns(core, sheetData, PAIRED_RUNS);

    // The same 10,000 rows as an old .xls and as a table in a Word document: the whole dry run of each
    // beside exceljs loading the .xlsx, in a child of its own (see format-dry-run.ts), before the rows
    // are committed: the register as the .xlsx dry run saw it.
    const formatChild = (...args: string[]) => execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'format-dry-run.ts'), ...args], { encoding: 'utf8' });
    formatChild('write', dir);
    const formats = JSON.parse(formatChild('time', sheetFile, dir, file, String(PAIRED_RUNS))) as { excel: number; xls: number; docx: number };
    const commit = await timeAsync(() => commitPreview(core, last, {}));

    // Exporting about 10,000 events with the full layout (thirteen months of the register), beside
    // exceljs writing the very same three sheets, cells and styles from rows made beforehand: no query.
    const EXPORT_PERIOD = '2018-01-01..2019-01-31';
    const year = parsePeriod(EXPORT_PERIOD) as Period;
    const made = await periodTables(await periodSource(core), { period: year });
    const tables = await inOrder(made.tables, async (t) => ({ ...t, rows: await rowsOf(t.rows) }));
    const writeOnly: number[] = [];
    const exported: number[] = [];
    for (let i = 0; i < PAIRED_RUNS; i++) {
      writeOnly.push(await timeAsync(() => writeTables(tables, nullSink())));
      // As the Экспорт page's job writes it: its events counted for the bar.
      exported.push(await timeAsync(() => writePeriodWithProgress(core, { period: year }, nullSink(), () => {})));
    }
    const exportedEvents = made.events();
    closeCore(core);
    const exportMemory = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'export-memory.ts'), file], { encoding: 'utf8' })) as { events: number; peakMb: number };

    const bigFile = join(dir, 'partner-100k.xlsx');
    await writePartnerSheet(bigFile, 100_000, 10);
    const memory = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'import-memory.ts'), bigFile, file], { encoding: 'utf8' })) as { rows: number; peakMb: number };

    // `reestr import --dry-run` of CSV files of separators near the size cap, each in a process of its
    // own: the whole command as a clerk runs it (start-up included), and its peak memory.
    const separators = [
      { what: '99 MB of «;»', data: Buffer.alloc(99 * 1024 * 1024, ';') },
      { what: '200,000 rows × 500 columns of «;»', data: Buffer.from(`${';'.repeat(499)}\n`.repeat(200_000)) },
    ].map(({ what, data }) => {
      const csv = join(dir, 'separators.csv');
      writeFileSync(csv, data);
      let result = { code: -1, peakMb: 0 };
      const ms = time(() => {
        result = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'cli-import.ts'), csv, file, '--dry-run'], { encoding: 'utf8' })) as typeof result;
      });
      return { what: `${what}, ${result.code === 0 ? 'read' : 'refused'}`, ms, peakMb: result.peakMb };
    });

    console.log(`\nmedians: page ${median(page).toFixed(1)} ms, search ${median(fts).toFixed(1)} ms, range ${median(range).toFixed(2)} ms\n`);
    print([
      { measure: 'open + migrate (existing register)', value: Math.max(...opens), target: 150, unit: 'ms' },
      { measure: 'start-up check of a cleanly closed register (the note: size and CRC-32 of the file)', value: Math.min(...noteChecks), target: null, unit: 'ms' },
      { measure: 'start-up integrity_check after a crash or a copy (in a worker thread while the window loads)', value: Math.min(...checks), target: null, unit: 'ms' },
      { measure: 'list page of 50 with filters, p95', value: p95(page), target: 20, unit: 'ms' },
      { measure: 'full-text search, p95', value: p95(fts), target: 30, unit: 'ms' },
      { measure: 'calendar month range, p95', value: p95(range), target: 5, unit: 'ms' },
      { measure: 'the calendar’s month view data (6 weeks, spheres, deadlines), p95', value: p95(monthView), target: null, unit: 'ms' },
      ...inserts,
      ...dryRunRows(dryRuns),
      { measure: `import dry run of a .xls ÷ exceljs loading the same rows as .xlsx, 10,000 rows (${formats.xls.toFixed(0)} ÷ ${formats.excel.toFixed(0)} ms)`, value: formats.xls / formats.excel, target: 2, unit: '×' },
      { measure: `import dry run of a .docx table ÷ exceljs loading the same rows as .xlsx, 10,000 rows (${formats.docx.toFixed(0)} ÷ ${formats.excel.toFixed(0)} ms)`, value: formats.docx / formats.excel, target: 2, unit: '×' },
      { measure: `import commit, ${last.summary.new.toLocaleString('en')} new rows of 10,000`, value: commit, target: 500, unit: 'ms' },
      { measure: `import preview of ${memory.rows.toLocaleString('en')} rows, peak memory`, value: memory.peakMb, target: 500, unit: 'MB' },
      ...separators.flatMap((r) => [
        { measure: `reestr import --dry-run, ${r.what}: peak memory`, value: r.peakMb, target: 1024, unit: 'MB' },
        { measure: '  the same: the whole command', value: r.ms / 1000, target: 10, unit: 's' },
      ]),
      { measure: `export of ${exportedEvents.toLocaleString('en')} events ÷ exceljs writing them (${Math.min(...exported).toFixed(0)} ÷ ${Math.min(...writeOnly).toFixed(0)} ms)`, value: Math.min(...exported) / Math.min(...writeOnly), target: 1.3, unit: '×' },
      { measure: `export of ${exportMemory.events.toLocaleString('en')} events, peak memory`, value: exportMemory.peakMb, target: 400, unit: 'MB' },
    ]);
    console.log('\nWhile a job runs (the register above gains its rows):');
    print(await jobRows(file));
    console.log('\nStarting up:');
    print(await startRows());
    console.log('\nDocuments (the Russian morphology):');
    print(await morphologyRows());
    console.log('\nThe department server (PostgreSQL) beside SQLite:');
    print(await serverRows());
    console.log(`\n${TOTAL.toLocaleString('en')} events; ${RUNS} runs per query; Node ${process.version}.`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The dry run's rows: each side's best run of the same file, side by side. */
function dryRunRows({ excel, stream, dry }: DryRunTimes): Row[] {
  return [
    { measure: `import dry run ÷ exceljs xlsx.load, 10,000 rows (${Math.min(...dry).toFixed(0)} ÷ ${Math.min(...excel).toFixed(0)} ms)`, value: Math.min(...dry) / Math.min(...excel), target: 1.5, unit: '×' },
    { measure: `import dry run ÷ exceljs's streaming reader giving every row's values, 10,000 rows (÷ ${Math.min(...stream).toFixed(0)} ms)`, value: Math.min(...dry) / Math.min(...stream), target: 1.5, unit: '×' },
  ];
}

/** `npm run bench -- --only inserts`: the insert rows on a register of BENCH_EVENTS events made for them alone. */
async function insertRowsAlone(): Promise<Row[]> {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-inserts-'));
  try {
    const file = join(dir, 'bench.sqlite');
    const core = openCore(file);
    await fillRegister(core, TOTAL);
    closeCore(core);
    return await insertRows(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();

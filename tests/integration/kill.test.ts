// Crash safety: a child process importing 10,000 rows, or editing event after event, is killed with
// SIGKILL at random moments; each time the register opens, passes SQLite's integrity check, and holds
// the import whole or not at all, and every edit whole. A few rounds in `npm test`; 50 and more under
// `npm run test:stress` (or with REESTR_STRESS=1).
import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import { listEvents } from '../../electron/core/services/events';
import { EventFilterSchema } from '../../shared/schema/event';

const ROOT = join(import.meta.dirname, '../..');
const CHILD = join(ROOT, 'tests/support/kill-child.ts');
const STRESS = process.env.REESTR_STRESS === '1' || process.env.npm_lifecycle_event === 'test:stress';
const IMPORT_ROUNDS = STRESS ? 30 : 4;
const EDIT_ROUNDS = STRESS ? 24 : 3;
const ROWS = 10_000;

interface Killed {
  /** Lines the child printed before it died. */
  said: string[];
  /** Whether the kill came before the child ended by itself. */
  killed: boolean;
}

/** Runs the child and kills it `delay` ms after it first prints a line starting with `after`. */
function runAndKill(args: string[], after: string, delay: number): Promise<Killed> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    let armed = false;
    let killed = false;
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (!armed && out.split('\n').some((l) => l.startsWith(after))) {
        armed = true;
        setTimeout(() => {
          if (child.exitCode === null) killed = child.kill('SIGKILL');
        }, delay);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('close', (code, signal) => {
      clearTimeout(guard);
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`the child failed (${code}): ${err.slice(-2000)}`));
      else resolve({ said: out.split('\n').filter(Boolean), killed: killed && signal === 'SIGKILL' });
    });
  });
}

/** SQLite's full integrity check, on a connection of its own (it replays the log as it opens). */
function integrity(file: string): string {
  const db = new Database(file);
  try {
    return (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

async function allEvents(file: string) {
  const core = openCore(file);
  try {
    return {
      live: (await listEvents(core, EventFilterSchema.parse({ limit: 100_000 }))).items,
      trash: (await listEvents(core, EventFilterSchema.parse({ limit: 100_000, deleted: true }))).items,
      batches: await core.batches.list(),
    };
  } finally {
    closeCore(core);
  }
}

describe('a register whose process is killed', () => {
  let dir: string;
  let base: string;
  let csv: string;
  let demoEvents: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reestr-kill-'));
    base = join(dir, 'base.sqlite');
    const core = openCore(base);
    demoEvents = (await loadDemo(core)).events;
    closeCore(core);
    csv = join(dir, 'plan.csv');
    const lines = ['Наименование мероприятия;Сроки проведения;Место проведения;Описание'];
    for (let i = 0; i < ROWS; i++) {
      const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10).split('-').reverse().join('.');
      lines.push(`Мероприятие импорта № ${i + 1};${day};г. Орша;Описание мероприятия № ${i + 1} для проверки записи пакета целиком`);
    }
    writeFileSync(csv, `${lines.join('\r\n')}\r\n`);
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('writes through a log that survives a crash: WAL, synchronous FULL', () => {
    const core = openCore(join(dir, 'pragmas.sqlite'));
    try {
      expect(core.db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(core.db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    } finally {
      closeCore(core);
    }
  });

  it(`holds a 10,000-row import whole or not at all (${IMPORT_ROUNDS} kills)`, async () => {
    const outcomes = { all: 0, none: 0 };
    for (let round = 0; round < IMPORT_ROUNDS; round++) {
      const file = join(dir, `import-${round}.sqlite`);
      copyFileSync(base, file);
      // Most kills land in the commit; some anywhere from the start (reading the file, opening).
      const inCommit = round % 4 !== 3;
      const delay = Math.floor(Math.random() * (inCommit ? 1500 : 4000));
      const run = await runAndKill(['import', file, csv], inCommit ? 'committing' : 'ready', delay);
      const where = `round ${round}, ${delay} ms after «${inCommit ? 'committing' : 'ready'}», said: ${run.said.join(' | ')}`;
      expect(integrity(file), where).toBe('ok');
      const { live, batches } = await allEvents(file);
      const imported = batches.filter((b) => b.fileName === 'plan.csv');
      const count = live.filter((e) => e.title.startsWith('Мероприятие импорта')).length;
      if (imported.length === 0) {
        expect(count, where).toBe(0);
        outcomes.none++;
      } else {
        expect(imported.length, where).toBe(1);
        expect(count, where).toBe(ROWS);
        expect(live.filter((e) => e.batchId === imported[0]?.id).length, where).toBe(ROWS);
        outcomes.all++;
      }
      expect(live.length - count, where).toBe(demoEvents);
      // What the child said it had done is there: a commit reported is a commit kept.
      if (run.said.some((l) => l.startsWith('committed'))) expect(count, where).toBe(ROWS);
    }
    // Over many rounds the kills land both before and after the commit's end: the test tests both.
    if (STRESS) expect(Math.min(outcomes.all, outcomes.none), JSON.stringify(outcomes)).toBeGreaterThan(0);
  }, IMPORT_ROUNDS * 30_000);

  it(`keeps every edit whole (${EDIT_ROUNDS} kills)`, async () => {
    for (let round = 0; round < EDIT_ROUNDS; round++) {
      const file = join(dir, `edits-${round}.sqlite`);
      copyFileSync(base, file);
      const delay = 100 + Math.floor(Math.random() * 1500);
      const run = await runAndKill(['edits', file], 'ready', delay);
      const where = `round ${round}, ${delay} ms after «ready», said: ${run.said.slice(-3).join(' | ')}`;
      expect(run.killed, where).toBe(true);
      expect(integrity(file), where).toBe('ok');
      const { live, trash } = await allEvents(file);
      const done = Math.max(-1, ...run.said.filter((l) => l.startsWith('op ')).map((l) => Number(l.slice(3))));
      // An edit's fields live in three tables: they are all of one version, or the event is not there.
      const edits = [...live, ...trash].filter((e) => e.title.startsWith('Правка '));
      for (const e of edits) {
        const tag = e.title.slice('Правка '.length);
        expect([e.description, e.participants, e.spheres], where).toEqual([`Описание ${tag}`, `Участники ${tag}`, [`Сфера ${tag}`]]);
      }
      for (let i = 0; i <= done; i++) {
        const edited = edits.find((e) => e.title === `Правка ${i}+`);
        expect(edited, `${where}: edit ${i}`).toBeDefined();
        expect(edited?.deletedAt !== null, `${where}: deletion of ${i}`).toBe(i % 3 === 0);
      }
      // Batches of 50: all or none, and all of those reported done.
      const batchCounts = new Map<string, number>();
      for (const e of live) {
        const i = /^Пакет (\d+)-\d+$/.exec(e.title)?.[1];
        if (i !== undefined) batchCounts.set(i, (batchCounts.get(i) ?? 0) + 1);
      }
      for (const [i, count] of batchCounts) expect(count, `${where}: batch ${i}`).toBe(50);
      for (let i = 0; i <= done; i++) expect(batchCounts.get(String(i)), `${where}: batch ${i}`).toBe(50);
    }
  }, EDIT_ROUNDS * 30_000);
});

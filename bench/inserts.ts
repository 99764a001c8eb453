// Bench rows for inserting: the app's 10,000 inserts of an import batch beside their floor, the very
// statements the app ran replayed with every parameter made beforehand (no application code), in one run.
import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, Statement } from 'better-sqlite3';
import { closeCore, openCore, type LocalCore } from '../electron/core/core';
import { insertEvents } from '../electron/core/services/events';
import type { EventInput } from '../shared/schema/event';
import { generateEvents } from './generate';
import type { Row } from './row';


/** A write as the app made it: the statement's SQL, the method and the parameters it was given. */
interface Write {
  sql: string;
  method: 'run' | 'get' | 'all';
  args: unknown[];
}

const READS = /^\s*(SELECT|WITH|PRAGMA|BEGIN|COMMIT|END|ROLLBACK|SAVEPOINT|RELEASE)\b/i;

/** Runs `fn`, keeping every write statement executed on `db`: reads (look-ups) are the app’s own work, transactions the floor’s own. */
async function recordWrites(db: Database, fn: () => Promise<void>): Promise<Write[]> {
  const writes: Write[] = [];
  const proto = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', (this: Statement, ...args: unknown[]) => unknown>;
  const originals = { run: proto.run, get: proto.get, all: proto.all };
  for (const method of ['run', 'get', 'all'] as const) {
    proto[method] = function (this: Statement, ...args: unknown[]) {
      if (!READS.test(this.source)) writes.push({ sql: this.source, method, args: structuredClone(args) });
      return originals[method].apply(this, args);
    };
  }
  try {
    await fn();
  } finally {
    Object.assign(proto, originals);
  }
  return writes;
}

/** As an import writes them: one batch of `events`, one transaction, the inputs let go once stored. */
export async function insertBatch(core: LocalCore, events: EventInput[]): Promise<void> {
  await core.transaction(async (tx) => insertEvents(tx, events, await tx.batches.insert({ fileName: 'bench.xlsx', sheet: null, sha256: null, options: undefined, user: null, now: tx.now() })));
}

/** A copy of the register, on the disk before it is used: its writing is no part of what is timed after. */
function copyRegister(from: string, to: string): void {
  for (const suffix of ['', '-wal', '-shm', '-checked']) {
    rmSync(`${to}${suffix}`, { force: true });
    if (!existsSync(`${from}${suffix}`)) continue;
    copyFileSync(`${from}${suffix}`, `${to}${suffix}`);
    const fd = openSync(`${to}${suffix}`, 'r+');
    fsyncSync(fd);
    closeSync(fd);
  }
}

const time = async (fn: () => unknown): Promise<number> => {
  const start = performance.now();
  await fn();
  return performance.now() - start;
};

/**
 * On copies of the register `file` (closed): the writes of the app's 10,000 inserts recorded once,
 * then, `runs` times each, interleaved, on a fresh copy: the app's path, and the floor (the recorded
 * statements prepared, then run with their recorded parameters in one transaction). Best of each.
 */
export async function insertRows(file: string, dir: string, runs = 4): Promise<Row[]> {
  const copy = join(dir, 'inserts.sqlite');
  const events = () => generateEvents(10_000, 8);
  copyRegister(file, copy);
  let core = openCore(copy, { deferCheck: true });
  const writes = await recordWrites(core.db, () => insertBatch(core, events()));
  closeCore(core);
  const app: number[] = [];
  const floor: number[] = [];
  const appRun = async () => {
    copyRegister(file, copy);
    const opened = openCore(copy, { deferCheck: true });
    const inputs = events();
    app.push(await time(() => insertBatch(opened, inputs)));
    closeCore(opened);
  };
  for (let i = 0; i < runs; i++) {
    // Each goes first in turn: neither always meets the machine as the other left it.
    if (i % 2 === 0) await appRun();
    copyRegister(file, copy);
    core = openCore(copy, { deferCheck: true });
    const { db } = core;
    const statements = new Map<string, Statement>();
    for (const w of writes) if (!statements.has(w.sql)) statements.set(w.sql, db.prepare(w.sql));
    const replay = writes.map((w) => ({ statement: statements.get(w.sql) as Statement, method: w.method, args: w.args }));
    floor.push(await time(() => db.transaction(() => {
      for (const { statement, method, args } of replay) statement[method](...args);
    })()));
    closeCore(core);
    if (i % 2 === 1) await appRun();
  }
  for (const suffix of ['', '-wal', '-shm', '-checked']) rmSync(`${copy}${suffix}`, { force: true });
  const [a, f] = [Math.min(...app), Math.min(...floor)];
  return [
    { measure: `10,000 inserts (an import batch) ÷ the floor: the same ${writes.length.toLocaleString('en')} statements, parameters made beforehand (${a.toFixed(0)} ÷ ${f.toFixed(0)} ms, best of ${runs})`, value: a / f, target: 1.2, unit: '×' },
    { measure: '  the same: the app’s 10,000 inserts in one transaction', value: a, target: null, unit: 'ms' },
  ];
}

// Two copies of Reestr writing one register wait for each other instead of refusing: every write
// transaction takes the write lock first (BEGIN IMMEDIATE), where SQLite honours busy_timeout. First the
// mechanism, with another connection holding the lock; then the web mode, the CLI and a second copy
// writing side by side for 30 s, with no refusal and no acknowledged write missing at the end.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { closeCore, openCore, type LocalCore } from '../../electron/core/core';
import { startHost } from '../../electron/core/host';
import { createRef } from '../../electron/core/services/references';
import { createEvent, deleteEvent, updateEvent } from '../../electron/core/services/events';
import { newToken } from '../../electron/server/guard';
import { startWebServer } from '../../electron/server/server';
import { eventInput, tempCore, tempDir } from '../helpers';

const ROOT = join(import.meta.dirname, '../..');
const BIN = join(ROOT, 'bin/reestr.js');
const CHILD = join(ROOT, 'tests/support/writer-child.ts');

// Another connection, in a thread of its own, takes the write lock and writes; once the main thread says
// it is about to write, it keeps the lock `holdMs` longer (so that write surely meets it), or until told.
const HOLDER = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
const flags = new Int32Array(workerData.flags);
const db = new Database(workerData.file);
db.exec('BEGIN IMMEDIATE');
db.prepare("INSERT INTO settings (key, value) VALUES ('holder', '1')").run();
parentPort.postMessage('holding');
Atomics.wait(flags, 0, 0, 60000);
Atomics.wait(flags, 1, 0, workerData.holdMs);
db.exec('COMMIT');
db.close();`;

/** Runs `write` on the main thread while another connection holds the write lock (`holdMs` at most). */
async function writeWhileLocked<T>(core: LocalCore, write: () => T, holdMs = 300): Promise<Awaited<T>> {
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(HOLDER, { eval: true, workerData: { module, file: core.file, flags: flags.buffer, holdMs } });
  const exited = once(worker, 'exit');
  const release = (flag: number) => {
    Atomics.store(flags, flag, 1);
    Atomics.notify(flags, flag);
  };
  try {
    const [message] = (await Promise.race([once(worker, 'message'), once(worker, 'error').then(([e]) => Promise.reject(e as Error))])) as [string];
    expect(message).toBe('holding');
    release(0);
    return await write();
  } finally {
    release(0);
    release(1);
    await exited;
  }
}

describe('a write while another connection writes the same register', () => {
  it.each([
    ['an edit', async (core: LocalCore, id: number) => (await updateEvent(core, id, eventInput({ title: 'Форум (правка)' }))).title, 'Форум (правка)'],
    ['a new event', async (core: LocalCore) => (await createEvent(core, eventInput({ title: 'Семинар', city: 'Орша' }))).title, 'Семинар'],
    ['a move to the trash', async (core: LocalCore, id: number) => (await deleteEvent(core, id), (await core.events.get(id))?.deletedAt !== null), true],
    ['a new reference entry', async (core: LocalCore) => (await createRef(core, { kind: 'organisation', name: 'ООО «Вектор»', parentId: null })).name, 'ООО «Вектор»'],
  ] as const)('waits for it and then writes (%s), not refused with SQLITE_BUSY', async (_, write, expected) => {
    const core = tempCore();
    const { id } = await createEvent(core, eventInput({ title: 'Форум' }));
    expect(await writeWhileLocked(core, () => write(core, id))).toBe(expected);
    // The other connection's write is kept too.
    expect(await core.settings.get('holder')).toBe(1);
  });

  it('holds the write lock from its start, so nothing another connection commits can make its reads stale', async () => {
    const core = tempCore();
    const other = new Database(core.file);
    try {
      other.pragma('busy_timeout = 0');
      const insert = "INSERT INTO settings (key, value) VALUES ('other', '1')";
      await core.transaction(async () => {
        core.db.prepare('SELECT count(*) FROM events').get();
        expect(() => other.prepare(insert).run()).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }));
        await core.settings.set('own', 1);
      });
      expect(await core.settings.get('own')).toBe(1);
      expect(await core.settings.get('other')).toBeUndefined();
      // Why: a deferred transaction that read before the other connection committed is refused at its
      // first write, whatever its busy_timeout, since SQLite cannot let it write over what it did not see.
      expect(() =>
        core.db.transaction(() => {
          core.db.prepare('SELECT count(*) FROM events').get();
          other.prepare(insert).run();
          core.db.prepare("INSERT INTO settings (key, value) VALUES ('own', '2')").run();
        })(),
      ).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY_SNAPSHOT' }));
    } finally {
      other.close();
    }
  });

  it('is the only way to write a transaction in electron/: ESLint refuses .transaction() elsewhere', async () => {
    // The probe is no file of the project: linted without type information, the rules that need it off.
    const typed = ['no-floating-promises', 'no-misused-promises', 'await-thenable', 'return-await'];
    const eslint = new ESLint({
      cwd: ROOT,
      overrideConfig: {
        languageOptions: { parserOptions: { projectService: false } },
        rules: Object.fromEntries(typed.map((rule) => [`@typescript-eslint/${rule}`, 'off'])),
      },
    });
    const code = [
      "import type { Database } from 'better-sqlite3';",
      'export const a = (db: Database): number => db.transaction(() => 1)();',
      'export const b = (db: Database): number => db.transaction(() => 1).deferred();',
      "export const c = (db: Database): number => db['transaction'](() => 1).immediate();",
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, { filePath: join(ROOT, 'electron/core/services/probe.ts') });
    expect(result?.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line)).toEqual([2, 3, 4]);
    const [helper] = await eslint.lintText(code, { filePath: join(ROOT, 'electron/core/db/write-transaction.ts') });
    expect(helper?.messages).toEqual([]);
  }, 120_000);

  it('is refused in Russian, writing nothing, when the other holds the lock past busy_timeout (5 s)', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core), () => {});
    const reply = await writeWhileLocked(core, () => dispatch('events.create', { title: 'Семинар', startDate: '2024-05-01' }), 60_000);
    expect(reply).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'db_unavailable', message: expect.stringMatching(/^База данных занята другой программой или другой копией Реестра: изменение не сохранено\./) }),
    });
    expect(core.db.prepare('SELECT count(*) FROM events').pluck().get()).toBe(0);
  }, 120_000);
});

// ---- 30 s of the web mode, the CLI and a second copy writing side by side ----

const SECONDS = 30;

interface Tally {
  acked: string[];
  refused: string[];
}

function post(port: number, token: string, method: string, body: unknown): Promise<{ ok: boolean; value?: { id: number; version: number }; error?: { code: string; message: string } }> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, path: `/api/${method}`, method: 'POST', headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' } },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(text));
          } catch {
            reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
          }
        });
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

/** A clerk in the browser: adds events one after another, editing every third, until the deadline. */
async function webWriter(port: number, token: string, tag: string, deadline: number, tally: Tally): Promise<void> {
  for (let i = 0; i < 100_000 && Date.now() < deadline; i++) {
    const title = `${tag}-${i}`;
    const created = await post(port, token, 'events.create', { title, startDate: '2024-05-01', city: 'Минск' });
    if (!created.ok) {
      tally.refused.push(`${tag}: ${created.error?.code} ${created.error?.message}`);
      continue;
    }
    tally.acked.push(title);
    if (i % 3 === 0) {
      const edited = await post(port, token, 'events.update', { id: created.value?.id, version: created.value?.version, input: { title, startDate: '2024-05-01', description: 'правка' } });
      if (!edited.ok) tally.refused.push(`${tag} edit: ${edited.error?.code} ${edited.error?.message}`);
    }
  }
}

function run(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const guard = setTimeout(() => child.kill('SIGKILL'), 90_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(guard);
      resolve({ code, out, err });
    });
  });
}

/** `reestr events add` run again and again, each a process of its own, until the deadline. */
async function cliWriter(file: string, deadline: number, tally: Tally): Promise<void> {
  for (let i = 0; i < 1000 && Date.now() < deadline; i++) {
    const title = `cli-${i}`;
    const { code, out, err } = await run([BIN, '--db', file, 'events', 'add', '--json', JSON.stringify({ title, startDate: '2024-05-01' })]);
    if (code === 0 && out.includes(`: ${title}`)) tally.acked.push(title);
    else tally.refused.push(`cli (${code}): ${err.trim() || out.trim()}`);
  }
}

/** A second copy of Reestr in its own process, writing through the core in a loop (writer-child.ts). */
async function childWriter(file: string, tally: Tally): Promise<void> {
  const { code, out, err } = await run(['--import', 'tsx', CHILD, file, 'copy', String(SECONDS)]);
  const lines = out.split('\n');
  for (const line of lines) {
    if (line.startsWith('ack ')) tally.acked.push(line.slice(4));
    else if (line.startsWith('refused ')) tally.refused.push(`copy: ${line.slice(8)}`);
  }
  if (code !== 0 || !lines.some((l) => l.startsWith('done '))) tally.refused.push(`copy (${code}): ${err.trim().slice(-2000)}`);
}

describe('the web mode, the CLI and a second copy writing one register at once', () => {
  it(`for ${SECONDS} s: no write refused, every acknowledged write in the register`, async () => {
    const file = join(tempDir(), 'reestr.sqlite');
    closeCore(openCore(file));
    const host = startHost(file);
    const token = newToken();
    const server = await startWebServer({ dispatch: host.dispatch, token });
    const web: Tally = { acked: [], refused: [] };
    const cli: Tally = { acked: [], refused: [] };
    const copy: Tally = { acked: [], refused: [] };
    try {
      expect((await host.ready).mode).toBe('normal');
      const deadline = Date.now() + SECONDS * 1000;
      await Promise.all([
        webWriter(server.port, token, 'web-a', deadline, web),
        webWriter(server.port, token, 'web-b', deadline, web),
        cliWriter(file, deadline, cli),
        childWriter(file, copy),
      ]);
    } finally {
      await server.close();
      host.close();
    }
    expect([...web.refused, ...cli.refused, ...copy.refused]).toEqual([]);
    // Each writer did write: the test saw contention, not one writer alone.
    expect(web.acked.length).toBeGreaterThan(0);
    expect(cli.acked.length).toBeGreaterThan(0);
    expect(copy.acked.length).toBeGreaterThan(0);

    const core = openCore(file);
    try {
      const titles = core.db.prepare('SELECT title FROM events').pluck().all() as string[];
      const acked = [...web.acked, ...cli.acked, ...copy.acked];
      const present = new Set(titles);
      expect(acked.filter((t) => !present.has(t))).toEqual([]);
      // Each once, and nothing beside them.
      expect(titles.length).toBe(acked.length);
      expect(new Set(acked).size).toBe(acked.length);
    } finally {
      closeCore(core);
    }
  }, 120_000);
});

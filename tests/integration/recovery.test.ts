// A register that does not open: the recovery mode writes nothing to it, says why, and for a damaged
// one puts a checked backup in its place; a backup before every schema migration; the error log.
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, readdirSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../electron/core/core';
import { SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { createErrorLog } from '../../electron/core/error-log';
import { startHost, type Host } from '../../electron/core/host';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvents } from '../../electron/core/services/events';
import { EventInputSchema } from '../../shared/schema/event';
import { listBackups, makeBackup } from '../../electron/core/services/backups';
import { databaseAtVersion, registerOfVersion1, tempDir } from '../helpers';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A register with the demo data and one backup, closed. */
async function registerWithBackup(): Promise<{ dir: string; file: string; backup: string }> {
  const dir = tempDir();
  const file = join(dir, 'reestr.sqlite');
  const core = openCore(file);
  await loadDemo(core);
  const { file: backup } = await makeBackup(core, 'manual');
  closeCore(core);
  return { dir, file, backup };
}

function damage(file: string, at: number, length = 8192): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, at);
  closeSync(fd);
}

async function call(host: Host, method: string, input: unknown = {}) {
  return host.dispatch(method, input);
}

describe('the recovery mode', () => {
  it('refuses to write to a register damaged in the middle, offers its backups, and restores one', async () => {
    const { dir, file, backup } = await registerWithBackup();
    // A second copy, damaged too, to be shown as unusable.
    const broken = join(dir, 'backups', 'reestr-2020-01-01_120000-daily.sqlite');
    writeFileSync(broken, readFileSync(backup));
    damage(broken, 4096 * 2);
    damage(file, 4096 * 3);
    const damaged = sha(file);

    const logged: unknown[] = [];
    const host = startHost(file, { logError: (e) => logged.push(e) });
    await host.ready;
    try {
      expect(host.core()).toBeUndefined();
      const status = await call(host, 'app.status');
      expect(status).toMatchObject({ ok: true, value: { mode: 'recovery', problem: 'damaged', databaseFile: file, backupFolder: join(dir, 'backups') } });
      expect(logged).toHaveLength(1); // the failure is in the error log for support
      expect(await call(host, 'events.create', { title: 'Форум', startDate: '2021-09-01' })).toMatchObject({
        ok: false,
        error: { code: 'db_damaged', message: expect.stringMatching(/^База данных не открыта, и Реестр ничего в неё не записывает\./) },
      });
      expect(await call(host, 'events.list')).toMatchObject({ ok: false, error: { code: 'db_damaged' } });
      expect(await call(host, 'backups.create')).toMatchObject({ ok: false });

      const found = await call(host, 'recovery.backups');
      if (!found.ok) throw new Error(found.error.message);
      const list = found.value as { name: string; contents: { events: number; agreements: number } | null; problem: string | null }[];
      expect(list.map((b) => [b.name.slice(-12), b.contents?.events ?? null])).toEqual([['-manual.sqlite'.slice(-12), 9], ['daily.sqlite', null]]);
      expect(list[1]?.problem).toMatch(/повреждена|не является резервной копией/);
      expect(sha(file)).toBe(damaged); // looking wrote nothing

      const restored = await call(host, 'recovery.restore', { name: list[0]?.name });
      expect(restored).toMatchObject({ ok: true, value: { contents: { events: 9, agreements: 1 }, safety: null, keptAs: expect.stringMatching(/reestr\.sqlite\.damaged-/) } });
      expect(await call(host, 'app.status')).toEqual({ ok: true, value: { mode: 'normal' } });
      expect(await call(host, 'events.list', {})).toMatchObject({ ok: true, value: { total: 9 } });
      const aside = readdirSync(dir).find((f) => /\.damaged-\d{4}-\d{2}-\d{2}_\d{6}$/.test(f));
      expect(aside && sha(join(dir, aside))).toBe(damaged); // the damaged file is kept, byte for byte
    } finally {
      host.close();
    }
  });

  it('opens at once and checks the register in a worker thread, serving no call before the verdict', async () => {
    const dir = tempDir();
    const file = join(dir, 'reestr.sqlite');
    const core = openCore(file);
    await createEvents(core, Array.from({ length: 500 }, (_, i) => EventInputSchema.parse({ title: `Семинар ${i}`, startDate: '2021-09-01', description: 'Текст '.repeat(200) })));
    // A page of the events' texts: opening reads nothing there, the check does.
    const page = core.db.prepare("SELECT pageno FROM dbstat WHERE name = 'event_texts' AND pagetype = 'leaf' ORDER BY pageno LIMIT 1 OFFSET 100").pluck().get() as number;
    closeCore(core);
    damage(file, 4096 * (page - 1), 4096);
    const damaged = sha(file);
    expect(() => closeCore(openCore(file, { deferCheck: true }))).not.toThrow();

    const host = startHost(file);
    const early = call(host, 'events.create', { title: 'Форум', startDate: '2021-09-01' });
    try {
      expect(await early).toMatchObject({ ok: false, error: { code: 'db_damaged', message: expect.stringContaining('повреждена') } });
      expect(await host.ready).toMatchObject({ mode: 'recovery', problem: 'damaged' });
      expect(sha(file)).toBe(damaged);
    } finally {
      host.close();
    }
  });

  it('takes a register whose header is overwritten for damaged, and restores from a file picked on the disk', async () => {
    const { dir, file, backup } = await registerWithBackup();
    const picked = join(dir, 'на флешке.sqlite');
    writeFileSync(picked, readFileSync(backup));
    readdirSync(join(dir, 'backups')).forEach((f) => writeFileSync(join(dir, 'backups', f), 'не копия'));
    damage(file, 0, 100);
    const host = startHost(file);
    await host.ready;
    try {
      expect(await call(host, 'app.status')).toMatchObject({ value: { mode: 'recovery', problem: 'damaged' } });
      const uploaded = await call(host, 'backups.upload', { fileName: 'на флешке.sqlite', data: readFileSync(picked).toString('base64') });
      if (!uploaded.ok) throw new Error(uploaded.error.message);
      const preview = uploaded.value as { source: { uploadId: string }; contents: { events: number } };
      expect(preview.contents.events).toBe(9);
      expect(await call(host, 'recovery.restore', preview.source)).toMatchObject({ ok: true });
      expect(await call(host, 'events.list', {})).toMatchObject({ ok: true, value: { total: 9 } });
    } finally {
      host.close();
    }
  });

  it('says a register is locked by another running copy, and opens it once that copy lets go', async () => {
    const dir = tempDir();
    const file = join(dir, 'reestr.sqlite');
    closeCore(openCore(file));
    const other = new Database(file);
    other.pragma('locking_mode = EXCLUSIVE');
    other.exec('BEGIN EXCLUSIVE');
    const host = startHost(file);
    await host.ready;
    try {
      const status = await call(host, 'app.status');
      expect(status).toMatchObject({ value: { mode: 'recovery', problem: 'locked', message: expect.stringMatching(/занята: её использует другая запущенная копия Реестра/) } });
      expect(await call(host, 'recovery.restore', { name: 'reestr-2020-01-01_120000-daily.sqlite' })).toMatchObject({ ok: false, error: { code: 'bad_request' } });
      other.exec('COMMIT');
      other.close();
      expect(await call(host, 'recovery.retry')).toEqual({ ok: true, value: { mode: 'normal' } });
      expect(await call(host, 'events.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
    } finally {
      host.close();
    }
  }, 120_000);
});

describe('a backup before every schema migration', () => {
  it('copies an older register, checked, before migrating it, and only then', async () => {
    const file = registerOfVersion1();

    const core = openCore(file);
    const folder = join(file, '..', 'backups');
    try {
      expect(core.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      const made = listBackups(folder);
      expect(made.map((b) => b.reason)).toEqual(['migration']);
      const copy = new Database(made[0]?.file ?? '', { readonly: true });
      expect(copy.pragma('user_version', { simple: true })).toBe(1);
      expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
      expect(copy.prepare('SELECT title FROM events').pluck().all()).toEqual(['Форум 2019']);
      copy.close();
      expect(readdirSync(folder)).toHaveLength(1); // one self-contained file
    } finally {
      closeCore(core);
    }
    closeCore(openCore(file)); // up to date: no further backup
    expect(listBackups(folder)).toHaveLength(1);
    const fresh = join(tempDir(), 'reestr.sqlite');
    closeCore(openCore(fresh)); // a new register has nothing to keep
    expect(existsSync(join(fresh, '..', 'backups'))).toBe(false);
  });

  it('leaves the register unmigrated and unchanged when no backup can be written', () => {
    const file = databaseAtVersion(2);
    writeFileSync(join(file, '..', 'backups'), 'a file where the folder should be');
    const before = sha(file);
    expect(() => openCore(file)).toThrow(/Перед обновлением базы данных к новой версии программы не удалось сделать резервную копию .*База данных не изменена/);
    expect(sha(file)).toBe(before);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(2);
    db.close();
  });
});

describe('a write the disk refuses', () => {
  it('is told in Russian, not as an internal error, and changes nothing', async () => {
    const dir = tempDir();
    const host = startHost(join(dir, 'reestr.sqlite'), { logError: createErrorLog(join(dir, 'logs')) });
    await host.ready;
    try {
      const db = host.core()?.db;
      // The database may not grow: as a full disk does, SQLite answers SQLITE_FULL.
      db?.pragma(`max_page_count = ${String(db.pragma('page_count', { simple: true }))}`);
      const result = await call(host, 'events.create', { title: 'Форум', startDate: '2021-09-01', description: 'текст '.repeat(8_000) });
      expect(result).toEqual({ ok: false, error: { code: 'db_unavailable', message: 'На диске нет свободного места: изменение не сохранено. Освободите место на диске и повторите.' } });
      expect(await call(host, 'events.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
      expect(readFileSync(join(dir, 'logs', 'errors.log'), 'utf8')).toMatch(/SQLITE_FULL|database or disk is full/);
    } finally {
      host.close();
    }
  });
});

describe('the error log', () => {
  it('is rotated at its size, keeps a few files, leaves out the home folder, and never throws', () => {
    const folder = join(tempDir(), 'logs');
    const log = createErrorLog(folder, { maxBytes: 2000, keep: 2 });
    for (let n = 0; n < 40; n++) log(new Error(`сбой № ${n} в ${join(homedir(), 'документ.xlsx')}`), 'Импорт');
    expect(readdirSync(folder).sort()).toEqual(['errors.1.log', 'errors.2.log', 'errors.log']);
    for (const name of readdirSync(folder)) {
      expect(statSync(join(folder, name)).size).toBeLessThanOrEqual(2000);
      expect(statSync(join(folder, name)).mode & 0o777).toBe(0o600);
    }
    expect(statSync(folder).mode & 0o777).toBe(0o700);
    const newest = readFileSync(join(folder, 'errors.log'), 'utf8');
    expect(newest).toMatch(/\] Импорт: Error: сбой № 39 в ~[/\\]документ\.xlsx\n {4}at /);
    expect(newest).not.toContain(homedir());

    const nowhere = createErrorLog(join(folder, 'errors.log', 'внутри файла'));
    expect(() => nowhere(new Error('x'))).not.toThrow();
  });

  it('receives the unexpected failures of the contract, not the user’s mistakes', async () => {
    const dir = tempDir();
    const file = join(dir, 'reestr.sqlite');
    const host = startHost(file, { logError: createErrorLog(join(dir, 'logs')) });
    await host.ready;
    try {
      expect(await call(host, 'events.create', { title: '', startDate: '2021-09-01' })).toMatchObject({ ok: false, error: { code: 'validation' } });
      expect(existsSync(join(dir, 'logs', 'errors.log'))).toBe(false);
      host.core()?.db.close(); // the connection gone under the back end: an internal failure
      expect(await call(host, 'events.list', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
      expect(readFileSync(join(dir, 'logs', 'errors.log'), 'utf8')).toMatch(/The database connection is not open/);
    } finally {
      host.close();
    }
  });
});

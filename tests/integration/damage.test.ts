// Damage in any part of the register (header, a table page, an index page, the freelist, the full-text
// index): refused before a byte of it is written, by the core, the web-mode host and the CLI, and the
// newest backup restored every time, with the damaged file kept beside it as it was.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, cpSync, mkdtempSync, openSync, readFileSync, readSync, readdirSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate';
import { closeCore, openCore } from '../../electron/core/core';
import { CHECKED_SUFFIX, startupCheck } from '../../electron/core/db/connection';
import { startHost } from '../../electron/core/host';
import { listBackups, makeBackup, restoreBackup } from '../../electron/core/services/backups';
import { createEvents } from '../../electron/core/services/events';
import { eventInput, tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const PAGE = 4096;
const EVENTS = 1500;
const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const cli = (db: string, ...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 60_000 });

/** Flips the bits of `length` bytes at `at`: damage as a bad sector or a stray write leaves it. */
function flip(file: string, at: number, length: number): void {
  const fd = openSync(file, 'r+');
  const bytes = Buffer.alloc(length);
  readSync(fd, bytes, 0, length, at);
  for (let i = 0; i < length; i++) bytes[i] = (bytes[i] ?? 0) ^ 0x55;
  writeSync(fd, bytes, 0, length, at);
  closeSync(fd);
}

function check(file: string, pragma: 'quick_check' | 'integrity_check'): string {
  const db = new Database(file, { readonly: true });
  try {
    return String(db.pragma(pragma, { simple: true }));
  } catch (e) {
    return String((e as { code?: string }).code);
  } finally {
    db.close();
  }
}

/** A register closed cleanly, with free pages and one backup; where its parts lie. */
let template: { dir: string; pages: Record<'index' | 'table' | 'fts', number>; freelistTrunk: number };

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-test-'));
  const core = openCore(join(dir, 'reestr.sqlite'));
  await createEvents(core, generateEvents(EVENTS, 3));
  await makeBackup(core, 'manual');
  // Texts removed after the backup: their pages go to the freelist.
  core.db.prepare('DELETE FROM event_texts WHERE event_id > 500').run();
  const middle = (name: string) => {
    const leaves = core.db.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno").pluck().all(name) as number[];
    return leaves[Math.floor(leaves.length / 2)] ?? 0;
  };
  const pages = { index: middle('events_span'), table: middle('events'), fts: middle('events_fts_data') };
  closeCore(core);
  const head = readFileSync(join(dir, 'reestr.sqlite')).subarray(0, 100);
  template = { dir, pages, freelistTrunk: head.readUInt32BE(32) };
  expect(Math.min(pages.index, pages.table, pages.fts, template.freelistTrunk)).toBeGreaterThan(1);
}, 120_000);
afterAll(() => rmSync(template.dir, { recursive: true, force: true }));

/** Where each kind of damage goes: [offset, length]. */
const PLACES: Record<string, () => [number, number]> = {
  header: () => [0, 16],
  'table page': () => [(template.pages.table - 1) * PAGE + 3, 2], // its cell count
  'index page': () => [template.pages.index * PAGE - 20, 1], // one byte of a key
  'freelist page': () => [(template.freelistTrunk - 1) * PAGE + 4, 4], // the trunk's leaf count
  'full-text index (FTS shadow table)': () => [template.pages.fts * PAGE - 200, 200],
};

/** A copy of the template register, damaged at `place`. */
function damagedCopy(place: string, mode: 'wal' | 'rollback' = 'wal'): { dir: string; file: string; damaged: string } {
  const dir = tempDir();
  cpSync(template.dir, dir, { recursive: true });
  const file = join(dir, 'reestr.sqlite');
  if (mode === 'rollback') {
    const db = new Database(file);
    db.pragma('journal_mode = DELETE');
    db.close();
  }
  const [at, length] = (PLACES[place] as () => [number, number])();
  flip(file, at, length);
  expect(check(file, 'integrity_check')).not.toBe('ok'); // the damage is there to be found
  return { dir, file, damaged: sha(file) };
}

describe('a register damaged in its', () => {
  for (const place of Object.keys(PLACES)) {
    describe(place, () => {
      it('is refused by the core untouched', () => {
        const { file, damaged } = damagedCopy(place);
        expect(() => openCore(file)).toThrow(/^(База данных «.*» повреждена \(.+\): программа в неё не пишет|Файл «.*» не является базой данных Реестра или повреждён)/);
        expect(sha(file)).toBe(damaged);
      });

      it('is refused by the web-mode host untouched, and the newest backup restored with the damaged file kept as it was', async () => {
        const { dir, file, damaged } = damagedCopy(place);
        const host = startHost(file);
        try {
          expect(await host.ready).toMatchObject({ mode: 'recovery', problem: 'damaged' });
          expect(await host.dispatch('events.create', eventInput())).toMatchObject({ ok: false, error: { code: 'db_damaged' } });
          expect(sha(file)).toBe(damaged);
          const newest = listBackups(join(dir, 'backups'))[0];
          const restored = await host.dispatch('recovery.restore', { name: newest?.file.split(/[/\\]/).pop() });
          if (!restored.ok) throw new Error(restored.error.message);
          const { keptAs } = restored.value as { keptAs: string };
          expect(sha(keptAs)).toBe(damaged);
          expect(await host.dispatch('events.list', {})).toMatchObject({ ok: true, value: { total: EVENTS } });
        } finally {
          host.close();
        }
      });

      it('is refused by the CLI untouched, and `reestr restore` of the newest backup succeeds', () => {
        const { dir, file, damaged } = damagedCopy(place);
        const refused = cli(file, 'demo');
        expect(refused.status).toBe(1);
        expect(refused.stderr).toMatch(/^Ошибка: (База данных «.*» повреждена|Файл «.*» не является базой данных Реестра или повреждён)/);
        expect(sha(file)).toBe(damaged);
        const newest = listBackups(join(dir, 'backups'))[0]?.file ?? '';
        const restored = cli(file, 'restore', newest);
        expect(restored.stderr).toBe('');
        expect(restored.stdout).toMatch(/^База данных не открывалась: она сохранена как «.*\.damaged-\d{4}-\d{2}-\d{2}_\d{6}»/);
        const aside = readdirSync(dir).find((f) => /\.damaged-[\d_-]+$/.test(f)) ?? '';
        expect(sha(join(dir, aside))).toBe(damaged);
        const core = openCore(file);
        expect(core.db.prepare('SELECT count(*) FROM events WHERE deleted_at IS NULL').pluck().get()).toBe(EVENTS);
        closeCore(core);
      }, 120_000);
    });
  }
});

describe('the start-up check', () => {
  it('finds a flipped byte in an index page that quick_check passes', () => {
    const { file } = damagedCopy('index page');
    expect(check(file, 'quick_check')).toBe('ok');
    expect(check(file, 'integrity_check')).toMatch(/missing from index events_span|wrong # of entries in index events_span/);
    expect(startupCheck(file)).toBe('integrity_check');
  });

  it('reads nothing but a checksum of a register as a clean close left it, and checks in full after any change or a crash', async () => {
    const dir = tempDir();
    const file = join(dir, 'reestr.sqlite');
    expect(startupCheck(file)).toBe('integrity_check'); // never closed here
    const core = openCore(file);
    await createEvents(core, [eventInput()]);
    expect(startupCheck(file)).toBe('integrity_check'); // open, or crashed: changes in the log
    closeCore(core);
    expect(startupCheck(file)).toBeNull();
    flip(file, 2 * PAGE - 1, 1); // same size, one bit of difference
    expect(startupCheck(file)).toBe('integrity_check');
    flip(file, 2 * PAGE - 1, 1);
    expect(startupCheck(file)).toBeNull();
  });

  it('refuses a damaged register in rollback-journal mode without writing its header (the web mode wrote 4 bytes)', async () => {
    const { file, damaged } = damagedCopy('index page', 'rollback');
    const host = startHost(file);
    try {
      expect(await host.ready).toMatchObject({ mode: 'recovery', problem: 'damaged' });
      expect(sha(file)).toBe(damaged);
    } finally {
      host.close();
    }
    expect(sha(file)).toBe(damaged);
  });
});

describe('damage found while the register is open', () => {
  it('does not stop a restore: the register is refused, then restored the damaged way, kept as it was', async () => {
    const dir = tempDir();
    cpSync(template.dir, dir, { recursive: true });
    const file = join(dir, 'reestr.sqlite');
    const host = startHost(file);
    expect(await host.ready).toEqual({ mode: 'normal' });
    const [at, length] = (PLACES['index page'] as () => [number, number])();
    flip(file, at, length); // under the open register, as a failing disk would
    const damaged = sha(file);
    const name = listBackups(join(dir, 'backups'))[0]?.file.split(/[/\\]/).pop();
    try {
      const first = await host.dispatch('backups.restore', { name });
      expect(first).toMatchObject({ ok: false, error: { code: 'db_damaged', message: expect.stringMatching(/^База данных «.*» повреждена .*Повторите восстановление той же копии/) } });
      expect(sha(file)).toBe(damaged);
      expect(host.status()).toMatchObject({ mode: 'recovery', problem: 'damaged' });
      const again = await host.dispatch('recovery.restore', { name });
      if (!again.ok) throw new Error(again.error.message);
      expect(sha((again.value as { keptAs: string }).keptAs)).toBe(damaged);
      expect(await host.dispatch('events.list', {})).toMatchObject({ ok: true, value: { total: EVENTS } });
    } finally {
      host.close();
    }
  });

  it('leaves no note of a clean close behind, so the next opening checks in full and refuses it', async () => {
    const { file, damaged } = damagedCopy('index page');
    const core = openCore(file, { deferCheck: true }); // as if the start-up check had passed
    const backup = listBackups(join(file, '..', 'backups'))[0]?.file ?? '';
    await expect(restoreBackup(core, backup)).rejects.toThrow(/повреждена/);
    closeCore(core);
    expect(readdirSync(join(file, '..')).some((f) => f.endsWith(CHECKED_SUFFIX))).toBe(false);
    expect(sha(file)).toBe(damaged);
    expect(() => openCore(file)).toThrow(/повреждена/);
  });
});

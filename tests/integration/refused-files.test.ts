// A file the register refuses (made by a newer version, or another program's SQLite database) is
// left as it was, and so is its folder: no «-wal», «-shm» or note appears beside it, whatever opens it.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openCore } from '../../electron/core/core';
import { SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { startHost } from '../../electron/core/host';
import { tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');

/** Every file of the folder with the hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, createHash('sha256').update(readFileSync(join(dir, name))).digest('hex')]));
}

const KINDS = {
  newer: { version: SCHEMA_VERSION + 1, message: /создана более новой версией программы .*файл оставлен без изменений/ },
  foreign: { version: 0, message: /база данных другой программы, а не Реестра\. Файл оставлен без изменений/ },
} as const;

function refusedFile(kind: keyof typeof KINDS, mode: 'wal' | 'delete'): { dir: string; file: string } {
  const dir = tempDir();
  const file = join(dir, 'reestr.sqlite');
  const db = new Database(file);
  db.pragma(`journal_mode = ${mode}`);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('чужие данные')");
  db.pragma(`user_version = ${KINDS[kind].version}`);
  db.close();
  return { dir, file };
}

describe('a refused file and its folder stay exactly as they were', () => {
  for (const kind of ['newer', 'foreign'] as const) {
    for (const mode of ['wal', 'delete'] as const) {
      describe(`${kind === 'newer' ? 'a register of a newer version' : 'another program’s database'}, ${mode === 'wal' ? 'WAL' : 'rollback-journal'} mode`, () => {
        it('through openCore', () => {
          const { dir, file } = refusedFile(kind, mode);
          const before = snapshot(dir);
          expect(() => openCore(file)).toThrow(KINDS[kind].message);
          expect(snapshot(dir)).toEqual(before);
        });

        it('through the host of the app and the web mode', async () => {
          const { dir, file } = refusedFile(kind, mode);
          const before = snapshot(dir);
          const host = startHost(file);
          try {
            expect(await host.ready).toMatchObject({ mode: 'recovery', problem: kind === 'newer' ? 'newer' : 'other', message: expect.stringMatching(KINDS[kind].message) });
            expect(await host.dispatch('app.status', {})).toMatchObject({ ok: true, value: { mode: 'recovery' } });
            expect(await host.dispatch('recovery.backups', {})).toEqual({ ok: true, value: [] });
            expect(await host.dispatch('recovery.retry', {})).toMatchObject({ ok: true, value: { mode: 'recovery' } });
          } finally {
            host.close();
          }
          expect(snapshot(dir)).toEqual(before);
        });

        it('through the CLI', () => {
          const { dir, file } = refusedFile(kind, mode);
          const before = snapshot(dir);
          const result = spawnSync(process.execPath, [BIN, '--db', file, 'events', 'list'], { encoding: 'utf8', timeout: 60_000 });
          expect(result.status).toBe(1);
          expect(result.stderr).toMatch(KINDS[kind].message);
          expect(snapshot(dir)).toEqual(before);
        }, 120_000);
      });
    }
  }
});

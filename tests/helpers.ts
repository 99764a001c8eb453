// Test helpers: real SQLite files in fresh temporary folders, and databases at any schema version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { closeCore, openCore, type LocalCore } from '../electron/core/core';
import { migrate } from '../electron/core/db/migrate';
import { EventInputSchema, type EventInputRaw } from '../shared/schema/event';

const cleanups: (() => void)[] = [];

afterEach(() => {
  while (cleanups.length) cleanups.pop()?.();
});

export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-test-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** A new register in a real file, closed after the test. */
export function tempCore(): LocalCore {
  const core = openCore(join(tempDir(), 'reestr.sqlite'));
  cleanups.unshift(() => closeCore(core));
  return core;
}

/** A database file migrated only up to `version`, as an older app would have left it. */
export function databaseAtVersion(version: number): string {
  const file = join(tempDir(), `v${version}.sqlite`);
  const db = new Database(file);
  migrate(db, version);
  db.close();
  return file;
}

/** A register of schema 1 with one event, «Форум 2019», as an earlier version of the app left it. */
export function registerOfVersion1(): string {
  const file = databaseAtVersion(1);
  const db = new Database(file);
  db.prepare(`INSERT INTO events (title, start_date, end_date, date_precision, status, span_class, created_at, updated_at)
    VALUES ('Форум 2019', '2019-05-01', '2019-05-01', 'day', 'held', 0, '2019-05-01T00:00:00Z', '2019-05-01T00:00:00Z')`).run();
  db.prepare('INSERT INTO event_texts (event_id) VALUES (1)').run();
  db.close();
  return file;
}

export function eventInput(raw: Partial<EventInputRaw> = {}) {
  return EventInputSchema.parse({ title: 'Форум', startDate: '2021-09-08', ...raw });
}

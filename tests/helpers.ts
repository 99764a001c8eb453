// Test helpers: real SQLite files in fresh temporary folders, and databases at any schema version.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach } from 'vitest';
import { closeCore, openCore, type Core } from '../electron/core/core';
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
export function tempCore(): Core {
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

export function eventInput(raw: Partial<EventInputRaw> = {}) {
  return EventInputSchema.parse({ title: 'Форум', startDate: '2021-09-08', ...raw });
}

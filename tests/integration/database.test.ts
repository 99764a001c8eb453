import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../electron/core/db/connection';
import { useSqliteBinding } from '../../electron/core/db/sqlite';
import { inspectBackup } from '../../electron/core/services/backups';
import { loadMigrations, migrate, SCHEMA_VERSION } from '../../electron/core/db/migrate';
import { AppError } from '../../shared/errors';
import { databaseAtVersion, tempDir } from '../helpers';

describe('opening and migrating', () => {
  it('creates a new database at the latest schema, in WAL mode with foreign keys on', () => {
    const db = openDatabase(join(tempDir(), 'sub', 'dir', 'new.sqlite'));
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2);
    db.close();
  });

  it('seeds the reference lists with their grammar', () => {
    const db = openDatabase(join(tempDir(), 'seeded.sqlite'));
    const ref = (kind: string, name: string) =>
      db.prepare('SELECT r.*, p.name AS parent FROM refs r LEFT JOIN refs p ON p.id = r.parent_id WHERE r.kind = ? AND r.name = ?').get(kind, name) as Record<string, unknown>;
    expect(ref('kind', 'форум')).toMatchObject({ gender: 'm' });
    expect(ref('kind', 'встреча')).toMatchObject({ gender: 'f' });
    expect(ref('kind', 'заседание')).toMatchObject({ gender: 'n' });
    expect(ref('sphere', 'промышленность и торговля')).toMatchObject({ genitive: 'промышленности и торговли' });
    expect(ref('city', 'Минск')).toMatchObject({ locative: 'Минске', parent: 'Республика Беларусь' });
    expect(ref('city', 'Орша')).toMatchObject({ locative: 'Орше', parent: 'Витебская область' });
    expect(ref('region', 'Витебская область')).toMatchObject({ parent: 'Республика Беларусь', genitive: 'Витебской области' });
    expect(ref('country', 'Республика Беларусь')).toMatchObject({ genitive: 'Республики Беларусь', instrumental: 'Республикой Беларусь' });
    const belarusRegions = db.prepare(`SELECT count(*) FROM refs r JOIN refs p ON p.id = r.parent_id WHERE r.kind = 'region' AND p.name = 'Республика Беларусь'`).pluck().get();
    expect(belarusRegions).toBe(6);
    db.close();
  });

  it('migrates an older database forward and keeps its rows', () => {
    const file = databaseAtVersion(1);
    const before = new Database(file);
    before.prepare(`INSERT INTO events (title, start_date, end_date, date_precision, status, span_class, created_at, updated_at)
                    VALUES ('Старое', '2020-01-01', '2020-01-01', 'day', 'held', 0, 'x', 'x')`).run();
    before.close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.prepare('SELECT title FROM events').pluck().all()).toEqual(['Старое']);
    db.close();
  });

  it('refuses a database made by a newer version and leaves its bytes untouched', () => {
    const file = join(tempDir(), 'newer.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    const bytes = readFileSync(file);
    let error: unknown;
    try {
      openDatabase(file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('db_newer');
    expect((error as AppError).message).toMatch(/более новой версией программы/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses a file that is not a database, in Russian, without changing it', () => {
    const file = join(tempDir(), 'notes.sqlite');
    writeFileSync(file, 'Это не база данных, а заметки.\n'.repeat(100));
    const bytes = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/не является базой данных Реестра или повреждён/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses the database of another program without changing it', () => {
    const file = join(tempDir(), 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE events (x); INSERT INTO events VALUES (1)');
    db.close();
    const bytes = readFileSync(file);
    expect(() => openDatabase(file)).toThrow(/база данных другой программы, а не Реестра/);
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('refuses an empty file name: SQLite would quietly use a temporary database', () => {
    expect(() => openDatabase('')).toThrow('Не указан файл базы данных.');
  });

  it('applies a failing migration not at all', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_one.sql'), 'CREATE TABLE one (x);');
    writeFileSync(join(dir, '002_two.sql'), 'CREATE TABLE two (x); CREATE TABLE one (y);');
    const migrations = loadMigrations(dir);
    const db = new Database(':memory:');
    expect(() => migrate(db, migrations.length, migrations)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare(`SELECT name FROM sqlite_schema WHERE name = 'two'`).get()).toBeUndefined();
  });

  it('refuses gaps in migration numbers', () => {
    const dir = tempDir();
    writeFileSync(join(dir, '001_one.sql'), 'SELECT 1;');
    writeFileSync(join(dir, '003_three.sql'), 'SELECT 1;');
    expect(() => loadMigrations(dir)).toThrow(/without gaps/);
  });
});

describe('the native module', () => {
  it('can be another build of better-sqlite3 (the one Electron needs), named once for every file opened', () => {
    const binding = join(import.meta.dirname, '..', '..', 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    const register = join(tempDir(), 'bound.sqlite');
    try {
      useSqliteBinding(binding);
      const db = openDatabase(register);
      expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
      db.close();
      // A binding that is not there: the register and a backup's check both go through it, and both fail.
      useSqliteBinding('/nonexistent/better_sqlite3.node');
      expect(() => openDatabase(join(tempDir(), 'x.sqlite'))).toThrow(/Не удалось открыть базу данных/);
      expect(() => inspectBackup(register)).toThrow(/не является резервной копией Реестра или не читается/);
    } finally {
      useSqliteBinding(undefined);
    }
    expect(inspectBackup(register).schemaVersion).toBe(SCHEMA_VERSION);
  });
});

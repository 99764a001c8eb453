// Schema migrations: numbered .sql files, one transaction each, recorded in PRAGMA user_version.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import { seedReferenceData, seedSettlements } from './seed';
import { writeTransaction } from './write-transaction';

export interface Migration {
  version: number;
  /** The file name without `.sql`: `001_initial`. */
  name: string;
  sql: string;
}

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** Steps that are data, not schema, run in the same transaction as their migration (by file name). */
const DATA_STEPS: Record<string, (db: Database) => void> = { '001_initial': seedReferenceData, '006_settlements': seedSettlements };

export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  const migrations = readdirSync(dir)
    .map((file) => /^(\d{3})_([\w-]+)\.sql$/.exec(file))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ version: Number(m[1]), name: `${m[1]}_${m[2]}`, sql: readFileSync(`${dir}/${m[0]}`, 'utf8') }))
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migrations must be numbered 001, 002, … without gaps: found ${m.version} at place ${i + 1}`);
  });
  return migrations;
}

export const MIGRATIONS = loadMigrations();
export const SCHEMA_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

export function newerSchemaError(found: number): AppError {
  return new AppError(
    'db_newer',
    `База данных создана более новой версией программы (версия схемы ${found}, эта версия программы знает до ${SCHEMA_VERSION}). Обновите «Реестр сотрудничества»; файл оставлен без изменений.`,
    { found, supported: SCHEMA_VERSION },
  );
}

/** Brings the database up to `target` (by default the latest), one migration at a time. */
export function migrate(db: Database, target = SCHEMA_VERSION, migrations = MIGRATIONS): void {
  const current = schemaVersion(db);
  if (current > migrations.length) throw newerSchemaError(current);
  for (const migration of migrations) {
    if (migration.version <= current || migration.version > target) continue;
    writeTransaction(db, () => {
      // Another copy opening the same register may have run it while this one waited for the lock.
      if (schemaVersion(db) >= migration.version) return;
      db.exec(migration.sql);
      DATA_STEPS[migration.name]?.(db);
      db.pragma(`user_version = ${migration.version}`);
    });
  }
}

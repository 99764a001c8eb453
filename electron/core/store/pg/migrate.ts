// Schema migrations of the department register on PostgreSQL: numbered .sql files in pg-migrations/
// beside this module (named apart from SQLite's migrations/: a bundle holds both beside itself),
// all pending ones in one transaction (PostgreSQL's DDL is transactional), the version in
// reestr_schema; servers starting together wait for each other on an advisory lock.
import { fileURLToPath } from 'node:url';
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../../../shared/errors';
import { loadMigrations, type Migration } from '../../db/migrate';
import { seedRefs } from '../../db/seed';
import data from '../../../../resources/reference-data.json';
import { nameKey } from '../../../../shared/ru/normalize';
import { pgTransaction } from './pool';

export const PG_MIGRATIONS = loadMigrations(fileURLToPath(new URL('./pg-migrations/', import.meta.url)));
export const PG_SCHEMA_VERSION = PG_MIGRATIONS.length;

/** Any number: the key of the lock migrating servers take (the letters «RSTR»). */
const MIGRATION_LOCK = 0x52535452;

/** The reference lists, home region and settlement types of a new register, as the SQLite one gets them. */
async function seedReferenceData(client: PoolClient): Promise<void> {
  for (const ref of seedRefs()) {
    const settlement = ref.kind === 'city' ? (data.cities.find((c) => c.name === ref.name)?.settlement ?? null) : null;
    await client.query(
      `INSERT INTO refs (kind, parent_id, name, name_key, gender, genitive, instrumental, locative, settlement)
       VALUES ($1, (SELECT id FROM refs WHERE name_key = $2 AND kind IN ('country', 'region', 'organisation') LIMIT 1), $3, $4, $5, $6, $7, $8, $9)`,
      [ref.kind, ref.parent ? nameKey(ref.parent) : null, ref.name, nameKey(ref.name), ref.gender ?? null, ref.genitive ?? null, ref.instrumental ?? null, ref.locative ?? null, settlement],
    );
  }
  await client.query(`INSERT INTO settings (key, value) VALUES ('homeRegion', $1)`, [JSON.stringify(data.homeRegion)]);
}

const DATA_STEPS: Record<string, (client: PoolClient) => Promise<void>> = { '001_initial': seedReferenceData };

export async function pgSchemaVersion(client: PoolClient): Promise<number> {
  const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM reestr_schema');
  return rows[0]?.version ?? 0;
}

export function newerServerSchemaError(found: number): AppError {
  return new AppError(
    'db_newer',
    `База данных сервера создана более новой версией программы (версия схемы ${found}, эта версия знает до ${PG_SCHEMA_VERSION}). Обновите «Реестр сотрудничества» на сервере; база оставлена без изменений.`,
    { found, supported: PG_SCHEMA_VERSION },
  );
}

/** Brings the server's database up to the latest schema; refuses one made by a newer version. */
export async function migratePg(pool: Pool, migrations: Migration[] = PG_MIGRATIONS): Promise<void> {
  await pgTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query('CREATE TABLE IF NOT EXISTS reestr_schema (version integer NOT NULL)');
    const current = await pgSchemaVersion(client);
    if (current > migrations.length) throw newerServerSchemaError(current);
    for (const migration of migrations.filter((m) => m.version > current)) {
      await client.query(migration.sql);
      await DATA_STEPS[migration.name]?.(client);
    }
    await client.query('DELETE FROM reestr_schema');
    await client.query('INSERT INTO reestr_schema (version) VALUES ($1)', [migrations.length]);
  });
}

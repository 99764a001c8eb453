// The department server's backup: one consistent snapshot of its PostgreSQL register written as a new
// single-clerk register file, every id kept; the file opens in the desktop app as an ordinary register
// and moves back to a server with copySqliteToPg.
import { existsSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../../shared/errors';
import { indexText } from '../../../shared/ru/normalize';
import { closeDatabase, openDatabase, type Db } from '../db/connection';
import { spanClass } from '../db/event-filter';
import { makePrivateFile, privateFolder } from '../private-files';
import { newerServerSchemaError, pgSchemaVersion, PG_SCHEMA_VERSION } from '../store/pg/migrate';
import { aboutOriginal } from './sqlite-source';
import { differingTables, pgCounts, pgTableRows, sqliteChecksums, sqliteCounts, TableChecksum, type Checksums } from './rows';
import { indexedParts, TABLES, type ColumnType, type Row, type TableSpec, type TransferProgress, type TransferResult } from './tables';

/** A PostgreSQL value as SQLite keeps it (ids may come as text from a pool that does not parse them). */
const toSqlite = (value: unknown, type: ColumnType) =>
  value === null || value === undefined ? null : type === 'bool' ? (value ? 1 : 0) : type === 'int' ? Number(value) : String(value);

/** The server's register is this version's: a newer or older schema, or none, is refused. */
async function checkServerSchema(client: PoolClient): Promise<void> {
  const { rows } = await client.query<{ t: string | null }>(`SELECT to_regclass('reestr_schema')::text AS t`);
  if (!rows[0]?.t) throw new AppError('db_unavailable', 'В базе данных сервера нет реестра: укажите в --pg базу, с которой работает сервер отдела.');
  const version = await pgSchemaVersion(client);
  if (version > PG_SCHEMA_VERSION) throw newerServerSchemaError(version);
  if (version < PG_SCHEMA_VERSION) {
    throw new AppError('db_unavailable', `База данных сервера создана прежней версией программы (версия схемы ${version}): запустите сервер отдела этой версией (reestr server), он обновит базу, и повторите.`);
  }
}

interface Writer {
  sql: string;
  /** The row as the SQLite statement binds it. */
  bind(row: Row): Row;
}

function writerOf(table: TableSpec): Writer {
  const names = table.columns.map(([name]) => name);
  const place = (n: number) => Array.from({ length: n }, () => '?').join(', ');
  // span_class: the interval bucket the schema checks, made as db/events.ts makes it.
  if (table.name === 'events') {
    const start = names.indexOf('start_date');
    const end = names.indexOf('end_date');
    return { sql: `INSERT INTO events (${names.join(', ')}, span_class) VALUES (${place(names.length + 1)})`, bind: (row) => [...row, spanClass(row[start] as string, row[end] as string)] };
  }
  return { sql: `INSERT INTO ${table.name} (${names.join(', ')}) VALUES (${place(names.length)})`, bind: (row) => row };
}

export interface CopyToSqliteOptions {
  onProgress?: (progress: TransferProgress) => void;
}

/** Copies the snapshot's rows of every table into `db`, inside the caller's transactions; answers their checksums. */
async function copyTables(client: PoolClient, db: Db, total: number, onProgress?: (progress: TransferProgress) => void): Promise<Checksums> {
  // The seeded lists and home region give way to the server's own.
  db.exec('DELETE FROM refs; DELETE FROM settings;');
  const index = db.prepare<[number, string]>('INSERT INTO events_fts (rowid, body) VALUES (?, ?)');
  const checksums: Checksums = {};
  let copied = 0;
  for (const table of TABLES) {
    const writer = writerOf(table);
    const insert = db.prepare(writer.sql);
    const types = table.columns.map(([, type]) => type);
    const sum = new TableChecksum(table);
    // The texts come with their event's title: the full-text index is made of both (db/events.ts).
    const title = table.name === 'event_texts' ? ', (SELECT title FROM events e WHERE e.id = event_texts.event_id)' : '';
    for await (const rows of pgTableRows(client, table, title)) {
      for (const fetched of rows) {
        const row = types.map((type, c) => toSqlite(fetched[c], type));
        sum.add(row);
        insert.run(writer.bind(row));
        if (title) index.run(row[0] as number, indexText(...indexedParts(fetched[types.length], row)));
      }
      copied += rows.length;
      onProgress?.({ copied, total, table: table.label });
    }
    checksums[table.name] = sum.digest();
  }
  return checksums;
}


/**
 * Writes the server's register behind `pool` as the new register file `targetFile` (refused when it
 * exists), checked whole before it takes its name; the file is its user's alone.
 */
export async function copyPgToSqlite(pool: Pool, targetFile: string, options: CopyToSqliteOptions = {}): Promise<TransferResult> {
  if (existsSync(targetFile)) throw new AppError('conflict', `Файл «${targetFile}» уже существует: резервная копия сервера записывается только в новый файл.`);
  try {
    privateFolder(dirname(targetFile));
  } catch (e) {
    throw new AppError('db_unavailable', `Не удалось создать папку «${dirname(targetFile)}» для резервной копии: проверьте путь и права доступа.`, e);
  }
  const part = `${targetFile}.${process.pid}.part`;
  const removePart = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${part}${suffix}`, { force: true });
  };
  const client = await pool.connect();
  let db: Db | undefined;
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await checkServerSchema(client);
    const counts = await pgCounts(client);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    removePart();
    db = openDatabase(part, { deferCheck: true });
    for (const suffix of ['', '-wal', '-shm']) makePrivateFile(`${part}${suffix}`);
    db.exec('BEGIN IMMEDIATE');
    // A parent reference list entry may come after its child: keys are checked at the commit.
    db.pragma('defer_foreign_keys = ON');
    let checksums: Checksums;
    try {
      checksums = await copyTables(client, db, total, options.onProgress);
      db.exec('COMMIT');
    } catch (e) {
      if (db.inTransaction) db.exec('ROLLBACK');
      throw e;
    }
    await client.query('COMMIT');
    const written = sqliteCounts(db);
    // The file as written, against the snapshot: rows, checksums, and SQLite's own check of every page and index.
    const differing = TABLES.filter((t) => written[t.name] !== counts[t.name]).map((t) => t.label);
    differing.push(...differingTables(checksums, sqliteChecksums(db)).filter((label) => !differing.includes(label)));
    const check = String(db.pragma('integrity_check', { simple: true }));
    if (differing.length || check !== 'ok') {
      throw new AppError('internal', `Резервная копия сервера не прошла проверку (${differing.length ? differing.join(', ') : check.slice(0, 200)}): файл не записан.`);
    }
    closeDatabase(db);
    db = undefined;
    renameSync(part, targetFile);
    makePrivateFile(targetFile);
    return { counts, checksums };
  } catch (e) {
    await client.query('ROLLBACK').catch(() => undefined);
    if (db) closeDatabase(db);
    removePart();
    throw aboutOriginal(e, part, targetFile);
  } finally {
    client.release();
  }
}

// Rows of the register's tables read alike from either back end, and a checksum per table over them:
// a transfer is checked by the number of rows and the checksum of every table on both sides.
import { createHash, type Hash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';
import type { Db } from '../db/connection';
import { CHUNK, TABLES, type ColumnType, type Row, type TableSpec } from './tables';

/** A value as both back ends agree on it: integers as numbers, booleans as 0/1, dates and texts as text. */
export function canonical(value: unknown, type: ColumnType): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'bool') return value === true || value === 1 ? 1 : 0;
  if (type === 'int') return Number(value);
  return String(value);
}

/** SHA-256 of a table's rows in key order, each row its canonical values as a JSON line. */
export class TableChecksum {
  private readonly hash: Hash = createHash('sha256');
  private readonly types: ColumnType[];

  constructor(table: TableSpec) {
    this.types = table.columns.map(([, type]) => type);
  }

  add(row: Row): void {
    this.hash.update(`${JSON.stringify(this.types.map((type, c) => canonical(row[c], type)))}\n`);
  }

  digest(): string {
    return this.hash.digest('hex');
  }
}

export type Checksums = Record<string, string>;

/** The select list: dates as ISO text whatever the pool's parsers. */
const pgColumns = (table: TableSpec) => table.columns.map(([name, type]) => (type === 'date' ? `${name}::text` : name)).join(', ');

/**
 * A table's rows on PostgreSQL in key order, CHUNK at a time through a cursor of the client's
 * transaction; `extra` adds select expressions after the table's columns.
 */
export async function* pgTableRows(client: PoolClient, table: TableSpec, extra = ''): AsyncGenerator<Row[]> {
  await client.query(`DECLARE transfer_rows NO SCROLL CURSOR FOR SELECT ${pgColumns(table)}${extra} FROM ${table.name} ORDER BY ${table.pgOrder ?? table.order}`);
  try {
    for (;;) {
      const { rows } = await client.query<Row>({ text: `FETCH ${CHUNK} FROM transfer_rows`, rowMode: 'array' });
      if (!rows.length) return;
      yield rows;
    }
  } finally {
    await client.query('CLOSE transfer_rows');
  }
}

/** A table's rows in a SQLite register, in key order. */
export function sqliteTableRows(db: Db, table: TableSpec): IterableIterator<Row> {
  return db.prepare<[], Row>(`SELECT ${table.columns.map(([name]) => name).join(', ')} FROM ${table.name} ORDER BY ${table.order}`).raw().iterate();
}

/** The checksum of every table of the server's register, read in the client's transaction. */
export async function pgChecksums(client: PoolClient): Promise<Checksums> {
  const sums: Checksums = {};
  for (const table of TABLES) {
    const sum = new TableChecksum(table);
    for await (const rows of pgTableRows(client, table)) for (const row of rows) sum.add(row);
    sums[table.name] = sum.digest();
  }
  return sums;
}

/** The checksum of every table of a SQLite register. */
export function sqliteChecksums(db: Db): Checksums {
  const sums: Checksums = {};
  for (const table of TABLES) {
    const sum = new TableChecksum(table);
    for (const row of sqliteTableRows(db, table)) sum.add(row);
    sums[table.name] = sum.digest();
  }
  return sums;
}

/** Rows per table of a register file. */
export function sqliteCounts(db: Db): Record<string, number> {
  return Object.fromEntries(TABLES.map((t) => [t.name, db.prepare(`SELECT count(*) FROM ${t.name}`).pluck().get() as number]));
}

/** Rows per table of the server's register, in one statement. */
export async function pgCounts(client: PoolClient | Pool): Promise<Record<string, number>> {
  const { rows } = await client.query<Record<string, string>>(`SELECT ${TABLES.map((t) => `(SELECT count(*) FROM ${t.name}) AS ${t.name}`).join(', ')}`);
  return Object.fromEntries(TABLES.map((t) => [t.name, Number(rows[0]?.[t.name] ?? 0)]));
}

/** The tables whose checksums differ, by their Russian names. */
export function differingTables(a: Checksums, b: Checksums): string[] {
  return TABLES.filter((t) => a[t.name] !== b[t.name]).map((t) => t.label);
}

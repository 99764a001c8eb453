// «Перенести реестр на сервер»: a clerk's SQLite register copied whole into the department server's
// empty PostgreSQL register, in one transaction (all of it or nothing), every id kept.
import type { Pool, PoolClient } from 'pg';
import { AppError } from '../../../shared/errors';
import { migratePg } from '../store/pg/migrate';
import { pgTransaction } from '../store/pg/pool';
import { searchBody } from '../store/pg/event-filter';
import { assertEmptyPgRegister } from './pg-register';
import { differingTables, pgChecksums, pgCounts, sqliteCounts, sqliteTableRows, TableChecksum, type Checksums } from './rows';
import { openSqliteSource } from './sqlite-source';
import { CHUNK, indexedParts, TABLES, type ColumnType, type Row, type TableSpec, type TransferProgress, type TransferResult } from './tables';
import type { Db } from '../db/connection';

const PG_ARRAY: Record<ColumnType, string> = { int: 'bigint[]', text: 'text[]', bool: 'boolean[]', date: 'date[]' };

/** A SQLite value as PostgreSQL takes it. */
const toPg = (value: unknown, type: ColumnType) => (type === 'bool' ? (value === null ? null : value === 1) : value);

/** The titles of events, by id: the search text of event_texts is made of them and the texts. */
function titles(db: Db): Map<number, string> {
  return new Map(db.prepare<[], [number, string]>('SELECT id, title FROM events').raw().all());
}

/** Each event's first sphere, which the server keeps beside it for the calendar (pg-migrations/005). */
function firstSpheres(db: Db): Map<number, number> {
  const spheres = new Map<number, number>();
  for (const [event, sphere] of db.prepare<[], [number, number]>('SELECT event_id, sphere_id FROM event_spheres ORDER BY event_id, position').raw().iterate()) {
    if (!spheres.has(event)) spheres.set(event, sphere);
  }
  return spheres;
}

/** A column the server keeps and the file has not, made from a row of the file's table. */
interface OwnColumn {
  name: string;
  type: ColumnType;
  value(row: Row): unknown;
}

/** PostgreSQL's own columns by table, made as store/pg/events.ts makes them. */
function ownColumns(db: Db): Partial<Record<string, OwnColumn>> {
  const eventTitles = titles(db);
  const spheres = firstSpheres(db);
  return {
    events: { name: 'first_sphere_id', type: 'int', value: (row) => spheres.get(row[0] as number) ?? null },
    event_texts: { name: 'search_body', type: 'text', value: (row) => searchBody(...indexedParts(eventTitles.get(row[0] as number), row)) },
  };
}

interface Columns {
  names: string[];
  types: ColumnType[];
}

/** The file's columns of `table`, and the server's own after them. */
function columnsOf(table: TableSpec, own: OwnColumn | undefined): Columns {
  const names = table.columns.map(([name]) => name);
  const types = table.columns.map(([, type]) => type);
  return own ? { names: [...names, own.name], types: [...types, own.type] } : { names, types };
}

/** Writes rows as one statement: a parameter per column, an array of all its values. */
async function insertRows(client: PoolClient, table: TableSpec, columns: Columns, rows: Row[]): Promise<void> {
  const arrays = columns.names.map((_, c) => rows.map((row) => toPg(row[c], columns.types[c]!)));
  const unnest = columns.types.map((type, c) => `$${c + 1}::${PG_ARRAY[type]}`).join(', ');
  const names = columns.names.join(', ');
  await client.query(`INSERT INTO ${table.name} (${names}) SELECT * FROM unnest(${unnest}) AS u(${names})`, arrays);
}

/** Each refs row's parent, set once every row is there: a parent may come after its child. */
async function linkParents(client: PoolClient, parents: [number, number][]): Promise<void> {
  for (let i = 0; i < parents.length; i += CHUNK) {
    const part = parents.slice(i, i + CHUNK);
    await client.query(
      'UPDATE refs SET parent_id = u.parent FROM unnest($1::bigint[], $2::bigint[]) AS u(id, parent) WHERE refs.id = u.id',
      [part.map(([id]) => id), part.map(([, parent]) => parent)],
    );
  }
}

/** PostgreSQL checks every link as it is written: a file whose links SQLite let slip is refused before, in Russian. */
function assertLinksWhole(db: Db, file: string): void {
  const broken = db.prepare<[], { table: string }>('PRAGMA foreign_key_check').all();
  if (!broken.length) return;
  const tables = [...new Set(broken.map((b) => TABLES.find((t) => t.name === b.table)?.label ?? b.table))];
  throw new AppError(
    'db_damaged',
    `В файле реестра «${file}» нарушены связи между записями (${tables.join(', ')}: ${broken.length.toLocaleString('ru-RU')}): такой реестр не переносится. Восстановите его из резервной копии (reestr backups list, затем reestr restore ФАЙЛ) и повторите перенос.`,
  );
}

export interface CopyToPgOptions {
  onProgress?: (progress: TransferProgress) => void;
}

/**
 * Copies the register in `sqliteFile` into the server's database behind `pool` (migrated first),
 * which must hold a new register only. Refuses a file that is not a register, is damaged or newer,
 * and a server register already in use; the clerk's file is only read.
 */
export async function copySqliteToPg(sqliteFile: string, pool: Pool, options: CopyToPgOptions = {}): Promise<TransferResult> {
  const source = openSqliteSource(sqliteFile);
  try {
    const db = source.db;
    assertLinksWhole(db, sqliteFile);
    const counts = sqliteCounts(db);
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    await migratePg(pool);
    const own = ownColumns(db);
    let copied = 0;
    const checksums: Checksums = {};
    await pgTransaction(pool, async (client) => {
      // Nobody else writes the register while it is filled: a second transfer waits, then finds it in use.
      await client.query(`LOCK TABLE ${TABLES.map((t) => t.name).join(', ')} IN EXCLUSIVE MODE`);
      await assertEmptyPgRegister(client);
      // The seeded lists and home region give way to the file's own (nothing refers to them yet).
      await client.query('DELETE FROM refs');
      await client.query('DELETE FROM settings');
      const parents: [number, number][] = [];
      for (const table of TABLES) {
        const ownColumn = own[table.name];
        const columns = columnsOf(table, ownColumn);
        const parentAt = table.name === 'refs' ? columns.names.indexOf('parent_id') : -1;
        const sum = new TableChecksum(table);
        let rows: Row[] = [];
        const flush = async () => {
          if (!rows.length) return;
          const batch = rows;
          rows = [];
          await insertRows(client, table, columns, batch);
          copied += batch.length;
          options.onProgress?.({ copied, total, table: table.label });
        };
        // The iterator holds a read of the temporary copy across the writes: nothing else uses that connection.
        for (const row of sqliteTableRows(db, table)) {
          sum.add(row);
          if (parentAt >= 0 && row[parentAt] !== null) {
            parents.push([row[0] as number, row[parentAt] as number]);
            row[parentAt] = null;
          }
          if (ownColumn) row.push(ownColumn.value(row));
          rows.push(row);
          if (rows.length >= CHUNK) await flush();
        }
        await flush();
        checksums[table.name] = sum.digest();
        if (table.name === 'refs') await linkParents(client, parents);
        if (table.identity) {
          await client.query(
            `SELECT setval(pg_get_serial_sequence('${table.name}', '${table.identity}'), coalesce(max(${table.identity}), 0) + 1, false) FROM ${table.name}`,
          );
        }
      }
      // Checked before the commit: the rows as the server now holds them, against the file's.
      const written = await pgCounts(client);
      const differing = TABLES.filter((t) => written[t.name] !== counts[t.name]).map((t) => t.label);
      differing.push(...differingTables(checksums, await pgChecksums(client)).filter((label) => !differing.includes(label)));
      if (differing.length) {
        throw new AppError('internal', `Перенос не сошёлся с файлом по числу строк или контрольной сумме (${differing.join(', ')}): база сервера оставлена без изменений.`);
      }
    });
    // What autovacuum would do in a while, done now: the planner's statistics of the new rows, and
    // the visibility map that lets PostgreSQL count from an index without reading every row.
    await pool.query('VACUUM ANALYZE');
    return { counts, checksums };
  } finally {
    source.dispose();
  }
}


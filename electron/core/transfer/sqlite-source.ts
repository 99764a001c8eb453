// The clerk's register as a transfer reads it: checked where it lies (a newer or foreign file refused
// untouched), then copied with its logs into a temporary folder, where the start-up check reads every
// page and the migrations bring an older schema up to date. The clerk's file is never written.
import { copyFileSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { checkExisting, closeDatabase, damagedError, openDatabase, type Db } from '../db/connection';
import { openSqlite } from '../db/sqlite';
import { TABLES } from './tables';

export interface SqliteSource {
  db: Db;
  /** Closes the copy and removes its folder. */
  dispose(): void;
}

/** An error about a working file (a temporary copy, a backup being written), told of the file the user named. */
export function aboutOriginal(e: unknown, copy: string, file: string): unknown {
  if (!(e instanceof AppError)) return e;
  return new AppError(e.code, e.message.replaceAll(copy, file), e.details);
}

/** SQLite's integrity_check of the copy, on a connection that only reads. */
function integrityOf(copy: string, file: string): string {
  let probe: Db | undefined;
  try {
    probe = openSqlite(copy, { readonly: true, fileMustExist: true });
    return String(probe.pragma('integrity_check', { simple: true }));
  } catch (e) {
    throw new AppError('db_damaged', `Файл «${file}» не является базой данных Реестра или повреждён.`, e);
  } finally {
    probe?.close();
  }
}

/** A file whose schema version says «register» but whose tables are not a register's is refused, naming them. */
function assertRegisterTables(db: Db, file: string): void {
  const columns = db.prepare<[string], string>('SELECT name FROM pragma_table_info(?)').pluck();
  const missing = TABLES.filter((t) => {
    const present = new Set(columns.all(t.name));
    return t.columns.some(([name]) => !present.has(name));
  }).map((t) => t.label);
  if (missing.length) {
    throw new AppError('db_damaged', `Файл «${file}» не является реестром программы «Реестр» или повреждён: в нём нет таблиц или их столбцов (${missing.join(', ')}).`);
  }
}

export function openSqliteSource(file: string): SqliteSource {
  let isFile = false;
  try {
    isFile = statSync(file).isFile();
  } catch {
    // told below
  }
  if (!isFile) throw new AppError('not_found', `Файл реестра «${file}» не найден.`);
  checkExisting(file);
  const folder = mkdtempSync(join(tmpdir(), 'reestr-transfer-'));
  const copy = join(folder, basename(file));
  let db: Db | undefined;
  try {
    // The logs too: changes a running app has not yet checkpointed live in «-wal».
    for (const suffix of ['', '-wal', '-journal']) {
      if (!existsSync(`${file}${suffix}`)) continue;
      try {
        copyFileSync(`${file}${suffix}`, `${copy}${suffix}`);
      } catch (e) {
        throw new AppError('db_unavailable', `Не удалось прочитать файл реестра «${file}${suffix}»: нет доступа к нему или нет места во временной папке.`, e);
      }
    }
    // Every page and index read before the migrations write to the copy; then no upkeep (its timer
    // would checkpoint while a transfer's read is open).
    const found = integrityOf(copy, file);
    if (found !== 'ok') throw damagedError(copy, found);
    db = openDatabase(copy, { deferCheck: true });
    assertRegisterTables(db, file);
    const opened = db;
    return {
      db: opened,
      dispose() {
        closeDatabase(opened);
        rmSync(folder, { recursive: true, force: true });
      },
    };
  } catch (e) {
    if (db) closeDatabase(db);
    rmSync(folder, { recursive: true, force: true });
    throw aboutOriginal(e, copy, file);
  }
}

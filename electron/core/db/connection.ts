// Opens the register's SQLite file: refuses newer or foreign files untouched, then migrates.
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/ru/normalize';
import { migrate, newerSchemaError, SCHEMA_VERSION, schemaVersion } from './migrate';

export type Db = Database.Database;

function unavailable(file: string, cause: unknown): AppError {
  const code = (cause as { code?: string } | null)?.code ?? '';
  if (code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT') {
    return new AppError('db_unavailable', `Файл «${file}» не является базой данных Реестра или повреждён.`, cause);
  }
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) {
    return new AppError('db_unavailable', `База данных «${file}» занята: её использует другая запущенная копия Реестра или другая программа. Закройте её и повторите.`, cause);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new AppError('db_unavailable', `База данных «${file}» доступна только для чтения (диск или флешка защищены от записи, или нет прав на запись): Реестр не может в неё писать. Перенесите файл на диск, доступный для записи, или снимите защиту, и повторите.`, cause);
  }
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') {
    return new AppError('db_unavailable', `На диске, где лежит база данных «${file}», нет свободного места. Освободите место и повторите.`, cause);
  }
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM') {
    return new AppError('db_unavailable', `Не удалось открыть базу данных «${file}» для записи: проверьте путь и права доступа.`, cause);
  }
  return new AppError('db_unavailable', `Не удалось открыть базу данных «${file}».`, cause);
}

export interface OpenOptions {
  /** Runs before pending migrations of an existing register (version 1 or later): a backup. Throws to stop them. */
  beforeMigrate?: (db: Db) => void;
  /**
   * The caller runs the start-up check itself (quickCheckInWorker), and then startUpkeep: nothing is
   * written before it passes. For the app, whose window loads meanwhile. A register to migrate is
   * checked here all the same.
   */
  deferCheck?: boolean;
}

/** The start-up check's verdict on a damaged register: never written to, restored from a backup. */
export function damagedError(file: string, check: string): AppError {
  return new AppError('db_damaged', `База данных «${file}» повреждена (${check.slice(0, 200)}): программа в неё не пишет. Восстановите её из резервной копии: reestr backups list, затем reestr restore ФАЙЛ.`);
}

/** Reads the schema version without writing a byte, so a refused file stays exactly as it was. */
function checkExisting(file: string): void {
  let probe: Db | undefined;
  try {
    probe = openSqlite(file, { readonly: true, fileMustExist: true });
    const version = probe.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) throw newerSchemaError(version);
    const objects = probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
    if (version === 0 && objects > 0) {
      throw new AppError('db_unavailable', `Файл «${file}» — база данных другой программы, а не Реестра. Файл оставлен без изменений.`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unavailable(file, e);
  } finally {
    probe?.close();
  }
}

// Checkpoints (copying the log into the database file) run between the user's actions, not inside
// the commit of a large import: by the timer below, at close, and by SQLite past a large log.
const CHECKPOINT_EVERY_MS = 20_000;
const AUTO_CHECKPOINT_PAGES = 20_000; // 80 MB of log: several imports of 10,000 events
const checkpointers = new WeakMap<Db, NodeJS.Timeout>();

function checkpointWhenIdle(db: Db): void {
  const timer = setInterval(() => {
    if (db.open && !db.inTransaction) db.pragma('wal_checkpoint(PASSIVE)');
  }, CHECKPOINT_EVERY_MS);
  timer.unref(); // a command-line run ends when its work does
  checkpointers.set(db, timer);
}

/**
 * The connection's upkeep, which writes: checkpoints between actions, and statistics for the planner
 * (as SQLite advises for long-lived connections; cheap when nothing changed, a table scan when much did).
 * A deferred check starts it once the register passed.
 */
export function startUpkeep(db: Db): void {
  checkpointWhenIdle(db);
  db.pragma('optimize = 0x10002');
}

/** Refreshes the planner's statistics where the data changed much, then closes (SQLite checkpoints then). */
export function closeDatabase(db: Db): void {
  const upkeep = checkpointers.get(db);
  clearInterval(upkeep);
  if (!db.open) return;
  // A register not (yet) found sound is closed without a write.
  if (upkeep) db.pragma('optimize');
  db.close();
}

export function openDatabase(file: string, options: OpenOptions = {}): Db {
  // better-sqlite3 takes '' for a temporary database: everything written would be lost.
  if (file.trim() === '') throw new AppError('bad_request', 'Не указан файл базы данных.');
  if (file !== ':memory:') {
    if (existsSync(file)) checkExisting(file);
    else {
      try {
        mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
      } catch (e) {
        throw unavailable(file, e);
      }
    }
  }
  let db: Db | undefined;
  try {
    db = openSqlite(file);
    const version = schemaVersion(db);
    // A damaged register is never written to: the user is told, and offered a backup.
    if (file !== ':memory:' && (!options.deferCheck || (version >= 1 && version < SCHEMA_VERSION))) {
      const check = String(db.pragma('quick_check', { simple: true }));
      if (check !== 'ok') throw damagedError(file, check);
    }
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    // 64 MB of page cache: a batch of 10,000 events stays in memory until its commit.
    db.pragma('cache_size = -65536');
    // SQLite's lower() folds only ASCII: Russian names are compared after folding here.
    db.function('fold', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? nameKey(text) : null));
    if (options.beforeMigrate && file !== ':memory:' && version >= 1 && version < SCHEMA_VERSION) options.beforeMigrate(db);
    migrate(db);
    // WAL only once the file is surely ours: switching rewrites its header.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma(`wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`);
    if (!options.deferCheck) startUpkeep(db);
    return db;
  } catch (e) {
    db?.close();
    if (e instanceof AppError) throw e;
    throw unavailable(file, e);
  }
}

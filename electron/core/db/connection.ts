// Opens the register's SQLite file: refuses newer, foreign or damaged files untouched, then migrates.
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32 } from 'node:zlib';
import type Database from 'better-sqlite3';
import { openSqlite } from './sqlite';
import { storageKind, type StorageKind } from '../fs-reason';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/ru/normalize';
import { migrate, newerSchemaError, SCHEMA_VERSION, schemaVersion } from './migrate';

export type Db = Database.Database;

function unavailable(file: string, cause: unknown): AppError {
  const messages: Record<StorageKind, string> = {
    damaged: `Файл «${file}» не является базой данных Реестра или повреждён.`,
    locked: `База данных «${file}» занята: её использует другая запущенная копия Реестра или другая программа. Закройте её и повторите.`,
    readonly: `База данных «${file}» доступна только для чтения (диск или флешка защищены от записи, или нет прав на запись): Реестр не может в неё писать. Перенесите файл на диск, доступный для записи, или снимите защиту, и повторите.`,
    full: `На диске, где лежит база данных «${file}», нет свободного места. Освободите место и повторите.`,
    cantopen: `Не удалось открыть базу данных «${file}» для записи: проверьте путь и права доступа.`,
  };
  const kind = storageKind(cause);
  return new AppError('db_unavailable', kind ? messages[kind] : `Не удалось открыть базу данных «${file}».`, cause);
}

export interface OpenOptions {
  /** Runs before pending migrations of an existing register (version 1 or later): a backup. Throws to stop them. */
  beforeMigrate?: (db: Db) => void;
  /**
   * The caller has run the start-up check itself, before this (startupCheck and checkInWorker: the
   * app, which goes on serving meanwhile), and starts the upkeep (startUpkeep) once it has the register.
   */
  deferCheck?: boolean;
}

/** The start-up check's verdict on a damaged register: never written to, restored from a backup. */
export function damagedError(file: string, check: string): AppError {
  return new AppError('db_damaged', `База данных «${file}» повреждена (${check.replace(/\s+/g, ' ').slice(0, 200)}): программа в неё не пишет. Восстановите её из резервной копии: reestr backups list, затем reestr restore ФАЙЛ.`);
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

/** A file beside the register is there and not empty: a log SQLite would read with it. */
function besideWithContent(file: string, suffix: string): boolean {
  try {
    return statSync(`${file}${suffix}`).size > 0;
  } catch {
    return false;
  }
}

/**
 * What the file's first page says: its schema version and whether it holds any table. Read as bytes,
 * with no SQLite connection: opening one, even read-only, makes «-wal» and «-shm» files beside a
 * WAL-mode file, and a refused file's folder is to stay exactly as it was. Null when a log beside it
 * holds changes the first page may not show yet.
 */
function readHeader(file: string): { version: number; empty: boolean } | null {
  if (besideWithContent(file, '-wal') || besideWithContent(file, '-journal')) return null;
  const head = Buffer.alloc(108);
  const fd = openSync(file, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length === 0) return { version: 0, empty: true }; // SQLite takes an empty file for an empty database
  if (length < head.length || !head.subarray(0, 16).equals(SQLITE_MAGIC)) throw Object.assign(new Error('file is not a database'), { code: 'SQLITE_NOTADB' });
  // The schema table's page follows the header: a leaf (0x0d) with no cells when there are no tables.
  return { version: head.readUInt32BE(60), empty: head[100] === 0x0d && head.readUInt16BE(103) === 0 };
}

/** Reads the schema version without writing or creating a byte, so a refused file and its folder stay as they were. */
export function checkExisting(file: string): void {
  let probe: Db | undefined;
  try {
    let header = readHeader(file);
    if (!header) {
      // Its log is there already: a read-only connection adds nothing, and reads what the log holds.
      probe = openSqlite(file, { readonly: true, fileMustExist: true });
      const objects = probe.prepare('SELECT count(*) FROM sqlite_schema').pluck().get() as number;
      header = { version: probe.pragma('user_version', { simple: true }) as number, empty: objects === 0 };
    }
    if (header.version > SCHEMA_VERSION) throw newerSchemaError(header.version);
    if (header.version === 0 && !header.empty) {
      throw new AppError('db_unavailable', `Файл «${file}» — база данных другой программы, а не Реестра. Файл оставлен без изменений.`);
    }
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw unavailable(file, e);
  } finally {
    probe?.close();
  }
}

// The start-up check. SQLite's quick_check reads every page but misses an index that disagrees with
// its table (a flipped byte in an index page); integrity_check sees that, at about three times the
// cost (100,000 events: 0.28 s against 0.88 s). So a clean close notes the file as it left it (size
// and CRC-32, in «<register>-checked»), and the next start runs integrity_check only when the file
// differs from that note or a log beside it holds changes: after a crash, a copy, a hand edit, disk
// damage. A file byte for byte as a checked session left it needs no check (the CRC reads it in
// 0.09 s), so a healthy start is faster than quick_check was.

/** The note of the register's state at its last clean close. */
export const CHECKED_SUFFIX = '-checked';

interface CheckedNote {
  size: number;
  crc32: number;
}

function fingerprint(file: string): CheckedNote {
  const fd = openSync(file, 'r');
  const chunk = Buffer.allocUnsafe(1 << 20);
  let crc = 0;
  let size = 0;
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0; size += n) crc = crc32(chunk.subarray(0, n), crc);
  } finally {
    closeSync(fd);
  }
  return { size, crc32: crc };
}

/** The check a register needs before anything is written to it: none when it is as a clean close left it. */
export function startupCheck(file: string): 'integrity_check' | null {
  if (besideWithContent(file, '-wal') || besideWithContent(file, '-journal')) return 'integrity_check';
  let note: Partial<CheckedNote>;
  try {
    note = JSON.parse(readFileSync(`${file}${CHECKED_SUFFIX}`, 'utf8')) as Partial<CheckedNote>;
  } catch {
    return 'integrity_check';
  }
  try {
    if (statSync(file).size !== note.size) return 'integrity_check';
    const now = fingerprint(file);
    return now.size === note.size && now.crc32 === note.crc32 ? null : 'integrity_check';
  } catch {
    return 'integrity_check'; // unreadable: the check says how
  }
}

/** Notes the register's state after a clean close, when it is whole in its file (no other connection keeps a log). */
function noteChecked(file: string): void {
  const note = `${file}${CHECKED_SUFFIX}`;
  try {
    if (existsSync(`${file}-wal`) || existsSync(`${file}-journal`)) return;
    const temporary = `${note}.${process.pid}`;
    writeFileSync(temporary, JSON.stringify(fingerprint(file)), { mode: 0o600 });
    renameSync(temporary, note);
  } catch {
    // Without the note the next start checks in full.
    try {
      rmSync(note, { force: true });
    } catch {
      // then the note is older than the file, and does not match it
    }
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

/**
 * Refreshes the planner's statistics where the data changed much, then closes (SQLite checkpoints
 * then), and notes the file as this checked session leaves it.
 */
export function closeDatabase(db: Db): void {
  const upkeep = checkpointers.get(db);
  clearInterval(upkeep);
  checkpointers.delete(db);
  if (!db.open) return;
  if (damaged.has(db) && !db.memory) return closeWithoutCheckpoint(db);
  // A register not (yet) found sound is closed without a write.
  if (upkeep) db.pragma('optimize');
  db.close();
  if (upkeep && !db.memory) noteChecked(db.name);
}

const damaged = new WeakSet<Db>();

/**
 * A register found damaged while open: its upkeep stops, it is closed without the checkpoint that
 * would copy its log into the damaged file (the log stays beside it), and the note of its last clean
 * close is dropped, so whoever opens it next checks it in full and refuses it.
 */
export function markDamaged(db: Db): void {
  clearInterval(checkpointers.get(db));
  checkpointers.delete(db);
  damaged.add(db);
  if (db.memory) return;
  try {
    rmSync(`${db.name}${CHECKED_SUFFIX}`, { force: true });
  } catch {
    // a note that cannot be removed no longer matches the file once the session wrote to it
  }
}

/**
 * Closes without checkpointing: SQLite checkpoints only when the closing connection is the file's
 * last, so a read-only one (which never checkpoints) holds a read open meanwhile.
 */
function closeWithoutCheckpoint(db: Db): void {
  let holder: Db | undefined;
  try {
    holder = openSqlite(db.name, { readonly: true, fileMustExist: true, timeout: 0 });
    holder.exec('BEGIN');
    holder.prepare('SELECT count(*) FROM sqlite_schema').pluck().get();
  } catch {
    // unreadable: SQLite cannot checkpoint into it either
  }
  try {
    db.close();
  } finally {
    holder?.close();
  }
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
    // A damaged register is never written to: the user is told, and offered a backup.
    const check = file !== ':memory:' && !options.deferCheck ? startupCheck(file) : null;
    db = openSqlite(file);
    if (check) {
      const found = String(db.pragma(check, { simple: true }));
      if (found !== 'ok') throw damagedError(file, found);
    }
    const version = schemaVersion(db);
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

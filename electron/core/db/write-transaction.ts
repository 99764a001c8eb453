// The one way the back end writes several statements at once: a transaction that takes the write lock first.
import type { Database } from 'better-sqlite3';

/**
 * Runs `fn` in one transaction begun with BEGIN IMMEDIATE and returns its result; inside another
 * transaction it is a savepoint of that one.
 *
 * Why not a plain (deferred) BEGIN: in WAL mode such a transaction starts as a reader and asks for
 * the write lock only at its first write. If another connection (the CLI, a second window) holds
 * that lock or has committed since our first read, SQLite refuses at once with SQLITE_BUSY (or
 * SQLITE_BUSY_SNAPSHOT): it never calls the busy handler on that upgrade, so `busy_timeout` does not
 * help. BEGIN IMMEDIATE asks for the write lock before reading anything, where SQLite does wait up to
 * `busy_timeout` for the other writer to finish. ESLint (eslint.config.js) keeps `.transaction()`
 * out of electron/ elsewhere.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  return db.transaction(fn).immediate();
}

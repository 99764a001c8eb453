// Every SQLite file the app opens goes through here, so the native module for the runtime is chosen once.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * better-sqlite3's native module built for Electron's ABI: `npm start` in a checkout builds one and
 * the shell names it here once; Node (the CLI, the tests) and a packaged app use the default.
 */
export function useSqliteBinding(path: string | undefined): void {
  nativeBinding = path || undefined;
}

/** The binding named by useSqliteBinding, for a worker thread that opens the register on its own. */
export function sqliteBinding(): string | undefined {
  return nativeBinding;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { nativeBinding, ...options });
}

// A script, not a module file: it runs the same from the sources (tsx) and from the shell's bundle.
const CHECK = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.module);
let db;
try {
  db = new Database(workerData.file, { readonly: true, fileMustExist: true, nativeBinding: workerData.nativeBinding });
  parentPort.postMessage({ result: String(db.pragma(workerData.check, { simple: true })) });
} catch (e) {
  parentPort.postMessage({ error: String(e && e.message), code: e && e.code });
} finally {
  if (db) db.close();
}`;

/** An error of SQLite's, as the worker reports it: its message and code, as openers classify them. */
class SqliteFailure extends Error {
  constructor(message: string, readonly code: string | undefined) {
    super(message);
  }
}

/**
 * SQLite's check of a file (each reads all of it; for 100,000 events quick_check takes 0.3 s and
 * integrity_check, which also matches every index to its table, 0.9 s) on its own read-only connection
 * in a worker thread, so the process goes on serving while it runs. Resolves to SQLite's answer: 'ok',
 * or what is wrong.
 */
export function checkInWorker(file: string, check: 'quick_check' | 'integrity_check'): Promise<string> {
  const module = createRequire(import.meta.url).resolve('better-sqlite3');
  return new Promise((resolve, reject) => {
    const worker = new Worker(CHECK, { eval: true, workerData: { module, file, nativeBinding, check } });
    worker.once('message', (m: { result?: string; error?: string; code?: string }) =>
      m.result === undefined ? reject(new SqliteFailure(m.error ?? check, m.code)) : resolve(m.result),
    );
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`${check}: the worker stopped (${code})`)));
  });
}

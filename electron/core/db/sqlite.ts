// Every SQLite file the app opens goes through here, so the native module for the runtime is chosen once.
import Database from 'better-sqlite3';

let nativeBinding: string | undefined;

/**
 * better-sqlite3's native module built for Electron's ABI: `npm start` in a checkout builds one and
 * the shell names it here once; Node (the CLI, the tests) and a packaged app use the default.
 */
export function useSqliteBinding(path: string | undefined): void {
  nativeBinding = path || undefined;
}

export function openSqlite(file: string, options: Database.Options = {}): Database.Database {
  return new Database(file, { nativeBinding, ...options });
}

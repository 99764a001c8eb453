// The open register: the storage interface over a database connection, and the caller's name and clock.
import { userInfo } from 'node:os';
import { basename, dirname } from 'node:path';
import { APP_FOLDER } from './paths';
import { makePrivateFile, privateFolder } from './private-files';
import { backupBeforeMigration } from './services/backup-snapshot';
import { closeDatabase, openDatabase, type OpenOptions } from './db/connection';
import { sqliteStore, type SqliteStore } from './store/sqlite';
import type { Store } from './store/types';
import type { CallContext } from '../../shared/api';
import type { Role } from '../../shared/schema/account';

/** The register as the services see it: a store, and who calls and when (recorded in every change). */
export interface Core extends Store {
  /** The caller: the OS account on a clerk's PC, the login on the department server. */
  user: string;
  now: () => string;
  /** The caller's role on the department server; none on a clerk's own register. */
  role?: Role;
}

/** One clerk's register: a core over a SQLite file, with what only a file has (backups, the start-up check). */
export interface LocalCore extends Core, SqliteStore {
  file: string;
}

/** The register as one call sees it: the caller's name and the call's time recorded in every change it makes. */
export function asCaller<C extends Core>(core: C, context: CallContext): C {
  if (!context.user && !context.now && !context.role) return core;
  const now = context.now ?? core.now();
  return Object.create(core, { user: { value: context.user ?? core.user }, now: { value: () => now }, role: { value: context.role ?? core.role } }) as C;
}

function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'неизвестный пользователь';
  }
}

/** The data folder for its user alone: created so, and our own «Reestr» folder set so if it exists. */
function protectDataFolder(file: string): void {
  const folder = dirname(file);
  try {
    privateFolder(folder, { chmodExisting: basename(folder) === APP_FOLDER });
  } catch {
    // Opening the database tells the user what is wrong with the folder.
  }
}

export function openCore(file: string, options: OpenOptions = {}): LocalCore {
  if (file !== ':memory:') protectDataFolder(file);
  // Every schema migration of an existing register is preceded by a checked backup.
  const db = openDatabase(file, { beforeMigrate: (opened) => void backupBeforeMigration(opened, file), ...options });
  if (file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) makePrivateFile(`${file}${suffix}`);
  // The store's methods take `this` (the caller's core) as their transaction's view: typed for any core.
  return { ...sqliteStore(db), file, user: osUserName(), now: () => new Date().toISOString() } as LocalCore;
}


export function closeCore(core: LocalCore): void {
  closeDatabase(core.db);
}

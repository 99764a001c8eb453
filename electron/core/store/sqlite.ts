// The SQLite adapter of the storage interface: the table modules of db/ (prepared statements over one
// synchronous connection) answering as promises, and transactions serialised on that connection.
import type { Db } from '../db/connection';
import { createAgreementsRepo } from '../db/agreements';
import { createBatchesRepo } from '../db/batches';
import { createChangeLog } from '../db/changelog';
import { createEventsRepo } from '../db/events';
import { createProfilesRepo } from '../db/profiles';
import { createReportDraftsRepo } from '../db/report-drafts';
import { createRefsRepo } from '../db/refs';
import { createSettingsRepo } from '../db/settings';
import { createStatsRepo } from '../db/stats';
import type { Repos, SettingsStore, Store } from './types';

/** A synchronous table module's methods as the interface's: each answers a promise, a throw becomes a rejection. */
type Promised<T> = { [K in keyof T]: T[K] extends (...args: infer A) => infer R ? (...args: A) => Promise<R> : never };

/** A synchronous answer as a promise: a throw becomes a rejection. */
function answer<R>(run: () => R): Promise<R> {
  try {
    return Promise.resolve(run());
  } catch (e) {
    return Promise.reject(e);
  }
}

function promised<T extends object>(repo: T): Promised<T> {
  const methods = Object.entries(repo).map(([name, method]: [string, (...args: unknown[]) => unknown]) => [name, (...args: unknown[]) => answer(() => method(...args))]);
  return Object.fromEntries(methods) as Promised<T>;
}

function settingsStore(db: Db): SettingsStore {
  const settings = createSettingsRepo(db);
  // get is generic, which a mapped type cannot carry: written out.
  return { get: <T>(key: string) => answer(() => settings.get<T>(key)), ...promised({ set: settings.set, delete: settings.delete }) };
}

export interface SqliteStore extends Store {
  /** The connection itself: what only a file register has (backups, the start-up check, upkeep). */
  readonly db: Db;
}

/**
 * The register in one SQLite file. A transaction begins IMMEDIATE (db/write-transaction.ts says why)
 * and holds the connection until it ends, so transactions wait for each other in turn. Its function
 * should not wait on anything but the store: every read of this connection meanwhile (another call's)
 * would see its uncommitted writes. The services keep to this (they read files before, not during).
 */
export function sqliteStore(db: Db): SqliteStore {
  const repos: Repos = {
    refs: promised(createRefsRepo(db)),
    events: promised(createEventsRepo(db)),
    agreements: promised(createAgreementsRepo(db)),
    batches: promised(createBatchesRepo(db)),
    profiles: promised(createProfilesRepo(db)),
    drafts: promised(createReportDraftsRepo(db)),
    stats: promised(createStatsRepo(db)),
    settings: settingsStore(db),
    log: promised(createChangeLog(db)),
  };
  let turn: Promise<unknown> = Promise.resolve();
  let savepoints = 0;

  async function savepoint<S extends Store, T>(this: S, fn: (tx: S) => Promise<T>): Promise<T> {
    const name = `s${++savepoints}`;
    db.exec(`SAVEPOINT ${name}`);
    try {
      const result = await fn(this);
      db.exec(`RELEASE ${name}`);
      return result;
    } catch (e) {
      if (db.inTransaction) db.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw e;
    }
  }

  return {
    dialect: 'sqlite',
    db,
    ...repos,
    transaction<S extends Store, T>(this: S, fn: (tx: S) => Promise<T>): Promise<T> {
      // The transaction sees the caller's store (its user and time), its own transactions savepoints.
      const tx = Object.create(this, { transaction: { value: savepoint } }) as S;
      const run = async () => {
        db.exec('BEGIN IMMEDIATE');
        try {
          const result = await fn(tx);
          db.exec('COMMIT');
          return result;
        } catch (e) {
          if (db.inTransaction) db.exec('ROLLBACK');
          throw e;
        }
      };
      const result = turn.then(run, run);
      turn = result.catch(() => undefined);
      return result;
    },
  } as SqliteStore;
}

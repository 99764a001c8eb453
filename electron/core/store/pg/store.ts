// The PostgreSQL adapter of the storage interface: the table modules of store/pg/ over the pool, and
// transactions each on one connection of it.
import type { Pool, PoolClient } from 'pg';
import type { Repos, Store } from '../types';
import { pgAgreements } from './agreements';
import { pgBatches } from './batches';
import { pgChangeLog } from './changelog';
import { pgDrafts } from './drafts';
import { pgEvents } from './events';
import { pgProfiles } from './profiles';
import { pgRefs } from './refs';
import { prepared, type Queryable } from './sql';
import { pgSettings } from './settings';
import { pgStats } from './stats';

export function pgRepos(db: Queryable): Repos {
  return {
    refs: pgRefs(db),
    events: pgEvents(db),
    agreements: pgAgreements(db),
    batches: pgBatches(db),
    profiles: pgProfiles(db),
    drafts: pgDrafts(db),
    stats: pgStats(db),
    settings: pgSettings(db),
    log: pgChangeLog(db),
  };
}

export interface PgStore extends Store {
  /** The pool itself: what only the server has (accounts, sessions, its own upkeep). */
  readonly pool: Pool;
}

/** How often a transaction is run again after PostgreSQL gave it up for a concurrent one's sake. */
export const MAX_ATTEMPTS = 10;

/** Serialization failure, deadlock: the transaction lost a race and may be run again whole. */
const RETRYABLE = new Set(['40001', '40P01']);

export function isRetryable(e: unknown): boolean {
  return typeof e === 'object' && e !== null && RETRYABLE.has(String((e as { code?: unknown }).code));
}

/** The advisory lock every write transaction of the register holds (an arbitrary key of Reestr's own). */
const WRITER_LOCK = 0x5265_6573; // «Rees»

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The register on a PostgreSQL server. A transaction runs `fn` on one connection at SERIALIZABLE:
 * the services read, check and then write (the version a clerk saw, an import's duplicates, a
 * reference looked up before it is added, the usage counted before a merge), and only SERIALIZABLE
 * makes each of those checks hold at commit against every concurrent transaction; REPEATABLE READ
 * would catch two updates of one row but not two imports each finding no duplicate of the other.
 * PostgreSQL gives up one of two transactions that cannot be ordered (40001), or breaks a deadlock
 * (40P01); `fn` is then run again whole, on a fresh snapshot, a few times. So `fn` must do nothing
 * but through its `tx` (the services keep to this: they read files before, not during). A
 * transaction begun on `tx` is a savepoint of the outer one.
 *
 * Writers also take one advisory lock, so they go one after another, as on a SQLite file: a
 * department's writes take milliseconds, and twenty clerks' bulk changes of the same events would
 * otherwise give each other up (40001) faster than a retry could get through. Reads, outside
 * transactions, go on meanwhile; SERIALIZABLE and the retries stay as the guarantee.
 */
export function pgStore(pool: Pool): PgStore {
  async function attempt<S extends Store, T>(outer: S, fn: (tx: S) => Promise<T>): Promise<T> {
    const client: PoolClient = await pool.connect();
    let savepoints = 0;
    async function savepoint<U>(this: S, inner: (tx: S) => Promise<U>): Promise<U> {
      const name = `s${++savepoints}`;
      await client.query(`SAVEPOINT ${name}`);
      try {
        const result = await inner(this);
        await client.query(`RELEASE SAVEPOINT ${name}`);
        return result;
      } catch (e) {
        await client.query(`ROLLBACK TO SAVEPOINT ${name}`).catch(() => undefined);
        throw e;
      }
    }
    const bound = Object.fromEntries(Object.entries(pgRepos(prepared(client))).map(([name, repo]) => [name, { value: repo }]));
    // The transaction sees the caller's store (its user and time), bound to this connection.
    const tx = Object.create(outer, { ...bound, transaction: { value: savepoint } }) as S;
    let broken: Error | undefined;
    let locked = false;
    try {
      // Taken before BEGIN: the transaction's snapshot is then made after the writer before it committed.
      await client.query('SELECT pg_advisory_lock($1)', [WRITER_LOCK]);
      locked = true;
      await client.query('BEGIN ISOLATION LEVEL SERIALIZABLE');
      const result = await fn(tx);
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch((failed: unknown) => {
        broken = failed instanceof Error ? failed : new Error(String(failed));
      });
      throw e;
    } finally {
      if (locked && !broken) {
        await client.query('SELECT pg_advisory_unlock($1)', [WRITER_LOCK]).catch((failed: unknown) => {
          broken = failed instanceof Error ? failed : new Error(String(failed));
        });
      }
      // A connection that could not roll back is dropped, not handed to the next caller.
      client.release(broken);
    }
  }

  return {
    dialect: 'postgres',
    pool,
    ...pgRepos(prepared(pool)),
    async transaction<S extends Store, T>(this: S, fn: (tx: S) => Promise<T>): Promise<T> {
      for (let n = 1; ; n++) {
        try {
          return await attempt(this, fn);
        } catch (e) {
          if (n >= MAX_ATTEMPTS || !isRetryable(e)) throw e;
          // A short random pause, longer each time, so that the two do not meet again at once.
          await pause(Math.random() * 10 * 2 ** Math.min(n, 7));
        }
      }
    },
  } as PgStore;
}

// The department register: a core over a PostgreSQL database, the caller's login and the server's clock.
import type { Core } from '../../core';
import { openPool } from './pool';
import { pgStore, type PgStore } from './store';

export interface PgCore extends Core, PgStore {
  /** Ends every connection of the pool. */
  close(): Promise<void>;
}

export interface PgCoreOptions {
  /** The caller: the login on the department server. */
  user: string;
  /** Connections at most. */
  connections?: number;
  /**
   * Hears of an idle connection the server dropped (a restart, a network cut): the pool lets it go
   * and opens another when next asked. Without a listener the pool's 'error' would end the process.
   */
  onError?: (e: Error) => void;
}

/** A core over the database at `url`, whose schema migratePg has brought up to date. */
export function openPgCore(url: string, options: PgCoreOptions): PgCore {
  const pool = openPool(url, options.connections);
  pool.on('error', options.onError ?? (() => undefined));
  // The store's methods take `this` (the caller's core) as their transaction's view: typed for any core.
  return { ...pgStore(pool), user: options.user, now: () => new Date().toISOString(), close: () => pool.end() } as PgCore;
}

// One test suite, two back ends: a describe block run once over a SQLite file (openCore) and once over
// a real PostgreSQL database (openPgCore), the same tests giving each an empty register. PostgreSQL:
// one throwaway cluster per test file (tests/support/postgres.ts), a template database migrated once
// by migratePg, and a fresh copy of it for every register a test asks for.
import { join } from 'node:path';
import { userInfo } from 'node:os';
import type { Pool } from 'pg';
import { afterAll, afterEach, beforeAll, describe } from 'vitest';
import { closeCore, openCore, type Core, type LocalCore } from '../../electron/core/core';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { openPool } from '../../electron/core/store/pg/pool';
import { openPgCore, type PgCore } from '../../electron/core/store/pg/core';
import { tempDir } from '../helpers';
import { startPostgres, type TestPostgres } from './postgres';

export type BackendName = 'sqlite' | 'postgres';

export interface Backend {
  name: BackendName;
  /** A new register with its reference data and nothing else, closed after the test. */
  core(): Promise<Core>;
  /** Another connection to the register of `core`, calling as `user` (a second clerk), closed after the test. */
  peer(core: Core, user: string): Promise<Core>;
  /** Rows of a plain SELECT with `?` parameters, read straight from the register's tables. */
  all<T = Record<string, unknown>>(core: Core, sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** The first column of those rows. */
  pluck<T = unknown>(core: Core, sql: string, params?: readonly unknown[]): Promise<T[]>;
}

const TEMPLATE = 'reestr_template';

/** The cluster of this test file, started by the first PostgreSQL block and stopped after the file. */
let cluster: { server: TestPostgres; admin: Pool } | undefined;
let databases = 0;

afterAll(async () => {
  if (!cluster) return;
  const { server, admin } = cluster;
  cluster = undefined;
  await admin.end();
  server.stop();
}, 120_000);

const databaseUrl = (server: TestPostgres, name: string) => `postgres://reestr@/${name}?host=${encodeURIComponent(server.dir)}`;

async function startCluster(): Promise<void> {
  if (cluster) return;
  const server = startPostgres();
  const admin = openPool(server.url, 2);
  await admin.query(`CREATE DATABASE ${TEMPLATE}`);
  const template = openPool(databaseUrl(server, TEMPLATE), 1);
  try {
    await migratePg(template);
  } finally {
    await template.end();
  }
  cluster = { server, admin };
}

function running(): { server: TestPostgres; admin: Pool } {
  if (!cluster) throw new Error('backends: the PostgreSQL cluster starts in beforeAll');
  return cluster;
}

/** `?` placeholders as PostgreSQL's `$1`, `$2`… (the tests' SQL has no question marks in its text). */
const numbered = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

/** The first column of the rows `all` reads. */
const pluckOf = (all: Backend['all']): Backend['pluck'] => async <T>(core: Core, sql: string, params: readonly unknown[] = []) =>
  (await all<Record<string, T>>(core, sql, params)).map((row) => Object.values(row)[0] as T);

function sqliteBackend(): Backend {
  const opened: LocalCore[] = [];
  afterEach(() => {
    while (opened.length) closeCore(opened.pop()!);
  });
  const open = (file: string) => {
    const core = openCore(file);
    opened.push(core);
    return core;
  };
  const all = <T>(core: Core, sql: string, params: readonly unknown[] = []) => Promise.resolve((core as LocalCore).db.prepare(sql).all(...params) as T[]);
  return {
    name: 'sqlite',
    core: () => Promise.resolve(open(join(tempDir(), 'reestr.sqlite'))),
    peer(core, user) {
      const peer = open((core as LocalCore).file);
      peer.user = user;
      return Promise.resolve(peer);
    },
    all,
    pluck: pluckOf(all),
  };
}

function postgresBackend(): Backend {
  const opened: PgCore[] = [];
  const created: string[] = [];
  const names = new WeakMap<Core, string>();
  beforeAll(startCluster, 240_000);
  afterEach(async () => {
    while (opened.length) await opened.pop()!.close();
    while (created.length) await running().admin.query(`DROP DATABASE ${created.pop()!}`);
  });
  const open = (name: string, user: string) => {
    const core = openPgCore(databaseUrl(running().server, name), { user, connections: 4 });
    opened.push(core);
    names.set(core, name);
    return core;
  };
  const all = async <T>(core: Core, sql: string, params: readonly unknown[] = []) =>
    (await (core as PgCore).pool.query(numbered(sql), [...params])).rows as T[];
  return {
    name: 'postgres',
    async core() {
      const name = `register_${process.pid}_${++databases}`;
      await running().admin.query(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE}`);
      created.push(name);
      return open(name, userInfo().username);
    },
    peer(core, user) {
      const name = names.get(core);
      if (!name) throw new Error('backends: not a register of this back end');
      return Promise.resolve(open(name, user));
    },
    all,
    pluck: pluckOf(all),
  };
}

/** Runs `body` once per back end, in a describe block named after it: `${name} (sqlite)`, `${name} (postgres)`. */
export function describeBackends(name: string, body: (backend: Backend) => void): void {
  describe(`${name} (sqlite)`, () => body(sqliteBackend()));
  describe(`${name} (postgres)`, () => body(postgresBackend()));
}

/** Runs `body` over PostgreSQL alone: what only the department register promises (concurrent clients, its own tables). */
export function describePostgres(name: string, body: (backend: Backend) => void): void {
  describe(`${name} (postgres)`, () => body(postgresBackend()));
}

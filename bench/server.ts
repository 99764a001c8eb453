// Bench rows of the department server: 100,000 events on PostgreSQL behind `reestr server`'s HTTP
// API, page, search and month range asked by 20 signed-in clients at once, beside the same queries
// on the same register in SQLite asked by one clerk alone through the same HTTP API (the single
// clerk's register has one user): what a clerk waits on the server with 19 colleagues ÷ what she
// waits alone on her own file. Target ≤ 2 ×.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { closeCore, openCore } from '../electron/core/core';
import { createDispatch, createHandlers, createServerHandlers, type Dispatch } from '../electron/core/backend';
import { openPgCore } from '../electron/core/store/pg/core';
import { openPool } from '../electron/core/store/pg/pool';
import { copySqliteToPg } from '../electron/core/transfer/to-pg';
import { addAccount } from '../electron/server/accounts/accounts';
import { startDepartmentServer, type RunningDepartmentServer } from '../electron/server/department/department-server';
import { queryInputs } from './queries';
import type { Row } from './row';
import { fillRegister } from './fill';

const CLIENTS = 20;
const PASSWORD = 'пароль-стенда-1';

type Kind = 'page' | 'search' | 'range';
const KINDS: readonly Kind[] = ['page', 'search', 'range'];
const LABELS: Record<Kind, string> = { page: 'list page of 50 with filters', search: 'full-text search', range: 'calendar month' };

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.95) - 1)] ?? 0;
}

/** A signed-in client of `server`: one call over HTTP, timed, that must answer ok. */
async function client(server: RunningDepartmentServer, login: string) {
  const post = async (method: string, input: unknown, token?: string) => {
    const response = await fetch(`${server.url}api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message ?? response.status}`);
    return body.value;
  };
  const { token } = (await post('auth.login', { login, password: PASSWORD })) as { token: string };
  return async (method: string, input: unknown): Promise<number> => {
    const start = performance.now();
    await post(method, input, token);
    return performance.now() - start;
  };
}

/** The kind's call and input, the next of the seeded stream. */
function request(inputs: ReturnType<typeof queryInputs>, kind: Kind): [string, unknown] {
  if (kind === 'range') return ['calendar.data', inputs.range()];
  return ['events.list', inputs[kind]()];
}

async function serve(dispatch: Dispatch, pool: Pool): Promise<RunningDepartmentServer> {
  return startDepartmentServer({ dispatch, pool, host: '127.0.0.1', port: 0, logError: () => undefined });
}

/** `runs` calls of a kind from `clients` clients at once, each its own seeded stream. */
async function measure(clients: Awaited<ReturnType<typeof client>>[], kind: Kind, runs: number): Promise<number> {
  const samples: number[] = [];
  await Promise.all(clients.map(async (call, n) => {
    const inputs = queryInputs(100 + n);
    for (let i = 0; i < Math.ceil(runs / clients.length); i++) samples.push(await call(...request(inputs, kind)));
  }));
  return p95(samples);
}

/**
 * Fills a SQLite register of `total` events (the generator and slices of bench/run.ts), copies it
 * into a throwaway PostgreSQL cluster (tests/support/postgres.ts) with the transfer of
 * `reestr server import-sqlite`, serves each through the department server in this process, and
 * measures. Everything is removed afterwards.
 */
export async function serverRows(total = Number(process.env.BENCH_EVENTS ?? 100_000), runs = 400): Promise<Row[]> {
  const cluster = (await import('../tests/support/postgres')).startPostgres();
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-server-'));
  const pool = openPool(cluster.url, 4);
  const file = join(dir, 'register.sqlite');
  const sqlite = openCore(file);
  const pg = openPgCore(cluster.url, { user: 'сервер отдела', connections: CLIENTS });
  const servers: RunningDepartmentServer[] = [];
  try {
    await fillRegister(sqlite, total);
    const started = performance.now();
    await copySqliteToPg(file, pool);
    const copied = performance.now() - started;
    await pool.query('ANALYZE');
    const logins = Array.from({ length: CLIENTS }, (_, i) => `clerk-${i + 1}`);
    for (const login of logins) await addAccount(pool, login, 'clerk', PASSWORD);

    const onPg = await serve(createDispatch(createServerHandlers(pg, () => undefined), () => undefined), pool);
    servers.push(onPg);
    const onSqlite = await serve(createDispatch(createHandlers(sqlite), () => undefined), pool);
    servers.push(onSqlite);
    const department = await Promise.all(logins.map((login) => client(onPg, login)));
    const alone = [await client(onSqlite, logins[0]!)];

    const rows: Row[] = [{ measure: `server: ${total.toLocaleString('en')} events copied from SQLite into PostgreSQL`, value: copied / 1000, target: null, unit: 's' }];
    for (const kind of KINDS) {
      // A warm-up of each, so neither side pays for its first plans and pages.
      await measure(department, kind, CLIENTS);
      await measure(alone, kind, 10);
      const server = await measure(department, kind, runs);
      const single = await measure(department.slice(0, 1), kind, runs / 4);
      const local = await measure(alone, kind, runs);
      rows.push(
        { measure: `server: ${LABELS[kind]}, one client over HTTP, p95`, value: single, target: null, unit: 'ms' },
        { measure: `server: ${LABELS[kind]}, ${CLIENTS} clients at once over HTTP (each asks again as soon as answered), p95`, value: server, target: null, unit: 'ms' },
        { measure: `SQLite: ${LABELS[kind]}, one clerk over the same HTTP API, p95`, value: local, target: null, unit: 'ms' },
        { measure: `server ÷ SQLite p95, ${LABELS[kind]} (${server.toFixed(1)} ÷ ${local.toFixed(1)} ms)`, value: server / local, target: 2, unit: '×' },
      );
    }
    return rows;
  } finally {
    for (const server of servers) await server.close();
    await pg.close();
    closeCore(sqlite);
    await pool.end();
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

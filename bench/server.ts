// Bench rows of the department server: 100,000 events on PostgreSQL behind `reestr server`'s HTTP
// API, page, search and month range asked by 20 signed-in clerks at work at the same time, beside the
// same queries on the same register in SQLite asked by one clerk alone through the same HTTP API (the
// single clerk's register has one user): what a clerk waits on the server with 19 colleagues ÷ what
// she waits alone on her own file. Target ≤ 2 ×.
//
// A clerk at work reads what she asked for before she asks again: each simulated clerk pauses
// between her calls, a random while of one second on average (exponential, as arrivals of people
// are), and asks a page, a search or a month at random. Twenty clerks each asking once a second is a
// department at its busiest. How much the server can take with nobody pausing at all is a row of its
// own (calls answered per second), with no target.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
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
import { p95 } from './percentile';
import { fillRegister } from './fill';
import { random } from './generate';

const CLIENTS = 20;
/** A clerk's pause between calls, on average, and the calls each makes while measured. */
const THINK_MS = 1000;
const CALLS_PER_CLERK = 60;
const PASSWORD = 'пароль-стенда-1';

type Kind = 'page' | 'search' | 'range';
const KINDS: readonly Kind[] = ['page', 'search', 'range'];
const LABELS: Record<Kind, string> = { page: 'list page of 50 with filters', search: 'full-text search', range: 'calendar month' };


/** One planned call of a client: what it asks, after how long a pause. */
interface Call {
  kind: Kind;
  method: string;
  input: unknown;
  pauseMs: number;
}

/** A signed-in client: the server's address and its session. */
interface Client {
  url: string;
  token: string;
}

/**
 * The clients' side, in a thread of its own, as the clerks' PCs are not the server: each client
 * makes its calls one after another (pausing first as planned), every client at once; each call is
 * timed and must answer ok. Plain JavaScript, as a worker evaluates it.
 */
const CLIENTS_THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
async function run({ url, token, calls }) {
  const times = [];
  for (const call of calls) {
    if (call.pauseMs > 0) await pause(call.pauseMs);
    const start = performance.now();
    const response = await fetch(url + 'api/' + call.method, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
      body: JSON.stringify(call.input),
    });
    const body = await response.json();
    if (!body.ok) throw new Error(call.method + ': ' + (body.error ? body.error.message : response.status));
    times.push(performance.now() - start);
  }
  return times;
}
Promise.all(workerData.map(run)).then((times) => parentPort.postMessage(times));
`;

/** Runs each client's calls (all clients at once, from another thread): the milliseconds of each call by kind. */
async function run(plans: { client: Client; calls: Call[] }[]): Promise<Record<Kind, number[]>> {
  const data = plans.map(({ client, calls }) => ({ ...client, calls }));
  const times = await new Promise<number[][]>((resolve, reject) => {
    const worker = new Worker(CLIENTS_THREAD, { eval: true, workerData: data });
    worker.once('message', resolve);
    worker.once('error', reject);
  });
  const byKind: Record<Kind, number[]> = { page: [], search: [], range: [] };
  plans.forEach(({ calls }, n) => calls.forEach((call, i) => byKind[call.kind].push(times[n]![i]!)));
  return byKind;
}

async function signIn(url: string, login: string): Promise<Client> {
  const response = await fetch(`${url}api/auth.login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ login, password: PASSWORD }) });
  const body = (await response.json()) as { ok: boolean; value?: { token: string } };
  if (!body.ok || !body.value) throw new Error(`auth.login: ${response.status}`);
  return { url, token: body.value.token };
}

/** The kind's call and input, the next of the seeded stream. */
function request(inputs: ReturnType<typeof queryInputs>, kind: Kind, pauseMs = 0): Call {
  if (kind === 'range') return { kind, method: 'calendar.data', input: inputs.range(), pauseMs };
  return { kind, method: 'events.list', input: inputs[kind](), pauseMs };
}

async function serve(dispatch: Dispatch, pool: Pool): Promise<RunningDepartmentServer> {
  return startDepartmentServer({ dispatch, pool, host: '127.0.0.1', port: 0, logError: () => undefined });
}

/** `runs` calls of a kind from `clients` clients at once, each asking again as soon as answered: the p95. */
async function measure(clients: Client[], kind: Kind, runs: number): Promise<number> {
  return p95((await backToBack(clients, kind, runs))[kind]);
}

function backToBack(clients: Client[], kind: Kind, runs: number): Promise<Record<Kind, number[]>> {
  return run(clients.map((client, n) => {
    const inputs = queryInputs(100 + n);
    return { client, calls: Array.from({ length: Math.ceil(runs / clients.length) }, () => request(inputs, kind)) };
  }));
}

/** Calls of a kind answered per second with `clients` clients asking without pause. */
async function throughput(clients: Client[], kind: Kind, runs: number): Promise<number> {
  const started = performance.now();
  await backToBack(clients, kind, runs);
  return runs / ((performance.now() - started) / 1000);
}

/**
 * A department at work: each clerk makes `calls` calls of kinds drawn at random, pausing a random
 * while before each (exponential, `thinkMs` on average). The p95 of each kind.
 */
async function department(clients: Client[], calls: number, thinkMs: number): Promise<Record<Kind, number>> {
  const samples = await run(clients.map((client, n) => {
    const inputs = queryInputs(200 + n);
    const rnd = random(300 + n);
    return {
      client,
      calls: Array.from({ length: calls }, () => {
        const pauseMs = -Math.log(1 - rnd()) * thinkMs;
        return request(inputs, KINDS[Math.floor(rnd() * KINDS.length)]!, pauseMs);
      }),
    };
  }));
  return { page: p95(samples.page), search: p95(samples.search), range: p95(samples.range) };
}

/**
 * Fills a SQLite register of `total` events (the generator and slices of bench/run.ts), copies it
 * into a throwaway PostgreSQL cluster (tests/support/postgres.ts) with the transfer of
 * `reestr server import-sqlite`, serves each through the department server in this process, and
 * measures. Everything is removed afterwards.
 */
export async function serverRows(total = Number(process.env.BENCH_EVENTS ?? 100_000), runs = 400): Promise<Row[]> {
  // Memory for PostgreSQL's own cache as the README advises a department server (a quarter of its
  // memory, here 1 GB): with the default 128 MB the register's pages do not all stay in it.
  const cluster = (await import('../tests/support/postgres')).startPostgres(['shared_buffers=1GB']);
  const dir = mkdtempSync(join(tmpdir(), 'reestr-bench-server-'));
  // Accounts and sessions on a pool of 20, as `reestr server` opens it (electron/cli/server.ts).
  const pool = openPool(cluster.url, 20);
  const file = join(dir, 'register.sqlite');
  const sqlite = openCore(file);
  const pg = openPgCore(cluster.url, { user: 'сервер отдела', connections: CLIENTS });
  const servers: RunningDepartmentServer[] = [];
  try {
    await fillRegister(sqlite, total);
    const started = performance.now();
    await copySqliteToPg(file, pool);
    const copied = performance.now() - started;
    const logins = Array.from({ length: CLIENTS }, (_, i) => `clerk-${i + 1}`);
    for (const login of logins) await addAccount(pool, login, 'clerk', PASSWORD);

    const onPg = await serve(createDispatch(createServerHandlers(pg, () => undefined), () => undefined), pool);
    servers.push(onPg);
    const onSqlite = await serve(createDispatch(createHandlers(sqlite), () => undefined), pool);
    servers.push(onSqlite);
    const clients = await Promise.all(logins.map((login) => signIn(onPg.url, login)));
    const alone = [await signIn(onSqlite.url, logins[0]!)];

    const rows: Row[] = [{ measure: `server: ${total.toLocaleString('en')} events copied from SQLite into PostgreSQL`, value: copied / 1000, target: null, unit: 's' }];
    // A warm-up of each, so neither side pays for its first plans and pages.
    for (const kind of KINDS) {
      await measure(clients, kind, CLIENTS);
      await measure(alone, kind, 10);
    }
    const single: Record<Kind, number> = { page: 0, search: 0, range: 0 };
    const local: Record<Kind, number> = { page: 0, search: 0, range: 0 };
    for (const kind of KINDS) {
      single[kind] = await measure(clients.slice(0, 1), kind, runs / 4);
      local[kind] = await measure(alone, kind, runs);
    }
    const atWork = await department(clients, CALLS_PER_CLERK, THINK_MS);
    for (const kind of KINDS) {
      rows.push(
        { measure: `server: ${LABELS[kind]}, one client over HTTP, p95`, value: single[kind], target: null, unit: 'ms' },
        { measure: `server: ${LABELS[kind]}, ${CLIENTS} clerks at work at once over HTTP (a call every ${THINK_MS / 1000} s each on average), p95`, value: atWork[kind], target: null, unit: 'ms' },
        { measure: `SQLite: ${LABELS[kind]}, one clerk over the same HTTP API, p95`, value: local[kind], target: null, unit: 'ms' },
        { measure: `server ÷ SQLite p95, ${LABELS[kind]} (${atWork[kind].toFixed(1)} ÷ ${local[kind].toFixed(1)} ms)`, value: atWork[kind] / local[kind], target: 2, unit: '×' },
      );
    }
    for (const kind of KINDS) {
      rows.push({ measure: `server: ${LABELS[kind]}, calls answered per second with ${CLIENTS} clients asking without pause`, value: await throughput(clients, kind, runs), target: null, unit: '/s' });
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

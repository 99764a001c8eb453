// Bench rows of the department register on PostgreSQL: the same 100,000 events and the same page,
// search and month-range queries as the SQLite rows of bench/run.ts, one after another and from 20
// clients at once. Measured, not judged: the rows carry no target of their own.
import { inOrder } from '../electron/core/in-order';
import { listEvents } from '../electron/core/services/events';
import { migratePg } from '../electron/core/store/pg/migrate';
import type { Core } from '../electron/core/core';
import { openPgCore, type PgCore } from '../electron/core/store/pg/core';
import { openPool } from '../electron/core/store/pg/pool';
import { EventFilterSchema } from '../shared/schema/event';
import { queryInputs } from './queries';
import type { Row } from './row';
import { p95 } from './percentile';
import { fillRegister } from './fill';

const CLIENTS = 20;


async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

/** The three queries of bench/run.ts (which may take them from here), drawn from one seeded stream. */
export function queries(core: Core, seed: number) {
  const inputs = queryInputs(seed);
  return {
    page: () => {
      const filter = EventFilterSchema.parse(inputs.page());
      return () => listEvents(core, filter);
    },
    search: () => {
      const filter = EventFilterSchema.parse(inputs.search());
      return () => listEvents(core, filter);
    },
    range: () => {
      const { start, end } = inputs.range();
      return () => core.events.range(start, end);
    },
  };
}

type Kind = 'page' | 'search' | 'range';
const LABELS: Record<Kind, string> = { page: 'list page of 50 with filters', search: 'full-text search', range: 'calendar month range' };

/** `runs` queries of a kind one after another, and as many again spread over CLIENTS clients at once. */
async function measure(core: PgCore, kind: Kind, runs: number): Promise<Row[]> {
  const make = queries(core, 42)[kind];
  const alone = await inOrder(Array.from({ length: runs }, (_, i) => i), () => timed(make()));
  const together: number[] = [];
  const client = async (n: number) => {
    const own = queries(core, 100 + n)[kind];
    for (let i = 0; i < Math.ceil(runs / CLIENTS); i++) together.push(await timed(own()));
  };
  await Promise.all(Array.from({ length: CLIENTS }, (_, n) => client(n)));
  return [
    { measure: `PostgreSQL: ${LABELS[kind]}, p95`, value: p95(alone), target: null, unit: 'ms' },
    { measure: `PostgreSQL: ${LABELS[kind]}, ${CLIENTS} clients at once, p95`, value: p95(together), target: null, unit: 'ms' },
  ];
}

/**
 * Fills a register of `total` events (the generator and slices of bench/run.ts) in the empty
 * database at `url`, or, without one, in a throwaway cluster of tests/support/postgres.ts, then
 * measures it. The database is left filled; the throwaway cluster is removed.
 */
export async function pgRows(total = 100_000, runs = 200, url?: string): Promise<Row[]> {
  const server = url ? undefined : (await import('../tests/support/postgres')).startPostgres();
  const target = url ?? server!.url;
  const pool = openPool(target, 1);
  let core: PgCore | undefined;
  try {
    await migratePg(pool);
    core = openPgCore(target, { user: 'bench', connections: CLIENTS });
    const filled = core;
    const fill = await timed(() => fillRegister(filled, total));
    await pool.query('ANALYZE');
    const rows: Row[] = [{ measure: `PostgreSQL: ${total.toLocaleString('en')} events stored`, value: fill / 1000, target: null, unit: 's' }];
    for (const kind of ['page', 'search', 'range'] as const) rows.push(...(await measure(filled, kind, runs)));
    return rows;
  } finally {
    await core?.close();
    await pool.end();
    server?.stop();
  }
}

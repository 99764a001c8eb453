// What the table modules of the PostgreSQL adapter run their SQL on: the pool (each statement on its
// own) or one client of it (inside a transaction), and the few ways they read answers.
import type { Pool, PoolClient, QueryResultRow } from 'pg';

/** A pool or a client of it: both answer `query(text, values)`. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
}

const PLANNED_EACH_CALL = '/* planned each call */ ';

/**
 * Marks a statement to be planned afresh at each call: a filter's whose best plan depends on its
 * values (a rare word or a common one, a small sphere or a large one), where a plan kept for the
 * statement would fit some values and not others.
 */
export const planEachCall = (text: string) => `${PLANNED_EACH_CALL}${text}`;

/** One name per statement text, the same on every connection. */
const names = new Map<string, string>();

function nameOf(text: string): string {
  let name = names.get(text);
  if (name === undefined) {
    name = `reestr_${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * `db` with every statement that has parameters prepared: parsed once per connection and its plan
 * kept by PostgreSQL (generic once it is no worse than a fresh one), not parsed and planned at
 * every call: the joins of a card or a page of the register take longer to plan than to run. The
 * texts are the adapter's own, a bounded set (a filter's values are parameters, never text).
 */
export function prepared(db: Pool | PoolClient): Queryable {
  const run = <R extends QueryResultRow>(text: string, values?: unknown[]) =>
    values === undefined || text.startsWith(PLANNED_EACH_CALL) ? db.query<R>(text, values) : db.query<R>({ name: nameOf(text), text, values });
  if (!('release' in db)) return { query: run };
  // One connection (a transaction's) answers one statement at a time: statements asked at once
  // (a page's ids and total) wait their turn here, not in the driver's deprecated queue.
  let last: Promise<unknown> = Promise.resolve();
  return {
    query: <R extends QueryResultRow>(text: string, values?: unknown[]) => {
      const next = last.then(() => run<R>(text, values));
      last = next.catch(() => undefined);
      return next;
    },
  };
}

export async function all<R extends QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R[]> {
  return (await db.query<R>(text, values)).rows;
}

export async function first<R extends QueryResultRow>(db: Queryable, text: string, values: unknown[] = []): Promise<R | undefined> {
  return (await db.query<R>(text, values)).rows[0];
}

/** The first column of every row. */
export async function column<T>(db: Queryable, text: string, values: unknown[] = []): Promise<T[]> {
  return (await db.query<{ v: T }>(text, values)).rows.map((row) => row.v);
}

/** The rows a statement changed. */
export async function changes(db: Queryable, text: string, values: unknown[] = []): Promise<number> {
  return (await db.query(text, values)).rowCount ?? 0;
}

/** Numbered parameters collected as the SQL is written: `add(value)` answers its placeholder. */
export class Params {
  readonly values: unknown[] = [];
  add(value: unknown): string {
    this.values.push(value);
    return `$${this.values.length}`;
  }
}

/**
 * Live or not, overlapping start..end: the same comparison as SQLite's. A period in order is asked
 * as the range test alone, the expression of the range index (001, 004), whose statistics tell the
 * planner how many events the period holds; the same test written again as two comparisons beside
 * it would make the planner count it twice over and expect a few rows.
 */
export function overlaps(params: Params, start: string, end: string, alias = 'e', form: 'closed' | 'calendar' = 'closed'): string {
  const s = params.add(start);
  const e = params.add(end);
  if (start > end) return `${alias}.start_date <= ${e}::date AND ${alias}.end_date >= ${s}::date`;
  // The calendar's form, the half-open range, is the expression of the index that holds its columns (005).
  return form === 'closed'
    ? `daterange(${alias}.start_date, ${alias}.end_date, '[]') && daterange(${s}::date, ${e}::date, '[]')`
    : `daterange(${alias}.start_date, ${alias}.end_date + 1) && daterange(${s}::date, ${e}::date + 1)`;
}

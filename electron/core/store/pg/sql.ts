// What the table modules of the PostgreSQL adapter run their SQL on: the pool (each statement on its
// own) or one client of it (inside a transaction), and the few ways they read answers.
import type { QueryResultRow } from 'pg';

/** A pool or a client of it: both answer `query(text, values)`. */
export interface Queryable {
  query<R extends QueryResultRow>(text: string, values?: unknown[]): Promise<{ rows: R[]; rowCount: number | null }>;
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
 * Live or not, overlapping start..end: the same comparison as SQLite's. When the period is in order,
 * the range test beside it lets the planner use the GiST index over the dates (001_initial.sql).
 */
export function overlaps(params: Params, start: string, end: string, alias = 'e'): string {
  const s = params.add(start);
  const e = params.add(end);
  const plain = `${alias}.start_date <= ${e}::date AND ${alias}.end_date >= ${s}::date`;
  return start <= end ? `daterange(${alias}.start_date, ${alias}.end_date, '[]') && daterange(${s}::date, ${e}::date, '[]') AND ${plain}` : plain;
}

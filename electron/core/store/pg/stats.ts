// The overview's counts on PostgreSQL (db/stats.ts); groups in the order SQLite's GROUP BY gives them (by key, bytewise).
import type { KeyCount, StatsStore } from '../types';
import { all, column, Params, overlaps, type Queryable } from './sql';

export function pgStats(db: Queryable): StatsStore {
  /** A statement over `p`, the live events of the period (id, start_date); $1 and $2 are start and end. */
  const inPeriod = (sql: string, start: string, end: string) => {
    const params = new Params();
    const where = overlaps(params, start, end);
    return { text: `WITH p AS (SELECT e.id, e.start_date FROM events e WHERE e.deleted_at IS NULL AND ${where}) ${sql}`, values: params.values };
  };
  /** Counts by key (`k`, `n`), keys in order. */
  const counts = async (sql: string, start: string, end: string): Promise<KeyCount[]> => {
    const { text, values } = inPeriod(`SELECT k, n FROM (${sql}) g ORDER BY k COLLATE "C"`, start, end);
    return (await all<{ k: string; n: number }>(db, text, values)).map((r) => [r.k, r.n]);
  };
  return {
    registerTotal: async () => (await column<number>(db, 'SELECT count(*) AS v FROM events WHERE deleted_at IS NULL'))[0] ?? 0,
    // The latest start up to a day, else the earliest one: where the register's events are.
    latestStart: async (today) =>
      (await column<string | null>(
        db,
        `SELECT coalesce((SELECT max(start_date) FROM events WHERE deleted_at IS NULL AND start_date <= $1::date),
                         (SELECT min(start_date) FROM events WHERE deleted_at IS NULL)) AS v`,
        [today],
      ))[0] ?? null,
    async total(start, end) {
      const { text, values } = inPeriod('SELECT count(*) AS v FROM p', start, end);
      return (await column<number>(db, text, values))[0] ?? 0;
    },
    byMonth: (start, end) =>
      counts(`SELECT to_char(greatest(p.start_date, $1::date), 'YYYY-MM') AS k, count(*) AS n FROM p GROUP BY 1`, start, end),
    byKind: (start, end) =>
      counts(
        `SELECT coalesce(r.name, '') AS k, count(*) AS n FROM p JOIN events e ON e.id = p.id LEFT JOIN refs r ON r.id = e.kind_id GROUP BY 1`,
        start,
        end,
      ),
    byFormat: (start, end) =>
      counts(`SELECT coalesce(e.format, '') AS k, count(*) AS n FROM p JOIN events e ON e.id = p.id GROUP BY 1`, start, end),
    bySphere: (start, end) =>
      counts(
        `SELECT r.name AS k, count(*) AS n FROM p JOIN event_spheres s ON s.event_id = p.id JOIN refs r ON r.id = s.sphere_id GROUP BY 1`,
        start,
        end,
      ),
    async partnerLinks(start, end) {
      const { text, values } = inPeriod('SELECT ep.event_id AS e, ep.partner_id AS p FROM p JOIN event_partners ep ON ep.event_id = p.id ORDER BY 1, 2', start, end);
      return (await all<{ e: number; p: number }>(db, text, values)).map((r): [number, number] => [r.e, r.p]);
    },
    async agreementIds(start, end) {
      const { text, values } = inPeriod('SELECT DISTINCT e.agreement_id AS v FROM p JOIN events e ON e.id = p.id WHERE e.agreement_id IS NOT NULL', start, end);
      return column<number>(db, text, values);
    },
  };
}

// SQL of the overview: counts over the events of a period, by month, kind, format, sphere and partner.
import type { Db } from './connection';
import { overlapParams, overlapSql } from './event-filter';
import type { KeyCount } from '../store/types';

const IN_PERIOD = `WITH p AS (SELECT id, start_date FROM (${overlapSql([], 'id, start_date')}))`;

export function createStatsRepo(db: Db) {
  const counts = (sql: string) => db.prepare(`${IN_PERIOD} ${sql}`).raw();
  const total = db.prepare(`${IN_PERIOD} SELECT count(*) FROM p`).pluck();
  const all = db.prepare('SELECT count(*) FROM events WHERE deleted_at IS NULL').pluck();
  // The latest start up to a day, else the earliest one: where the register's events are.
  const lastStart = db.prepare<[string], string | null>(`SELECT coalesce(
      (SELECT max(start_date) FROM events WHERE deleted_at IS NULL AND start_date <= ?),
      (SELECT min(start_date) FROM events WHERE deleted_at IS NULL))`).pluck();
  const byMonth = counts(`SELECT substr(max(start_date, @start), 1, 7) AS k, count(*) FROM p GROUP BY k`);
  const byKind = counts(`SELECT coalesce(r.name, ''), count(*) FROM p JOIN events e ON e.id = p.id LEFT JOIN refs r ON r.id = e.kind_id GROUP BY 1`);
  const byFormat = counts(`SELECT coalesce(e.format, ''), count(*) FROM p JOIN events e ON e.id = p.id GROUP BY 1`);
  const bySphere = counts(`SELECT r.name, count(*) FROM p JOIN event_spheres s ON s.event_id = p.id JOIN refs r ON r.id = s.sphere_id GROUP BY 1`);
  const partners = counts(`SELECT ep.event_id, ep.partner_id FROM p JOIN event_partners ep ON ep.event_id = p.id`);
  const agreementIds = db.prepare(`${IN_PERIOD} SELECT DISTINCT e.agreement_id FROM p JOIN events e ON e.id = p.id WHERE e.agreement_id IS NOT NULL`).pluck();
  const run = (statement: ReturnType<typeof counts>, start: string, end: string) => statement.all(overlapParams(start, end)) as unknown as KeyCount[];
  return {
    registerTotal: () => all.get() as number,
    /** The start of the latest event begun by `today`, or of the first one planned; null in an empty register. */
    latestStart: (today: string) => (lastStart.get(today) as string | null) ?? null,
    total: (start: string, end: string) => total.get(overlapParams(start, end)) as number,
    byMonth: (start: string, end: string) => run(byMonth, start, end),
    byKind: (start: string, end: string) => run(byKind, start, end),
    byFormat: (start: string, end: string) => run(byFormat, start, end),
    bySphere: (start: string, end: string) => run(bySphere, start, end),
    /** [event id, partner id] of every partner link of the period's events. */
    partnerLinks: (start: string, end: string) => partners.all(overlapParams(start, end)) as unknown as [number, number][],
    agreementIds: (start: string, end: string) => agreementIds.all(overlapParams(start, end)) as number[],
  };
}

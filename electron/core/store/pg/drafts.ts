// Document drafts on PostgreSQL: one edited report per kind, period and partner (db/report-drafts.ts).
import type { Report } from '../../../../shared/schema/report';
import type { DraftsStore } from '../types';
import { changes, first, type Queryable } from './sql';

export function pgDrafts(db: Queryable): DraftsStore {
  return {
    async get(key) {
      const row = await first<{ report: string; saved_at: string }>(
        db,
        'SELECT report, saved_at FROM report_drafts WHERE kind = $1 AND period = $2 AND partner_key = $3',
        [key.kind, key.period, key.partnerKey],
      );
      return row ? { report: JSON.parse(row.report) as Report, savedAt: row.saved_at } : undefined;
    },
    async save(key, options, report, now) {
      await db.query(
        `INSERT INTO report_drafts (kind, period, partner_key, options, report, saved_at) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (kind, period, partner_key) DO UPDATE SET options = excluded.options, report = excluded.report, saved_at = excluded.saved_at`,
        [key.kind, key.period, key.partnerKey, JSON.stringify(options), JSON.stringify(report), now],
      );
    },
    discard: async (key) =>
      (await changes(db, 'DELETE FROM report_drafts WHERE kind = $1 AND period = $2 AND partner_key = $3', [key.kind, key.period, key.partnerKey])) > 0,
  };
}

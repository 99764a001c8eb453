// SQL of report drafts: the edited report of a period (and partner), as JSON.
import type { Db } from './connection';
import type { Report } from '../../../shared/schema/report';

export interface SavedDraft {
  report: Report;
  savedAt: string;
}

export function createReportDraftsRepo(db: Db) {
  const get = db.prepare<[string, string], { report: string; saved_at: string }>('SELECT report, saved_at FROM report_drafts WHERE period = ? AND partner_key = ?');
  const save = db.prepare<{ period: string; partner: string; options: string; report: string; now: string }>(
    `INSERT INTO report_drafts (period, partner_key, options, report, saved_at) VALUES (@period, @partner, @options, @report, @now)
     ON CONFLICT (period, partner_key) DO UPDATE SET options = excluded.options, report = excluded.report, saved_at = excluded.saved_at`,
  );
  const discard = db.prepare<[string, string]>('DELETE FROM report_drafts WHERE period = ? AND partner_key = ?');
  return {
    get(period: string, partnerKey: string): SavedDraft | undefined {
      const row = get.get(period, partnerKey);
      return row ? { report: JSON.parse(row.report) as Report, savedAt: row.saved_at } : undefined;
    },
    save: (period: string, partnerKey: string, options: unknown, report: Report, now: string) =>
      void save.run({ period, partner: partnerKey, options: JSON.stringify(options), report: JSON.stringify(report), now }),
    discard: (period: string, partnerKey: string) => discard.run(period, partnerKey).changes > 0,
  };
}

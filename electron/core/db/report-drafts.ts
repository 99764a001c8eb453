// SQL of document drafts: the edited report (plan, справка, agreements report, letter) of a period and partner, as JSON.
import type { Db } from './connection';
import type { Report } from '../../../shared/schema/report';
import type { DraftKey, SavedDraft } from '../store/types';

export function createReportDraftsRepo(db: Db) {
  const get = db.prepare<DraftKey, { report: string; saved_at: string }>(
    'SELECT report, saved_at FROM report_drafts WHERE kind = @kind AND period = @period AND partner_key = @partnerKey',
  );
  const save = db.prepare<DraftKey & { options: string; report: string; now: string }>(
    `INSERT INTO report_drafts (kind, period, partner_key, options, report, saved_at) VALUES (@kind, @period, @partnerKey, @options, @report, @now)
     ON CONFLICT (kind, period, partner_key) DO UPDATE SET options = excluded.options, report = excluded.report, saved_at = excluded.saved_at`,
  );
  const discard = db.prepare<DraftKey>('DELETE FROM report_drafts WHERE kind = @kind AND period = @period AND partner_key = @partnerKey');
  return {
    get(key: DraftKey): SavedDraft | undefined {
      const row = get.get(key);
      return row ? { report: JSON.parse(row.report) as Report, savedAt: row.saved_at } : undefined;
    },
    save: (key: DraftKey, options: unknown, report: Report, now: string) =>
      void save.run({ ...key, options: JSON.stringify(options), report: JSON.stringify(report), now }),
    discard: (key: DraftKey) => discard.run(key).changes > 0,
  };
}

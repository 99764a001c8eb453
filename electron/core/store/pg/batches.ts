// Import batches on PostgreSQL: each import (and the demo data) is one batch that can be undone (db/batches.ts).
import { toBatch, type BatchRow } from '../../db/batches';
import type { BatchesStore } from '../types';
import { all, changes, first, type Queryable } from './sql';

const SELECT = `SELECT b.id, b.file_name, b.sheet, b.sha256, b.created_at, b.undone_at, b.user_name, b.summary,
  (SELECT count(*) FROM events e WHERE e.batch_id = b.id AND e.deleted_at IS NULL) AS events FROM import_batches b`;

export function pgBatches(db: Queryable): BatchesStore {
  const one = async (text: string, values: unknown[]) => {
    const row = await first<BatchRow>(db, text, values);
    return row && toBatch(row);
  };
  return {
    async insert(batch) {
      const row = await first<{ id: number }>(
        db,
        `INSERT INTO import_batches (file_name, sheet, sha256, options, user_name, created_at) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id`,
        [batch.fileName, batch.sheet, batch.sha256, batch.options === undefined ? null : JSON.stringify(batch.options), batch.user, batch.now],
      );
      return row!.id;
    },
    async setSummary(id, summary) {
      await db.query('UPDATE import_batches SET summary = $1 WHERE id = $2', [JSON.stringify(summary), id]);
    },
    get: (id) => one(`${SELECT} WHERE b.id = $1`, [id]),
    list: async () => (await all<BatchRow>(db, `${SELECT} ORDER BY b.id DESC`)).map(toBatch),
    bySha: (sha256) => one(`${SELECT} WHERE b.sha256 = $1 AND b.undone_at IS NULL ORDER BY b.id DESC LIMIT 1`, [sha256]),
    markUndone: async (id, now) => (await changes(db, 'UPDATE import_batches SET undone_at = $1 WHERE id = $2 AND undone_at IS NULL', [now, id])) > 0,
    async deleteRecords(batchId) {
      await db.query('UPDATE events SET agreement_id = NULL WHERE agreement_id IN (SELECT id FROM agreements WHERE batch_id = $1)', [batchId]);
      const events = await changes(db, 'DELETE FROM events WHERE batch_id = $1', [batchId]);
      return events + (await changes(db, 'DELETE FROM agreements WHERE batch_id = $1', [batchId]));
    },
  };
}

// SQL of import batches: each import (and the demo data) is one batch that can be undone.
import type { Db } from './connection';
import type { ImportBatch } from '../../../shared/schema/import';
import type { NewBatch } from '../store/types';


/** A batch as stored, with its live events counted: both adapters read it so. */
export interface BatchRow {
  id: number;
  file_name: string;
  sheet: string | null;
  sha256: string | null;
  created_at: string;
  undone_at: string | null;
  user_name: string | null;
  summary: string | null;
  events: number;
}

const SELECT = `SELECT b.*, (SELECT count(*) FROM events e WHERE e.batch_id = b.id AND e.deleted_at IS NULL) AS events FROM import_batches b`;

export function toBatch(row: BatchRow): ImportBatch {
  const summary = (row.summary ? JSON.parse(row.summary) : {}) as { events?: number; created?: number; updated?: number };
  return {
    id: row.id,
    fileName: row.file_name,
    sheet: row.sheet,
    sha256: row.sha256,
    createdAt: row.created_at,
    undoneAt: row.undone_at,
    userName: row.user_name,
    created: summary.created ?? summary.events ?? 0,
    updated: summary.updated ?? 0,
    events: row.events,
  };
}

export function createBatchesRepo(db: Db) {
  const insert = db.prepare<NewBatch & { options: string | null }, { id: number }>(
    `INSERT INTO import_batches (file_name, sheet, sha256, options, user_name, created_at)
     VALUES (@fileName, @sheet, @sha256, @options, @user, @now) RETURNING id`,
  );
  const setSummary = db.prepare<[string, number]>('UPDATE import_batches SET summary = ? WHERE id = ?');
  const get = db.prepare<[number], BatchRow>(`${SELECT} WHERE b.id = ?`);
  const list = db.prepare<[], BatchRow>(`${SELECT} ORDER BY b.id DESC`);
  const bySha = db.prepare<[string], BatchRow>(`${SELECT} WHERE b.sha256 = ? AND b.undone_at IS NULL ORDER BY b.id DESC LIMIT 1`);
  const markUndone = db.prepare<[string, number]>('UPDATE import_batches SET undone_at = ? WHERE id = ? AND undone_at IS NULL');
  const unlinkAgreements = db.prepare<[number]>(
    'UPDATE events SET agreement_id = NULL WHERE agreement_id IN (SELECT id FROM agreements WHERE batch_id = ?)',
  );
  const deleteRecords = [
    db.prepare<[number]>('DELETE FROM events WHERE batch_id = ?'),
    db.prepare<[number]>('DELETE FROM agreements WHERE batch_id = ?'),
  ];
  return {
    insert: (batch: NewBatch) => (insert.get({ ...batch, options: batch.options === undefined ? null : JSON.stringify(batch.options) }) as { id: number }).id,
    setSummary: (id: number, summary: unknown) => void setSummary.run(JSON.stringify(summary), id),
    get: (id: number): ImportBatch | undefined => {
      const row = get.get(id);
      return row ? toBatch(row) : undefined;
    },
    list: (): ImportBatch[] => list.all().map(toBatch),
    /** The latest batch (not undone) of a file with this content. */
    bySha: (sha256: string): ImportBatch | undefined => {
      const row = bySha.get(sha256);
      return row ? toBatch(row) : undefined;
    },
    markUndone: (id: number, now: string) => markUndone.run(now, id).changes > 0,
    /**
     * Deletes for good the records (events and agreements) a batch created, unlinking the events
     * kept from its agreements; the count deleted. The caller holds the transaction.
     */
    deleteRecords(batchId: number): number {
      unlinkAgreements.run(batchId);
      return deleteRecords.reduce((sum, statement) => sum + statement.run(batchId).changes, 0);
    },
  };
}

export type BatchesRepo = ReturnType<typeof createBatchesRepo>;

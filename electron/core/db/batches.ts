// SQL of import batches: each import (and the demo data) is one batch that can be undone.
import type { Db } from './connection';

export function createBatchesRepo(db: Db) {
  const insert = db.prepare<{ fileName: string; sheet: string | null; now: string }, { id: number }>(
    'INSERT INTO import_batches (file_name, sheet, created_at) VALUES (@fileName, @sheet, @now) RETURNING id',
  );
  const setSummary = db.prepare<[string, number]>('UPDATE import_batches SET summary = ? WHERE id = ?');
  return {
    insert: (fileName: string, sheet: string | null, now: string) => (insert.get({ fileName, sheet, now }) as { id: number }).id,
    setSummary: (id: number, summary: unknown) => setSummary.run(JSON.stringify(summary), id),
  };
}

export type BatchesRepo = ReturnType<typeof createBatchesRepo>;

// SQL of the change log: one row per create, update, delete, restore, merge, import or undo.
import type { Db } from './connection';

export type ChangeAction = 'create' | 'update' | 'delete' | 'restore' | 'merge' | 'import' | 'undo';
export type ChangeEntity = 'event' | 'agreement' | 'ref' | 'batch';

export interface Change {
  at: string;
  user: string;
  action: ChangeAction;
  entity: ChangeEntity;
  entityId: number;
  /**
   * The record's fields before and after. A create keeps neither: the record itself is its first
   * version until its first update, whose `before` then keeps it (and a batch stays small).
   */
  before?: unknown;
  after?: unknown;
  batchId?: number | null;
}

export function createChangeLog(db: Db) {
  const insert = db.prepare<[string, string, ChangeAction, ChangeEntity, number, string | null, string | null, number | null]>(
    `INSERT INTO change_log (at, user_name, action, entity, entity_id, before, after, batch_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updatesOfBatch = db.prepare<[number], { entity_id: number; before: string }>(
    `SELECT entity_id, before FROM change_log WHERE batch_id = ? AND action = 'update' AND entity = 'event' ORDER BY id DESC`,
  );
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    record(c: Change): void {
      insert.run(c.at, c.user, c.action, c.entity, c.entityId, json(c.before), json(c.after), c.batchId ?? null);
    },
    /** Events a batch updated, latest first, with their fields before. */
    updatesOfBatch: (batchId: number) => updatesOfBatch.all(batchId).map((r) => ({ id: r.entity_id, before: JSON.parse(r.before) as unknown })),
  };
}

export type ChangeLog = ReturnType<typeof createChangeLog>;

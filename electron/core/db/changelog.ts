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
  before: unknown;
  after: unknown;
  batchId?: number | null;
}

export function createChangeLog(db: Db) {
  const insert = db.prepare(
    `INSERT INTO change_log (at, user_name, action, entity, entity_id, before, after, batch_id)
     VALUES (@at, @user, @action, @entity, @entityId, @before, @after, @batchId)`,
  );
  return {
    record(change: Change): void {
      insert.run({
        ...change,
        before: change.before === undefined ? null : JSON.stringify(change.before),
        after: change.after === undefined ? null : JSON.stringify(change.after),
        batchId: change.batchId ?? null,
      });
    },
  };
}

export type ChangeLog = ReturnType<typeof createChangeLog>;

// SQL of the change log: one row per create, update, delete, restore, merge, import, undo or revert.
// Each row about an event or agreement, its creation aside, is one step of that record's version.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import type { Change, ChangeAction, ChangeEntity, LoggedChange } from '../store/types';

/** A row of the log as stored: both adapters read it so. */
export interface ChangeRow {
  id: number;
  at: string;
  user_name: string;
  action: ChangeAction;
  entity: ChangeEntity;
  entity_id: number;
  before: string | null;
  after: string | null;
  batch_id: number | null;
  version_of: number | null;
}

const parsed = (text: string | null): unknown => (text === null ? undefined : JSON.parse(text));

export function toChange(r: ChangeRow): LoggedChange {
  return {
    id: r.id,
    at: r.at,
    user: r.user_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: parsed(r.before),
    after: parsed(r.after),
    batchId: r.batch_id,
    versionOf: r.version_of,
  };
}

export function createChangeLog(db: Db) {
  const insert = db.prepare<[string, string, ChangeAction, ChangeEntity, number, string | null, string | null, number | null, number | null]>(
    `INSERT INTO change_log (at, user_name, action, entity, entity_id, before, after, batch_id, version_of) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const updatesOfBatch = db.prepare<[number], { entity_id: number; before: string }>(
    `SELECT entity_id, before FROM change_log WHERE batch_id = ? AND action = 'update' AND entity = 'event' ORDER BY id DESC`,
  );
  // Since the record's creation: an id freed by an import's undo may have served another record before.
  const ofRecord = db.prepare<{ entity: ChangeEntity; id: number; since: string }, ChangeRow>(
    `SELECT * FROM change_log WHERE entity = @entity AND entity_id = @id AND at >= @since ORDER BY id`,
  );
  const importOfBatch = db.prepare<[number], ChangeRow>(
    `SELECT * FROM change_log WHERE entity = 'batch' AND entity_id = ? AND action = 'import' ORDER BY id LIMIT 1`,
  );
  const one = db.prepare<[number], ChangeRow>('SELECT * FROM change_log WHERE id = ?');
  const refChanges = db.prepare<[], ChangeRow>(`SELECT * FROM change_log WHERE entity = 'ref' AND action IN ('update', 'merge') ORDER BY id`);
  // What a change touches besides its own record, to log each record it changes.
  const eventsUsingRef = db.prepare<{ id: number }, number>(
    `SELECT id FROM events WHERE kind_id = @id OR city_id = @id OR region_id = @id OR country_id = @id OR organizer_id = @id
     UNION SELECT event_id FROM event_spheres WHERE sphere_id = @id
     UNION SELECT event_id FROM event_partners WHERE partner_id = @id`,
  ).pluck();
  const agreementsUsingRef = db.prepare<{ id: number }, number>(
    `SELECT id FROM agreements WHERE department_id = @id
     UNION SELECT agreement_id FROM agreement_spheres WHERE sphere_id = @id
     UNION SELECT agreement_id FROM agreement_parties WHERE partner_id = @id`,
  ).pluck();
  const eventsOfBatchAgreements = db.prepare<[number], number>(
    'SELECT id FROM events WHERE agreement_id IN (SELECT id FROM agreements WHERE batch_id = ?)',
  ).pluck();
  // The version grows with the row that logs the change, so it counts the record's changes whoever wrote them.
  const bumps: Partial<Record<ChangeEntity, Statement<[number]>>> = {
    event: db.prepare<[number]>('UPDATE events SET version = version + 1 WHERE id = ?'),
    agreement: db.prepare<[number]>('UPDATE agreements SET version = version + 1 WHERE id = ?'),
  };
  const lastOf = db.prepare<{ entity: ChangeEntity; id: number; since: string }, { at: string; user_name: string }>(
    `SELECT at, user_name FROM change_log WHERE entity = @entity AND entity_id = @id AND at >= @since ORDER BY id DESC LIMIT 1`,
  );
  const lastId = db.prepare<[], number | null>('SELECT max(id) FROM change_log').pluck();
  const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));
  return {
    /** Logs a change; a change of an event or agreement (its creation aside) raises the record's version by one. */
    record(c: Change): number {
      const { lastInsertRowid } = insert.run(c.at, c.user, c.action, c.entity, c.entityId, json(c.before), json(c.after), c.batchId ?? null, c.versionOf ?? null);
      if (c.action !== 'create') bumps[c.entity]?.run(c.entityId);
      return Number(lastInsertRowid);
    },
    lastId: () => lastId.get() ?? 0,
    /** Who made the record's latest change and when, since `since` (its creation); undefined when none is logged. */
    lastChange(entity: ChangeEntity, id: number, since: string): { at: string; user: string } | undefined {
      const row = lastOf.get({ entity, id, since });
      return row && { at: row.at, user: row.user_name };
    },
    /** Events a batch updated, latest first, with their fields before. */
    updatesOfBatch: (batchId: number) => updatesOfBatch.all(batchId).map((r) => ({ id: r.entity_id, before: JSON.parse(r.before) as unknown })),
    /** The changes of one event or agreement since `since` (its creation), oldest first. */
    ofRecord: (entity: ChangeEntity, id: number, since: string): LoggedChange[] => ofRecord.all({ entity, id, since }).map(toChange),
    /** The «import» row of a batch, which stands for the creation of each event it added. */
    importOfBatch: (batchId: number): LoggedChange | undefined => {
      const row = importOfBatch.get(batchId);
      return row && toChange(row);
    },
    get: (id: number): LoggedChange | undefined => {
      const row = one.get(id);
      return row && toChange(row);
    },
    /** The events and agreements that use a reference entry: those a merge of it changes. */
    usersOfRef: (id: number) => ({ events: eventsUsingRef.all({ id }), agreements: agreementsUsingRef.all({ id }) }),
    /** Events linked to an agreement a batch added: its undo unlinks those it keeps. */
    eventsOfBatchAgreements: (batchId: number) => eventsOfBatchAgreements.all(batchId),
    /** Renames and merges of reference entries, oldest first: where an old name has gone. */
    refChanges: (): LoggedChange[] => refChanges.all().map(toChange),
  };
}

export type ChangeLog = ReturnType<typeof createChangeLog>;

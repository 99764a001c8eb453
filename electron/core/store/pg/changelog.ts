// The change log on PostgreSQL (db/changelog.ts): appended to, never changed (a trigger of
// 001_initial.sql refuses UPDATE, DELETE and TRUNCATE to every role). Times are ISO text compared
// byte by byte (COLLATE "C"), as SQLite compares them, whatever the database's locale.
import { toChange, type ChangeRow } from '../../db/changelog';
import type { ChangeEntity, ChangeLogStore } from '../types';
import { all, column, first, type Queryable } from './sql';

const json = (value: unknown) => (value === undefined ? null : JSON.stringify(value));

const ROW = 'SELECT id, at, user_name, action, entity, entity_id, before, after, batch_id, version_of FROM change_log';

/** The version grows with the row that logs the change, so it counts the record's changes whoever wrote them. */
const BUMPS: Partial<Record<ChangeEntity, string>> = {
  event: 'UPDATE events SET version = version + 1 WHERE id = $1',
  agreement: 'UPDATE agreements SET version = version + 1 WHERE id = $1',
};

export function pgChangeLog(db: Queryable): ChangeLogStore {
  const one = async (text: string, values: unknown[]) => {
    const row = await first<ChangeRow>(db, text, values);
    return row && toChange(row);
  };
  const many = async (text: string, values: unknown[] = []) => (await all<ChangeRow>(db, text, values)).map(toChange);
  return {
    async record(c) {
      const { rows } = await db.query<{ id: number }>(
        `INSERT INTO change_log (at, user_name, action, entity, entity_id, before, after, batch_id, version_of) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING id`,
        [c.at, c.user, c.action, c.entity, c.entityId, json(c.before), json(c.after), c.batchId ?? null, c.versionOf ?? null],
      );
      const bump = BUMPS[c.entity];
      if (c.action !== 'create' && bump) await db.query(bump, [c.entityId]);
      return Number(rows[0]?.id);
    },
    lastId: async () => (await column<number>(db, 'SELECT coalesce(max(id), 0) AS v FROM change_log'))[0] ?? 0,
    async lastChange(entity, id, since) {
      const row = await first<{ at: string; user_name: string }>(
        db,
        `SELECT at, user_name FROM change_log WHERE entity = $1 AND entity_id = $2 AND at COLLATE "C" >= $3 ORDER BY id DESC LIMIT 1`,
        [entity, id, since],
      );
      return row && { at: row.at, user: row.user_name };
    },
    updatesOfBatch: async (batchId) =>
      (await all<{ entity_id: number; before: string }>(
        db,
        `SELECT entity_id, before FROM change_log WHERE batch_id = $1 AND action = 'update' AND entity = 'event' ORDER BY id DESC`,
        [batchId],
      )).map((r) => ({ id: r.entity_id, before: JSON.parse(r.before) as unknown })),
    // Since the record's creation: an id freed by an import's undo may have served another record before.
    ofRecord: (entity, id, since) => many(`${ROW} WHERE entity = $1 AND entity_id = $2 AND at COLLATE "C" >= $3 ORDER BY id`, [entity, id, since]),
    importOfBatch: (batchId) => one(`${ROW} WHERE entity = 'batch' AND entity_id = $1 AND action = 'import' ORDER BY id LIMIT 1`, [batchId]),
    get: (id) => one(`${ROW} WHERE id = $1`, [id]),
    // In id order, as SQLite's UNION gives them.
    usersOfRef: async (id) => ({
      events: await column<number>(
        db,
        `SELECT id AS v FROM events WHERE kind_id = $1 OR city_id = $1 OR region_id = $1 OR country_id = $1 OR organizer_id = $1
         UNION SELECT event_id FROM event_spheres WHERE sphere_id = $1
         UNION SELECT event_id FROM event_partners WHERE partner_id = $1 ORDER BY 1`,
        [id],
      ),
      agreements: await column<number>(
        db,
        `SELECT id AS v FROM agreements WHERE department_id = $1
         UNION SELECT agreement_id FROM agreement_spheres WHERE sphere_id = $1
         UNION SELECT agreement_id FROM agreement_parties WHERE partner_id = $1 ORDER BY 1`,
        [id],
      ),
    }),
    eventsOfBatchAgreements: (batchId) =>
      column<number>(db, 'SELECT id AS v FROM events WHERE agreement_id IN (SELECT id FROM agreements WHERE batch_id = $1) ORDER BY agreement_id, id', [batchId]),
    refChanges: () => many(`${ROW} WHERE entity = 'ref' AND action IN ('update', 'merge') ORDER BY id`),
  };
}

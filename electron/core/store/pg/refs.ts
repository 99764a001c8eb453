// The reference lists on PostgreSQL (db/refs.ts): look-up by folded name (nameKey, computed here as
// SQLite's module does), insertion, usage counts, merges.
import { nameKey } from '../../../../shared/ru/normalize';
import { toRef, USAGE } from '../../db/refs';
import type { RefRow, RefsStore } from '../types';
import { all, changes, first, type Queryable } from './sql';

/** A row as SQLite's `SELECT *` gives it: `hidden` as 0 or 1. */
const COLUMNS = (t: string) =>
  `${t}.id, ${t}.kind, ${t}.parent_id, ${t}.name, ${t}.name_key, ${t}.gender, ${t}.genitive, ${t}.instrumental, ${t}.locative,
   ${t}.settlement, ${t}.hidden::int AS hidden, ${t}.batch_id`;

// Every place a reference is used, moved from $2 (the victim) to $1 (the survivor) in one statement
// each. Links: where an event or agreement already has the survivor, the victim's row just goes
// (SQLite's UPDATE OR IGNORE).
const link = (table: string, owner: string, column: string) =>
  `UPDATE ${table} l SET ${column} = $1 WHERE l.${column} = $2
     AND NOT EXISTS (SELECT 1 FROM ${table} x WHERE x.${owner} = l.${owner} AND x.${column} = $1)`;
const MOVES = [
  'UPDATE events SET kind_id = $1 WHERE kind_id = $2',
  'UPDATE events SET city_id = $1 WHERE city_id = $2',
  'UPDATE events SET region_id = $1 WHERE region_id = $2',
  'UPDATE events SET country_id = $1 WHERE country_id = $2',
  'UPDATE events SET organizer_id = $1 WHERE organizer_id = $2',
  // The first sphere stays first: the victim's link moves to the survivor in its place, or goes where the survivor stood before it.
  'UPDATE events SET first_sphere_id = $1 WHERE first_sphere_id = $2',
  'UPDATE agreements SET department_id = $1 WHERE department_id = $2',
  'UPDATE refs SET parent_id = $1 WHERE parent_id = $2',
  link('event_spheres', 'event_id', 'sphere_id'),
  link('event_partners', 'event_id', 'partner_id'),
  link('agreement_spheres', 'agreement_id', 'sphere_id'),
  link('agreement_parties', 'agreement_id', 'partner_id'),
];
/** What is left of the victim ($1), once moved. */
const REMOVALS = [
  'DELETE FROM event_spheres WHERE sphere_id = $1',
  'DELETE FROM event_partners WHERE partner_id = $1',
  'DELETE FROM agreement_spheres WHERE sphere_id = $1',
  'DELETE FROM agreement_parties WHERE partner_id = $1',
  'DELETE FROM refs WHERE id = $1',
];

type ListedRow = RefRow & { parent_name: string | null; usage: number | null };

export function pgRefs(db: Queryable): RefsStore {
  return {
    byKey: (kind, key) => first<RefRow>(db, `SELECT ${COLUMNS('r')} FROM refs r WHERE kind = $1 AND name_key = $2`, [kind, key]),
    partnerByKey: (key) =>
      first<RefRow>(
        db,
        `SELECT ${COLUMNS('r')} FROM refs r WHERE kind IN ('country', 'region', 'organisation') AND name_key = $1
         ORDER BY CASE kind WHEN 'country' THEN 0 WHEN 'region' THEN 1 ELSE 2 END LIMIT 1`,
        [key],
      ),
    byId: (id) => first<RefRow>(db, `SELECT ${COLUMNS('r')} FROM refs r WHERE id = $1`, [id]),
    async get(id) {
      const row = await first<ListedRow>(
        db,
        `SELECT ${COLUMNS('r')}, p.name AS parent_name, ${USAGE} AS usage FROM refs r LEFT JOIN refs p ON p.id = r.parent_id WHERE r.id = $1`,
        [id],
      );
      return row && toRef(row);
    },
    async insert(ref) {
      const row = await first<RefRow>(
        db,
        `INSERT INTO refs AS r (kind, parent_id, name, name_key, batch_id) VALUES ($1, $2, $3, $4, $5) RETURNING ${COLUMNS('r')}`,
        [ref.kind, ref.parentId, ref.name, ref.key, ref.batchId],
      );
      return row!;
    },
    async update(id, ref) {
      await db.query(
        `UPDATE refs SET name = $2, name_key = $3, gender = $4, genitive = $5, instrumental = $6, locative = $7, settlement = $8, hidden = $9
         WHERE id = $1`,
        [id, ref.name, nameKey(ref.name), ref.gender, ref.genitive, ref.instrumental, ref.locative, ref.settlement, ref.hidden],
      );
    },
    async merge(survivor, victim) {
      for (const sql of MOVES) await db.query(sql, [survivor, victim]);
      for (const sql of REMOVALS) await db.query(sql, [victim]);
    },
    async deleteUnusedOfBatch(batchId) {
      // Children first, so that a parent can follow in the next round.
      let total = 0;
      for (let n = 1; n > 0; total += n) {
        n = await changes(
          db,
          `DELETE FROM refs WHERE id IN (
             SELECT r.id FROM refs r WHERE r.batch_id = $1 AND ${USAGE} = 0 AND NOT EXISTS (SELECT 1 FROM refs c WHERE c.parent_id = r.id))`,
          [batchId],
        );
      }
      return total;
    },
    // In the order of SQLite's (kind, name_key) index, which its list reads.
    list: async (kind, includeHidden, withUsage) =>
      (await all<ListedRow>(
        db,
        `SELECT ${COLUMNS('r')}, p.name AS parent_name, ${withUsage ? USAGE : 'NULL::int'} AS usage
         FROM refs r LEFT JOIN refs p ON p.id = r.parent_id
         WHERE r.kind = $1 AND ($2 OR NOT r.hidden) ORDER BY r.name_key COLLATE "C"`,
        [kind, includeHidden],
      )).map(toRef),
  };
}

// SQL of the reference lists (table refs): look-up by name, insertion, listing with usage counts.
import type { Db } from './connection';
import { nameKey } from '../../../shared/ru/normalize';
import type { Ref, RefKind } from '../../../shared/schema/reference';
import type { NewRef, RefRow } from '../store/types';



/** How many records use the entry `r`: both adapters count it so. */
export const USAGE = `(
    (SELECT count(*) FROM events WHERE kind_id = r.id)
  + (SELECT count(*) FROM events WHERE city_id = r.id)
  + (SELECT count(*) FROM events WHERE region_id = r.id)
  + (SELECT count(*) FROM events WHERE country_id = r.id)
  + (SELECT count(*) FROM events WHERE organizer_id = r.id)
  + (SELECT count(*) FROM event_spheres WHERE sphere_id = r.id)
  + (SELECT count(*) FROM event_partners WHERE partner_id = r.id)
  + (SELECT count(*) FROM agreements WHERE department_id = r.id)
  + (SELECT count(*) FROM agreement_spheres WHERE sphere_id = r.id)
  + (SELECT count(*) FROM agreement_parties WHERE partner_id = r.id)
)`;

/** A listed row (with its parent's name and usage) as the contract's Ref: both adapters read it so. */
export const toRef = (r: RefRow & { parent_name: string | null; usage: number | null }): Ref => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  parentId: r.parent_id,
  parentName: r.parent_name,
  gender: r.gender,
  genitive: r.genitive,
  instrumental: r.instrumental,
  locative: r.locative,
  settlement: r.settlement,
  hidden: r.hidden === 1,
  usage: r.usage,
});

export function createRefsRepo(db: Db) {
  const byKey = db.prepare<[RefKind, string], RefRow>('SELECT * FROM refs WHERE kind = ? AND name_key = ?');
  const partnerByKey = db.prepare<[string], RefRow>(
    `SELECT * FROM refs WHERE kind IN ('country', 'region', 'organisation') AND name_key = ?
     ORDER BY CASE kind WHEN 'country' THEN 0 WHEN 'region' THEN 1 ELSE 2 END LIMIT 1`,
  );
  const byId = db.prepare<[number], RefRow>('SELECT * FROM refs WHERE id = ?');
  const insert = db.prepare<NewRef, RefRow>(
    `INSERT INTO refs (kind, parent_id, name, name_key, batch_id) VALUES (@kind, @parentId, @name, @key, @batchId) RETURNING *`,
  );
  const listSql = (usage: string) => db.prepare<{ kind: RefKind; all: number }, RefRow & { parent_name: string | null; usage: number | null }>(
    `SELECT r.*, p.name AS parent_name, ${usage} AS usage
     FROM refs r LEFT JOIN refs p ON p.id = r.parent_id
     WHERE r.kind = @kind AND (@all = 1 OR r.hidden = 0)`,
  );
  const list = { counted: listSql(USAGE), plain: listSql('NULL') };

  const one = db.prepare<{ id: number }, RefRow & { parent_name: string | null; usage: number }>(
    `SELECT r.*, p.name AS parent_name, ${USAGE} AS usage FROM refs r LEFT JOIN refs p ON p.id = r.parent_id WHERE r.id = @id`,
  );
  const update = db.prepare<{ id: number; name: string; key: string; gender: string | null; genitive: string | null; instrumental: string | null; locative: string | null; settlement: string | null; hidden: number }>(
    `UPDATE refs SET name = @name, name_key = @key, gender = @gender, genitive = @genitive, instrumental = @instrumental,
       locative = @locative, settlement = @settlement, hidden = @hidden WHERE id = @id`,
  );
  // Every place a reference is used, moved from @victim to @survivor in one statement each.
  const moves = [
    'UPDATE events SET kind_id = @survivor WHERE kind_id = @victim',
    'UPDATE events SET city_id = @survivor WHERE city_id = @victim',
    'UPDATE events SET region_id = @survivor WHERE region_id = @victim',
    'UPDATE events SET country_id = @survivor WHERE country_id = @victim',
    'UPDATE events SET organizer_id = @survivor WHERE organizer_id = @victim',
    'UPDATE agreements SET department_id = @survivor WHERE department_id = @victim',
    'UPDATE refs SET parent_id = @survivor WHERE parent_id = @victim',
    // Links: where an event or agreement already has the survivor, the victim's row just goes.
    'UPDATE OR IGNORE event_spheres SET sphere_id = @survivor WHERE sphere_id = @victim',
    'UPDATE OR IGNORE event_partners SET partner_id = @survivor WHERE partner_id = @victim',
    'UPDATE OR IGNORE agreement_spheres SET sphere_id = @survivor WHERE sphere_id = @victim',
    'UPDATE OR IGNORE agreement_parties SET partner_id = @survivor WHERE partner_id = @victim',
    'DELETE FROM event_spheres WHERE sphere_id = @victim',
    'DELETE FROM event_partners WHERE partner_id = @victim',
    'DELETE FROM agreement_spheres WHERE sphere_id = @victim',
    'DELETE FROM agreement_parties WHERE partner_id = @victim',
    'DELETE FROM refs WHERE id = @victim',
  ].map((sql) => db.prepare<{ survivor: number; victim: number }>(sql));

  // Entries a batch added that nothing uses any more; children first, so a parent can follow.
  const deleteUnusedOfBatch = db.prepare<[number]>(
    `DELETE FROM refs WHERE id IN (
       SELECT r.id FROM refs r WHERE r.batch_id = ? AND ${USAGE} = 0 AND NOT EXISTS (SELECT 1 FROM refs c WHERE c.parent_id = r.id))`,
  );

  return {
    byKey: (kind: RefKind, key: string) => byKey.get(kind, key),
    get(id: number): Ref | undefined {
      const row = one.get({ id });
      return row ? toRef(row) : undefined;
    },
    update: (id: number, ref: Omit<Ref, 'id' | 'kind' | 'parentId' | 'parentName' | 'usage'>) =>
      void update.run({ id, name: ref.name, key: nameKey(ref.name), gender: ref.gender, genitive: ref.genitive, instrumental: ref.instrumental, locative: ref.locative, settlement: ref.settlement, hidden: ref.hidden ? 1 : 0 }),
    /** Moves every use of `victim` to `survivor` and deletes `victim`; the caller holds the transaction. */
    merge: (survivor: number, victim: number) => moves.forEach((statement) => statement.run({ survivor, victim })),
    partnerByKey: (key: string) => partnerByKey.get(key),
    deleteUnusedOfBatch(batchId: number): number {
      let total = 0;
      for (let changes = 1; changes > 0; total += changes) changes = deleteUnusedOfBatch.run(batchId).changes;
      return total;
    },
    byId: (id: number) => byId.get(id),
    insert: (ref: NewRef) => insert.get(ref) as RefRow,
    list: (kind: RefKind, includeHidden: boolean, withUsage: boolean): Ref[] =>
      list[withUsage ? 'counted' : 'plain'].all({ kind, all: includeHidden ? 1 : 0 }).map(toRef),
  };
}

export type RefsRepo = ReturnType<typeof createRefsRepo>;

// SQL of the reference lists (table refs): look-up by name, insertion, listing with usage counts.
import type { Db } from './connection';
import type { Ref, RefKind } from '../../../shared/schema/reference';

export interface RefRow {
  id: number;
  kind: RefKind;
  parent_id: number | null;
  name: string;
  name_key: string;
  gender: Ref['gender'];
  genitive: string | null;
  instrumental: string | null;
  locative: string | null;
  hidden: 0 | 1;
}

export interface NewRef {
  kind: RefKind;
  name: string;
  key: string;
  parentId: number | null;
  batchId: number | null;
}

const USAGE = `(
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
  const list = db.prepare<{ kind: RefKind; all: number }, RefRow & { parent_name: string | null; usage: number }>(
    `SELECT r.*, p.name AS parent_name, ${USAGE} AS usage
     FROM refs r LEFT JOIN refs p ON p.id = r.parent_id
     WHERE r.kind = @kind AND (@all = 1 OR r.hidden = 0)`,
  );

  return {
    byKey: (kind: RefKind, key: string) => byKey.get(kind, key),
    partnerByKey: (key: string) => partnerByKey.get(key),
    byId: (id: number) => byId.get(id),
    insert: (ref: NewRef) => insert.get(ref) as RefRow,
    list(kind: RefKind, includeHidden: boolean): Ref[] {
      return list.all({ kind, all: includeHidden ? 1 : 0 }).map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        parentId: r.parent_id,
        parentName: r.parent_name,
        gender: r.gender,
        genitive: r.genitive,
        instrumental: r.instrumental,
        locative: r.locative,
        hidden: r.hidden === 1,
        usage: r.usage,
      }));
    },
  };
}

export type RefsRepo = ReturnType<typeof createRefsRepo>;

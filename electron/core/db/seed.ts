// Fills the reference lists of a new database from resources/reference-data.json.
import type { Database } from 'better-sqlite3';
import data from '../../../resources/reference-data.json';
import { nameKey } from '../../../shared/ru/normalize';
import type { RefKind } from '../../../shared/schema/reference';

export interface SeedRef {
  kind: RefKind;
  name: string;
  parent?: string | null;
  gender?: string;
  genitive?: string;
  instrumental?: string;
  locative?: string;
  settlement?: string;
}

export function seedRefs(): SeedRef[] {
  return [
    ...data.kinds.map(([name, gender]) => ({ kind: 'kind' as const, name: name ?? '', gender })),
    ...data.spheres.map(([name, genitive]) => ({ kind: 'sphere' as const, name: name ?? '', genitive })),
    ...data.departments.map((name) => ({ kind: 'department' as const, name })),
    ...data.countries.map((c) => ({ kind: 'country' as const, ...c })),
    ...data.regions.map(({ country, ...r }) => ({ kind: 'region' as const, parent: country, ...r })),
    ...data.organisations.map((o) => ({ kind: 'organisation' as const, ...o })),
    ...data.cities.map((c) => ({ kind: 'city' as const, ...c })),
  ];
}

export function seedReferenceData(db: Database): void {
  const insert = db.prepare(
    `INSERT INTO refs (kind, parent_id, name, name_key, gender, genitive, instrumental, locative)
     VALUES (@kind, (SELECT id FROM refs WHERE name_key = @parentKey AND kind IN ('country', 'region', 'organisation')),
             @name, @key, @gender, @genitive, @instrumental, @locative)`,
  );
  for (const ref of seedRefs()) {
    insert.run({
      kind: ref.kind,
      name: ref.name,
      key: nameKey(ref.name),
      parentKey: ref.parent ? nameKey(ref.parent) : null,
      gender: ref.gender ?? null,
      genitive: ref.genitive ?? null,
      instrumental: ref.instrumental ?? null,
      locative: ref.locative ?? null,
    });
  }
  db.prepare(`INSERT INTO settings (key, value) VALUES ('homeRegion', ?)`).run(JSON.stringify(data.homeRegion));
}

/** The settlement types of the seeded cities (migration 006 added the column after they were seeded). */
export function seedSettlements(db: Database): void {
  const update = db.prepare(`UPDATE refs SET settlement = @settlement WHERE kind = 'city' AND name_key = @key`);
  for (const city of data.cities) update.run({ settlement: city.settlement, key: nameKey(city.name) });
}

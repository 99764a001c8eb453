// SQL of import profiles: the column mapping a user confirmed, by the header texts of the file's layout.
import type { Db } from './connection';
import type { ImportProfile } from '../store/types';

export function createProfilesRepo(db: Db) {
  const get = db.prepare<[string], { name: string; mapping: string }>('SELECT name, mapping FROM import_profiles WHERE header_key = ?');
  const save = db.prepare<{ key: string; name: string; mapping: string; now: string }>(
    `INSERT INTO import_profiles (header_key, name, mapping, used_at) VALUES (@key, @name, @mapping, @now)
     ON CONFLICT (header_key) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, used_at = excluded.used_at`,
  );
  return {
    get(key: string): ImportProfile | undefined {
      const row = get.get(key);
      return row ? { name: row.name, mapping: JSON.parse(row.mapping) as ImportProfile['mapping'] } : undefined;
    },
    save: (key: string, profile: ImportProfile, now: string) =>
      void save.run({ key, name: profile.name, mapping: JSON.stringify(profile.mapping), now }),
  };
}

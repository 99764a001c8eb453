// Import profiles on PostgreSQL: the column mapping a user confirmed, by the file's header (db/profiles.ts).
import type { ImportProfile, ProfilesStore } from '../types';
import { first, type Queryable } from './sql';

export function pgProfiles(db: Queryable): ProfilesStore {
  return {
    async get(key) {
      const row = await first<{ name: string; mapping: string }>(db, 'SELECT name, mapping FROM import_profiles WHERE header_key = $1', [key]);
      return row ? { name: row.name, mapping: JSON.parse(row.mapping) as ImportProfile['mapping'] } : undefined;
    },
    async save(key, profile, now) {
      await db.query(
        `INSERT INTO import_profiles (header_key, name, mapping, used_at) VALUES ($1, $2, $3, $4)
         ON CONFLICT (header_key) DO UPDATE SET name = excluded.name, mapping = excluded.mapping, used_at = excluded.used_at`,
        [key, profile.name, JSON.stringify(profile.mapping), now],
      );
    },
  };
}

// Settings on PostgreSQL: JSON values by key (db/settings.ts).
import type { SettingsStore } from '../types';
import { first, type Queryable } from './sql';

export function pgSettings(db: Queryable): SettingsStore {
  return {
    async get<T>(key: string): Promise<T | undefined> {
      const row = await first<{ value: string }>(db, 'SELECT value FROM settings WHERE key = $1', [key]);
      return row === undefined ? undefined : (JSON.parse(row.value) as T);
    },
    async set(key, value) {
      await db.query('INSERT INTO settings (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value', [key, JSON.stringify(value)]);
    },
    async delete(key) {
      await db.query('DELETE FROM settings WHERE key = $1', [key]);
    },
  };
}

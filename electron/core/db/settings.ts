// SQL of settings: JSON values by key.
import type { Db } from './connection';

export function createSettingsRepo(db: Db) {
  const get = db.prepare<[string], string>('SELECT value FROM settings WHERE key = ?').pluck();
  const set = db.prepare<[string, string]>('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  const remove = db.prepare<[string]>('DELETE FROM settings WHERE key = ?');
  return {
    get<T>(key: string): T | undefined {
      const value = get.get(key);
      return value === undefined ? undefined : (JSON.parse(value) as T);
    },
    set: (key: string, value: unknown) => void set.run(key, JSON.stringify(value)),
    delete: (key: string) => void remove.run(key),
  };
}

export type SettingsRepo = ReturnType<typeof createSettingsRepo>;

// What a transfer asks of the server's database: whether its register is still as migratePg left it
// (the seeded reference lists and home region, nothing else), said in Russian when it is not.
import data from '../../../resources/reference-data.json';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/ru/normalize';
import { seedRefs } from '../db/seed';
import type { Queryable } from '../store/pg/sql';

/** Tables nothing but a clerk's work fills: any row in them is a register already in use. */
const WORK_TABLES = [
  ['events', 'мероприятия'],
  ['agreements', 'соглашения'],
  ['import_batches', 'пакеты импорта'],
  ['import_profiles', 'шаблоны импорта'],
  ['report_drafts', 'черновики документов'],
  ['change_log', 'записи журнала изменений'],
] as const;

/** What the server's register holds beyond a new one, as Russian phrases («мероприятия — 12»); empty when nothing. */
export async function pgRegisterContents(db: Queryable): Promise<string[]> {
  const held: string[] = [];
  for (const [table, label] of WORK_TABLES) {
    const { rows } = await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`);
    const n = Number(rows[0]?.n ?? 0);
    if (n > 0) held.push(`${label} — ${n.toLocaleString('ru-RU')}`);
  }
  const seeded = new Set(seedRefs().map((r) => `${r.kind}\u0000${nameKey(r.name)}\u0000${r.name}`));
  const { rows: refs } = await db.query<{ kind: string; name_key: string; name: string; hidden: boolean }>('SELECT kind, name_key, name, hidden FROM refs');
  const ownRefs = refs.filter((r) => r.hidden || !seeded.has(`${r.kind}\u0000${r.name_key}\u0000${r.name}`)).length;
  if (ownRefs > 0) held.push(`изменённые или добавленные записи справочников — ${ownRefs.toLocaleString('ru-RU')}`);
  else if (refs.length !== seeded.size) held.push('изменённые справочники');
  const { rows: settings } = await db.query<{ key: string; value: string }>('SELECT key, value FROM settings');
  const seedHome = JSON.stringify(data.homeRegion);
  if (settings.some((s) => s.key !== 'homeRegion' || s.value !== seedHome)) held.push('настройки департамента');
  return held;
}

/** Refuses a server register that holds anything beyond a new one's, naming what it holds. */
export async function assertEmptyPgRegister(db: Queryable): Promise<void> {
  const held = await pgRegisterContents(db);
  if (held.length) {
    throw new AppError(
      'conflict',
      `База данных сервера уже содержит реестр (${held.join(', ')}). Перенести реестр можно только в пустую базу сервера: создайте новую базу данных PostgreSQL и укажите её в --pg. База сервера оставлена без изменений.`,
    );
  }
}

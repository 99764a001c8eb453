// A register sent to the department server, judged by its first bytes before anything opens it: a
// SQLite file at all, a Reestr register (its schema version set), not newer than this program knows.
import { SCHEMA_VERSION } from '../db/migrate';

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** The database header SQLite writes first (its schema version at byte 60). */
export const HEADER_BYTES = 100;

/** What is wrong with a sent register, as a Russian sentence; null when its header is a register's this program reads. */
export function registerUploadProblem(head: Buffer, size: number): string | null {
  if (size === 0) return 'Присланный файл реестра пуст: перенос не выполнен.';
  if (head.length < HEADER_BYTES || !head.subarray(0, SQLITE_MAGIC.length).equals(SQLITE_MAGIC)) {
    return 'Присланный файл — не база данных SQLite, а значит, не реестр программы «Реестр»: перенос не выполнен.';
  }
  const version = head.readUInt32BE(60);
  if (version === 0) return 'Присланный файл — база данных SQLite, но не реестр программы «Реестр» (в нём нет её таблиц): перенос не выполнен.';
  if (version > SCHEMA_VERSION) {
    return `Присланный реестр сохранён более новой версией программы (версия данных ${version}, сервер отдела знает до ${SCHEMA_VERSION}): обновите программу на сервере отдела и повторите перенос.`;
  }
  return null;
}

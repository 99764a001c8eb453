// The parts of backups that need no open register: what a backup is, its check, the folder beside
// the database, and the copy taken before a migration (which opening a register calls: core.ts).
import { rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqlite } from '../db/sqlite';
import { AppError } from '../../../shared/errors';
import type { BackupReason } from '../../../shared/schema/backup';
import type { Db } from '../db/connection';
import { createSettingsRepo } from '../db/settings';
import { vacuumInto } from '../db/snapshot';
import { SCHEMA_VERSION } from '../db/migrate';
import { fsReason } from '../fs-reason';
import { makePrivateFile, privateFolder } from '../private-files';

export interface BackupInfo {
  file: string;
  /** ISO time the snapshot was taken (from its name). */
  at: string;
  reason: BackupReason;
  bytes: number;
}

export interface BackupContents {
  events: number;
  agreements: number;
  schemaVersion: number;
  /** The newest change recorded in the copy. */
  lastChange: string | null;
}

/** «backups» beside the database: where backups go unless the user chose another folder. */
export function defaultBackupFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'backups');
}

export function stamp(iso: string): string {
  return `${iso.slice(0, 10)}_${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}`;
}

/** Opens a file read-only and checks it is a sound Reestr database; its counts when it is. */
export function inspectBackup(file: string): BackupContents {
  let db: Db | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true });
    const check = db.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new AppError('validation', `Резервная копия «${basename(file)}» повреждена (проверка целостности: ${String(check)}).`, { damaged: String(check) });
    const schemaVersion = db.pragma('user_version', { simple: true }) as number;
    if (schemaVersion < 1 || schemaVersion > SCHEMA_VERSION) {
      throw new AppError('validation', `Файл «${basename(file)}» — не резервная копия этой версии Реестра (версия схемы ${schemaVersion}).`);
    }
    const count = (sql: string) => db?.prepare(sql).pluck().get() as number;
    return {
      events: count('SELECT count(*) FROM events WHERE deleted_at IS NULL'),
      agreements: count('SELECT count(*) FROM agreements WHERE deleted_at IS NULL'),
      schemaVersion,
      lastChange: (db.prepare('SELECT max(at) FROM change_log').pluck().get() as string | null) ?? null,
    };
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('validation', `Файл «${basename(file)}» не является резервной копией Реестра или не читается.`);
  } finally {
    db?.close();
  }
}

/**
 * Before a schema migration: a consistent copy by VACUUM INTO (opening is synchronous, the backup
 * API is not), checked, in the chosen folder or else beside the database. Without it the register
 * is not migrated, and so not changed.
 */
export function backupBeforeMigration(db: Db, databaseFile: string, now = new Date().toISOString()): BackupInfo {
  const chosen = createSettingsRepo(db).get<string>('backupFolder');
  const fallback = defaultBackupFolder(databaseFile);
  let failure: unknown;
  for (const folder of chosen && chosen !== fallback ? [chosen, fallback] : [fallback]) {
    const target = join(folder, `reestr-${stamp(now)}-migration.sqlite`);
    try {
      privateFolder(folder, { chmodExisting: folder === fallback });
      rmSync(target, { force: true });
      // VACUUM INTO writes a rollback-journal file, one self-contained file as it is.
      vacuumInto(db, target);
      makePrivateFile(target);
      inspectBackup(target);
      return { file: target, at: now, reason: 'migration', bytes: statSync(target).size };
    } catch (e) {
      try {
        rmSync(target, { force: true });
      } catch {
        // the folder itself is what failed
      }
      failure = e;
    }
  }
  const why = failure instanceof AppError ? failure.message : fsReason(failure);
  throw new AppError('db_unavailable', `Перед обновлением базы данных к новой версии программы не удалось сделать резервную копию (${why}). База данных не изменена. Проверьте, что на диске есть место и папка резервных копий доступна для записи.`, failure);
}

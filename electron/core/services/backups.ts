// Backups: snapshots by SQLite's online backup API, each checked after writing, kept by a rotation;
// a restore copies a checked snapshot into the open register in one transaction, after a snapshot of it.
import { copyFileSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSqlite } from '../db/sqlite';
import { createSettingsRepo } from '../db/settings';
import type { LocalCore } from '../core';
import { AppError } from '../../../shared/errors';
import { indexText } from '../../../shared/ru/normalize';
import { addDays } from '../../../shared/dates';
import { BACKUP_NAME, type BackupReason } from '../../../shared/schema/backup';
import { CHECKED_SUFFIX, closeDatabase, markDamaged, openDatabase } from '../db/connection';
import { SCHEMA_VERSION } from '../db/migrate';
import { writeTransaction } from '../db/write-transaction';
import { fsReason, storageProblem } from '../fs-reason';
import { makePrivateFile, privateFolder } from '../private-files';
import type { Report } from '../jobs/protocol';
import { backupBeforeMigration, defaultBackupFolder, inspectBackup, stamp, type BackupContents, type BackupInfo } from './backup-snapshot';

export type { BackupReason };
export { backupBeforeMigration, defaultBackupFolder, inspectBackup, stamp, type BackupContents, type BackupInfo };

const KEEP = { daily: 7, weekly: 4, monthly: 12, import: 10 } as const;
const NAME = BACKUP_NAME;

/** The folder backups go to: the one chosen in the settings, else «backups» beside the database. */
export function backupFolder(core: LocalCore): string {
  // Read on the connection itself, at once: a backup starts copying in the same step (a close that
  // comes meanwhile is then the copy's failure, said as such).
  return createSettingsRepo(core.db).get<string>('backupFolder') ?? defaultBackupFolder(core.file);
}

/** Why a snapshot could not be written, as it was: the program stopping, the disk, the folder. */
function backupFailure(core: LocalCore, folder: string, e: unknown): AppError {
  if (!core.db.open) {
    return new AppError('internal', 'Резервная копия не записана: программа завершала работу и закрыла базу данных, не дождавшись конца копирования. Незаконченная копия удалена; копия будет сделана при следующем запуске.', e);
  }
  const storage = storageProblem(e);
  if (storage?.code === 'db_damaged') return storage;
  const code = (e as { code?: unknown } | null)?.code?.toString() ?? '';
  const why = code === 'SQLITE_FULL' ? 'на диске нет места' : code.startsWith('SQLITE_READONLY') ? 'диск защищён от записи' : code.startsWith('SQLITE_') ? code : fsReason(e);
  return new AppError('internal', `Не удалось записать резервную копию в «${folder}» (${why}): проверьте, что папка доступна для записи и на диске есть место.`, e);
}

/**
 * A snapshot of the open register, checked, then the rotation applied to the folder. `progress`
 * (a job's) hears pages copied of the total, then the check; throwing from it stops the backup,
 * its copy removed.
 */
export async function makeBackup(core: LocalCore, reason: BackupReason, file?: string, progress?: Report): Promise<BackupInfo> {
  const at = core.now();
  const folder = backupFolder(core);
  const target = file ?? join(folder, `reestr-${stamp(at)}-${reason}.sqlite`);
  let stopped: { by: unknown } | undefined;
  try {
    privateFolder(dirname(target), { chmodExisting: dirname(target) === defaultBackupFolder(core.file) });
    await core.db.backup(target, {
      progress: ({ totalPages, remainingPages }) => {
        try {
          progress?.(totalPages - remainingPages, totalPages, { stage: 'copying' });
        } catch (e) {
          stopped = { by: e };
          throw e;
        }
        // Pages a step: small enough for a cancel to be heard soon, large enough to cost nothing.
        return 1000;
      },
    });
    makePrivateFile(target);
  } catch (e) {
    // A copy cut short is no backup: it would be listed, and stand for the day's.
    rmSync(target, { force: true });
    if (stopped) throw stopped.by;
    throw backupFailure(core, dirname(target), e);
  }
  try {
    progress?.(0, 0, { stage: 'checking' });
    // The copy keeps the register's WAL mode, and every reader would leave «-wal» and «-shm» files
    // beside it: a backup is one self-contained file.
    const copy = openSqlite(target);
    copy.pragma('journal_mode = DELETE');
    copy.close();
    inspectBackup(target);
  } catch (e) {
    rmSync(target, { force: true });
    throw e;
  }
  if (!file) rotate(folder);
  // The time as the name keeps it, to the second, so a backup made and one listed compare equal.
  return { file: target, at: `${at.slice(0, 19)}Z`, reason, bytes: statSync(target).size };
}

export function listBackups(folder: string): BackupInfo[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names
    .map((name) => ({ name, m: NAME.exec(name) }))
    .filter((x): x is { name: string; m: RegExpExecArray } => x.m !== null)
    .map(({ name, m }) => ({
      file: join(folder, name),
      at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`,
      reason: m[5] as BackupReason,
      bytes: statSync(join(folder, name)).size,
    }))
    .sort((a, b) => (a.at < b.at ? 1 : -1));
}

/** A week told by its Monday. */
function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/**
 * Keeps the newest automatic snapshot of each of the last 7 days, 4 weeks and 12 months, and the
 * last 10 taken before imports; manual ones and those taken before a restore or a migration stay.
 */
export function rotate(folder: string): string[] {
  const backups = listBackups(folder);
  const keep = new Set<string>();
  const newestPer = (key: (b: BackupInfo) => string, count: number) => {
    const seen = new Set<string>();
    for (const b of backups.filter((x) => x.reason === 'daily')) {
      const k = key(b);
      if (seen.has(k)) continue;
      seen.add(k);
      if (seen.size > count) break;
      keep.add(b.file);
    }
  };
  newestPer((b) => b.at.slice(0, 10), KEEP.daily);
  newestPer((b) => mondayOf(b.at.slice(0, 10)), KEEP.weekly);
  newestPer((b) => b.at.slice(0, 7), KEEP.monthly);
  backups.filter((b) => b.reason === 'import').slice(0, KEEP.import).forEach((b) => keep.add(b.file));
  const removed = backups.filter((b) => (b.reason === 'daily' || b.reason === 'import') && !keep.has(b.file)).map((b) => b.file);
  for (const file of removed) rmSync(file, { force: true });
  return removed;
}

/** The day's first start takes a snapshot; null when one was taken today already. */
export async function dailyBackup(core: LocalCore): Promise<BackupInfo | null> {
  const today = core.now().slice(0, 10);
  if (listBackups(backupFolder(core)).some((b) => b.at.startsWith(today))) return null;
  return makeBackup(core, 'daily');
}

// Tables in an order their references allow; the full-text index is rebuilt from the events.
const TABLES = ['settings', 'import_batches', 'refs', 'agreements', 'agreement_parties', 'agreement_spheres', 'events', 'event_texts',
  'event_spheres', 'event_partners', 'change_log', 'import_profiles', 'report_drafts'];

/**
 * Replaces the register's contents with the backup's, after checking it and taking a snapshot of the
 * register as it is: one transaction, so it is all done or not at all.
 */
export async function restoreBackup(core: LocalCore, file: string, progress?: Report): Promise<{ safety: BackupInfo; contents: BackupContents }> {
  progress?.(0, 0, { stage: 'checking' });
  const contents = inspectBackup(file);
  // A copy made by an earlier version is brought up to this one's schema first, in a copy of its own.
  const upgraded = contents.schemaVersion < SCHEMA_VERSION ? upgradedCopy(core, file) : null;
  try {
    const safety = await safetySnapshot(core, progress);
    copyContents(core, upgraded ?? file, basename(file), progress);
    return { safety, contents };
  } finally {
    if (upgraded) for (const suffix of ['', '-wal', '-shm', CHECKED_SUFFIX]) rmSync(`${upgraded}${suffix}`, { force: true });
  }
}

/**
 * The snapshot taken before a restore. When it fails its check the register itself is damaged: it is
 * not written to, and the restore is done the way of a damaged register (kept aside as it is, the
 * backup put in its place), which the next opening offers.
 */
async function safetySnapshot(core: LocalCore, progress?: Report): Promise<BackupInfo> {
  try {
    return await makeBackup(core, 'restore', undefined, progress);
  } catch (e) {
    const damaged = e instanceof AppError && e.code === 'validation' ? (e.details as { damaged?: string } | undefined)?.damaged : undefined;
    if (damaged === undefined && !(e instanceof AppError && e.code === 'db_damaged')) throw e;
    markDamaged(core.db);
    throw new AppError('db_damaged', `База данных «${core.file}» повреждена (${(damaged ?? (e as AppError).message).replace(/\s+/g, ' ').slice(0, 200)}): копию нельзя восстановить поверх неё, не записав в повреждённый файл. Повторите восстановление той же копии: программа сохранит повреждённый файл рядом как есть и поставит копию на его место.`, e);
  }
}

/** A copy of an older backup, migrated to the present schema, beside the register. */
function upgradedCopy(core: LocalCore, file: string): string {
  const copy = join(dirname(core.file), `restore-upgrade-${process.pid}.sqlite`);
  try {
    copyFileSync(file, copy);
    makePrivateFile(copy);
    closeDatabase(openDatabase(copy));
    return copy;
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm', CHECKED_SUFFIX]) rmSync(`${copy}${suffix}`, { force: true });
    if (e instanceof AppError) throw e;
    throw new AppError('internal', `Не удалось подготовить копию «${basename(file)}» к восстановлению (${(e as NodeJS.ErrnoException).code ?? String(e)}): проверьте, что на диске есть место.`, e);
  }
}

/**
 * Replaces every table's rows by the copy's, in one transaction; the chosen backup folder stays.
 * A file's own business: on the connection itself, without the store.
 */
function copyContents(core: LocalCore, file: string, shownName: string, progress?: Report): void {
  const { db } = core;
  const settings = createSettingsRepo(db);
  const folder = settings.get<string>('backupFolder');
  db.prepare('ATTACH DATABASE ? AS backup').run(file);
  try {
    db.pragma('foreign_keys = OFF');
    // Progress: the tables copied, then the events indexed; a throw from it (a cancel) rolls it all back.
    writeTransaction(db, () => {
      const events = db.prepare('SELECT count(*) FROM backup.events').pluck().get() as number;
      const total = TABLES.length + events;
      progress?.(0, total, { stage: 'writing' });
      db.exec(`INSERT INTO main.events_fts (events_fts) VALUES ('delete-all')`);
      for (const table of [...TABLES].reverse()) db.exec(`DELETE FROM main.${table}`);
      for (const [i, table] of TABLES.entries()) {
        db.exec(`INSERT INTO main.${table} SELECT * FROM backup.${table}`);
        progress?.(i + 1, total, { stage: 'writing' });
      }
      const index = db.prepare('INSERT INTO events_fts (rowid, body) VALUES (?, ?)');
      const texts = db.prepare('SELECT e.id, e.title, t.description, t.participants, t.outcomes FROM events e JOIN event_texts t ON t.event_id = e.id').raw();
      let indexed = 0;
      for (const [id, title, description, participants, outcomes] of texts.all() as [number, string, string | null, string | null, string | null][]) {
        index.run(id, indexText(title, description, participants, outcomes));
        if (++indexed % 1000 === 0) progress?.(TABLES.length + indexed, total, { stage: 'writing' });
      }
      progress?.(total, total, { stage: 'writing' });
      const broken = db.pragma('foreign_key_check') as unknown[];
      if (broken.length) throw new AppError('validation', `В резервной копии «${shownName}» нарушены связи между записями (${broken.length}); восстановление отменено.`);
      if (folder === undefined) settings.delete('backupFolder');
      else settings.set('backupFolder', folder);
    });
  } finally {
    db.pragma('foreign_keys = ON');
    db.prepare('DETACH DATABASE backup').run();
  }
}

/**
 * For a register too damaged to open: the damaged file is kept aside as it is, byte for byte
 * («…damaged-<time>», with its logs), never checked as a backup would be, and the checked backup put
 * in its place. Nothing is deleted but the note of its last clean close.
 */
export function replaceDamaged(databaseFile: string, backupFile: string, now: string): { keptAs: string; contents: BackupContents } {
  const contents = inspectBackup(backupFile);
  const keptAs = `${databaseFile}.damaged-${stamp(now)}`;
  renameSync(databaseFile, keptAs);
  for (const suffix of ['-wal', '-shm', '-journal']) {
    try {
      renameSync(`${databaseFile}${suffix}`, `${keptAs}${suffix}`);
    } catch {
      // no log beside it
    }
  }
  rmSync(`${databaseFile}${CHECKED_SUFFIX}`, { force: true });
  copyFileSync(backupFile, databaseFile);
  makePrivateFile(databaseFile);
  return { keptAs, contents };
}


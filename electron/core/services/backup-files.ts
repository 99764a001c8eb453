// The backup folder the user chooses, and copies the user picks on their disk: checked before anything uses them.
import { createHash, randomBytes } from 'node:crypto';
import { rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, resolve } from 'node:path';
import { openSqlite } from '../db/sqlite';
import { AppError } from '../../../shared/errors';
import { BACKUP_NAME, type BackupPreview, type BackupReason } from '../../../shared/schema/backup';
import { fsReason } from '../fs-reason';
import { makePrivateFile, privateFolder } from '../private-files';
import { inspectBackup } from './backups';

/**
 * Checks a folder for backups: a full path, existing or created now, a folder, writable (a file is
 * written and removed). Returns the path as it will be stored.
 */
export function checkBackupFolder(path: string): string {
  if (!isAbsolute(path)) {
    throw new AppError('validation', `Укажите полный путь к папке, например «D:\\Резервные копии» или «/media/пользователь/FLASH/Реестр».`);
  }
  const folder = resolve(path);
  try {
    privateFolder(folder);
  } catch (e) {
    throw new AppError('validation', `Папку «${folder}» не удалось открыть или создать (${fsReason(e)}). Проверьте, что диск или флешка подключены и путь написан верно.`, e);
  }
  if (!statSync(folder).isDirectory()) throw new AppError('validation', `«${folder}» — это файл, а не папка.`);
  const probe = join(folder, `.reestr-check-${randomBytes(6).toString('hex')}`);
  try {
    writeFileSync(probe, 'Проверка записи Реестра сотрудничества; файл можно удалить.');
  } catch (e) {
    throw new AppError('validation', `В папку «${folder}» нельзя записывать (${fsReason(e)}): выберите другую папку.`, e);
  } finally {
    rmSync(probe, { force: true });
  }
  return folder;
}

/** What a backup's name tells: when and why it was made. */
export function nameInfo(name: string): { at: string | null; reason: BackupReason | null } {
  const m = BACKUP_NAME.exec(name);
  return m ? { at: `${m[1]}T${m[2]}:${m[3]}:${m[4]}Z`, reason: m[5] as BackupReason } : { at: null, reason: null };
}

interface Upload {
  id: string;
  file: string;
  fileName: string;
}

/**
 * A copy the user picked on their disk, sent as bytes: kept in one file beside the database (the
 * user's own folder) until it is restored or another one is picked.
 */
export function createUploads(databaseFile: string) {
  let last: Upload | null = null;
  const file = join(dirname(databaseFile), 'uploaded-backup.sqlite');
  const discard = () => {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
    last = null;
  };
  return {
    /** Writes the bytes, checks them as a backup, tells what they hold. */
    upload({ fileName, data }: { fileName: string; data: string }): BackupPreview {
      discard();
      const bytes = Buffer.from(data, 'base64');
      const shown = basename(fileName.replace(/\\/g, '/'));
      try {
        writeFileSync(file, bytes, { mode: 0o600 });
        makePrivateFile(file);
        // A copy of a live register may be in WAL mode: switched out of it, so reading leaves nothing beside it.
        const db = openSqlite(file);
        db.pragma('journal_mode = DELETE');
        db.close();
      } catch (e) {
        discard();
        if ((e as { code?: string }).code?.startsWith('SQLITE_')) {
          throw new AppError('validation', `Файл «${shown}» не является резервной копией Реестра или повреждён.`, e);
        }
        throw new AppError('internal', `Не удалось принять файл «${shown}» (${fsReason(e)}).`, e);
      }
      let contents;
      try {
        contents = inspectBackup(file);
      } catch (e) {
        discard();
        if (e instanceof AppError) throw new AppError(e.code, e.message.replaceAll(`«${basename(file)}»`, `«${shown}»`), e.details);
        throw e;
      }
      const id = createHash('sha256').update(bytes).digest('hex');
      last = { id, file, fileName: shown };
      return { source: { uploadId: id }, fileName: shown, ...nameInfo(shown), bytes: bytes.length, contents };
    },
    /** The file of an upload, while it is the last one. */
    fileOf(uploadId: string): string {
      if (!last || last.id !== uploadId) throw new AppError('not_found', 'Выбранный файл копии больше не открыт: выберите его снова.');
      return last.file;
    },
    discard,
  };
}

// Failures of the disk and the database file in words a clerk can act on.
import { AppError } from '../../shared/errors';

/** A file-system failure in a few words. */
export function fsReason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code ?? '';
  const reasons: Record<string, string> = {
    EACCES: 'нет прав на запись',
    EPERM: 'нет прав на запись',
    EROFS: 'диск защищён от записи',
    ENOSPC: 'на диске нет места',
    ENOENT: 'нет такого диска или папки',
    ENOTDIR: 'часть пути — файл, а не папка',
    EEXIST: 'на месте папки — файл',
    EBUSY: 'диск занят',
    EIO: 'ошибка чтения или записи диска',
  };
  return reasons[code] ?? (code || 'неизвестная ошибка');
}

/** What kind of storage trouble a failure is: the one triage of SQLite's and the disk's codes. */
export type StorageKind = 'damaged' | 'full' | 'readonly' | 'locked' | 'cantopen';

/** The storage trouble `e` (an error with a SQLite or file-system code) is, or null for any other failure. */
export function storageKind(e: unknown): StorageKind | null {
  const code = (e as { code?: unknown } | null)?.code?.toString() ?? '';
  if (code.startsWith('SQLITE_CORRUPT') || code === 'SQLITE_NOTADB') return 'damaged';
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return 'full';
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') return 'readonly';
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return 'locked';
  if (code.startsWith('SQLITE_CANTOPEN') || code === 'SQLITE_PERM' || code === 'EACCES' || code === 'EPERM') return 'cantopen';
  return null;
}

/**
 * A write the storage refused (a full disk, a read-only medium, a register locked by another copy, a
 * damaged file), as a Russian message; null for any other failure.
 */
export function storageProblem(e: unknown): AppError | null {
  switch (storageKind(e)) {
    case 'damaged':
      return new AppError('db_damaged', 'База данных повреждена: изменение не сохранено, и программа больше в неё не пишет. Восстановите её из резервной копии.', e);
    case 'full':
      return new AppError('db_unavailable', 'На диске нет свободного места: изменение не сохранено. Освободите место на диске и повторите.', e);
    case 'readonly':
      return new AppError('db_unavailable', 'База данных сейчас доступна только для чтения (диск защищён от записи или нет прав): изменение не сохранено.', e);
    case 'locked':
      return new AppError('db_unavailable', 'База данных занята другой программой или другой копией Реестра: изменение не сохранено. Повторите через минуту.', e);
    default:
      return null;
  }
}

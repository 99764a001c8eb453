// A file-system failure in words a clerk can act on.
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

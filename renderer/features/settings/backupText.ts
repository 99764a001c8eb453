// How backups are told to the clerk: local date and time in words, size, what a copy holds.
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { BackupContentsDto } from '../../../shared/schema/backup';

/** «24 ноября 2026 г., 09:30» in the computer's time zone (backups are named in UTC). */
export function backupTime(iso: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const date = at.toLocaleDateString('ru-RU', { day: 'numeric', month: 'long', year: 'numeric' });
  const time = at.toLocaleTimeString('ru-RU', { hour: '2-digit', minute: '2-digit' });
  return `${date}, ${time}`;
}

/** «356 КБ», «12,4 МБ». */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.ceil(bytes / 1024)).toLocaleString('ru-RU')} КБ`;
  return `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} МБ`;
}

/** The copy as the clerk knows it: «от 24 ноября 2026 г., 09:30», else its file name. */
export function copyName(copy: { at: string | null; fileName: string }): string {
  return copy.at ? `от ${backupTime(copy.at)}` : `«${copy.fileName}»`;
}

/** «9 мероприятий и 1 соглашение». */
export function contentsText(contents: BackupContentsDto): string {
  return `${countOf(contents.events, EVENT_FORMS)} и ${countOf(contents.agreements, AGREEMENT_FORMS)}`;
}

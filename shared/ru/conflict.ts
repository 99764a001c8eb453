// The words of a save refused because someone changed the record after the clerk opened it.
import { MONTHS_GENITIVE } from './dates';

/** A moment (an ISO timestamp) in the computer's own time, as a sentence says it: «5 декабря 2026 г. в 10:42». */
export function momentPhrase(timestamp: string): string {
  const at = new Date(timestamp);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getDate()} ${MONTHS_GENITIVE[at.getMonth()] ?? ''} ${at.getFullYear()} г. в ${two(at.getHours())}:${two(at.getMinutes())}`;
}

const WHAT_NEXT = 'Ваши изменения не сохранены.';

/** The refusal, naming who made the latest change and when, where the change log knows. */
export function conflictMessage(last: { user: string; at: string } | undefined): string {
  return last
    ? `Запись изменил(а) ${last.user} ${momentPhrase(last.at)}, после того как вы её открыли. ${WHAT_NEXT}`
    : `Запись изменена после того, как вы её открыли. ${WHAT_NEXT}`;
}

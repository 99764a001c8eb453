// Small helpers every form of the app uses the same way.
import { isIsoDate, isoDate } from '../../shared/dates';

/** Select options from a code → Russian label table. */
export function options(labels: Readonly<Record<string, string>>): { value: string; label: string }[] {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

/** How date fields show dates: ДД.ММ.ГГГГ. */
export const DAY_FORMAT = 'DD.MM.YYYY';

/** «27.08.2021» typed by hand into a date field. */
export function parseTypedDate(text: string): string | null {
  const m = /^\s*(\d{1,2})\.(\d{1,2})\.(\d{4})\s*$/.exec(text);
  if (!m) return null;
  const iso = isoDate(Number(m[3]), Number(m[2]), Number(m[1]));
  return isIsoDate(iso) ? iso : null;
}

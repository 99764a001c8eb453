// The events table as CSV for Russian Excel: UTF-8 with a BOM, «;» between fields, formulas defused.
import type { EventRow } from '../../../shared/schema/event';
import { formatDateRange } from '../../../shared/ru/dates';
import { placeLine } from '../../../shared/ru/place';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';

const HEADER = ['Сроки', 'Название', 'Вид', 'Место', 'Формат', 'Статус'];

/** A field as Excel reads it back as text: quoted where needed, and «=», «+», «-», «@» not taken for a formula. */
function field(value: string | null): string {
  let text = value ?? '';
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[";\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function eventsCsv(events: readonly EventRow[]): Buffer {
  const lines = [HEADER, ...events.map((e) => [
    formatDateRange(e.startDate, e.endDate, e.datePrecision), e.title, e.kind, placeLine(e),
    e.format ? FORMAT_LABELS[e.format] : null, EVENT_STATUS_LABELS[e.status],
  ])].map((cells) => cells.map(field).join(';'));
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}

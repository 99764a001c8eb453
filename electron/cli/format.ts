// Human-readable output of the CLI: aligned tables and field lists, in Russian.
import type { Agreement } from '../../shared/schema/agreement';
import type { Event } from '../../shared/schema/event';
import type { ImportBatch } from '../../shared/schema/import';
import type { BackupInfo } from '../core/services/backups';
import type { Ref } from '../../shared/schema/reference';
import { formatDate, formatDateRange } from '../../shared/ru/dates';
import { agreementStateText, agreementTermText } from '../../shared/agreement-term';
import { todayIso } from '../../shared/dates';
import { placeLine } from '../../shared/ru/place';
import { AGREEMENT_KIND_LABELS, BACKUP_REASON_LABELS, EVENT_STATUS_LABELS, FORMAT_LABELS, PRECISION_LABELS } from '../../shared/ru/labels';

/**
 * Control characters (C0 but line feed and tab, DEL, C1) and the bidirectional overrides that could move or
 * recolour text on a terminal: a file or record name holding ESC [ 31m must print as text, not as a command.
 */
const TERMINAL_CONTROLS = /[^\P{Cc}\t\n]|[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/gu;

/** Shown in place of each control character, so that the user sees something was there. */
export const CONTROL_PLACEHOLDER = '\uFFFD';

/** Text as it may reach a terminal: our own line breaks and tabs kept, every other control character replaced. */
export function terminalText(text: string): string {
  return text.replace(/\r\n/g, '\n').replace(TERMINAL_CONTROLS, CONTROL_PLACEHOLDER);
}

/**
 * A value as JSON for the terminal: JSON escapes C0 itself; the other controls are escaped too, so that a script
 * reading the output gets the stored text exactly and the terminal gets no command.
 */
export function jsonText(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(TERMINAL_CONTROLS, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** One table cell or field value on one line: line breaks and tabs in a record become spaces. */
function oneLine(text: string): string {
  return terminalText(text).replace(/[\t\n]/g, ' ');
}

function clip(text: string, width: number): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

/** Columns padded to their widest cell; the last column is not padded. */
export function table(header: readonly string[], rows: readonly (readonly string[])[], maxWidths: readonly number[] = []): string {
  const clipped = [header, ...rows].map((row) => row.map((cell, i) => clip(oneLine(cell), maxWidths[i] ?? 80)));
  // A reduce, not Math.max(...): a preview of 175,000 rows would overflow the call stack.
  const widths = header.map((_, i) => clipped.reduce((widest, row) => Math.max(widest, (row[i] ?? '').length), 0));
  return clipped
    .map((row) => row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ').trimEnd())
    .join('\n');
}

export function eventDates(e: Pick<Event, 'startDate' | 'endDate' | 'datePrecision'>): string {
  return formatDateRange(e.startDate, e.endDate, e.datePrecision);
}

export function eventsTable(events: readonly Event[]): string {
  return table(
    ['№', 'Сроки', 'Вид', 'Название', 'Место'],
    events.map((e) => [String(e.id), eventDates(e), e.kind ?? '', e.title, placeLine(e)]),
    [8, 30, 24, 70, 50],
  );
}

function fields(pairs: readonly [string, string | null | undefined][]): string {
  const shown = pairs.filter((p): p is [string, string] => Boolean(p[1]));
  const width = Math.max(...shown.map(([label]) => label.length));
  return shown.map(([label, value]) => `${`${label}:`.padEnd(width + 1)} ${value}`).join('\n');
}

export function eventCard(e: Event): string {
  return fields([
    ['Мероприятие', `№ ${e.id}`],
    ['Название', e.title],
    ['Вид', e.kind],
    ['Сроки', `${eventDates(e)} (${PRECISION_LABELS[e.datePrecision]})`],
    ['Место', placeLine(e)],
    ['Площадка', e.venue],
    ['Формат', e.format && FORMAT_LABELS[e.format]],
    ['Сферы', e.spheres.join(', ')],
    ['Партнёры', e.partners.join(', ')],
    ['Участники', e.participants],
    ['Ответственный', e.organizer],
    ['Итоги', e.outcomes],
    ['Описание', e.description],
    ['Статус', EVENT_STATUS_LABELS[e.status]],
    ['Соглашение', e.agreementId ? `№ ${e.agreementId}: ${e.agreementTitle ?? ''}` : null],
    ['В корзине с', e.deletedAt && formatDate(e.deletedAt.slice(0, 10))],
  ]);
}

function term(a: Agreement): string {
  return agreementTermText(a, todayIso());
}

function state(a: Agreement): string {
  return agreementStateText(a, todayIso());
}

export function agreementsTable(agreements: readonly Agreement[]): string {
  return table(
    ['№', 'Вид', 'Номер', 'Подписано', 'Срок', 'Статус', 'Название'],
    agreements.map((a) => [
      String(a.id),
      AGREEMENT_KIND_LABELS[a.kind],
      a.number ?? '',
      a.signedOn ? formatDate(a.signedOn) : '',
      term(a),
      state(a),
      a.title,
    ]),
    [8, 12, 16, 10, 16, 12, 90],
  );
}

export function agreementCard(a: Agreement): string {
  return fields([
    ['Соглашение', `№ ${a.id}`],
    ['Название', a.title],
    ['Вид', AGREEMENT_KIND_LABELS[a.kind]],
    ['Номер', a.number],
    ['Стороны', a.parties.join('; ')],
    ['Подписано', a.signedOn && formatDate(a.signedOn)],
    ['Действует с', a.validFrom && formatDate(a.validFrom)],
    ['Срок действия', (a.validUntil ? `до ${formatDate(a.validUntil)}` : 'бессрочно') + (a.autoProlongation ? ', с автопролонгацией' : '')],
    ['Статус', state(a)],
    ['Сферы', a.spheres.join(', ')],
    ['Ответственный', a.department],
    ['Примечание', a.notes],
    ['Мероприятий', String(a.eventCount)],
  ]);
}

export function refsTable(refs: readonly Ref[]): string {
  const grammar = (r: Ref) =>
    [r.gender && `род: ${r.gender}`, r.genitive && `р. п.: ${r.genitive}`, r.instrumental && `тв. п.: ${r.instrumental}`, r.locative && `п. п.: ${r.locative}`]
      .filter(Boolean)
      .join('; ');
  return table(
    ['№', 'Название', 'Входит в', 'Формы', 'Записей'],
    refs.map((r) => [String(r.id), r.name, r.parentName ?? '', grammar(r), String(r.usage ?? '')]),
    [8, 60, 40, 80, 8],
  );
}

export function batchesTable(batches: readonly ImportBatch[]): string {
  return table(
    ['№', 'Когда', 'Файл', 'Добавлено', 'Обновлено', 'Состояние'],
    batches.map((b) => [
      String(b.id),
      `${formatDate(b.createdAt.slice(0, 10))} ${b.createdAt.slice(11, 16)}`,
      `${b.fileName}${b.sheet ? ` (${b.sheet})` : ''}`,
      String(b.created),
      String(b.updated),
      b.undoneAt ? `отменён ${formatDate(b.undoneAt.slice(0, 10))}` : `в реестре: ${b.events}`,
    ]),
    [6, 18, 60, 10, 10, 30],
  );
}

const BACKUP_REASONS = BACKUP_REASON_LABELS;

export function backupsTable(backups: readonly BackupInfo[]): string {
  return table(
    ['Когда', 'Почему', 'Размер', 'Файл'],
    backups.map((b) => [`${formatDate(b.at.slice(0, 10))} ${b.at.slice(11, 16)}`, BACKUP_REASONS[b.reason], `${Math.ceil(b.bytes / 1024).toLocaleString('ru-RU')} КБ`, b.file]),
    [18, 24, 12, 200],
  );
}

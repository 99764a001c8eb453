// A record's fields as the clerk reads them in its change history (names, dates, «да»/«нет»), and
// the words that name each kind of record.
import type { DatePrecision } from '../schema/common';
import type { FieldChange } from '../schema/history';
import type { RecordKindName } from '../record-kinds';
import { formatDate, formatDateRange } from './dates';
import {
  AGREEMENT_FIELD_LABELS,
  AGREEMENT_KIND_LABELS,
  AGREEMENT_STATUS_LABELS,
  EVENT_FIELD_LABELS,
  EVENT_STATUS_LABELS,
  FORMAT_LABELS,
  PRECISION_LABELS,
} from './labels';

/** How texts name a kind of record: «мероприятие», «в мероприятии», «восстановите его». */
export interface RecordWords {
  one: string;
  genitive: string;
  prepositional: string;
  /** The pronoun in the accusative: «его», «её». */
  it: string;
}

export const RECORD_WORDS: Record<RecordKindName, RecordWords> = {
  event: { one: 'мероприятие', genitive: 'мероприятия', prepositional: 'мероприятии', it: 'его' },
  agreement: { one: 'соглашение', genitive: 'соглашения', prepositional: 'соглашении', it: 'его' },
};

/** A version of a record: all its fields, or the few a change kept. */
export type Fields = Readonly<Record<string, unknown>>;

/** How an empty field reads: the card shows it as «пусто». */
export const EMPTY_VALUE = '—';
const EMPTY = EMPTY_VALUE;

function plain(value: unknown): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (Array.isArray(value)) return value.length > 0 ? value.join(', ') : EMPTY;
  if (typeof value === 'boolean') return value ? 'да' : 'нет';
  return String(value);
}

function labelOf(labels: Readonly<Record<string, string>>, value: unknown): string {
  return typeof value === 'string' && Object.hasOwn(labels, value) ? (labels[value] as string) : plain(value);
}

function date(value: unknown): string {
  return typeof value === 'string' ? formatDate(value) : EMPTY;
}

function eventValue(field: string, f: Fields): string {
  switch (field) {
    case 'dates': {
      const { startDate, endDate, datePrecision } = f;
      if (typeof startDate !== 'string' || typeof endDate !== 'string' || typeof datePrecision !== 'string' || !Object.hasOwn(PRECISION_LABELS, datePrecision)) return EMPTY;
      return formatDateRange(startDate, endDate, datePrecision as DatePrecision);
    }
    case 'format':
      return labelOf(FORMAT_LABELS, f.format);
    case 'status':
      return labelOf(EVENT_STATUS_LABELS, f.status);
    case 'agreementId':
      return f.agreementId === null || f.agreementId === undefined ? EMPTY : plain(f.agreementTitle ?? `№ ${plain(f.agreementId)}`);
    default:
      return plain(f[field]);
  }
}

function agreementValue(field: string, f: Fields): string {
  switch (field) {
    case 'kind':
      return labelOf(AGREEMENT_KIND_LABELS, f.kind);
    case 'status':
      return labelOf(AGREEMENT_STATUS_LABELS, f.status);
    case 'signedOn':
    case 'validFrom':
      return date(f[field]);
    case 'validUntil':
      return f.validUntil === null ? 'бессрочно' : date(f.validUntil);
    default:
      return plain(f[field]);
  }
}

/** Each kind's fields in the card's order with their labels, and how a field's value reads. */
const FIELD_VIEWS: Record<RecordKindName, { labels: Readonly<Record<string, string>>; value: (field: string, f: Fields) => string }> = {
  event: { labels: EVENT_FIELD_LABELS, value: eventValue },
  agreement: { labels: AGREEMENT_FIELD_LABELS, value: agreementValue },
};

/** The stored fields a shown field is made of. */
function sourcesOf(field: string): string[] {
  return field === 'dates' ? ['startDate', 'endDate', 'datePrecision'] : [field];
}

/**
 * The fields that differ between two versions, in the card's order, with their values as the clerk
 * reads them. A field missing from either version (a change that kept only a few) is not compared.
 */
export function fieldChanges(entity: RecordKindName, before: Fields, after: Fields): FieldChange[] {
  const { labels, value } = FIELD_VIEWS[entity];
  const changes: FieldChange[] = [];
  for (const [field, label] of Object.entries(labels)) {
    const sources = sourcesOf(field);
    if (!sources.every((key) => Object.hasOwn(before, key) && Object.hasOwn(after, key))) continue;
    if (sources.every((key) => JSON.stringify(before[key]) === JSON.stringify(after[key]))) continue;
    changes.push({ field, label, before: value(field, before), after: value(field, after) });
  }
  return changes;
}

// Russian names of the fixed lists: formats, statuses, precisions, agreement kinds, reference lists.
import type { AgreementKind, AgreementStatus } from '../schema/agreement';
import type { DatePrecision } from '../schema/common';
import type { EventFormat, EventStatus } from '../schema/event';
import type { RefKind } from '../schema/reference';
import { nameKey } from './normalize';
import type { DuplicateDecision, ImportField, RowStatus, TextEncoding } from '../schema/import';
import type { BackupReason } from '../schema/backup';

export const FORMAT_LABELS: Record<EventFormat, string> = {
  in_person: 'очно',
  remote: 'дистанционно',
  videoconference: 'видео-конференц-связь',
  hybrid: 'смешанный',
};

export const EVENT_STATUS_LABELS: Record<EventStatus, string> = {
  planned: 'запланировано',
  held: 'проведено',
  cancelled: 'отменено',
  postponed: 'перенесено',
};

export const PRECISION_LABELS: Record<DatePrecision, string> = {
  day: 'точная дата',
  month: 'месяц',
  quarter: 'квартал',
  year: 'год',
};

export const AGREEMENT_KIND_LABELS: Record<AgreementKind, string> = {
  agreement: 'соглашение',
  contract: 'договор',
  memorandum: 'меморандум',
  plan: 'план',
  protocol: 'протокол',
  other: 'иное',
};

export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  draft: 'проект',
  active: 'действует',
  expired: 'истёк срок',
  terminated: 'расторгнуто',
};

export const REF_KIND_LABELS: Record<RefKind, string> = {
  kind: 'Виды мероприятий',
  sphere: 'Сферы сотрудничества',
  department: 'Подразделения',
  city: 'Города',
  country: 'Страны',
  region: 'Регионы',
  organisation: 'Организации',
};

/** The fields of an event as its card names them; `dates` stands for the start, end and precision together. */
export const EVENT_FIELD_LABELS = {
  title: 'Название',
  kind: 'Вид',
  dates: 'Сроки',
  format: 'Формат',
  status: 'Статус',
  city: 'Город',
  region: 'Регион',
  country: 'Страна',
  venue: 'Место проведения (площадка)',
  spheres: 'Сферы сотрудничества',
  partners: 'Партнёры',
  organizer: 'Ответственный',
  agreementId: 'Соглашение',
  participants: 'Участники',
  outcomes: 'Итоги',
  description: 'Описание',
} as const;

/** The fields of an agreement as its card names them. */
export const AGREEMENT_FIELD_LABELS = {
  title: 'Название',
  kind: 'Вид',
  number: 'Номер',
  status: 'Статус',
  parties: 'Стороны',
  signedOn: 'Подписано',
  validFrom: 'Действует с',
  validUntil: 'Действует до',
  autoProlongation: 'Автоматическая пролонгация',
  spheres: 'Сферы сотрудничества',
  department: 'Ответственное подразделение',
  notes: 'Примечание',
} as const;

/** What a column of a partner's file can be imported as. */
export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  title: 'Название мероприятия',
  startDate: 'Сроки (или дата начала)',
  endDate: 'Дата окончания',
  city: 'Место проведения (город)',
  venue: 'Площадка, адрес',
  region: 'Регион',
  country: 'Страна',
  format: 'Формат',
  spheres: 'Сфера сотрудничества',
  kind: 'Вид мероприятия',
  partners: 'Партнёры',
  participants: 'Участники',
  organizer: 'Ответственный',
  outcomes: 'Итоги',
  description: 'Примечание, описание',
  status: 'Статус',
  datePrecision: 'Точность даты',
  agreementId: 'Соглашение',
};

export const ROW_STATUS_LABELS: Record<RowStatus, string> = {
  new: 'новое',
  duplicate: 'дубликат',
  error: 'ошибка',
  skipped: 'пропущено',
};

export const DUPLICATE_DECISION_LABELS: Record<DuplicateDecision, string> = {
  skip: 'Пропустить',
  update: 'Обновить существующее',
  new: 'Импортировать как новое',
};

/** Why a backup was made, as the list of backups says it. */
export const BACKUP_REASON_LABELS: Record<BackupReason, string> = {
  daily: 'ежедневная',
  import: 'перед импортом',
  restore: 'перед восстановлением',
  manual: 'вручную',
  migration: 'перед обновлением',
};

/** A text file's encoding as the import names it. */
export const ENCODING_NAMES: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16',
  'utf-16be': 'UTF-16 (BE)',
  'windows-1251': 'Windows-1251',
};

/** The code a value names by its code or its Russian name («очно», `in_person`); undefined for neither. */
export function codeOfLabel<K extends string>(labels: Readonly<Record<K, string>>, text: string): K | undefined {
  const key = nameKey(text);
  return (Object.entries(labels) as [K, string][]).find(([code, label]) => code === text || nameKey(label) === key)?.[0];
}

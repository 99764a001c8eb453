// The register's tables as both back ends hold them (SQLite migrations 001–008, PostgreSQL 001): the
// columns a transfer copies, in an order parents come before children, and how each value is kept.
// Computed columns (SQLite's span_class and full-text index, PostgreSQL's search_body) are not here:
// each side's writer makes them as its own table modules do.

/** How a column's value is kept: SQLite integers 0/1 are PostgreSQL booleans; dates are ISO text on both. */
export type ColumnType = 'int' | 'text' | 'bool' | 'date';

export interface TableSpec {
  name: string;
  columns: readonly (readonly [string, ColumnType])[];
  /** The order rows are read in (their key). */
  order: string;
  /** The same order on PostgreSQL where text sorts by a locale there: bytes, as SQLite sorts. */
  pgOrder?: string;
  /** The identity column, whose sequence PostgreSQL moves past the copied ids. */
  identity?: string;
  /** Russian, for the counts the CLI prints and the refusals. */
  label: string;
}

const int = (name: string) => [name, 'int'] as const;
const text = (name: string) => [name, 'text'] as const;

export const TABLES: readonly TableSpec[] = [
  { name: 'settings', label: 'настройки', order: 'key', pgOrder: 'key COLLATE "C"', columns: [text('key'), text('value')] },
  {
    name: 'import_batches', label: 'пакеты импорта', order: 'id', identity: 'id',
    columns: [int('id'), text('file_name'), text('sheet'), text('created_at'), text('undone_at'), text('summary'), text('sha256'), text('options'), text('user_name')],
  },
  {
    name: 'import_profiles', label: 'шаблоны импорта', order: 'id', identity: 'id',
    columns: [int('id'), text('header_key'), text('name'), text('mapping'), text('used_at')],
  },
  {
    name: 'refs', label: 'записи справочников', order: 'id', identity: 'id',
    columns: [
      int('id'), text('kind'), int('parent_id'), text('name'), text('name_key'), text('gender'), text('genitive'), text('instrumental'),
      text('locative'), text('settlement'), ['hidden', 'bool'], int('batch_id'),
    ],
  },
  {
    name: 'agreements', label: 'соглашения', order: 'id', identity: 'id',
    columns: [
      int('id'), text('kind'), text('number'), text('title'), ['signed_on', 'date'], ['valid_from', 'date'], ['valid_until', 'date'],
      ['auto_prolongation', 'bool'], text('status'), int('department_id'), text('notes'), int('batch_id'), text('created_at'),
      text('updated_at'), text('deleted_at'), int('version'),
    ],
  },
  { name: 'agreement_parties', label: 'стороны соглашений', order: 'agreement_id, partner_id', columns: [int('agreement_id'), int('partner_id'), int('position')] },
  { name: 'agreement_spheres', label: 'сферы соглашений', order: 'agreement_id, sphere_id', columns: [int('agreement_id'), int('sphere_id'), int('position')] },
  {
    name: 'events', label: 'мероприятия', order: 'id', identity: 'id',
    columns: [
      int('id'), text('title'), int('kind_id'), ['start_date', 'date'], ['end_date', 'date'], text('date_precision'), int('city_id'),
      int('region_id'), int('country_id'), text('format'), int('organizer_id'), text('status'), int('agreement_id'), int('batch_id'),
      text('created_at'), text('updated_at'), text('deleted_at'), int('version'),
    ],
  },
  {
    name: 'event_texts', label: 'тексты мероприятий', order: 'event_id',
    columns: [int('event_id'), text('venue'), text('participants'), text('outcomes'), text('description')],
  },
  { name: 'event_spheres', label: 'сферы мероприятий', order: 'event_id, sphere_id', columns: [int('event_id'), int('sphere_id'), int('position')] },
  { name: 'event_partners', label: 'партнёры мероприятий', order: 'event_id, partner_id', columns: [int('event_id'), int('partner_id'), int('position')] },
  {
    name: 'report_drafts', label: 'черновики документов', order: 'id', identity: 'id',
    columns: [int('id'), text('kind'), text('period'), text('partner_key'), text('options'), text('report'), text('saved_at')],
  },
  {
    name: 'change_log', label: 'записи журнала изменений', order: 'id', identity: 'id',
    columns: [
      int('id'), text('at'), text('user_name'), text('action'), text('entity'), int('entity_id'), text('before'), text('after'),
      int('batch_id'), int('version_of'),
    ],
  },
];

export type Row = unknown[];

/** Rows copied so far of all, and the table being copied: for a progress line. */
export interface TransferProgress {
  copied: number;
  total: number;
  table: string;
}

/** Rows per table that were copied, by table name. */
export type TableCounts = Record<string, number>;

export interface TransferResult {
  counts: TableCounts;
  /** SHA-256 per table of its rows (transfer/rows.ts), the same on both sides. */
  checksums: Record<string, string>;
}

/** Rows read and written at a time: a register of 100,000 events is never held whole in memory. */
export const CHUNK = 2_000;

/** The search texts of an event in the order both indexes read them (db/events.ts, store/pg/events.ts). */
export const indexedParts = (title: unknown, texts: Row) =>
  [title, texts[4], texts[2], texts[3]] as (string | null)[]; // title, description, participants, outcomes

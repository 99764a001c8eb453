// The register's columns: what each shows and edits, and how the clerk's choice of them is laid out.
import { formatDateRange } from '../../../shared/ru/dates';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { placeLine } from '../../../shared/ru/place';
import type { EventDetails, EventFilter, EventRow } from '../../../shared/schema/event';
import type { RefKind } from '../../../shared/schema/reference';

export type ColumnId = 'dates' | 'title' | 'kind' | 'place' | 'format' | 'status' | 'partners' | 'spheres' | 'organizer' | 'agreement' | 'participants';

/** How a cell is edited in place: free text, a name from a reference list, or one of a fixed list. */
export type EditorKind = 'text' | 'dates' | 'ref' | 'list' | 'status' | 'format';

export interface ColumnDef {
  id: ColumnId;
  label: string;
  /** Width in pixels when the clerk has not dragged it; the title takes what is left besides. */
  width: number;
  sort?: EventFilter['sort'];
  editor?: EditorKind;
  /** The reference lists a `ref` or `list` editor offers. */
  refKinds?: RefKind[];
  /** Needs the event's details (a second request), not only its row. */
  details?: boolean;
  text: (row: EventRow, details: EventDetails | undefined) => string;
}

export const COLUMNS: readonly ColumnDef[] = [
  { id: 'dates', label: 'Сроки', width: 150, sort: 'startDate', editor: 'dates', text: (r) => formatDateRange(r.startDate, r.endDate, r.datePrecision) },
  { id: 'title', label: 'Название', width: 220, sort: 'title', editor: 'text', text: (r) => r.title },
  { id: 'kind', label: 'Вид', width: 120, sort: 'kind', editor: 'ref', refKinds: ['kind'], text: (r) => r.kind ?? '' },
  { id: 'place', label: 'Место', width: 150, editor: 'ref', refKinds: ['city'], text: (r) => placeLine(r) },
  { id: 'format', label: 'Формат', width: 110, editor: 'format', text: (r) => (r.format ? FORMAT_LABELS[r.format] : '') },
  { id: 'status', label: 'Статус', width: 115, editor: 'status', text: (r) => EVENT_STATUS_LABELS[r.status] },
  { id: 'partners', label: 'Партнёр', width: 160, details: true, editor: 'list', refKinds: ['country', 'region', 'organisation'], text: (_, d) => d?.partners.join(', ') ?? '' },
  { id: 'spheres', label: 'Сфера', width: 140, details: true, editor: 'list', refKinds: ['sphere'], text: (_, d) => d?.spheres.join(', ') ?? '' },
  { id: 'organizer', label: 'Ответственный', width: 150, details: true, editor: 'ref', refKinds: ['department'], text: (_, d) => d?.organizer ?? '' },
  { id: 'agreement', label: 'Соглашение', width: 170, details: true, text: (_, d) => d?.agreementTitle ?? '' },
  { id: 'participants', label: 'Участники', width: 170, details: true, text: (_, d) => d?.participants ?? '' },
];

export const COLUMN_BY_ID = new Map(COLUMNS.map((c) => [c.id, c]));
export const DEFAULT_COLUMNS: readonly ColumnId[] = ['dates', 'title', 'kind', 'place', 'format', 'status'];
export const MIN_WIDTH = 60;

export interface ColumnPrefs {
  /** The shown columns, in their order. */
  visible: ColumnId[];
  /** Widths the clerk dragged, by column. */
  widths: Partial<Record<ColumnId, number>>;
}

/** Keeps only known columns, each once, with sane widths: the stored text may be from another version. */
export function cleanPrefs(raw: unknown): ColumnPrefs {
  const value = (typeof raw === 'object' && raw !== null ? raw : {}) as { visible?: unknown; widths?: unknown };
  const visible = Array.isArray(value.visible) ? [...new Set(value.visible.filter((id): id is ColumnId => COLUMN_BY_ID.has(id as ColumnId)))] : [];
  const widths: Partial<Record<ColumnId, number>> = {};
  if (typeof value.widths === 'object' && value.widths !== null) {
    for (const [id, width] of Object.entries(value.widths)) {
      if (COLUMN_BY_ID.has(id as ColumnId) && typeof width === 'number' && Number.isFinite(width)) widths[id as ColumnId] = Math.min(800, Math.max(MIN_WIDTH, Math.round(width)));
    }
  }
  return { visible: visible.length > 0 ? visible : [...DEFAULT_COLUMNS], widths };
}

export const CHECK_WIDTH = 28;

/** The CSS grid columns: the checkbox, then each shown column; the title stretches to fill the width. */
export function gridTemplate({ visible, widths }: ColumnPrefs): string {
  const columns = visible.map((id) => {
    const width = widths[id] ?? COLUMN_BY_ID.get(id)?.width ?? 120;
    return id === 'title' ? `minmax(${width}px, 1fr)` : `${width}px`;
  });
  return [`${CHECK_WIDTH}px`, ...columns].join(' ');
}

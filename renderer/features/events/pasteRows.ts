// A block of cells copied from Excel (tab-separated text) read as new events, column by column in the grid's order.
import { parseDateText } from '../../../shared/ru/date-text';
import { nameKey } from '../../../shared/ru/normalize';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import type { EventFormat, EventStatus } from '../../../shared/schema/event';
import { COLUMN_BY_ID, type ColumnId } from './gridColumns';
import type { MethodInput } from '../../../shared/api';

type RawInput = MethodInput<'events.create'>;

/** Rows of cells as Excel writes them: tabs between cells, a line per row, a cell with a tab or line break in quotes. */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  const body = text.replace(/\r\n?/g, '\n');
  while (i < body.length) {
    const ch = body[i] as string;
    if (ch === '"' && cell === '') {
      // A quoted cell: "" inside is one quote.
      let j = i + 1;
      let quoted = '';
      for (; j < body.length; j++) {
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            quoted += '"';
            j++;
          } else break;
        } else quoted += body[j];
      }
      if (j < body.length && (j + 1 === body.length || body[j + 1] === '\t' || body[j + 1] === '\n')) {
        cell = quoted;
        i = j + 1;
        continue;
      }
    }
    if (ch === '\t') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

function byLabel<T extends string>(labels: Record<T, string>, text: string): T | undefined {
  const key = nameKey(text);
  return (Object.keys(labels) as T[]).find((value) => nameKey(labels[value]) === key || value === text.trim());
}

const list = (text: string) => text.split(/[;\n]/).map((s) => s.trim()).filter(Boolean);

export interface PastedRows {
  inputs: RawInput[];
  /** Russian, one per cell that cannot be read, naming its row and column. */
  errors: string[];
}

/**
 * New events from pasted rows: the i-th cell goes to the i-th shown column (those that cannot be
 * pasted into are skipped). A first row that repeats the column names is a header and is left out.
 */
export function pastedEvents(rows: string[][], columns: readonly ColumnId[], today: string): PastedRows {
  const body = rows.length > 1 && rows[0]?.every((cell, i) => !cell.trim() || nameKey(cell) === nameKey(COLUMN_BY_ID.get(columns[i] as ColumnId)?.label ?? '')) ? rows.slice(1) : rows;
  const inputs: RawInput[] = [];
  const errors: string[] = [];
  body.forEach((cells, r) => {
    const where = (id: ColumnId) => `Строка ${r + 1}, «${COLUMN_BY_ID.get(id)?.label ?? id}»`;
    const input: Partial<RawInput> & { status?: EventStatus } = {};
    let statusGiven = false;
    cells.forEach((raw, c) => {
      const id = columns[c];
      const text = raw.trim();
      if (!id || !text) return;
      switch (id) {
        case 'title':
          input.title = text;
          break;
        case 'dates': {
          const parsed = parseDateText(text, Number(today.slice(0, 4)));
          if (parsed.ok) Object.assign(input, parsed.value);
          else errors.push(`${where(id)}: ${parsed.message}.`);
          break;
        }
        case 'kind':
          input.kind = text;
          break;
        case 'place':
          input.city = text;
          break;
        case 'format': {
          const format = byLabel<EventFormat>(FORMAT_LABELS, text);
          if (format) input.format = format;
          else errors.push(`${where(id)}: неизвестный формат «${text}» (${Object.values(FORMAT_LABELS).join(', ')}).`);
          break;
        }
        case 'status': {
          const status = byLabel<EventStatus>(EVENT_STATUS_LABELS, text);
          if (status) {
            input.status = status;
            statusGiven = true;
          } else errors.push(`${where(id)}: неизвестный статус «${text}» (${Object.values(EVENT_STATUS_LABELS).join(', ')}).`);
          break;
        }
        case 'partners':
          input.partners = list(text);
          break;
        case 'spheres':
          input.spheres = list(text);
          break;
        case 'organizer':
          input.organizer = text;
          break;
        case 'participants':
          input.participants = text;
          break;
        case 'agreement':
          break;
      }
    });
    if (!input.title) errors.push(`Строка ${r + 1}: нет названия.`);
    if (!input.startDate) errors.push(`Строка ${r + 1}: нет сроков.`);
    if (!input.title || !input.startDate) return;
    // As the import decides: what has not ended yet is planned, what has is held.
    if (!statusGiven) input.status = (input.endDate ?? input.startDate) >= today ? 'planned' : 'held';
    inputs.push(input as RawInput);
  });
  return { inputs, errors };
}

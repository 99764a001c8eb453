// Turns the data rows of a table into events, section and totals rows into notes, and the rest into
// Russian messages naming row and column.
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/schema/messages';
import { EventInputSchema, type EventInput, type EventInputRaw } from '../../../shared/schema/event';
import type { ImportColumn, ImportField, ImportRow } from '../../../shared/schema/import';
import { parseDateText, type ParsedDates } from '../../../shared/ru/date-text';
import { fromDayNumber, yearRange } from '../../../shared/dates';
import type { Layout } from './layout';
import { cellText, errorCellMessage, isDateCell, isErrorCell, type Cell, type Sheet } from './sheet';
import {
  canonicalCountry, matchKind, matchSphere, parseFormat, parsePlace, parseSpheres, parseStatus, sectionName, type RefLists,
} from './values';

export interface RowContext {
  sheet: Sheet;
  layout: Layout;
  /** The year of dates written without one. */
  year: number | null;
  refs: RefLists;
  /** Corrected cell texts: row → column index → text. */
  edits: Readonly<Record<string, Readonly<Record<string, string>>>>;
  /** A partner added to every event. */
  partner: string | null;
  /** Events ending before it are taken as held, the others as planned. */
  today: string;
}

/** A row read; `event` is set for rows without errors. */
export type ParsedRow = Omit<ImportRow, 'duplicateOf' | 'decision' | 'event'> & { event: EventInput | null };

// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); day numbers here count from 1970.
const EXCEL_EPOCH = -25569;
/** Serial numbers read as dates in a date column: 1910..2099. */
const SERIAL_MIN = 3653;
const SERIAL_MAX = 73050;

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['startDate', 'endDate']);

const TOTALS = /^\s*(итого|всего)(\s|:|$)/i;

class CellError extends Error {}

function clean(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function dateOfCell(cell: Cell, year: number | null): ParsedDates {
  if (cell === null) throw new CellError('не указан срок проведения');
  if (isDateCell(cell)) return { startDate: cell.date, endDate: cell.date, datePrecision: 'day' };
  if (isErrorCell(cell)) throw new CellError(errorCellMessage(cell));
  if (typeof cell === 'number') {
    if (Number.isInteger(cell) && cell >= 1900 && cell <= 2100) {
      const range = yearRange(cell);
      return { startDate: range.start, endDate: range.end, datePrecision: 'year' };
    }
    if (cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
      const date = fromDayNumber(Math.floor(cell) + EXCEL_EPOCH);
      return { startDate: date, endDate: date, datePrecision: 'day' };
    }
    throw new CellError(`не удалось разобрать дату «${cell}»`);
  }
  const result = parseDateText(String(cell), year);
  if (!result.ok) throw new CellError(result.message);
  return result.value;
}

/** The text a preview shows (and edits) for a cell: dates the Russian way, serial numbers as the dates they are. */
function shownText(cell: Cell, field: ImportField | null): string {
  if (field && DATE_FIELDS.has(field) && typeof cell === 'number' && cell >= SERIAL_MIN && cell <= SERIAL_MAX) {
    return fromDayNumber(Math.floor(cell) + EXCEL_EPOCH).split('-').reverse().join('.');
  }
  return cellText(cell);
}

function memo<T>(fn: (text: string) => T): (text: string) => T {
  const cache = new Map<string, T>();
  return (text) => {
    let value = cache.get(text);
    if (value === undefined && !cache.has(text)) cache.set(text, (value = fn(text)));
    return value as T;
  };
}

export function parseRows(ctx: RowContext): ParsedRow[] {
  const { sheet, layout, refs } = ctx;
  const byField = new Map<ImportField, ImportColumn>();
  for (const column of layout.columns) if (column.field) byField.set(column.field, column);
  const titleColumn = byField.get('title');
  const place = memo((t) => parsePlace(t, refs.cities));
  const spheres = memo((t) => parseSpheres(t, refs.spheres));
  const kindOf = memo((t) => matchKind(t, refs.kinds));
  const country = memo((t) => canonicalCountry(t, refs.countries));
  const partnerNames = ctx.partner ? [ctx.partner] : [];

  let sectionSphere: string | null = null;
  const rows: ParsedRow[] = [];
  for (let r = layout.dataRow; r <= sheet.rows.length; r++) {
    const edits = ctx.edits[String(r)];
    const source = sheet.rows[r - 1] ?? [];
    const cellAt = (index: number): Cell => {
      const edited = edits?.[String(index)];
      if (edited !== undefined) return edited.trim() === '' ? null : edited;
      return source[index] ?? null;
    };
    const width = Math.max(source.length, ...Object.keys(edits ?? {}).map((k) => Number(k) + 1));
    const filled: { index: number; text: string; cell: Cell }[] = [];
    for (let i = 0; i < width; i++) {
      const cell = cellAt(i);
      const text = clean(cellText(cell));
      if (text) filled.push({ index: i, text, cell });
    }
    if (filled.length === 0) continue;

    const cells: Record<string, string> = {};
    for (const column of layout.columns) if (column.field) cells[String(column.index)] = shownText(cellAt(column.index), column.field);
    const base = { row: r, cells, errors: [] as string[] };

    if (filled.some((f) => typeof f.cell === 'string' && TOTALS.test(f.text))) {
      rows.push({ ...base, status: 'skipped', event: null, note: 'строка итогов' });
      continue;
    }
    // A section row: one text across the table (merged cells repeat it), numbered or naming a sphere.
    const distinct = new Set(filled.map((f) => f.text));
    const only = filled[0] as (typeof filled)[number];
    if (distinct.size === 1 && typeof only.cell === 'string') {
      const name = sectionName(only.text);
      const sphere = matchSphere(name, refs.spheres);
      if (only.index !== titleColumn?.index || name !== only.text || sphere) {
        sectionSphere = sphere;
        rows.push({ ...base, status: 'skipped', event: null, note: `раздел «${name}»` });
        continue;
      }
    }
    if (layout.columns.every((c) => !c.field || cellAt(c.index) === null)) continue;

    const errors: string[] = [];
    const at = (field: ImportField) => {
      const column = byField.get(field);
      return column ? `Строка ${r}, столбец ${column.letter}` : `Строка ${r}`;
    };
    const raw = (field: ImportField): string => {
      const column = byField.get(field);
      if (!column) return '';
      const cell = cellAt(column.index);
      if (!isErrorCell(cell)) return cellText(cell);
      if (!DATE_FIELDS.has(field)) errors.push(`${at(field)}: ${errorCellMessage(cell)}`);
      return '';
    };
    const textOf = (field: ImportField): string => clean(raw(field));
    const multiline = (field: ImportField): string | null => raw(field).trim() || null;

    const input: EventInputRaw & { spheres: string[]; partners: string[] } = {
      title: textOf('title'),
      startDate: '',
      spheres: [],
      partners: [...partnerNames],
    };
    if (!input.title && errors.length === 0) errors.push(`${at('title')}: не указано название мероприятия`);

    try {
      const startColumn = byField.get('startDate');
      const endColumn = byField.get('endDate');
      const start = dateOfCell(startColumn ? cellAt(startColumn.index) : null, ctx.year);
      const endCell = endColumn ? cellAt(endColumn.index) : null;
      let dates = start;
      if (endCell !== null) {
        try {
          const end = dateOfCell(endCell, ctx.year);
          dates = { startDate: start.startDate, endDate: end.endDate, datePrecision: start.datePrecision === end.datePrecision ? start.datePrecision : 'day' };
          if (dates.endDate < dates.startDate) throw new CellError(`дата окончания «${shownText(endCell, 'endDate')}» раньше даты начала`);
        } catch (e) {
          if (e instanceof CellError) throw Object.assign(e, { field: 'endDate' });
          throw e;
        }
      }
      input.startDate = dates.startDate;
      input.endDate = dates.endDate;
      input.datePrecision = dates.datePrecision;
      input.status = dates.endDate < ctx.today ? 'held' : 'planned';
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      const field = (e as CellError & { field?: ImportField }).field ?? 'startDate';
      errors.push(`${at(field)}: ${e.message}`);
    }

    const placeText = textOf('city');
    if (placeText) {
      const parsed = place(placeText);
      input.city = parsed.city;
      input.venue = parsed.venue;
    }
    const venue = multiline('venue');
    if (venue) input.venue = input.venue && input.venue !== venue ? `${venue}, ${input.venue}` : venue;
    input.region = textOf('region') || null;
    const countryText = textOf('country');
    input.country = countryText ? country(countryText) : null;

    const formatText = textOf('format');
    const format = parseFormat(formatText);
    if (format === undefined) errors.push(`${at('format')}: неизвестный формат «${formatText}»; возможны: очно, дистанционно, ВКС, смешанный`);
    else input.format = format;

    const statusText = textOf('status');
    if (statusText) {
      const status = parseStatus(statusText);
      if (status) input.status = status;
      else errors.push(`${at('status')}: неизвестный статус «${statusText}»; возможны: проведено, запланировано, отменено, перенесено`);
    }

    const sphereText = multiline('spheres');
    input.spheres = sphereText ? spheres(sphereText) : sectionSphere ? [sectionSphere] : [];
    const partnersText = multiline('partners');
    if (partnersText) input.partners.push(...partnersText.split(/[,;\n]+/).map((p) => p.trim()).filter(Boolean));
    const kindText = textOf('kind');
    input.kind = kindText ? (kindOf(kindText) ?? kindText) : input.title ? kindOf(input.title) : null;
    input.participants = multiline('participants');
    input.organizer = textOf('organizer') || null;
    input.outcomes = multiline('outcomes');
    input.description = multiline('description');

    if (errors.length === 0) {
      const parsed = EventInputSchema.safeParse(input);
      if (parsed.success) {
        rows.push({ ...base, status: 'new', event: parsed.data, note: null });
        continue;
      }
      for (const [field, message] of Object.entries(fieldErrors(parsed.error as z.ZodError))) {
        errors.push(`${at(field as ImportField)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
      }
    }
    rows.push({ ...base, status: 'error', errors, event: null, note: null });
  }
  return rows;
}

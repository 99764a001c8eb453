// Turns the data rows of a table into events; section, totals, signature and hidden rows into notes;
// and the rest into Russian messages naming row and column.
import type { z } from 'zod';
import { fieldErrors } from '../../../shared/schema/messages';
import { EventInputSchema, type EventInput, type EventInputRaw } from '../../../shared/schema/event';
import type { ImportColumn, ImportField, ImportRow } from '../../../shared/schema/import';
import { parseDateText, type DateTextResult, type ParsedDates } from '../../../shared/ru/date-text';
import { fromDayNumber, yearRange } from '../../../shared/dates';
import { checkedEvent } from './event-check';
import type { Layout } from './layout';
import { cellText, errorCellMessage, isDateCell, isErrorCell, type Cell, type Sheet } from './sheet';
import {
  canonicalCountry, canonicalRegion, foldedFieldsOf, kindMatcher, matchSphere, parseFormat, parsePlace, parsePrecision, parseSpheres, parseStatus, sectionName,
  tidyImportedText, type RefLists,
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
  /** Reestr's own full export: values as written, no sections, totals or guesses, lists split at «;». */
  strict: boolean;
  /** The register's agreement a cell names (its number, id or title), for partners' files. */
  agreementOf: (text: string) => number | null;
  /** Put before a row's number in its key: '' on the first sheet read, `S:` on another. */
  keyPrefix: string;
  /** Read the rows the file hides like the others (else they are skipped). */
  includeHidden: boolean;
  /** parseDateText, remembered across the analysis's sheets and checks (see dateTextReader). */
  parseDate?: (text: string, year: number | null) => DateTextResult;
}


// Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included); day numbers here count from 1970.
const EXCEL_EPOCH = -25569;
/** Serial numbers read as dates in a date column: 1910..2099. */
const SERIAL_MIN = 3653;
const SERIAL_MAX = 73050;

const DATE_FIELDS: ReadonlySet<ImportField> = new Set(['startDate', 'endDate']);

const TOTALS = /^\s*(итого|всего)(\s|:|$)/i;

/**
 * Whether a trimmed text may open as TOTALS does: a quick look at its first letter before the
 * regex. Under its /i, «и» matches «И» only and «в» matches «В» and «ᲀ» (U+1C80); letters of other
 * scripts are left to the regex.
 */
function mayBeTotals(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 0x80 || (c >= 0x400 && c <= 0x4ff)) return c === 0x418 || c === 0x438 || c === 0x412 || c === 0x432;
  return true;
}

// What clerks put under a table that is not an event: a signature, the stamp, who prepared it, notes.
/** Posts a signature line opens with. */
const SIGNATURE_POST = /^(перв(ый|ая)\s+)?(заместител|председател|начальник|руководител|директор|министр|глава|губернатор|управляющ|секретар|исполняющ|и\.\s?о\.|врио|консультант|(главный|ведущий)\s+специалист)/i;
/** «И.О. Фамилия» or «Фамилия И.О.», or a line to sign on. */
const SIGNATURE_NAME = /(^|[^А-ЯЁа-яё])[А-ЯЁ]\.\s?[А-ЯЁ]\.\s?[А-ЯЁ][а-яё]+|[А-ЯЁ][а-яё]+\s+[А-ЯЁ]\.\s?[А-ЯЁ]\.|подпись|_{3,}/;
const STAMP = /^м\.\s?п\.?$/i;
const EXECUTOR = /^(исполнитель|исп\.|тел\.|телефон)/i;
const REMARK = /^(примечани[ея]|прим\.|\*)/i;
/** Rows of more texts than this are data, whatever their first cell says. */
const NOISE_TEXTS = 4;

/** Why a row under a table is not an event, or null: `first` is its first text, `all` joins them all. */
function noiseOf(first: string, all: () => string): string | null {
  if (STAMP.test(first)) return 'место печати (М.П.)';
  if (EXECUTOR.test(first)) return 'сведения об исполнителе';
  if (REMARK.test(first)) return 'примечание к таблице';
  if (SIGNATURE_POST.test(first) && SIGNATURE_NAME.test(all())) return 'подпись под таблицей';
  return null;
}

class CellError extends Error {}

/** White space other than single spaces between words: what clean() has to change, besides the ends. */
const UNCLEAN_SPACE = /[^\S ]| \s/;

function clean(text: string): string {
  return (UNCLEAN_SPACE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

function dateOfCell(cell: Cell, dateText: (text: string) => DateTextResult): ParsedDates {
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
  const result = dateText(String(cell));
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

/** The cells of a row with the user's corrections over them. */
function editedCells(source: readonly Cell[], edits: Readonly<Record<string, string>> | undefined): readonly Cell[] {
  if (!edits) return source;
  const cells = [...source];
  for (const [index, text] of Object.entries(edits)) cells[Number(index)] = text.trim() === '' ? null : text;
  for (let i = 0; i < cells.length; i++) cells[i] ??= null;
  return cells;
}

/** A date cell, a number, or a text that reads as a date (a year of 2000 standing in for a missing one). */
function hasDate(cell: Cell | undefined): boolean {
  if (cell === null || cell === undefined) return false;
  return typeof cell !== 'string' || parseDateText(cell, 2000).ok;
}

type RowKind =
  | { kind: 'blank' } | { kind: 'totals' } | { kind: 'noise'; note: string } | { kind: 'section'; name: string; sphere: string | null } | { kind: 'data' };

/** Blank, totals, a signature or note under the table, a section over the rows below (one text across the table), or data. */
function classify(cells: readonly Cell[], columns: readonly ImportColumn[], titleIndex: number, dateIndex: number, spheres: RefLists['spheres']): RowKind {
  let first = -1;
  let firstText = '';
  let single = true;
  let texts = 0;
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i];
    if (cell === null || cell === undefined) continue;
    const text = typeof cell === 'string' ? cell.trim() : cellText(cell);
    if (!text) continue;
    if (typeof cell === 'string' && mayBeTotals(text) && TOTALS.test(text)) return { kind: 'totals' };
    texts++;
    if (first < 0) [first, firstText] = [i, text];
    else if (text !== firstText) single = false;
  }
  if (first < 0) return { kind: 'blank' };
  if (texts <= NOISE_TEXTS && typeof cells[first] === 'string') {
    const note = noiseOf(firstText, () => cells.map((c) => cellText(c ?? null)).join(' '));
    // A row with a date is an event, whoever its title names: «Заместитель губернатора А.Б. Петров примет делегацию», «май».
    if (note && !hasDate(cells[dateIndex])) return { kind: 'noise', note };
  }
  if (single && typeof cells[first] === 'string') {
    const text = clean(firstText);
    const name = sectionName(text);
    const sphere = matchSphere(name, spheres);
    // A lone title without a number or a sphere's name is an event with its other cells missing.
    if (first !== titleIndex || name !== text || sphere) return { kind: 'section', name, sphere };
  }
  return columns.some((c) => c.field && cells[c.index] !== null && cells[c.index] !== undefined) ? { kind: 'data' } : { kind: 'blank' };
}

/** The rows read; duplicates are for the caller to mark. */
export function parseRows(ctx: RowContext): ImportRow[] {
  const { sheet, layout, refs } = ctx;
  const mapped = layout.columns.filter((c) => c.field);
  const byField = new Map<ImportField, ImportColumn>();
  for (const column of mapped) byField.set(column.field as ImportField, column);
  const titleIndex = byField.get('title')?.index ?? -1;
  const dateIndex = byField.get('startDate')?.index ?? -1;
  const readEvent = eventReader(ctx, byField);
  const shownKeys = mapped.map((c) => String(c.index));
  const foldedFields = foldedFieldsOf(mapped);

  let sectionSphere: string | null = null;
  // After a signature or the name of who prepared the table, what is not an event is no error either.
  let signed = false;
  const rows: ImportRow[] = [];
  for (let r = layout.dataRow; r <= sheet.rows.length; r++) {
    const key = `${ctx.keyPrefix}${r}`;
    const cells = editedCells(sheet.rows[r - 1] ?? [], ctx.edits[key]);
    const what: RowKind = ctx.strict
      ? (mapped.some((c) => cells[c.index] !== null && cells[c.index] !== undefined) ? { kind: 'data' } : { kind: 'blank' })
      : classify(cells, mapped, titleIndex, dateIndex, refs.spheres);
    if (what.kind === 'blank') continue;
    const shown: Record<string, string> = {};
    for (let c = 0; c < mapped.length; c++) {
      const column = mapped[c] as ImportColumn;
      shown[shownKeys[c] as string] = shownText(cells[column.index] ?? null, column.field);
    }
    const row: ImportRow = {
      row: r, sheet: sheet.name, key, status: 'skipped', errors: [], event: null, cells: shown, duplicateOf: null, decision: null, note: null, agreementRef: null,
    };
    const hidden = sheet.hiddenRows?.has(r) ?? false;
    if (hidden) row.hidden = true;
    const folded = foldedFields(shown);
    if (folded) row.folded = folded;
    if (hidden && !ctx.includeHidden) row.note = 'скрытая строка';
    else if (what.kind === 'totals') row.note = 'строка итогов';
    else if (what.kind === 'noise') {
      row.note = what.note;
      if (what.note !== 'примечание к таблице') signed = true;
    } else if (what.kind === 'section' && signed) row.note = 'строка под подписью таблицы';
    else if (what.kind === 'section') {
      sectionSphere = what.sphere;
      row.note = `раздел «${what.name}»`;
    } else {
      ({ event: row.event, errors: row.errors, agreementRef: row.agreementRef } = readEvent(r, cells, sectionSphere));
      row.status = row.event ? 'new' : 'error';
      if (!row.event && signed) {
        [row.status, row.errors, row.note] = ['skipped', [], 'строка под подписью таблицы'];
      }
    }
    rows.push(row);
  }
  return rows;
}

/** Reads one data row into an event, or the Russian messages of what is wrong in it. */
function eventReader(ctx: RowContext, fields: ReadonlyMap<ImportField, ImportColumn>) {
  const { refs } = ctx;
  // A plain object: a field's column is looked up a dozen times per row.
  const byField: Partial<Record<ImportField, ImportColumn>> = Object.fromEntries(fields);
  const place = memo((t) => parsePlace(t, refs.cities));
  const spheres = memo((t) => parseSpheres(t, refs.spheres));
  const kindOf = kindMatcher(refs.kinds);
  const country = memo((t) => canonicalCountry(t, refs.countries));
  const region = memo((t) => canonicalRegion(t, refs.regions));
  const formatOf = memo(parseFormat);
  // Partners write the same few dates again and again: «II квартал», «сентябрь».
  const { parseDate } = ctx;
  const parsedDate = parseDate ? (t: string) => parseDate(t, ctx.year) : memo((t) => parseDateText(t, ctx.year));
  // What is written beside a row's dates («ориентировочно», «11:00»): kept in the event's description.
  let remarks: string[] = [];
  const dateText = (t: string) => {
    const result = parsedDate(t);
    if (result.ok && result.value.remark) remarks.push(result.value.remark);
    return result;
  };
  const partnerNames = ctx.partner ? [ctx.partner] : [];

  // The row being read: set by the reader below, used by the helpers (defined once, not per row).
  let r = 0;
  let cells: readonly Cell[] = [];
  let errors: string[] = [];
  const at = (field: ImportField) => {
    const column = byField[field];
    return column ? `Строка ${r}, столбец ${column.letter}` : `Строка ${r}`;
  };
  const cellOf = (field: ImportField): Cell => {
    const column = byField[field];
    return column ? (cells[column.index] ?? null) : null;
  };
  const raw = (field: ImportField): string => {
    const cell = cellOf(field);
    if (!isErrorCell(cell)) return cellText(cell);
    if (!DATE_FIELDS.has(field)) errors.push(`${at(field)}: ${errorCellMessage(cell)}`);
    return '';
  };
  const textOf = (field: ImportField): string => clean(raw(field));
  const multiline = (field: ImportField): string | null => raw(field).trim() || null;

  const list = (text: string | null) => (text === null ? [] : text.split(ctx.strict ? /;/ : /[,;\n]+/).map((p) => p.trim()).filter(Boolean));

  return (row: number, rowCells: readonly Cell[], sectionSphere: string | null): { event: EventInput | null; errors: string[]; agreementRef: string | null } => {
    r = row;
    cells = rowCells;
    errors = [];
    remarks = [];
    let agreementRef: string | null = null;
    const input: EventInputRaw & { spheres: string[]; partners: string[] } = {
      title: textOf('title'),
      startDate: '',
      spheres: [],
      partners: [...partnerNames],
    };
    if (!input.title && errors.length === 0) errors.push(`${at('title')}: не указано название мероприятия`);

    let failed: ImportField = 'startDate';
    try {
      const start = dateOfCell(cellOf('startDate'), dateText);
      const endCell = cellOf('endDate');
      let dates = start;
      if (endCell !== null) {
        failed = 'endDate';
        const end = dateOfCell(endCell, dateText);
        dates = { startDate: start.startDate, endDate: end.endDate, datePrecision: start.datePrecision === end.datePrecision ? start.datePrecision : 'day' };
        if (dates.endDate < dates.startDate) throw new CellError(`дата окончания «${shownText(endCell, 'endDate')}» раньше даты начала`);
      }
      const precisionText = textOf('datePrecision');
      if (precisionText) {
        failed = 'datePrecision';
        const precision = parsePrecision(precisionText);
        if (!precision) throw new CellError(`неизвестная точность даты «${precisionText}»; возможны: день, месяц, квартал, год`);
        dates = { ...dates, datePrecision: precision };
      }
      input.startDate = dates.startDate;
      input.endDate = dates.endDate;
      input.datePrecision = dates.datePrecision;
      input.status = dates.endDate < ctx.today ? 'held' : 'planned';
    } catch (e) {
      if (!(e instanceof CellError)) throw e;
      errors.push(`${at(failed)}: ${e.message}`);
    }

    const placeText = textOf('city');
    if (placeText) ({ city: input.city, venue: input.venue } = ctx.strict ? { city: placeText, venue: null } : place(placeText));
    const venue = multiline('venue');
    if (venue) input.venue = input.venue && input.venue !== venue ? `${venue}, ${input.venue}` : venue;
    const regionText = textOf('region');
    input.region = regionText ? (ctx.strict ? regionText : region(regionText)) : null;
    const countryText = textOf('country');
    input.country = countryText ? (ctx.strict ? countryText : country(countryText)) : null;

    const formatText = textOf('format');
    const format = formatOf(formatText);
    if (format === undefined) errors.push(`${at('format')}: неизвестный формат «${formatText}»; возможны: очно, дистанционно, ВКС, смешанный`);
    else input.format = format;

    const statusText = textOf('status');
    if (statusText) {
      const status = parseStatus(statusText);
      if (status) input.status = status;
      else errors.push(`${at('status')}: неизвестный статус «${statusText}»; возможны: проведено, запланировано, отменено, перенесено`);
    }

    const sphereText = multiline('spheres');
    input.spheres = sphereText ? (ctx.strict ? list(sphereText) : spheres(sphereText)) : sectionSphere ? [sectionSphere] : [];
    input.partners.push(...list(multiline('partners')));
    const kindText = textOf('kind');
    if (ctx.strict) input.kind = kindText || null;
    else input.kind = kindText ? (kindOf(kindText) ?? kindText) : input.title ? kindOf(input.title) : null;
    const agreementText = textOf('agreementId');
    if (agreementText && ctx.strict) agreementRef = agreementText;
    else if (agreementText) {
      input.agreementId = ctx.agreementOf(agreementText);
      if (input.agreementId === null) errors.push(`${at('agreementId')}: соглашение «${agreementText}» не найдено в реестре; оставьте ячейку пустой или добавьте соглашение`);
    }
    input.participants = multiline('participants');
    input.organizer = textOf('organizer') || null;
    input.outcomes = multiline('outcomes');
    input.description = multiline('description');
    tidyImportedText(input, remarks);

    if (errors.length > 0) return { event: null, errors, agreementRef };
    // The schema's rules without zod's cost for a row that surely passes them; zod for the rest, and for the messages.
    const checked = checkedEvent(input);
    if (checked) return { event: checked, errors, agreementRef };
    const parsed = EventInputSchema.safeParse(input);
    if (parsed.success) return { event: parsed.data, errors, agreementRef };
    for (const [field, message] of Object.entries(fieldErrors(parsed.error as z.ZodError))) {
      errors.push(`${at(field as ImportField)}: ${message.charAt(0).toLowerCase()}${message.slice(1)}`);
    }
    return { event: null, errors, agreementRef };
  };
}

// EventInputSchema's rules for the rows of an import, without zod's cost per row (a tenth of it): a
// row that passes every rule gets the very output zod gives; anything else (an error, an unusual
// value) returns null and goes to zod, which gives the row's messages. Checked against zod before
// first use: if the schema has changed in a way the probes see, zod alone is used.
import { EventFormatSchema, EventInputObject, EventInputSchema, EventStatusSchema, type EventInput } from '../../../shared/schema/event';
import { DatePrecisionSchema, HAS_NAME, hasControls } from '../../../shared/schema/common';
import { isIsoDate, precisionRange } from '../../../shared/dates';

/** Not valid by these rules (or not surely): zod decides. */
const NO = Symbol('no');
type No = typeof NO;

const KEYS: ReadonlySet<string> = new Set(Object.keys(EventInputObject.shape));
const FORMATS: ReadonlySet<unknown> = new Set(EventFormatSchema.options);
const STATUSES: ReadonlySet<unknown> = new Set(EventStatusSchema.options);
const PRECISIONS: ReadonlySet<unknown> = new Set(DatePrecisionSchema.options);

/** optionalText(max): absent, null and blank are null; trimmed; «\r\n» as «\n»; control characters left to zod. */
function text(value: unknown, max: number): string | null | No {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string' || hasControls(value)) return NO;
  const trimmed = value.trim();
  if (trimmed.length > max) return NO;
  if (trimmed === '') return null;
  return trimmed.includes('\r') ? trimmed.replace(/\r\n?/g, '\n') : trimmed;
}

/** optionalName: optionalText(300), and not quotes alone. */
function name(value: unknown): string | null | No {
  const result = text(value, 300);
  return typeof result === 'string' && !HAS_NAME.test(result) ? NO : result;
}

/** NameListSchema: at most 100 names, each trimmed, not blank, at most 300 characters, not quotes alone; repeats dropped. */
function names(value: unknown): string[] | No {
  if (value === undefined) return [];
  if (!Array.isArray(value) || value.length > 100) return NO;
  const out: string[] = [];
  for (const item of value) {
    if (typeof item !== 'string' || hasControls(item)) return NO;
    const trimmed = item.trim();
    if (trimmed.length < 1 || trimmed.length > 300 || !HAS_NAME.test(trimmed)) return NO;
    if (!out.includes(trimmed)) out.push(trimmed);
  }
  return out;
}

function oneOf<T>(value: unknown, allowed: ReadonlySet<unknown>, fallback: T): T | No {
  if (value === undefined) return fallback;
  return allowed.has(value) ? (value as T) : NO;
}

function fast(input: unknown): EventInput | null {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return null;
  const raw = input as Record<string, unknown>;
  for (const key in raw) if (!KEYS.has(key)) return null;
  if (typeof raw.title !== 'string' || hasControls(raw.title)) return null;
  const title = raw.title.trim();
  if (title.length < 1 || title.length > 2000) return null;
  const { startDate } = raw;
  if (typeof startDate !== 'string' || !isIsoDate(startDate)) return null;
  const hasEnd = 'endDate' in raw;
  if (raw.endDate !== null && raw.endDate !== undefined && (typeof raw.endDate !== 'string' || !isIsoDate(raw.endDate))) return null;
  const datePrecision = oneOf(raw.datePrecision, PRECISIONS, 'day' as EventInput['datePrecision']);
  const kind = name(raw.kind);
  const city = name(raw.city);
  const region = name(raw.region);
  const country = name(raw.country);
  const venue = text(raw.venue, 2000);
  const format = raw.format === null || raw.format === undefined ? null : FORMATS.has(raw.format) ? (raw.format as EventInput['format']) : NO;
  const spheres = names(raw.spheres);
  const partners = names(raw.partners);
  const participants = text(raw.participants, 20_000);
  const organizer = name(raw.organizer);
  const outcomes = text(raw.outcomes, 20_000);
  const description = text(raw.description, 50_000);
  const status = oneOf(raw.status, STATUSES, 'held' as EventInput['status']);
  const agreementId = raw.agreementId === null || raw.agreementId === undefined ? null : Number.isSafeInteger(raw.agreementId) && (raw.agreementId as number) > 0 ? (raw.agreementId as number) : NO;
  if (
    datePrecision === NO || kind === NO || city === NO || region === NO || country === NO || venue === NO || format === NO || spheres === NO
    || partners === NO || participants === NO || organizer === NO || outcomes === NO || description === NO || status === NO || agreementId === NO
  ) return null;

  // The schema's own transform: the end of the period when none is given, and the period's bounds.
  const endDate = (raw.endDate as string | null | undefined) ?? precisionRange(startDate, datePrecision).end;
  if (endDate < startDate) return null;
  if (datePrecision !== 'day' && (precisionRange(startDate, datePrecision).start !== startDate || precisionRange(endDate, datePrecision).end !== endDate)) return null;
  // Zod's key order: the shape's, an end date the input lacked last.
  return hasEnd
    ? { title, kind, startDate, endDate, datePrecision, city, region, country, venue, format, spheres, partners, participants, organizer, outcomes, description, status, agreementId }
    : { title, kind, startDate, datePrecision, city, region, country, venue, format, spheres, partners, participants, organizer, outcomes, description, status, agreementId, endDate };
}

/** Inputs at the schema's edges: the checker must agree with zod on each, or it is not used. */
function probes(): unknown[] {
  const base = { title: 'Форум', startDate: '2024-03-01', endDate: '2024-03-02', datePrecision: 'day', spheres: ['культура'], partners: [] };
  const long = (n: number) => 'а'.repeat(n);
  return [
    base,
    { title: '  Форум  ', startDate: '2024-03-01' },
    { ...base, endDate: null },
    { ...base, endDate: undefined },
    { ...base, title: long(2000) }, { ...base, title: long(2001) }, { ...base, title: '   ' },
    { ...base, kind: long(300) }, { ...base, kind: long(301) }, { ...base, kind: '«»' }, { ...base, kind: ' ' }, { ...base, city: 'a\r\nb' },
    { ...base, title: 'Фо\0рум' }, { ...base, venue: 'зал\x07' }, { ...base, spheres: ['куль\x1bтура'] },
    { ...base, venue: long(2000) }, { ...base, venue: long(2001) },
    { ...base, participants: long(20_000) }, { ...base, participants: long(20_001) },
    { ...base, outcomes: long(20_000) }, { ...base, outcomes: long(20_001) },
    { ...base, description: long(50_000) }, { ...base, description: long(50_001) },
    { ...base, organizer: long(300) }, { ...base, organizer: long(301) }, { ...base, region: '""' }, { ...base, country: long(301) },
    { ...base, spheres: Array.from({ length: 100 }, (_, i) => `с${i}`) }, { ...base, spheres: Array.from({ length: 101 }, (_, i) => `с${i}`) },
    { ...base, spheres: ['а', ' а ', 'б'] }, { ...base, spheres: [''] }, { ...base, partners: [long(300)] }, { ...base, partners: [long(301)] }, { ...base, partners: ['„“'] },
    { ...base, format: 'hybrid' }, { ...base, format: 'online' }, { ...base, status: 'planned' }, { ...base, status: 'done' },
    { ...base, agreementId: 1 }, { ...base, agreementId: 0 }, { ...base, agreementId: 1.5 },
    { ...base, startDate: '2024-02-30' }, { ...base, endDate: '2024-02-29' }, { ...base, endDate: '2024-02-28', startDate: '2024-03-01' },
    { title: 'Форум', startDate: '2024-03-01', datePrecision: 'month' }, { title: 'Форум', startDate: '2024-03-02', datePrecision: 'month' },
    { title: 'Форум', startDate: '2024-04-01', endDate: '2024-06-30', datePrecision: 'quarter' }, { title: 'Форум', startDate: '2024-04-01', endDate: '2024-06-29', datePrecision: 'quarter' },
    { title: 'Форум', startDate: '2024-01-01', datePrecision: 'year' }, { title: 'Форум', startDate: '2024-01-01', endDate: '2025-12-31', datePrecision: 'year' },
    { ...base, datePrecision: 'week' }, { ...base, extra: 1 },
  ];
}

/** Whether the checker agrees with zod on every probe: accepts only what zod accepts, with zod's very output. */
export function agreesWithSchema(inputs: readonly unknown[] = probes()): boolean {
  return inputs.every((input) => {
    const own = fast(input);
    if (own === null) return true;
    const parsed = EventInputSchema.safeParse(input);
    return parsed.success && JSON.stringify(parsed.data) === JSON.stringify(own);
  });
}

let trusted: boolean | undefined;

/** The row's event as EventInputSchema outputs it when the row is surely valid; null when zod must decide. */
export function checkedEvent(input: unknown): EventInput | null {
  trusted ??= agreesWithSchema();
  return trusted ? fast(input) : null;
}

// The quarterly (half-year, yearly…) workbook sent upward: the events of the period, the agreements
// register and a summary, each an official-looking sheet.
import type { Writable } from 'node:stream';
import ExcelJS from '../excel';
import type { PeriodSource } from './sources';
import { partnerNames, regionCounts, type RefForms } from '../ref-forms';
import { agreementState, agreementStateText } from '../../../shared/agreement-term';
import { todayIso } from '../../../shared/dates';
import type { Period } from '../../../shared/period';
import { EventFilterSchema, type Event, type EventFilter, type EventStatus } from '../../../shared/schema/event';
import { reportedEvents } from '../reported';
import type { PeriodExport } from '../../../shared/schema/export';
import { formatDate, formatDateRange } from '../../../shared/ru/dates';
import { lowerFirst } from '../../../shared/ru/grammar';
import { AGREEMENT_KIND_LABELS, EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { forPeriod, periodTitle } from '../../../shared/ru/periods';
import { normalFont, writeTable, type Column, type Rows, type TableRow } from './official';


// Sized for A4 landscape at 100% in 10 pt (sum of widths within the printable width, see official.ts);
// the format is said in the place column («дистанционно», «в формате ВКС»).
const EVENT_COLUMNS: Column[] = [
  { header: '№ п/п', width: 4, center: true },
  { header: 'Сроки проведения', width: 11, center: true },
  { header: 'Наименование мероприятия', width: 20 },
  { header: 'Вид', width: 10 },
  { header: 'Место проведения', width: 13 },
  { header: 'Участники', width: 21 },
  { header: 'Сфера', width: 15 },
  { header: 'Итоги', width: 15 },
  { header: 'Ответственный', width: 15 },
  { header: 'Соглашение', width: 12 },
  { header: 'Статус', width: 14, center: true },
];

const SUMMARY_COLUMNS: Column[] = [{ header: 'Показатель', width: 62 }, { header: 'Мероприятий', width: 16, center: true }];

const AGREEMENT_COLUMNS: Column[] = [
  { header: '№ п/п', width: 4, center: true },
  { header: 'Номер', width: 8, center: true },
  { header: 'Наименование', width: 26 },
  { header: 'Вид', width: 11 },
  { header: 'Стороны', width: 19 },
  { header: 'Подписано', width: 11, center: true },
  { header: 'Действует до', width: 12, center: true },
  { header: 'Статус', width: 12 },
  { header: 'Сферы', width: 13 },
  { header: 'Ответственное подразделение', width: 16 },
  { header: 'Мероприятий за период', width: 14, center: true },
];

/** The statuses of the «проведенных» sheet, and of the one for events planned but not (yet) held. */
const NOT_HELD: readonly EventStatus[] = ['planned', 'postponed', 'cancelled'];

/** The period a table covers, or the whole register's; «III квартал 2021 года» kept on one line. */
function forPeriodOrAll(period: Period | undefined): string {
  if (!period) return 'за весь период учета';
  const text = forPeriod(period);
  return period.kind === 'range' ? text : text.replace(/(?<=^за .*) /g, '\u00a0');
}

/** `Мероприятия_2021_III_квартал.xlsx`. */
export function periodFileName(period: Period | undefined): string {
  if (!period) return `Мероприятия_все_${todayIso()}.xlsx`;
  if (period.kind === 'range') return `Мероприятия_${period.start}_${period.end}.xlsx`;
  if (period.kind === 'year') return `Мероприятия_${period.year}_год.xlsx`;
  const name = lowerFirst(periodTitle(period).replace(/\s*\d{4} года$/, ''));
  return `Мероприятия_${period.year}_${name.replace(/\s+/g, '_')}.xlsx`;
}

/** Where: the venue and city, and the format when not in person («дистанционно», «в формате ВКС»). */
export function place(e: Pick<Event, 'venue' | 'city' | 'region' | 'country' | 'format'>): string {
  const where = [e.venue, e.city && `г. ${e.city}`, e.region, e.country].filter(Boolean).join(', ');
  const how = e.format === 'remote' ? 'дистанционно' : e.format === 'videoconference' ? 'в формате ВКС' : e.format === 'hybrid' ? 'в смешанном формате' : '';
  if (!how) return where;
  return where ? `${where} (${how})` : how;
}

/**
 * Dates known to the month or quarter as a table of a document writes them: «III квартал 2021 г.»,
 * a numeral kept with its «квартал», «г.» with its year, a range broken after its dash
 * («IV квартал 2021 г. –» / «I квартал 2022 г.»), never before a lone «I».
 */
export function sheetDates(text: string, precision: Event['datePrecision']): string {
  if (precision !== 'month' && precision !== 'quarter') return text;
  return text
    .split(' – ')
    .map((part) => part.replace(/(\d{4})$/, '$1\u00a0г.').replace(/^([IVX]+(?:–[IVX]+)?) /, '$1\u00a0'))
    .join('\u00a0– ');
}

function eventRow(e: Event, n: number): TableRow {
  const dates = e.datePrecision === 'day' && e.startDate === e.endDate ? { date: e.startDate } : sheetDates(formatDateRange(e.startDate, e.endDate, e.datePrecision), e.datePrecision);
  return {
    cells: [n, dates, e.title, e.kind, place(e) || null, e.participants, e.spheres.join(', ') || null, e.outcomes, e.organizer, e.agreementTitle, EVENT_STATUS_LABELS[e.status]],
  };
}

/** Rows of the events, under a group row each when grouped, numbered through. */
async function* eventRows(events: Rows<Event>, groupOf: ((e: Event) => string) | null): AsyncGenerator<TableRow> {
  if (!groupOf) {
    let n = 0;
    for await (const e of events) yield eventRow(e, ++n);
    return;
  }
  const groups = new Map<string, Event[]>();
  for await (const e of events) {
    const name = groupOf(e);
    const members = groups.get(name);
    if (members) members.push(e);
    else groups.set(name, [e]);
  }
  let n = 0;
  for (const [name, members] of groups) {
    yield { cells: [], group: name };
    for (const e of members) yield eventRow(e, ++n);
  }
}

/** The events table's filter an export stands for, by date. */
export function exportFilter(options: PeriodExport): EventFilter {
  const { period } = options;
  return EventFilterSchema.parse({
    period: period ? `${period.start}..${period.end}` : undefined,
    query: options.query,
    batchId: options.batchId,
    partners: options.partners, spheres: options.spheres, kinds: options.kinds, formats: options.formats, statuses: options.statuses,
    sort: 'startDate', order: 'asc',
  });
}

/** Events read from the register a chunk at a time, so a large export never holds them all. */
const CHUNK = 1000;

/** What the summary and the agreements register count, gathered as the events stream past. */
function createTally(f: RefForms) {
  const counter = () => new Map<string, number>();
  const add = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  const kinds = counter();
  const spheres = counter();
  const formats = counter();
  const agreements = new Map<number, number>();
  const links: [number, number][] = [];
  let total = 0;
  return {
    add(e: Event): void {
      total++;
      add(kinds, e.kind ?? 'вид не указан');
      for (const s of e.spheres.length ? e.spheres : ['сфера не указана']) add(spheres, s);
      add(formats, e.format ? FORMAT_LABELS[e.format] : 'формат не указан');
      if (e.agreementId !== null) agreements.set(e.agreementId, (agreements.get(e.agreementId) ?? 0) + 1);
      for (const name of e.partners) {
        const id = f.partner(name)?.id;
        if (id) links.push([e.id, id]);
      }
    },
    get total() {
      return total;
    },
    agreements,
    sections(): [string, [string, number][]][] {
      const sorted = (map: Map<string, number>) => [...map].sort((a, b) => b[1] - a[1]);
      return [
        ['По видам мероприятий', sorted(kinds)],
        ['По сферам сотрудничества', sorted(spheres)],
        ['По формату', sorted(formats)],
        ['По регионам-партнерам', regionCounts(f, links).sort((a, b) => b[1] - a[1])],
      ];
    },
  };
}

/** A sheet of the workbook: its rows are read from the register as they are written. */
export interface Table {
  sheetName: string;
  title: string;
  columns: readonly Column[];
  rows: Rows<TableRow>;
}

/** The date the agreements register stands at: the period's end, or today while the period goes on. */
export function registerDate(period: Period | undefined, today: string): string {
  return period && period.end < today ? period.end : today;
}

/**
 * The workbook's tables, to be written in order: the held events (what the report of the period
 * counts) stream past the tally, which the agreements register and the summary read after them; the
 * events planned but not held, when chosen and any, get their own sheet.
 */
export async function periodTables(source: PeriodSource, options: PeriodExport, today = todayIso()): Promise<{ tables: Table[]; events: () => number; notHeld: () => number }> {
  const { period } = options;
  const chosen = options.statuses?.length ? options.statuses : null;
  const filter = exportFilter(options);
  const showHeld = !chosen || chosen.includes('held');
  const heldIds = showHeld ? await source.eventIds(reportedEvents(filter)) : [];
  const otherStatuses = NOT_HELD.filter((s) => !chosen || chosen.includes(s));
  const otherIds = otherStatuses.length ? await source.eventIds({ ...filter, statuses: [...otherStatuses] }) : [];
  const f = source.refForms;
  // Each sheet's title names the partners of its own events.
  const withWhom = async (ids: readonly number[]) => {
    const partners = partnerNames(f, await source.partnerNames(ids), options.partners?.length === 1 ? options.partners[0] : undefined, 'instrumental', source.homeCountryId);
    return partners.length ? partners.join(', ') : 'регионами-партнерами';
  };
  const tally = createTally(f);

  let otherCount = 0;
  async function* stream(ids: readonly number[], counted: boolean): AsyncGenerator<Event> {
    for (let i = 0; i < ids.length; i += CHUNK) {
      // The sheet has no description column: the longest text is not read.
      for (const e of await source.events(ids.slice(i, i + CHUNK))) {
        if (counted) tally.add(e);
        else otherCount++;
        yield e;
      }
    }
  }
  // Grouping sorts, and so holds the events of the export.
  const byDate = (a: Event, b: Event) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0);
  async function* arranged(events: AsyncIterable<Event>): AsyncGenerator<TableRow> {
    if (!options.groupBy) {
      yield* eventRows(events, null);
      return;
    }
    const all: Event[] = [];
    for await (const e of events) all.push(e);
    if (options.groupBy === 'sphere') {
      const order = (name: string) => f.order('sphere', name);
      const sorted = all.sort((a, b) => order(a.spheres[0] ?? '') - order(b.spheres[0] ?? '') || byDate(a, b));
      yield* eventRows(sorted, (e) => (e.spheres[0] ? e.spheres[0].charAt(0).toUpperCase() + e.spheres[0].slice(1) : 'Сфера не указана'));
    }
    if (options.groupBy === 'partner') {
      const regionOf = (e: Event) => f.areaOf(e.partners.map((name) => f.partner(name)).find(Boolean))?.name ?? 'Партнер не указан';
      yield* eventRows(all.sort((a, b) => regionOf(a).localeCompare(regionOf(b), 'ru') || byDate(a, b)), regionOf);
    }
  }

  const asOf = registerDate(period, today);
  async function* agreementRows(): AsyncGenerator<TableRow> {
    const agreements = await source.agreements();
    for (const [i, a] of agreements.entries()) {
      const term = agreementState(a, asOf);
      const status = agreementStateText(a, asOf);
      yield {
        cells: [i + 1, a.number, a.title, AGREEMENT_KIND_LABELS[a.kind], a.parties.join(', ') || null, a.signedOn ? { date: a.signedOn } : null,
          a.validUntil ? { date: a.validUntil } : 'бессрочно', status, a.spheres.join(', ') || null, a.department, tally.agreements.get(a.id) ?? 0],
        fill: term === 'expired' ? 'expired' : term === 'expiring' ? 'expiring' : undefined,
      };
    }
  }

  function* summaryRows(): Generator<TableRow> {
    yield { cells: ['Всего проведено мероприятий', tally.total] };
    for (const [title, counts] of tally.sections()) {
      yield { cells: [], group: title };
      for (const [name, n] of counts) yield { cells: [name, n] };
    }
  }

  const when = forPeriodOrAll(period);
  const tables: Table[] = [];
  if (showHeld) {
    tables.push({ sheetName: 'Мероприятия', title: `Информация о мероприятиях, проведенных в рамках сотрудничества с ${await withWhom(heldIds)} ${when}`, columns: EVENT_COLUMNS, rows: arranged(stream(heldIds, true)) });
  }
  // Their own sheet when there are any; the only one when the choice leaves out the held ones.
  if (otherIds.length || !showHeld) {
    tables.push({
      sheetName: showHeld ? 'Не проведенные' : 'Мероприятия',
      title: `Информация о мероприятиях, запланированных в рамках сотрудничества с ${await withWhom(otherIds)} ${when} и не проведенных`,
      columns: EVENT_COLUMNS, rows: arranged(stream(otherIds, false)),
    });
  }
  tables.push(
    { sheetName: 'Соглашения', title: `Реестр соглашений о сотрудничестве по состоянию на ${formatDate(asOf)}`, columns: AGREEMENT_COLUMNS, rows: agreementRows() },
    { sheetName: 'Сводка', title: `Сводные данные о мероприятиях, проведенных ${when}`, columns: SUMMARY_COLUMNS, rows: summaryRows() },
  );
  return { tables, events: () => tally.total, notHeld: () => otherCount };
}

/** Writes the tables, streamed: inline strings, as a shared-string table would hold every text of the export to the end. */
export async function writeTables(tables: readonly Table[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Реестр сотрудничества';
  normalFont(workbook);
  for (const t of tables) await writeTable(workbook, t.sheetName, t.title, t.columns, t.rows);
  await workbook.commit();
}

/** What a period workbook holds: its events, of them held (those «Сводка» and the report count) and not held. */
export interface PeriodWorkbookResult {
  events: number;
  held: number;
  notHeld: number;
}

export async function writePeriodWorkbook(source: PeriodSource, options: PeriodExport, out: Writable, today = todayIso()): Promise<PeriodWorkbookResult> {
  const { tables, events, notHeld } = await periodTables(source, options, today);
  await writeTables(tables, out);
  return { events: events() + notHeld(), held: events(), notHeld: notHeld() };
}

// The quarterly (half-year, yearly…) workbook sent upward: the events of the period, the agreements
// register and a summary, each an official-looking sheet.
import type { Writable } from 'node:stream';
import ExcelJS from '../excel';
import type { Core } from '../core';
import { listEvents } from '../services/events';
import { listAgreements } from '../services/agreements';
import { regionCounts } from '../services/overview';
import { partnerNames, refForms } from '../services/ref-forms';
import { termState } from '../../../shared/agreement-term';
import { todayIso } from '../../../shared/dates';
import type { Period } from '../../../shared/period';
import { AgreementFilterSchema } from '../../../shared/schema/agreement';
import { EventFilterSchema, type Event } from '../../../shared/schema/event';
import type { PeriodExport } from '../../../shared/schema/export';
import { formatDate, formatDateRange } from '../../../shared/ru/dates';
import { lowerFirst } from '../../../shared/ru/grammar';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, FORMAT_LABELS } from '../../../shared/ru/labels';
import { periodTitle } from '../../../shared/ru/periods';
import { writeTable, type Column, type TableRow } from './official';


const EVENT_COLUMNS: Column[] = [
  { header: '№ п/п', width: 5, center: true },
  { header: 'Сроки проведения', width: 15, center: true },
  { header: 'Наименование мероприятия', width: 36 },
  { header: 'Место проведения', width: 20 },
  { header: 'Формат', width: 12, center: true },
  { header: 'Участники', width: 28 },
  { header: 'Сфера', width: 16 },
  { header: 'Итоги', width: 28 },
  { header: 'Ответственный', width: 20 },
  { header: 'Соглашение', width: 22 },
];

const AGREEMENT_COLUMNS: Column[] = [
  { header: '№ п/п', width: 6, center: true },
  { header: 'Номер', width: 12, center: true },
  { header: 'Наименование', width: 48 },
  { header: 'Вид', width: 14 },
  { header: 'Стороны', width: 34 },
  { header: 'Подписано', width: 13, center: true },
  { header: 'Действует до', width: 14, center: true },
  { header: 'Статус', width: 16 },
  { header: 'Сферы', width: 24 },
  { header: 'Ответственное подразделение', width: 28 },
  { header: 'Мероприятий за период', width: 14, center: true },
];

/** «за III квартал 2021 года», «за период с 01.07.2021 по 15.09.2021», «за весь период». */
function forPeriod(period: Period | undefined): string {
  if (!period) return 'за весь период учета';
  return period.kind === 'range' ? `за период с ${formatDate(period.start)} по ${formatDate(period.end)}` : `за ${lowerFirst(periodTitle(period))}`;
}

/** `Мероприятия_2021_III_квартал.xlsx`. */
export function periodFileName(period: Period | undefined): string {
  if (!period) return `Мероприятия_все_${todayIso()}.xlsx`;
  if (period.kind === 'range') return `Мероприятия_${period.start}_${period.end}.xlsx`;
  if (period.kind === 'year') return `Мероприятия_${period.year}_год.xlsx`;
  const name = lowerFirst(periodTitle(period).replace(/\s*\d{4} года$/, ''));
  return `Мероприятия_${period.year}_${name.replace(/\s+/g, '_')}.xlsx`;
}

function place(e: Event): string {
  return [e.venue, e.city && `г. ${e.city}`, e.region, e.country].filter(Boolean).join(', ');
}

function eventRow(e: Event, n: number): TableRow {
  const dates = e.datePrecision === 'day' && e.startDate === e.endDate ? { date: e.startDate } : formatDateRange(e.startDate, e.endDate, e.datePrecision);
  return {
    cells: [n, dates, e.title, place(e) || null, e.format ? FORMAT_LABELS[e.format] : null, e.participants, e.spheres.join(', ') || null, e.outcomes, e.organizer, e.agreementTitle],
  };
}

/** Rows of the events, under a group row each when grouped, numbered through. */
function* eventRows(events: Event[], groupOf: ((e: Event) => string) | null): Generator<TableRow> {
  if (!groupOf) {
    for (const [i, e] of events.entries()) yield eventRow(e, i + 1);
    return;
  }
  const groups = new Map<string, Event[]>();
  for (const e of events) groups.set(groupOf(e), [...(groups.get(groupOf(e)) ?? []), e]);
  let n = 0;
  for (const [name, members] of groups) {
    yield { cells: [], group: name };
    for (const e of members) yield eventRow(e, ++n);
  }
}

export async function writePeriodWorkbook(core: Core, options: PeriodExport, out: Writable, today = todayIso()): Promise<{ events: number }> {
  const { period } = options;
  const events = listEvents(core, EventFilterSchema.parse({
    period: period ? `${period.start}..${period.end}` : undefined,
    query: options.query,
    batchId: options.batchId,
    partners: options.partners, spheres: options.spheres, kinds: options.kinds, formats: options.formats, statuses: options.statuses,
    sort: 'startDate', order: 'asc', limit: 100_000,
  })).items;
  const f = refForms(core);
  const home = core.settings.get<string>('homeRegion') ?? '';
  const homeCountry = f.countryOf(f.get('region', home));
  const partners = partnerNames(f, events, options.partners?.length === 1 ? options.partners[0] : undefined, 'instrumental', homeCountry?.id);
  const withWhom = partners.length ? partners.join(', ') : 'регионами-партнерами';

  let groupOf: ((e: Event) => string) | null = null;
  if (options.groupBy === 'sphere') {
    const order = (name: string) => f.order('sphere', name);
    events.sort((a, b) => order(a.spheres[0] ?? '') - order(b.spheres[0] ?? '') || (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
    groupOf = (e) => (e.spheres[0] ? e.spheres[0].charAt(0).toUpperCase() + e.spheres[0].slice(1) : 'Сфера не указана');
  } else if (options.groupBy === 'partner') {
    const regionOf = (e: Event) => f.areaOf(e.partners.map((name) => f.partner(name)).find(Boolean))?.name ?? 'Партнер не указан';
    events.sort((a, b) => regionOf(a).localeCompare(regionOf(b), 'ru') || (a.startDate < b.startDate ? -1 : 1));
    groupOf = regionOf;
  }

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Реестр сотрудничества';
  writeTable(workbook, 'Мероприятия', `Информация о мероприятиях, проведенных в рамках сотрудничества с ${withWhom} ${forPeriod(period)}`, EVENT_COLUMNS, eventRows(events, groupOf));

  const inPeriod = new Map<number, number>();
  for (const e of events) if (e.agreementId !== null) inPeriod.set(e.agreementId, (inPeriod.get(e.agreementId) ?? 0) + 1);
  const agreements = listAgreements(core, AgreementFilterSchema.parse({ limit: 100_000, today })).items;
  writeTable(workbook, 'Соглашения', `Реестр соглашений о сотрудничестве по состоянию на ${formatDate(today)}`, AGREEMENT_COLUMNS, agreements.map((a, i): TableRow => {
    const term = termState(a, today);
    const status = term === 'expired' ? 'срок истек' : term === 'expiring' ? `истекает ${formatDate(a.validUntil ?? today)}` : AGREEMENT_STATUS_LABELS[a.status];
    return {
      cells: [i + 1, a.number, a.title, AGREEMENT_KIND_LABELS[a.kind], a.parties.join(', ') || null, a.signedOn ? { date: a.signedOn } : null,
        a.validUntil ? { date: a.validUntil } : 'бессрочно', status, a.spheres.join(', ') || null, a.department, inPeriod.get(a.id) ?? 0],
      fill: term === 'expired' ? 'expired' : term === 'expiring' ? 'expiring' : undefined,
    };
  }));

  const count = <K extends string>(key: (e: Event) => K[]) => {
    const counts = new Map<K, number>();
    for (const e of events) for (const k of new Set(key(e))) counts.set(k, (counts.get(k) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1]);
  };
  const links = events.flatMap((e) => e.partners.map((name): [number, number] => [e.id, f.partner(name)?.id ?? 0]).filter(([, id]) => id > 0));
  const sections: [string, [string, number][]][] = [
    ['По видам мероприятий', count((e) => [e.kind ?? 'вид не указан'])],
    ['По сферам сотрудничества', count((e) => (e.spheres.length ? e.spheres : ['сфера не указана']))],
    ['По формату', count((e) => [e.format ? FORMAT_LABELS[e.format] : 'формат не указан'])],
    ['По регионам-партнерам', regionCounts(core, links).sort((a, b) => b[1] - a[1])],
  ];
  function* summaryRows(): Generator<TableRow> {
    yield { cells: ['Всего мероприятий', events.length] };
    for (const [title, counts] of sections) {
      yield { cells: [], group: title };
      for (const [name, n] of counts) yield { cells: [name, n] };
    }
  }
  writeTable(workbook, 'Сводка', `Сводные данные о мероприятиях ${forPeriod(period)}`, [{ header: 'Показатель', width: 60 }, { header: 'Мероприятий', width: 16, center: true }], summaryRows());
  await workbook.commit();
  return { events: events.length };
}

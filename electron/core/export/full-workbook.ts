// The whole register in one workbook: events, agreements and reference lists, every field under a
// stable column name, plain tables that Reestr's own import reads back.
import type { Writable } from 'node:stream';
import ExcelJS from '../excel';
import { excelDate, type Rows } from './official';
import type { FullSource } from './sources';
import type { Agreement } from '../../../shared/schema/agreement';
import type { Event } from '../../../shared/schema/event';
import { RECORD_KINDS, type RecordKindName } from '../../../shared/record-kinds';
import { RefKindSchema } from '../../../shared/schema/reference';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, EVENT_STATUS_LABELS, FORMAT_LABELS, PRECISION_LABELS, REF_KIND_LABELS } from '../../../shared/ru/labels';

import { FULL_EXPORT, LIST_SEPARATOR } from '../workbook-format';

export { FULL_EXPORT, LIST_SEPARATOR };

const WIDTHS: Record<string, number> = { 'Название': 60, 'Участники': 40, 'Итоги': 40, 'Описание': 60, 'Примечание': 40, 'Стороны': 40 };

type Value = string | number | Date | null;

function date(iso: string | null): Date | null {
  return iso ? excelDate(iso) : null;
}

async function addSheet(workbook: InstanceType<typeof ExcelJS.stream.xlsx.WorkbookWriter>, name: string, columns: readonly string[], rows: Rows<Value[]>): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((header) => ({ header, width: WIDTHS[header] ?? Math.max(12, header.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  for await (const values of rows) {
    const row = sheet.addRow(values); // strings stay strings, «=…» included
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = 'DD.MM.YYYY';
    });
    row.commit();
  }
  sheet.commit();
}

function eventValues(e: Event): Value[] {
  return [
    e.id, e.title, e.kind, date(e.startDate), date(e.endDate), PRECISION_LABELS[e.datePrecision], e.city, e.region, e.country, e.venue,
    e.format ? FORMAT_LABELS[e.format] : null, e.spheres.join(LIST_SEPARATOR) || null, e.partners.join(LIST_SEPARATOR) || null,
    e.participants, e.organizer, e.outcomes, e.description, EVENT_STATUS_LABELS[e.status], e.agreementId,
  ];
}

/** Events read a page at a time, so the export never holds them all. */
const PAGE = 2000;

async function* eventRows(source: FullSource): AsyncGenerator<Value[]> {
  for (let offset = 0; ; offset += PAGE) {
    const page = await source.events(offset, PAGE);
    for (const e of page) yield eventValues(e);
    if (page.length < PAGE) return;
  }
}

function agreementValues(a: Agreement): Value[] {
  return [
    a.id, AGREEMENT_KIND_LABELS[a.kind], a.number, a.title, a.parties.join(LIST_SEPARATOR) || null, date(a.signedOn), date(a.validFrom),
    date(a.validUntil), a.autoProlongation ? 'да' : 'нет', AGREEMENT_STATUS_LABELS[a.status], a.department, a.spheres.join(LIST_SEPARATOR) || null, a.notes,
  ];
}

/** Each kind of record's sheet: its name and columns, and its rows. */
const RECORD_SHEETS: Record<RecordKindName, { format: { sheet: string; columns: readonly string[] }; rows: (source: FullSource) => Rows<Value[]> }> = {
  event: { format: FULL_EXPORT.events, rows: eventRows },
  agreement: { format: FULL_EXPORT.agreements, rows: async function* (source) { for (const a of await source.agreements()) yield agreementValues(a); } },
};

async function* refRows(source: FullSource): AsyncGenerator<Value[]> {
  for (const kind of RefKindSchema.options) {
    for (const r of await source.refs(kind)) {
      yield [REF_KIND_LABELS[kind], r.name, r.parentName, r.gender, r.genitive, r.instrumental, r.locative, r.settlement, r.hidden ? 'да' : 'нет'];
    }
  }
}

/** The records of every kind, a sheet each, then the reference lists; how many records of each kind it holds. */
export async function writeFullWorkbook(source: FullSource, out: Writable): Promise<{ events: number; agreements: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  workbook.creator = 'Реестр сотрудничества';
  const counts = Object.fromEntries(RECORD_KINDS.map((kind) => [kind, 0])) as Record<RecordKindName, number>;
  for (const kind of RECORD_KINDS) {
    const { format, rows } = RECORD_SHEETS[kind];
    await addSheet(workbook, format.sheet, format.columns, (async function* counted() {
      for await (const row of rows(source)) {
        counts[kind]++;
        yield row;
      }
    })());
  }
  await addSheet(workbook, FULL_EXPORT.refs.sheet, FULL_EXPORT.refs.columns, refRows(source));
  await workbook.commit();
  return { events: counts.event, agreements: counts.agreement };
}

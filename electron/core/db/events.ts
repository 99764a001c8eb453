// SQL of the events table group: events, their texts, spheres and partners, and the full-text index.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { indexText } from '../../../shared/ru/normalize';
import { listSql, overlapParams, overlapSql, spanClass, type ListSql, type PrefixTerms, type SqlParams } from './event-filter';
import type { Event, EventFilter, EventRow, EventSummary } from '../../../shared/schema/event';
import type { CalendarEvent } from '../../../shared/schema/calendar';
import type { DatedEvent, EventRecord } from '../store/types';


/** An event's own columns, in Event's order; the description is left out where a caller has no use for it. */
const columns = (description: boolean) => `
  e.id, e.title, k.name, e.start_date, e.end_date, e.date_precision, c.name, rg.name, co.name, t.venue, e.format,
  t.participants, o.name, t.outcomes, ${description ? 't.description' : 'NULL'}, e.status, e.agreement_id, a.title, e.batch_id,
  e.created_at, e.updated_at, e.deleted_at, e.version`;

/** The reference names and texts of an event `e`: both adapters join them so. */
export const JOINS = `
  JOIN event_texts t ON t.event_id = e.id
  LEFT JOIN refs k ON k.id = e.kind_id
  LEFT JOIN refs c ON c.id = e.city_id
  LEFT JOIN refs rg ON rg.id = e.region_id
  LEFT JOIN refs co ON co.id = e.country_id
  LEFT JOIN refs o ON o.id = e.organizer_id
  LEFT JOIN agreements a ON a.id = e.agreement_id`;

// better-sqlite3 types raw() rows as the object shape: the casts to these tuples say what they are.
type RangeRow = [
  id: number, title: string, kindId: number | null, startDate: string, endDate: string,
  datePrecision: EventSummary['datePrecision'], format: EventSummary['format'], status: EventSummary['status'], cityId: number | null,
];
type CalendarRow = [...RangeRow, sphereId: number | null];
type EventTuple = [
  id: number, title: string, kind: string | null, startDate: string, endDate: string, datePrecision: Event['datePrecision'],
  city: string | null, region: string | null, country: string | null, venue: string | null, format: Event['format'],
  participants: string | null, organizer: string | null, outcomes: string | null, description: string | null, status: Event['status'],
  agreementId: number | null, agreementTitle: string | null, batchId: number | null, createdAt: string, updatedAt: string, deletedAt: string | null,
  version: number,
];

function toEvent(row: EventTuple, spheres: string[], partners: string[]): Event {
  const [id, title, kind, startDate, endDate, datePrecision, city, region, country, venue, format, participants, organizer, outcomes,
    description, status, agreementId, agreementTitle, batchId, createdAt, updatedAt, deletedAt, version] = row;
  return {
    id, title, kind, startDate, endDate, datePrecision, city, region, country, venue, format, spheres, partners, participants,
    organizer, outcomes, description, status, agreementId, agreementTitle, batchId, createdAt, updatedAt, deletedAt, version,
  };
}

/** Names by event, in their order, from rows (event id, name). */
function grouped(rows: [number, string][]): Map<number, string[]> {
  const names = new Map<number, string[]>();
  for (const [id, name] of rows) {
    const list = names.get(id);
    if (list) list.push(name);
    else names.set(id, [name]);
  }
  return names;
}

/** The columns of events that insert and update share, in their order. */
function mainColumns(r: EventRecord) {
  return [
    r.title, r.kindId, r.startDate, r.endDate, r.datePrecision, r.cityId, r.regionId, r.countryId,
    r.format, r.organizerId, r.status, r.agreementId, spanClass(r.startDate, r.endDate),
  ] as const;
}

function indexedText(record: EventRecord): string {
  return indexText(record.title, record.description, record.participants, record.outcomes);
}

const SORT_SQL: Record<EventFilter['sort'], (dir: string) => string> = {
  startDate: (d) => `e.start_date ${d}, e.end_date ${d}, e.id ${d}`,
  title: (d) => `e.title ${d}, e.id ${d}`,
  kind: (d) => `k.name ${d}, e.start_date ${d}, e.id ${d}`,
  updatedAt: (d) => `e.updated_at ${d}, e.id ${d}`,
};

/** The page of ids: by date straight from the candidates, by other columns through the rows. */
function pageSql(filter: EventFilter, list: ListSql): string {
  const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
  if (filter.sort === 'startDate') {
    return `${list.with}SELECT id FROM (${list.candidates}) ORDER BY start_date ${dir}, end_date ${dir}, id ${dir} LIMIT @limit OFFSET @offset`;
  }
  const kindJoin = filter.sort === 'kind' ? 'LEFT JOIN refs k ON k.id = e.kind_id' : '';
  return `${list.with}SELECT e.id FROM (${list.candidates}) c JOIN events e ON e.id = c.id ${kindJoin}
          ORDER BY ${SORT_SQL[filter.sort](dir)} LIMIT @limit OFFSET @offset`;
}

/** Past this many words a prefix is left to FTS5: a query naming hundreds of words is slower than its merge. */
const MAX_PREFIX_TERMS = 32;

export function createEventsRepo(db: Db) {
  // Filtered queries differ only in which clauses are present: prepare each shape once.
  const shapes = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = shapes.get(sql);
    if (!statement) shapes.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  // Positional parameters, bound straight from the record: batches insert thousands of rows.
  const insert = db.prepare(
    `INSERT INTO events (title, kind_id, start_date, end_date, date_precision, city_id, region_id, country_id, format,
       organizer_id, status, agreement_id, span_class, batch_id, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertTexts = db.prepare('INSERT INTO event_texts (event_id, venue, participants, outcomes, description) VALUES (?, ?, ?, ?, ?)');
  const update = db.prepare(
    `UPDATE events SET title = ?, kind_id = ?, start_date = ?, end_date = ?, date_precision = ?, city_id = ?, region_id = ?,
       country_id = ?, format = ?, organizer_id = ?, status = ?, agreement_id = ?, span_class = ?, updated_at = ?
     WHERE id = ?`,
  );
  const updateTexts = db.prepare('UPDATE event_texts SET venue = ?, participants = ?, outcomes = ?, description = ? WHERE event_id = ?');
  const index = db.prepare<[number, string]>('INSERT INTO events_fts (rowid, body) VALUES (?, ?)');
  const unindex = db.prepare<[number]>('DELETE FROM events_fts WHERE rowid = ?');
  const clearSpheres = db.prepare<[number]>('DELETE FROM event_spheres WHERE event_id = ?');
  const clearPartners = db.prepare<[number]>('DELETE FROM event_partners WHERE event_id = ?');
  const addSphere = db.prepare<[number, number, number]>('INSERT INTO event_spheres (event_id, sphere_id, position) VALUES (?, ?, ?)');
  const addPartner = db.prepare<[number, number, number]>('INSERT INTO event_partners (event_id, partner_id, position) VALUES (?, ?, ?)');
  // Thousands at a time for exports: rows as arrays, each event's spheres and partners from one query
  // apiece rather than a JSON aggregate per row.
  const byIds = (description: boolean) =>
    db.prepare<[string], EventTuple>(`SELECT ${columns(description)} FROM json_each(?) j CROSS JOIN events e ON e.id = j.value ${JOINS}`).raw();
  const eventsByIds = { withDescription: byIds(true), brief: byIds(false) };
  const linksByIds = (table: 'event_spheres' | 'event_partners', column: 'sphere_id' | 'partner_id') =>
    db.prepare<[string], [number, string]>(
      `SELECT l.event_id, r.name FROM json_each(?) j CROSS JOIN ${table} l ON l.event_id = j.value JOIN refs r ON r.id = l.${column}
       ORDER BY l.event_id, l.position`,
    ).raw();
  const spheresByIds = linksByIds('event_spheres', 'sphere_id');
  const partnersByIds = linksByIds('event_partners', 'partner_id');
  const rowsByIds = db.prepare<[string], EventRow>(
    `SELECT e.id, e.title, k.name AS kind, e.start_date AS startDate, e.end_date AS endDate, e.date_precision AS datePrecision,
            c.name AS city, rg.name AS region, co.name AS country, e.format, e.status, e.deleted_at AS deletedAt, e.version
     FROM json_each(?) j CROSS JOIN events e ON e.id = j.value
     LEFT JOIN refs k ON k.id = e.kind_id LEFT JOIN refs c ON c.id = e.city_id
     LEFT JOIN refs rg ON rg.id = e.region_id LEFT JOIN refs co ON co.id = e.country_id
     ORDER BY j.key`,
  );
  const setDeleted = db.prepare<{ id: number; now: string | null; stamp: string }>(
    `UPDATE events SET deleted_at = @now, updated_at = @stamp WHERE id = @id AND (deleted_at IS NULL) = (@now IS NOT NULL)`,
  );
  // A calendar month can hold thousands of events: read from the span index alone, as arrays,
  // with the few kind and city names looked up in memory rather than joined per row.
  const range = db
    .prepare<SqlParams, RangeRow>(
      `SELECT * FROM (${overlapSql([], 'id, title, kind_id, start_date, end_date, date_precision, format, status, city_id')})
       ORDER BY start_date, end_date, id`,
    )
    .raw();
  const datedRange = db
    .prepare<SqlParams, [number, string, string, string, EventSummary['datePrecision']]>(
      `SELECT * FROM (${overlapSql([], 'id, title, start_date, end_date, date_precision')})`,
    )
    .raw();
  const summaryNames = db.prepare<[], [number, string]>(`SELECT id, name FROM refs WHERE kind IN ('kind', 'city', 'sphere')`).raw();

  /** The few kind, city and sphere names of summaries, looked up in memory rather than joined per row. */
  function nameOf(): (id: number | null) => string | null {
    const names = new Map(summaryNames.all() as unknown as [number, string][]);
    return (id) => (id === null ? null : (names.get(id) ?? null));
  }

  function toSummary(row: RangeRow | CalendarRow, name: (id: number | null) => string | null): EventSummary {
    const [id, title, kindId, startDate, endDate, datePrecision, format, status, cityId] = row;
    return { id, title, kind: name(kindId), startDate, endDate, datePrecision, format, status, city: name(cityId) };
  }

  function writeLinks(id: number, record: EventRecord): void {
    record.sphereIds.forEach((sphereId, i) => addSphere.run(id, sphereId, i));
    record.partnerIds.forEach((partnerId, i) => addPartner.run(id, partnerId, i));
  }

  // Ranges of the index's words end below U+10FFFF, the greatest character, which no word follows.
  const wordsFrom = db
    .prepare<[string, string], string>(`SELECT term FROM events_fts_terms WHERE term >= ? AND term < ? LIMIT ${MAX_PREFIX_TERMS + 1}`)
    .pluck();
  const prefixTerms: PrefixTerms = (prefix) => {
    const terms = wordsFrom.all(prefix, `${prefix}\u{10FFFF}`);
    return terms.length > MAX_PREFIX_TERMS ? null : terms;
  };
  const filterSql = (filter: EventFilter) => listSql(filter, prefixTerms);

  function page(filter: EventFilter): { ids: number[]; total: number } {
    const list = filterSql(filter);
    const ids = prepared(pageSql(filter, list)).pluck().all({ ...list.params, limit: filter.limit, offset: filter.offset }) as number[];
    return { ids, total: prepared(list.count).pluck().get(list.params) as number };
  }

  /** The events of these ids, in their order; `brief` leaves the description out (null), as exports do. */
  function getMany(ids: readonly number[], brief = false): Event[] {
    const json = JSON.stringify(ids);
    const spheres = grouped(spheresByIds.all(json) as unknown as [number, string][]);
    const partners = grouped(partnersByIds.all(json) as unknown as [number, string][]);
    const rows = new Map<number, Event>();
    for (const row of (brief ? eventsByIds.brief : eventsByIds.withDescription).all(json) as unknown as EventTuple[]) {
      rows.set(row[0], toEvent(row, spheres.get(row[0]) ?? [], partners.get(row[0]) ?? []));
    }
    return ids.map((id) => rows.get(id)).filter((e): e is Event => e !== undefined);
  }

  /** The table rows of these ids, in their order. */
  const rowsOf = (ids: readonly number[]): EventRow[] => rowsByIds.all(JSON.stringify(ids));

  const partnerNamesOf = db.prepare<[string], string>(
    `SELECT DISTINCT r.name FROM event_partners ep JOIN refs r ON r.id = ep.partner_id WHERE ep.event_id IN (SELECT value FROM json_each(?))`,
  ).pluck();

  return {
    /** Every id the filter selects, in its order (its page bounds ignored): for exports, read in chunks. */
    allIds(filter: EventFilter): number[] {
      const list = filterSql(filter);
      return prepared(pageSql(filter, list)).pluck().all({ ...list.params, limit: -1, offset: 0 }) as number[];
    },
    /** The partners of these events, each once. */
    partnerNames: (ids: readonly number[]) => partnerNamesOf.all(JSON.stringify(ids)),
    insert(r: EventRecord, now: string, batchId: number | null = null): number {
      const id = Number(insert.run(...mainColumns(r), batchId, now, now).lastInsertRowid);
      insertTexts.run(id, r.venue, r.participants, r.outcomes, r.description);
      index.run(id, indexedText(r));
      writeLinks(id, r);
      return id;
    },
    update(id: number, r: EventRecord, now: string): void {
      update.run(...mainColumns(r), now, id);
      updateTexts.run(r.venue, r.participants, r.outcomes, r.description, id);
      unindex.run(id);
      index.run(id, indexedText(r));
      clearSpheres.run(id);
      clearPartners.run(id);
      writeLinks(id, r);
    },
    get: (id: number): Event | undefined => getMany([id])[0],
    getMany,
    /** Moves to the trash (now given) or back (now null); false when it was not there to move. */
    setDeleted: (id: number, now: string | null, stamp: string) => setDeleted.run({ id, now, stamp }).changes > 0,
    list(filter: EventFilter): { items: Event[]; total: number } {
      const { ids, total } = page(filter);
      return { items: getMany(ids), total };
    },
    /** The same page as list(), as table rows: no long texts or links to read. */
    rows(filter: EventFilter): { items: EventRow[]; total: number } {
      const { ids, total } = page(filter);
      return { items: rowsOf(ids), total };
    },
    rowsOf,
    /** What a calendar shows of the events a filter selects in its period: summaries with their first sphere. */
    calendar(filter: EventFilter): CalendarEvent[] {
      const list = filterSql(filter);
      const sql = `${list.with}SELECT e.id, e.title, e.kind_id, e.start_date, e.end_date, e.date_precision, e.format, e.status, e.city_id,
                     (SELECT sphere_id FROM event_spheres WHERE event_id = e.id ORDER BY position LIMIT 1)
                   FROM (${list.candidates}) c JOIN events e ON e.id = c.id ORDER BY e.start_date, e.end_date, e.id`;
      const name = nameOf();
      return (prepared(sql).raw().all(list.params) as unknown as CalendarRow[]).map((row) => ({ ...toSummary(row, name), sphere: name(row[9]) }));
    },
    /** The events overlapping a period, by title and dates, in no order. */
    dated(start: string, end: string): DatedEvent[] {
      return datedRange.all(overlapParams(start, end)).map(([id, title, startDate, endDate, datePrecision]) => ({ id, title, startDate, endDate, datePrecision }));
    },
    range(start: string, end: string): EventSummary[] {
      const name = nameOf();
      return (range.all(overlapParams(start, end)) as unknown as RangeRow[]).map((row) => toSummary(row, name));
    },
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;

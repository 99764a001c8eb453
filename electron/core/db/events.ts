// SQL of the events table group: events, their spheres and partners, spans (R*Tree) and full text.
import type { Statement } from 'better-sqlite3';
import type { Db } from './connection';
import { dayNumber } from '../../../shared/dates';
import { foldYo, nameKey } from '../../../shared/ru/normalize';
import type { Event, EventFilter, EventInput, EventSummary } from '../../../shared/schema/event';

/** An event with its reference values resolved to ids. */
export interface EventRecord extends Omit<EventInput, 'kind' | 'city' | 'region' | 'country' | 'organizer' | 'spheres' | 'partners'> {
  kindId: number | null;
  cityId: number | null;
  regionId: number | null;
  countryId: number | null;
  organizerId: number | null;
  sphereIds: number[];
  partnerIds: number[];
}

const COLUMNS = `
  e.id, e.title, k.name AS kind, e.start_date AS startDate, e.end_date AS endDate, e.date_precision AS datePrecision,
  c.name AS city, rg.name AS region, co.name AS country, e.venue, e.format,
  (SELECT json_group_array(r.name ORDER BY es.position) FROM event_spheres es JOIN refs r ON r.id = es.sphere_id WHERE es.event_id = e.id) AS spheres,
  (SELECT json_group_array(r.name ORDER BY ep.position) FROM event_partners ep JOIN refs r ON r.id = ep.partner_id WHERE ep.event_id = e.id) AS partners,
  e.participants, o.name AS organizer, e.outcomes, e.description, e.status,
  e.agreement_id AS agreementId, a.title AS agreementTitle, e.batch_id AS batchId,
  e.created_at AS createdAt, e.updated_at AS updatedAt, e.deleted_at AS deletedAt`;

const JOINS = `
  LEFT JOIN refs k ON k.id = e.kind_id
  LEFT JOIN refs c ON c.id = e.city_id
  LEFT JOIN refs rg ON rg.id = e.region_id
  LEFT JOIN refs co ON co.id = e.country_id
  LEFT JOIN refs o ON o.id = e.organizer_id
  LEFT JOIN agreements a ON a.id = e.agreement_id`;

type EventDbRow = Omit<Event, 'spheres' | 'partners'> & { spheres: string; partners: string };

function toEvent(row: EventDbRow): Event {
  return { ...row, spheres: JSON.parse(row.spheres) as string[], partners: JSON.parse(row.partners) as string[] };
}

/** The user's words as an FTS5 query: every word must occur, each as a prefix. */
export function ftsQuery(text: string): string | null {
  const words = foldYo(text).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.length ? words.map((w) => `"${w}"*`).join(' ') : null;
}

const SORT_SQL: Record<EventFilter['sort'], (dir: string) => string> = {
  startDate: (d) => `e.start_date ${d}, e.end_date ${d}, e.id ${d}`,
  title: (d) => `e.title ${d}, e.id ${d}`,
  kind: (d) => `k.name ${d}, e.start_date ${d}, e.id ${d}`,
  updatedAt: (d) => `e.updated_at ${d}, e.id ${d}`,
};

const PARTNER_TREE = `
  WITH RECURSIVE chosen(id) AS (
    SELECT id FROM refs WHERE kind IN ('country', 'region', 'organisation') AND name_key IN (SELECT value FROM json_each(@partners))
    UNION SELECT r.id FROM refs r JOIN chosen ON r.parent_id = chosen.id WHERE r.kind IN ('region', 'organisation')
  )`;

interface FilterSql {
  where: string;
  params: Record<string, string | number>;
}

/** WHERE clause and parameters for a filter; the SQL text depends only on which filters are set. */
export function filterSql(filter: EventFilter): FilterSql {
  const clauses = [filter.deleted ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL'];
  const params: FilterSql['params'] = {};
  const keys = (names: string[]) => JSON.stringify(names.map(nameKey));
  if (filter.period) {
    clauses.push('e.id IN (SELECT id FROM event_spans WHERE lo <= @hi AND hi >= @lo)');
    clauses.push('e.start_date <= @end AND e.end_date >= @start');
    Object.assign(params, {
      lo: dayNumber(filter.period.start),
      hi: dayNumber(filter.period.end),
      start: filter.period.start,
      end: filter.period.end,
    });
  }
  const fts = filter.query ? ftsQuery(filter.query) : null;
  if (fts) {
    clauses.push('e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH @fts)');
    params.fts = fts;
  }
  if (filter.kinds?.length) {
    clauses.push(`e.kind_id IN (SELECT id FROM refs WHERE kind = 'kind' AND name_key IN (SELECT value FROM json_each(@kinds)))`);
    params.kinds = keys(filter.kinds);
  }
  if (filter.spheres?.length) {
    clauses.push(`e.id IN (SELECT es.event_id FROM event_spheres es JOIN refs r ON r.id = es.sphere_id
                           WHERE r.kind = 'sphere' AND r.name_key IN (SELECT value FROM json_each(@spheres)))`);
    params.spheres = keys(filter.spheres);
  }
  if (filter.partners?.length) {
    clauses.push(`e.id IN (${PARTNER_TREE}
      SELECT event_id FROM event_partners WHERE partner_id IN chosen
      UNION SELECT id FROM events WHERE region_id IN chosen
      UNION SELECT id FROM events WHERE country_id IN chosen)`);
    params.partners = keys(filter.partners);
  }
  if (filter.formats?.length) {
    clauses.push('e.format IN (SELECT value FROM json_each(@formats))');
    params.formats = JSON.stringify(filter.formats);
  }
  if (filter.statuses?.length) {
    clauses.push('e.status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filter.statuses);
  }
  if (filter.agreementId !== undefined) {
    clauses.push('e.agreement_id = @agreementId');
    params.agreementId = filter.agreementId;
  }
  if (filter.batchId !== undefined) {
    clauses.push('e.batch_id = @batchId');
    params.batchId = filter.batchId;
  }
  return { where: clauses.join(' AND '), params };
}

export function createEventsRepo(db: Db) {
  // Filtered queries differ only in which clauses are present: prepare each shape once.
  const shapes = new Map<string, Statement>();
  const prepared = (sql: string) => {
    let statement = shapes.get(sql);
    if (!statement) shapes.set(sql, (statement = db.prepare(sql)));
    return statement;
  };

  const insert = db.prepare<Record<string, unknown>, { id: number }>(
    `INSERT INTO events (title, kind_id, start_date, end_date, date_precision, city_id, region_id, country_id, venue, format,
       participants, organizer_id, outcomes, description, status, agreement_id, batch_id, created_at, updated_at)
     VALUES (@title, @kindId, @startDate, @endDate, @datePrecision, @cityId, @regionId, @countryId, @venue, @format,
       @participants, @organizerId, @outcomes, @description, @status, @agreementId, @batchId, @now, @now)
     RETURNING id`,
  );
  const update = db.prepare<Record<string, unknown>>(
    `UPDATE events SET title = @title, kind_id = @kindId, start_date = @startDate, end_date = @endDate,
       date_precision = @datePrecision, city_id = @cityId, region_id = @regionId, country_id = @countryId, venue = @venue,
       format = @format, participants = @participants, organizer_id = @organizerId, outcomes = @outcomes,
       description = @description, status = @status, agreement_id = @agreementId, updated_at = @now
     WHERE id = @id`,
  );
  const clearSpheres = db.prepare<[number]>('DELETE FROM event_spheres WHERE event_id = ?');
  const clearPartners = db.prepare<[number]>('DELETE FROM event_partners WHERE event_id = ?');
  const addSphere = db.prepare<[number, number, number]>('INSERT INTO event_spheres (event_id, sphere_id, position) VALUES (?, ?, ?)');
  const addPartner = db.prepare<[number, number, number]>('INSERT INTO event_partners (event_id, partner_id, position) VALUES (?, ?, ?)');
  const byIds = db.prepare<[string], EventDbRow>(`SELECT ${COLUMNS} FROM events e ${JOINS} WHERE e.id IN (SELECT value FROM json_each(?))`);
  const setDeleted = db.prepare<{ id: number; now: string | null; stamp: string }>(
    `UPDATE events SET deleted_at = @now, updated_at = @stamp WHERE id = @id AND (deleted_at IS NULL) = (@now IS NOT NULL)`,
  );
  const range = db.prepare<{ lo: number; hi: number }, EventSummary>(
    `SELECT e.id, e.title, k.name AS kind, e.start_date AS startDate, e.end_date AS endDate, e.date_precision AS datePrecision,
            e.format, e.status, c.name AS city
     FROM event_spans s JOIN events e ON e.id = s.id
     LEFT JOIN refs k ON k.id = e.kind_id LEFT JOIN refs c ON c.id = e.city_id
     WHERE s.lo <= @hi AND s.hi >= @lo AND e.deleted_at IS NULL
     ORDER BY e.start_date, e.end_date, e.id`,
  );

  function writeLinks(id: number, record: EventRecord): void {
    clearSpheres.run(id);
    clearPartners.run(id);
    record.sphereIds.forEach((sphereId, i) => addSphere.run(id, sphereId, i));
    record.partnerIds.forEach((partnerId, i) => addPartner.run(id, partnerId, i));
  }

  function getMany(ids: number[]): Event[] {
    const rows = new Map(byIds.all(JSON.stringify(ids)).map((row) => [row.id, toEvent(row)]));
    return ids.map((id) => rows.get(id)).filter((e): e is Event => e !== undefined);
  }

  return {
    insert(record: EventRecord, now: string, batchId: number | null = null): number {
      const { sphereIds: _s, partnerIds: _p, ...columns } = record;
      const { id } = insert.get({ ...columns, batchId, now }) as { id: number };
      writeLinks(id, record);
      return id;
    },
    update(id: number, record: EventRecord, now: string): void {
      const { sphereIds: _s, partnerIds: _p, ...columns } = record;
      update.run({ ...columns, id, now });
      writeLinks(id, record);
    },
    get: (id: number): Event | undefined => getMany([id])[0],
    getMany,
    /** Moves to the trash (now given) or back (now null); false when it was not there to move. */
    setDeleted: (id: number, now: string | null, stamp: string) => setDeleted.run({ id, now, stamp }).changes > 0,
    list(filter: EventFilter): { items: Event[]; total: number } {
      const { where, params } = filterSql(filter);
      const dir = filter.order === 'desc' ? 'DESC' : 'ASC';
      const kindJoin = filter.sort === 'kind' ? 'LEFT JOIN refs k ON k.id = e.kind_id' : '';
      const page = prepared(
        `SELECT e.id FROM events e ${kindJoin} WHERE ${where} ORDER BY ${SORT_SQL[filter.sort](dir)} LIMIT @limit OFFSET @offset`,
      ).pluck().all({ ...params, limit: filter.limit, offset: filter.offset }) as number[];
      const total = prepared(`SELECT count(*) FROM events e WHERE ${where}`).pluck().get(params) as number;
      return { items: getMany(page), total };
    },
    range: (start: string, end: string): EventSummary[] => range.all({ lo: dayNumber(start), hi: dayNumber(end) }),
  };
}

export type EventsRepo = ReturnType<typeof createEventsRepo>;

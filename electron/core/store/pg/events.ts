// The events table group on PostgreSQL (db/events.ts): events, their texts (with the folded search
// words), spheres and partners.
import type { CalendarEvent } from '../../../../shared/schema/calendar';
import type { Event, EventFilter, EventRow, EventSummary } from '../../../../shared/schema/event';
import { JOINS } from '../../db/events';
import type { DatedEvent, EventRecord, EventsStore } from '../types';
import { filterRefs, orderSql, pgListSql, searchBody, type FilterRefs } from './event-filter';
import { all, changes, column, first, overlaps, Params, planEachCall, type Queryable } from './sql';

const columns = (description: boolean) => `
  e.id, e.title, k.name AS kind, e.start_date AS "startDate", e.end_date AS "endDate", e.date_precision AS "datePrecision",
  c.name AS city, rg.name AS region, co.name AS country, t.venue, e.format, t.participants, o.name AS organizer, t.outcomes,
  ${description ? 't.description' : 'NULL::text'} AS description, e.status, e.agreement_id AS "agreementId", a.title AS "agreementTitle",
  e.batch_id AS "batchId", e.created_at AS "createdAt", e.updated_at AS "updatedAt", e.deleted_at AS "deletedAt", e.version`;

const SUMMARY = `e.id, e.title, k.name AS kind, e.start_date AS "startDate", e.end_date AS "endDate", e.date_precision AS "datePrecision",
  e.format, e.status, c.name AS city`;
const SUMMARY_JOINS = 'LEFT JOIN refs k ON k.id = e.kind_id LEFT JOIN refs c ON c.id = e.city_id';

/** The columns of events that insert and update share, $1…$13: the last, the first sphere the calendar shows (005). */
const mainColumns = (r: EventRecord) => [
  r.title, r.kindId, r.startDate, r.endDate, r.datePrecision, r.cityId, r.regionId, r.countryId, r.format, r.organizerId, r.status, r.agreementId,
  r.sphereIds[0] ?? null,
];
const texts = (r: EventRecord) => [r.venue, r.participants, r.outcomes, r.description, searchBody(r.title, r.description, r.participants, r.outcomes)];

export function pgEvents(db: Queryable): EventsStore {
  async function writeLinks(id: number, r: EventRecord): Promise<void> {
    const add = (table: string, column: string, ids: number[]) =>
      db.query(`INSERT INTO ${table} (event_id, ${column}, position) SELECT $1, x, n - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(x, n)`, [id, ids]);
    if (r.sphereIds.length) await add('event_spheres', 'sphere_id', r.sphereIds);
    if (r.partnerIds.length) await add('event_partners', 'partner_id', r.partnerIds);
  }

  async function getMany(ids: readonly number[], brief = false): Promise<Event[]> {
    if (!ids.length) return [];
    // One statement, the links' names gathered per event in their order: each statement is a round
    // trip to the server, and those cost more than the few look-ups they would save.
    const names = (table: string, column: string) =>
      `ARRAY(SELECT r.name FROM ${table} l JOIN refs r ON r.id = l.${column} WHERE l.event_id = e.id ORDER BY l.position)`;
    const rows = await all<Event>(
      db,
      `SELECT ${columns(!brief)}, ${names('event_spheres', 'sphere_id')} AS spheres, ${names('event_partners', 'partner_id')} AS partners
       FROM events e ${JOINS} WHERE e.id = ANY($1::bigint[])`,
      [[...ids]],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)).filter((e): e is Event => e !== undefined);
  }

  async function rowsOf(ids: readonly number[]): Promise<EventRow[]> {
    if (!ids.length) return [];
    return all<EventRow>(
      db,
      `SELECT e.id, e.title, k.name AS kind, e.start_date AS "startDate", e.end_date AS "endDate", e.date_precision AS "datePrecision",
              c.name AS city, rg.name AS region, co.name AS country, e.format, e.status, e.deleted_at AS "deletedAt", e.version
       FROM unnest($1::bigint[]) WITH ORDINALITY AS j(id, n) JOIN events e ON e.id = j.id
       LEFT JOIN refs k ON k.id = e.kind_id LEFT JOIN refs c ON c.id = e.city_id
       LEFT JOIN refs rg ON rg.id = e.region_id LEFT JOIN refs co ON co.id = e.country_id
       ORDER BY j.n`,
      [[...ids]],
    );
  }

  // Made by migration 005 on PostgreSQL 12 and later only: where it is missing, the calendar asks as the list does.
  let calendarIndex: Promise<boolean> | undefined;
  const hasCalendarIndex = () =>
    (calendarIndex ??= column<boolean>(db, `SELECT to_regclass('events_calendar') IS NOT NULL AS v`).then(
      ([v]) => v === true,
      (e: unknown) => {
        calendarIndex = undefined; // asked again next time: the connection failed, not the answer
        throw e;
      },
    ));

  /** The statement of the filter's ids in its order, with `more` selected beside each and `bounds` after. */
  function idsSql(filter: EventFilter, refs: FilterRefs, params: Params, more: string, bounds: (params: Params) => string): string {
    const list = pgListSql(filter, refs, params);
    const kinds = filter.sort === 'kind' ? 'LEFT JOIN refs k ON k.id = e.kind_id' : '';
    return planEachCall(`${list.with}SELECT e.id AS v${more} FROM ${list.from} ${kinds} WHERE ${list.where} ORDER BY ${orderSql(filter)}${bounds(params)}`);
  }

  const pageBounds = (filter: EventFilter) => (params: Params) => ` LIMIT ${params.add(filter.limit)} OFFSET ${params.add(filter.offset)}`;

  async function count(filter: EventFilter, refs: FilterRefs): Promise<number> {
    const params = new Params();
    const list = pgListSql(filter, refs, params);
    return (await column<number>(db, planEachCall(`${list.with}${list.count}`), params.values))[0] ?? 0;
  }

  /** A page of the filter's ids and their total. */
  async function page(filter: EventFilter): Promise<{ ids: number[]; total: number }> {
    const refs = await filterRefs(db, filter);
    if (filter.period) {
      // A period's events are all selected before they are ordered (pgListSql's `from`): counted on the
      // way, by the same statement, rather than selected again by a second.
      const params = new Params();
      const rows = await all<{ v: number; total: number }>(db, idsSql(filter, refs, params, ', count(*) OVER () AS total', pageBounds(filter)), params.values);
      if (rows.length || filter.offset === 0) return { ids: rows.map((r) => r.v), total: rows[0]?.total ?? 0 };
      return { ids: [], total: await count(filter, refs) };
    }
    // Asked at once, on two connections of the pool: the page stops early down the date index, the
    // total is counted from the filter's sets.
    const params = new Params();
    const [ids, total] = await Promise.all([column<number>(db, idsSql(filter, refs, params, '', pageBounds(filter)), params.values), count(filter, refs)]);
    return { ids, total };
  }

  return {
    async insert(r, now, batchId = null) {
      // One round trip: the event, its texts and links written by one statement.
      const row = await first<{ id: number }>(
        db,
        `WITH e AS (
           INSERT INTO events (title, kind_id, start_date, end_date, date_precision, city_id, region_id, country_id, format,
             organizer_id, status, agreement_id, first_sphere_id, batch_id, created_at, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $15) RETURNING id),
         t AS (INSERT INTO event_texts (event_id, venue, participants, outcomes, description, search_body)
           SELECT id, $16, $17, $18, $19, $20 FROM e),
         s AS (INSERT INTO event_spheres (event_id, sphere_id, position)
           SELECT e.id, x, n - 1 FROM e, unnest($21::bigint[]) WITH ORDINALITY AS u(x, n)),
         p AS (INSERT INTO event_partners (event_id, partner_id, position)
           SELECT e.id, x, n - 1 FROM e, unnest($22::bigint[]) WITH ORDINALITY AS u(x, n))
         SELECT id FROM e`,
        [...mainColumns(r), batchId, now, ...texts(r), r.sphereIds, r.partnerIds],
      );
      return row!.id;
    },
    async update(id, r, now) {
      await db.query(
        `WITH e AS (
           UPDATE events SET title = $1, kind_id = $2, start_date = $3, end_date = $4, date_precision = $5, city_id = $6, region_id = $7,
             country_id = $8, format = $9, organizer_id = $10, status = $11, agreement_id = $12, first_sphere_id = $13, updated_at = $14
           WHERE id = $15 RETURNING id)
         UPDATE event_texts SET venue = $16, participants = $17, outcomes = $18, description = $19, search_body = $20
         WHERE event_id = $15`,
        [...mainColumns(r), now, id, ...texts(r)],
      );
      await db.query('DELETE FROM event_spheres WHERE event_id = $1', [id]);
      await db.query('DELETE FROM event_partners WHERE event_id = $1', [id]);
      await writeLinks(id, r);
    },
    get: async (id) => (await getMany([id]))[0],
    getMany,
    setDeleted: async (id, now, stamp) =>
      (await changes(db, 'UPDATE events SET deleted_at = $2, updated_at = $3 WHERE id = $1 AND (deleted_at IS NULL) = ($2::text IS NOT NULL)', [
        id,
        now,
        stamp,
      ])) > 0,
    async list(filter) {
      const { ids, total } = await page(filter);
      return { items: await getMany(ids), total };
    },
    async rows(filter) {
      const { ids, total } = await page(filter);
      return { items: await rowsOf(ids), total };
    },
    rowsOf,
    async allIds(filter) {
      const params = new Params();
      return column<number>(db, idsSql(filter, await filterRefs(db, filter), params, '', () => ''), params.values);
    },
    partnerNames: async (ids) =>
      ids.length
        ? // Each name where it first comes by event and partner id, as SQLite reads them: documents name them in this order.
          column<string>(
            db,
            `SELECT v FROM (SELECT DISTINCT ON (r.name) r.name AS v, ep.event_id, ep.partner_id
                            FROM event_partners ep JOIN refs r ON r.id = ep.partner_id WHERE ep.event_id = ANY($1::bigint[])
                            ORDER BY r.name, ep.event_id, ep.partner_id) d
             ORDER BY event_id, partner_id`,
            [[...ids]],
          )
        : [],
    async calendar(filter) {
      const params = new Params();
      const list = pgListSql(filter, await filterRefs(db, filter), params, await hasCalendarIndex());
      return all<CalendarEvent>(
        db,
        planEachCall(`${list.with}SELECT ${SUMMARY}, fr.name AS sphere FROM ${list.from} ${SUMMARY_JOINS}
           LEFT JOIN refs fr ON fr.id = e.first_sphere_id
         WHERE ${list.where} ORDER BY e.start_date, e.end_date, e.id`),
        params.values,
      );
    },
    async dated(start, end) {
      const params = new Params();
      return all<DatedEvent>(
        db,
        `SELECT e.id, e.title, e.start_date AS "startDate", e.end_date AS "endDate", e.date_precision AS "datePrecision"
         FROM events e WHERE e.deleted_at IS NULL AND ${overlaps(params, start, end)}`,
        params.values,
      );
    },
    async range(start, end) {
      const params = new Params();
      return all<EventSummary>(
        db,
        `SELECT ${SUMMARY} FROM events e ${SUMMARY_JOINS} WHERE e.deleted_at IS NULL AND ${overlaps(params, start, end)} ORDER BY e.start_date, e.end_date, e.id`,
        params.values,
      );
    },
  };
}

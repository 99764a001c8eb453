// Which events a filter selects, on PostgreSQL: db/event-filter.ts's listSql with the same meaning,
// every value a parameter. Text search reads the words of event_words (004_search_table.sql).
import { nameKey, searchText } from '../../../../shared/ru/normalize';
import type { EventFilter } from '../../../../shared/schema/event';
import { all, overlaps, type Params, type Queryable } from './sql';

/** PostgreSQL keeps words (lexemes) of up to 2046 bytes; a longer one is neither indexed nor found. */
const MAX_WORD_BYTES = 2046;
const fits = (word: string) => Buffer.byteLength(word) <= MAX_WORD_BYTES;

/**
 * The search words of an event as search_body keeps them: shared/ru/normalize.ts searchText (the
 * words SQLite's index holds), parted by single spaces, each one lexeme of the index.
 */
export function searchBody(...parts: readonly (string | null | undefined)[]): string {
  return searchText(...parts).split(' ').filter(fits).join(' ');
}

/**
 * The user's words as a tsquery: every word must occur, each as a prefix. Written as tsquery text
 * (each word a quoted lexeme, quotes and backslashes escaped) and passed as a parameter cast to
 * tsquery, so no word is parsed or stemmed again. Null when the text has no words; false when a word
 * is longer than any indexed one.
 */
export function tsQuery(text: string): string | false | null {
  const words = searchText(text).split(' ').filter(Boolean);
  if (!words.length) return null;
  if (!words.every(fits)) return false;
  return words.map((w) => `'${w.replace(/\\/g, '\\\\').replace(/'/g, "''")}':*`).join(' & ');
}

/** The chosen partners and everything under them. */
const chosenPartners = (keys: string) => `chosen_partners(id) AS (
    SELECT id FROM refs WHERE kind IN ('country', 'region', 'organisation') AND name_key = ANY(${keys}::text[])
    UNION SELECT r.id FROM refs r JOIN chosen_partners c ON r.parent_id = c.id WHERE r.kind IN ('region', 'organisation')
  )`;
const PARTNER_EVENTS = `
  SELECT event_id FROM event_partners WHERE partner_id IN (SELECT id FROM chosen_partners)
  UNION SELECT id FROM events WHERE region_id IN (SELECT id FROM chosen_partners)
  UNION SELECT id FROM events WHERE country_id IN (SELECT id FROM chosen_partners)`;

/**
 * The kinds and spheres a filter names, as reference ids looked up before its statement is planned:
 * PostgreSQL then knows from the columns' statistics how many events each id holds, where a
 * look-up inside the statement would leave it the average of all references (a hundredth of what
 * a sphere holds), and plans a sphere's thousands as a handful.
 */
export interface FilterRefs {
  kinds: number[];
  spheres: number[];
}

export async function filterRefs(db: Queryable, filter: EventFilter): Promise<FilterRefs> {
  const refs: FilterRefs = { kinds: [], spheres: [] };
  if (!filter.kinds?.length && !filter.spheres?.length) return refs;
  const rows = await all<{ kind: 'kind' | 'sphere'; id: number }>(
    db,
    `SELECT kind, id FROM refs WHERE (kind = 'kind' AND name_key = ANY($1::text[])) OR (kind = 'sphere' AND name_key = ANY($2::text[]))`,
    [(filter.kinds ?? []).map(nameKey), (filter.spheres ?? []).map(nameKey)],
  );
  for (const { kind, id } of rows) refs[kind === 'kind' ? 'kinds' : 'spheres'].push(id);
  return refs;
}

/**
 * A filter as SQL: `with` opens the statement; `FROM ${from} … WHERE ${where}` selects the events
 * as `e` (joins may stand between); `count` counts them. Every value is a parameter.
 */
export interface PgListSql {
  with: string;
  /**
   * `events e` itself; for a period, its rows in the period taken whole first (and `where` then
   * true): asked for the first page of a year by date, the planner would walk the date index from
   * the register's first day, supposing the year's events spread evenly over it, and pass tens of
   * thousands before reaching them; the range index finds them at once, and ordering a year is quick.
   */
  from: string;
  where: string;
  count: string;
}

/** The columns the calendar shows of an event, all held by its index (pg-migrations/005). */
const CALENDAR_COLUMNS = 'e.id, e.title, e.kind_id, e.start_date, e.end_date, e.date_precision, e.format, e.status, e.city_id, e.first_sphere_id';

/** `calendar`: the statement of the calendar, its period read from the calendar's own index. */
export function pgListSql(filter: EventFilter, refs: FilterRefs, params: Params, calendar = false): PgListSql {
  const conditions: string[] = [];
  if (filter.period) conditions.push(overlaps(params, filter.period.start, filter.period.end, 'e', calendar ? 'calendar' : 'closed'));
  if (filter.kinds?.length) conditions.push(`e.kind_id = ANY(${params.add(refs.kinds)}::bigint[])`);
  if (filter.formats?.length) conditions.push(`e.format = ANY(${params.add(filter.formats)}::text[])`);
  if (filter.statuses?.length) conditions.push(`e.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.agreementId !== undefined) conditions.push(`e.agreement_id = ${params.add(filter.agreementId)}`);
  if (filter.batchId !== undefined) conditions.push(`e.batch_id = ${params.add(filter.batchId)}`);
  // Sets of event ids, each without repeats; they hold deleted events too.
  const sets: string[] = [];
  const query = filter.query ? tsQuery(filter.query) : null;
  if (query === false) conditions.push('false');
  else if (query !== null) sets.push(`SELECT w.event_id FROM event_words w WHERE w.words @@ ${params.add(query)}::tsquery`);
  if (filter.spheres?.length) {
    // An event holds each sphere once: only several spheres can bring it twice.
    const distinct = filter.spheres.length > 1 ? 'DISTINCT ' : '';
    sets.push(`SELECT ${distinct}es.event_id FROM event_spheres es WHERE es.sphere_id = ANY(${params.add(refs.spheres)}::bigint[])`);
  }
  const ctes: string[] = [];
  if (filter.partners?.length) {
    ctes.push(chosenPartners(params.add(filter.partners.map(nameKey))));
    sets.push(PARTNER_EVENTS);
  }
  const live = filter.deleted ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL';
  const where = [live, ...conditions, ...sets.map((set) => `e.id IN (${set})`)].join(' AND ');
  let count = `SELECT count(*) AS v FROM events e WHERE ${where}`;
  if (!filter.deleted && !conditions.length && sets.length) {
    // Only sets: their common members, less those in the (small) trash, counted from the sets alone.
    // A short word's prefix matches half the register: counted so, no event's row is read.
    const common = sets.map((set) => `(${set})`).join(' INTERSECT ');
    count = `SELECT (SELECT count(*) FROM (${common}) s) - (SELECT count(*) FROM events e WHERE e.deleted_at IS NOT NULL${sets.map((set) => ` AND e.id IN (${set})`).join('')}) AS v`;
  }
  return {
    with: ctes.length ? `WITH RECURSIVE ${ctes.join(', ')} ` : '',
    count,
    // OFFSET 0 keeps the planner from merging the subquery into the statement around it (PostgreSQL 11 has no MATERIALIZED).
    ...(filter.period ? { from: `(SELECT ${calendar ? CALENDAR_COLUMNS : '*'} FROM events e WHERE ${where} OFFSET 0) e`, where: 'true' } : { from: 'events e', where }),
  };
}

/**
 * The order of a page, SQLite's: text compared bytewise (COLLATE "C", whatever the database's
 * locale), and a missing kind first going up and last going down, where SQLite puts NULL.
 */
export function orderSql(filter: EventFilter): string {
  const d = filter.order === 'desc' ? 'DESC' : 'ASC';
  const nulls = d === 'ASC' ? 'NULLS FIRST' : 'NULLS LAST';
  switch (filter.sort) {
    case 'startDate':
      return `e.start_date ${d}, e.end_date ${d}, e.id ${d}`;
    case 'title':
      return `e.title COLLATE "C" ${d}, e.id ${d}`;
    case 'kind':
      return `k.name COLLATE "C" ${d} ${nulls}, e.start_date ${d}, e.id ${d}`;
    case 'updatedAt':
      return `e.updated_at COLLATE "C" ${d}, e.id ${d}`;
  }
}

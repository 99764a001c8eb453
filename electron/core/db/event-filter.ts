// SQL of the event list filters: which events a filter selects, answered from covering indexes.
import { addDays, dayNumber } from '../../../shared/dates';
import { nameKey, searchText } from '../../../shared/ru/normalize';
import type { EventFilter } from '../../../shared/schema/event';

/**
 * Interval buckets (see the span_class column of the schema): an event of class c starts at most
 * SPAN_LIMITS[c] days before any day it covers, so its overlap with a period is one bounded range
 * of the events_span index; class 3 (a year and longer) is few and scanned whole.
 */
export const SPAN_LIMITS = [30, 91, 365] as const;

/** The bucket of an event's span, as the schema's CHECK on events.span_class demands. */
export function spanClass(startDate: string, endDate: string): number {
  const days = dayNumber(endDate) - dayNumber(startDate);
  const c = SPAN_LIMITS.findIndex((limit) => days <= limit);
  return c < 0 ? SPAN_LIMITS.length : c;
}

export type SqlParams = Record<string, string | number>;

/**
 * The SQL of a filter; its text depends only on which filters are set, so each shape is prepared once.
 * `with` opens every statement (id sets, each computed once); `candidates` yields rows
 * `(id, start_date, end_date)` of the selected events; `count` counts them.
 */
export interface ListSql {
  with: string;
  candidates: string;
  count: string;
  params: SqlParams;
}

/** The indexed words that begin with a prefix, or null when they are too many to name. */
export type PrefixTerms = (prefix: string) => readonly string[] | null;

/**
 * The user's words as an FTS5 query: every word must occur, each as a prefix. A prefix standing for
 * few indexed words is written as those words: FTS5 merges a prefix's word lists anew at each query,
 * which takes four times as long as reading the words' lists.
 */
export function ftsQuery(text: string, prefixTerms: PrefixTerms): string | null {
  const words = searchText(text).split(' ').filter(Boolean);
  const term = (word: string) => {
    const terms = prefixTerms(word);
    return terms?.length ? `(${terms.map((t) => `"${t}"`).join(' OR ')})` : `"${word}"*`;
  };
  return words.length ? words.map(term).join(' AND ') : null;
}

/**
 * The chosen partners and everything under them: a common table expression of the statement's own
 * WITH clause, so that the set below is a plain SELECT that composes anywhere (a WITH inside a
 * compound SELECT is a syntax error).
 */
const CHOSEN_PARTNERS = `chosen_partners(id) AS (
    SELECT id FROM refs WHERE kind IN ('country', 'region', 'organisation') AND name_key IN (SELECT value FROM json_each(@partners))
    UNION SELECT r.id FROM refs r JOIN chosen_partners c ON r.parent_id = c.id WHERE r.kind IN ('region', 'organisation')
  )`;
const PARTNER_EVENTS = `
  SELECT event_id FROM event_partners WHERE partner_id IN chosen_partners
  UNION SELECT id FROM events WHERE region_id IN chosen_partners
  UNION SELECT id FROM events WHERE country_id IN chosen_partners`;

export function overlapParams(start: string, end: string): SqlParams {
  return { start, end, ...Object.fromEntries(SPAN_LIMITS.map((days, c) => [`from${c}`, addDays(start, -days)])) };
}

/**
 * Live events overlapping @start..@end that meet `conditions`, one range scan per span class; each
 * branch comes in (start_date, end_date, id) order, so SQLite merges rather than sorts them.
 */
export function overlapSql(conditions: readonly string[] = [], columns = 'id, start_date, end_date'): string {
  const rest = conditions.map((c) => ` AND ${c}`).join('');
  const live = `SELECT ${columns} FROM events WHERE deleted_at IS NULL`;
  return [
    ...SPAN_LIMITS.map((_, c) => `${live} AND span_class = ${c} AND start_date BETWEEN @from${c} AND @end AND end_date >= @start${rest}`),
    `${live} AND span_class = 3 AND start_date <= @end AND end_date >= @start${rest}`,
  ].join(' UNION ALL ');
}

export function listSql(filter: EventFilter, prefixTerms: PrefixTerms): ListSql {
  const params: SqlParams = {};
  const keys = (names: string[]) => JSON.stringify(names.map(nameKey));
  // Conditions on columns the list indexes cover: checked without reading the rows.
  const conditions: string[] = [];
  if (filter.kinds?.length) {
    conditions.push(`kind_id IN (SELECT id FROM refs WHERE kind = 'kind' AND name_key IN (SELECT value FROM json_each(@kinds)))`);
    params.kinds = keys(filter.kinds);
  }
  if (filter.formats?.length) {
    conditions.push('format IN (SELECT value FROM json_each(@formats))');
    params.formats = JSON.stringify(filter.formats);
  }
  if (filter.statuses?.length) {
    conditions.push('status IN (SELECT value FROM json_each(@statuses))');
    params.statuses = JSON.stringify(filter.statuses);
  }
  if (filter.agreementId !== undefined) {
    conditions.push('agreement_id = @agreementId');
    params.agreementId = filter.agreementId;
  }
  if (filter.batchId !== undefined) {
    conditions.push('batch_id = @batchId');
    params.batchId = filter.batchId;
  }
  // Sets of ids, each without repeats, probed per index entry.
  const sets: string[] = [];
  const fts = filter.query ? ftsQuery(filter.query, prefixTerms) : null;
  if (fts) {
    sets.push('SELECT rowid FROM events_fts WHERE events_fts MATCH @fts');
    params.fts = fts;
  }
  if (filter.spheres?.length) {
    // An event holds each sphere once: only several spheres can bring it twice, and DISTINCT costs a sort.
    sets.push(`SELECT ${filter.spheres.length > 1 ? 'DISTINCT ' : ''}es.event_id FROM event_spheres es JOIN refs r ON r.id = es.sphere_id
               WHERE r.kind = 'sphere' AND r.name_key IN (SELECT value FROM json_each(@spheres))`);
    params.spheres = keys(filter.spheres);
  }
  const ctes: string[] = [];
  if (filter.partners?.length) {
    ctes.push(CHOSEN_PARTNERS);
    sets.push(PARTNER_EVENTS);
    params.partners = keys(filter.partners);
  }
  const inSets = (probe: string) => sets.map((set) => `${probe} IN (${set})`);
  const where = (rest: readonly string[]) => rest.map((c) => ` AND ${c}`).join('');

  if (filter.period) Object.assign(params, overlapParams(filter.period.start, filter.period.end));
  let candidates: string;
  if (filter.deleted) {
    // The trash is small and outside the live indexes: plain comparisons serve it.
    const dates = filter.period ? ['start_date <= @end AND end_date >= @start'] : [];
    candidates = `SELECT id, start_date, end_date FROM events WHERE deleted_at IS NOT NULL${where([...dates, ...conditions, ...inSets('id')])}`;
  } else if (filter.period && sets.length) {
    // Probed once after the bucket scans: inside each branch SQLite would index every set anew.
    ctes.push(`live(id, start_date, end_date) AS MATERIALIZED (${overlapSql(conditions)})`);
    candidates = `SELECT id, start_date, end_date FROM live WHERE ${inSets('id').join(' AND ')}`;
  } else if (filter.period) {
    candidates = overlapSql(conditions);
  } else {
    // The «+» keeps SQLite on the ordered date index, where a page of a dense match stops early,
    // instead of one look-up per member of a set.
    candidates = `SELECT id, start_date, end_date FROM events WHERE deleted_at IS NULL${where([...conditions, ...inSets('+id')])}`;
  }
  // RECURSIVE belongs to the whole clause and is harmless for the CTEs that are not.
  const withSql = ctes.length ? `WITH RECURSIVE ${ctes.join(', ')} ` : '';
  let count = `SELECT count(*) FROM (${candidates})`;
  if (!filter.deleted && !filter.period && conditions.length === 0 && sets.length > 0) {
    // Only sets: their intersection, less its members in the (small) trash, reads no index at all.
    // Each set in its own parentheses: compound operators bind left to right, so a bare
    // «A INTERSECT B UNION C» would be «(A ∩ B) ∪ C».
    const intersection = sets.map((set) => `SELECT * FROM (${set})`).join(' INTERSECT ');
    count = `SELECT (SELECT count(*) FROM (${intersection}))
                  - (SELECT count(*) FROM events WHERE deleted_at IS NOT NULL${where(inSets('id'))})`;
  }
  return { with: withSql, candidates, count: `${withSql}${count}`, params };
}

// Which events a filter selects, on PostgreSQL: db/event-filter.ts's listSql with the same meaning,
// every value a parameter. Text search reads the words of event_texts.search_words (003_search_words.sql).
import { nameKey, searchText } from '../../../../shared/ru/normalize';
import type { EventFilter } from '../../../../shared/schema/event';
import { overlaps, type Params } from './sql';

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

/** Words of folded text (a search_body) as a tsvector, each word one lexeme as it stands (003_search_words.sql). */
export const SEARCH_WORDS = (body: string) => `array_to_tsvector(string_to_array(${body}::text, ' '))`;

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

/** `with` opens the statement; `candidates` yields rows (id, start_date, end_date) of the selected events. */
export interface PgListSql {
  with: string;
  candidates: string;
}

export function pgListSql(filter: EventFilter, params: Params): PgListSql {
  const keys = (names: string[]) => params.add(names.map(nameKey));
  const conditions = [filter.deleted ? 'e.deleted_at IS NOT NULL' : 'e.deleted_at IS NULL'];
  if (filter.period) conditions.push(overlaps(params, filter.period.start, filter.period.end));
  if (filter.kinds?.length) conditions.push(`e.kind_id IN (SELECT id FROM refs WHERE kind = 'kind' AND name_key = ANY(${keys(filter.kinds)}::text[]))`);
  if (filter.formats?.length) conditions.push(`e.format = ANY(${params.add(filter.formats)}::text[])`);
  if (filter.statuses?.length) conditions.push(`e.status = ANY(${params.add(filter.statuses)}::text[])`);
  if (filter.agreementId !== undefined) conditions.push(`e.agreement_id = ${params.add(filter.agreementId)}`);
  if (filter.batchId !== undefined) conditions.push(`e.batch_id = ${params.add(filter.batchId)}`);
  const query = filter.query ? tsQuery(filter.query) : null;
  if (query === false) conditions.push('false');
  else if (query !== null) conditions.push(`e.id IN (SELECT t.event_id FROM event_texts t WHERE t.search_words @@ ${params.add(query)}::tsquery)`);
  if (filter.spheres?.length) {
    conditions.push(`e.id IN (SELECT es.event_id FROM event_spheres es JOIN refs r ON r.id = es.sphere_id
                      WHERE r.kind = 'sphere' AND r.name_key = ANY(${keys(filter.spheres)}::text[]))`);
  }
  const ctes: string[] = [];
  if (filter.partners?.length) {
    ctes.push(chosenPartners(keys(filter.partners)));
    conditions.push(`e.id IN (${PARTNER_EVENTS})`);
  }
  return {
    with: ctes.length ? `WITH RECURSIVE ${ctes.join(', ')} ` : '',
    candidates: `SELECT e.id, e.start_date, e.end_date FROM events e WHERE ${conditions.join(' AND ')}`,
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
      return `c.start_date ${d}, c.end_date ${d}, c.id ${d}`;
    case 'title':
      return `e.title COLLATE "C" ${d}, e.id ${d}`;
    case 'kind':
      return `k.name COLLATE "C" ${d} ${nulls}, e.start_date ${d}, e.id ${d}`;
    case 'updatedAt':
      return `e.updated_at COLLATE "C" ${d}, e.id ${d}`;
  }
}

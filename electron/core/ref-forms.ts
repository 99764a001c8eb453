// The reference lists with their grammatical forms, for the texts made from records: reports, sheet
// titles, the export's tally. Pure: built from the lists a loader hands in, so export/ and report/
// use it without reaching into services/ or the database.
import type { Ref, RefKind } from '../../shared/schema/reference';
import { nameKey } from '../../shared/ru/normalize';
import { declinePhrase } from '../../shared/ru/morph';
import { ensureMorphology } from './report/morphology';

export const REF_FORM_KINDS: readonly RefKind[] = ['kind', 'sphere', 'city', 'region', 'country', 'organisation'];

/** The forms over the lists `listOf` gives for each kind (hidden entries included). */
/** The forms over the lists of REF_FORM_KINDS, hidden entries included. */
export function buildRefForms(refs: readonly Ref[]) {
  const byName = new Map<string, Ref>();
  const byId = new Map<number, Ref>();
  for (const ref of refs) {
    byName.set(`${ref.kind}:${nameKey(ref.name)}`, ref);
    byId.set(ref.id, ref);
  }
  const get = (kind: RefKind, name: string | null | undefined) => (name ? byName.get(`${kind}:${nameKey(name)}`) : undefined);
  const countryOf = (ref: Ref | undefined): Ref | undefined => {
    for (let at = ref; at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.kind === 'country') return at;
    return undefined;
  };
  /** The region or country a partner is in (itself, if it is one). */
  const areaOf = (ref: Ref | undefined): Ref | undefined => {
    for (let at = ref; at; at = at.parentId ? byId.get(at.parentId) : undefined) if (at.kind === 'region' || at.kind === 'country') return at;
    return undefined;
  };
  // The lists' own order (as seeded: the order reports name spheres in), new entries after.
  const order = (kind: RefKind, name: string) => get(kind, name)?.id ?? Number.MAX_SAFE_INTEGER;
  // The same few partners recur on thousands of events: each name is looked up once.
  const partners = new Map<string, Ref | undefined>();
  const partner = (name: string): Ref | undefined => {
    if (!partners.has(name)) partners.set(name, get('country', name) ?? get('region', name) ?? get('organisation', name));
    return partners.get(name);
  };
  return { get, byId: (id: number) => byId.get(id), countryOf, areaOf, order, partner };
}

export type RefForms = ReturnType<typeof buildRefForms>;

/** A name in the genitive or instrumental as the dictionary declines it («Республика Узбекистан» → «Республики Узбекистан»); as it is when it cannot. */
export function declinedName(name: string, form: 'genitive' | 'instrumental'): string {
  ensureMorphology();
  return declinePhrase(name, form === 'genitive' ? 'gent' : 'ablt').text;
}

/** A name in the genitive or instrumental: the list's form (a clerk's correction wins), else the dictionary's. */
export function formOf(form: 'genitive' | 'instrumental', ref: Ref | undefined, name: string): string {
  return ref?.[form] ?? declinedName(name, form);
}

/**
 * The partners a text names: the one asked for, else the countries of the events' partners other
 * than the home country, each in the form asked.
 */
export function partnerNames(f: RefForms, eventPartners: Iterable<string>, asked: string | undefined, form: 'genitive' | 'instrumental', homeCountryId?: number): string[] {
  if (asked) return [formOf(form, f.partner(asked), asked)];
  const countries = new Map<string, string>();
  for (const name of eventPartners) {
    const country = f.countryOf(f.partner(name));
    if (country && country.id !== homeCountryId) countries.set(country.name, formOf(form, country, country.name));
  }
  return [...countries.values()];
}

/** Each partner link [event, partner] counted at its region (an organisation at the region or country it is in). */
export function regionCounts(f: RefForms, links: [number, number][]): [string, number][] {
  const events = new Map<string, Set<number>>();
  for (const [eventId, partnerId] of links) {
    const name = f.areaOf(f.byId(partnerId))?.name;
    if (name) events.set(name, (events.get(name) ?? new Set()).add(eventId));
  }
  return [...events].map(([name, ids]) => [name, ids.size]);
}

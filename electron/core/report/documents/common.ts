// What the documents share: the events of a period in the plan's order, where an event was as a table
// cell says it, and whether the register's partners make the cooperation international, interregional or both.
import { declinedName, formOf, type RefForms } from '../../ref-forms';
import type { Gaps } from '../gaps';
import type { Home, ReportSource } from '../sources';
import { precisionRange } from '../../../../shared/dates';
import { capitalize } from '../../../../shared/ru/grammar';
import { officialCountry, officialPlace } from '../../../../shared/ru/place';
import type { Ref } from '../../../../shared/schema/reference';
import { EventFilterSchema, type Event, type EventStatus } from '../../../../shared/schema/event';
import type { ReportInput } from '../../../../shared/schema/report';

/** The events of the input's period (and partner) with the statuses asked, as many as the register holds. */
export async function periodEvents(source: ReportSource, input: ReportInput, statuses: EventStatus[]): Promise<Event[]> {
  return (await source.events(EventFilterSchema.parse({
    period: `${input.period.start}..${input.period.end}`,
    partners: input.partner ? [input.partner] : undefined,
    statuses,
    sort: 'startDate',
    order: 'asc',
  }))).map(officialPlace);
}

const PRECISION_RANK = { day: 0, month: 1, quarter: 2, year: 3 } as const;

/**
 * By date; an event known only to the month (quarter, year) after the dated events of that month
 * (quarter, year): «в течение года» closes the plan.
 */
export function inPlanOrder(events: readonly Event[]): Event[] {
  const key = (e: Event) => `${e.datePrecision === 'day' ? e.startDate : precisionRange(e.startDate, e.datePrecision).end}|${PRECISION_RANK[e.datePrecision]}|${e.startDate}|${e.endDate}`;
  return [...events].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
}

const FORMAT_CELL = { remote: 'дистанционно', videoconference: 'в формате видео-конференц-связи', hybrid: 'в смешанном формате (очно и дистанционно)' } as const;

/**
 * Where, as a table cell: «г. Смоленск, ФГБОУ ВО …», «г. Минск (Республика Беларусь)», «г. Орша (Витебская область,
 * Республика Беларусь), в формате видео-конференц-связи», «дистанционно»; the home region and country go unsaid.
 */
export function placeCell(event: Event, f: RefForms, home: Home, gaps: Gaps): string {
  const parts: string[] = [];
  if (event.city) {
    const city = f.get('city', event.city);
    // As the report writes it: «г.» where the list gives no type, and the draft asks.
    if (city && !city.settlement) gaps.settlement(city, 'г.');
    const settlement = city?.settlement ?? 'г.';
    const around = [event.region !== home.region ? event.region : null, event.country !== home.country ? event.country : null].filter(Boolean);
    parts.push(`${settlement.replace(/ /g, '\u00a0')}\u00a0${event.city}${around.length ? ` (${around.join(', ')})` : ''}`);
  } else {
    // No town: the region or country, as a cell names them («Витебская область (Республика Беларусь)»).
    const region = event.region && event.region !== home.region ? event.region : null;
    const country = event.country && event.country !== home.country ? event.country : null;
    if (region) parts.push(`${region}${country ? ` (${country})` : ''}`);
    else if (country) parts.push(country);
  }
  if (event.venue) parts.push(event.venue);
  if (event.format && event.format !== 'in_person') parts.push(FORMAT_CELL[event.format]);
  return parts.join(', ');
}

/** A cell's text with a capital, unless it opens with an abbreviation that keeps its small letter («г. Минск», «д. Ивановка»). */
export function cellText(text: string): string {
  return /^(?:г\.|д\.|п\.|с\.|х\.|пгт|рп|ст-ца|аг\.)[\s\u00a0]/u.test(text) ? text : capitalize(text);
}

export type Scope = 'международного' | 'межрегионального' | 'международного и межрегионального';

/**
 * Whose cooperation it is: international when a partner or a place lies abroad, interregional when one is
 * another region of the home country; both when the events give neither (an empty period).
 */
export function scopeOf(events: readonly Event[], f: RefForms, home: Home): Scope {
  let international = false;
  let interregional = false;
  const homeCountryId = home.countryRef?.id;
  const weigh = (country: { id: number } | undefined, area: { id: number; kind: string } | undefined) => {
    if (country && country.id !== homeCountryId) international = true;
    else if (area?.kind === 'region' && area.id !== home.regionRef?.id) interregional = true;
  };
  for (const e of events) {
    for (const name of e.partners) {
      const ref = f.partner(name);
      weigh(officialOf(f, f.countryOf(ref)), f.areaOf(ref));
    }
    if (e.country && e.country !== home.country) international = true;
    else if (e.region && e.region !== home.region) interregional = true;
  }
  if (international && interregional) return 'международного и межрегионального';
  if (international) return 'международного';
  if (interregional) return 'межрегионального';
  return 'международного и межрегионального';
}

/** A country typed short («Беларусь», «РФ») as the list's own entry under its official name, when the list has it. */
function officialOf<T extends { name: string }>(f: RefForms, country: T | undefined): T | Ref | undefined {
  return country ? (f.get('country', officialCountry(country.name)) ?? country) : undefined;
}

/** The home region in the genitive («Смоленской области»), as the titles name it. */
export function homeGenitive(home: Home): string {
  return formOf('genitive', home.regionRef, home.region);
}

/**
 * The partners the events were held with, as a count table groups them: a foreign partner under its country,
 * a partner of the home country under its region, one of neither (a union's body) as itself.
 */
export function partnerGroup(name: string, f: RefForms, home: Home): string {
  const ref = f.partner(name);
  const country = officialOf(f, f.countryOf(ref));
  if (country && country.id !== home.countryRef?.id) return country.name;
  const area = f.areaOf(ref);
  if (area?.kind === 'region') return area.name;
  return ref?.name ?? name;
}

/** A partner's name in the genitive or instrumental: the list's form, else the dictionary's, which the draft asks to confirm. */
export function partnerForm(name: string, form: 'genitive' | 'instrumental', f: RefForms, gaps: Gaps): string {
  const ref = f.partner(name);
  if (!ref || ref[form]) return formOf(form, ref, name);
  const guess = declinedName(name, form);
  gaps.partnerForm(ref, form, guess);
  return guess;
}

/** The partners of the events in the genitive, each once: foreign countries and the home country's other regions. */
/**
 * Whose event it was, as the count table groups partners: its partners' groups, and the country (abroad) or
 * the other region of the home country it was held in, which took part though no partner was entered.
 */
export function eventParties(e: Event, f: RefForms, home: Home): string[] {
  const groups = new Set(e.partners.map((p) => partnerGroup(p, f, home)).filter((g) => g !== home.region));
  const where = e.country && e.country !== home.country ? e.country : e.region && e.region !== home.region && (!e.country || e.country === home.country) ? e.region : null;
  if (where) groups.add(where);
  return [...groups];
}

export function partnersGenitive(events: readonly Event[], f: RefForms, home: Home, gaps: Gaps): string[] {
  const names = new Map<string, string>();
  for (const e of events) {
    for (const group of eventParties(e, f, home)) if (!names.has(group)) names.set(group, partnerForm(group, 'genitive', f, gaps));
  }
  // Countries before regions, each in the lists' order, as the report names them.
  const rank = (name: string) => {
    const ref = f.partner(name);
    return ref?.kind === 'country' ? f.order('country', name) : 1e6 + (ref?.kind === 'region' ? f.order('region', name) : 1e6);
  };
  return [...names].sort((a, b) => rank(a[0]) - rank(b[0])).map(([, genitive]) => genitive);
}

// Drafts the report of a period from the register: an opening, one paragraph per event held in the
// period, and closing paragraphs counted from them, in the Russian of the department's own reports.
// Paragraphs built from fields (no clerk's text) are marked `generated`; what the reference lists left
// undecided is listed in `gaps` with the guess the text used.
import type { ReportSource } from './sources';
import { reportedEvents } from '../reported';
import { declinedName, formOf, type RefForms } from '../ref-forms';
import type { Agreement } from '../../../shared/schema/agreement';
import type { Event } from '../../../shared/schema/event';
import { EventFilterSchema } from '../../../shared/schema/event';
import type { Ref } from '../../../shared/schema/reference';
import type { Report, ReportInput, ReportParagraph } from '../../../shared/schema/report';
import type { Period } from '../../../shared/period';
import { eventDatePhrase, periodIn, periodThroughout } from '../../../shared/ru/date-phrases';
import { capitalize, joinList } from '../../../shared/ru/grammar';
import { EVENT_FORMS, pluralForm } from '../../../shared/ru/plural';
import { countPhrase, countTakesPlural } from '../../../shared/ru/count-words';
import { headNoun, lowerCommon, pluralPhrase } from '../../../shared/ru/morph';
import { forPeriod } from '../../../shared/ru/periods';
import { officialCountry, officialPlace } from '../../../shared/ru/place';
import { ensureMorphology } from './morphology';
import { Gaps } from './gaps';
import { placePhrase, type PlaceContext } from './places';
import { partnerForm } from './documents/common';
import { ARRANGED, eventSentences, FORMAT_CLAUSE, formatMentioned } from './sentences';

/** Kinds listed in the closing's brackets before «и т. д.». */
const KINDS_SHOWN = 6;
/** Kinds that are not kinds of event for the closing's count of kinds: a programme runs, it is not held. */
const NOT_EVENT_KINDS = new Set(['программа', 'проект', 'план']);

/** Ends with a full stop, unless it ends a sentence already (a closing quote or bracket does not). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/**
 * «в сферах промышленности и торговли, культуры и спорта, а также социальной сфере»; spheres that are
 * themselves cooperation («приграничное сотрудничество») are said of the cooperation («сотрудничество,
 * в том числе межпарламентское и приграничное, …»), not as «сотрудничество … в сфере … сотрудничества».
 */
function spheresPhrase(spheres: readonly { name: string; genitive: string }[]): { spheres: string; kinds: string[] } {
  const cooperation = spheres.filter((s) => /\sсотрудничество$/i.test(s.name)).map((s) => s.name.replace(/\s+сотрудничество$/i, '').toLowerCase());
  const rest = spheres.filter((s) => !/\sсотрудничество$/i.test(s.name)).map((s) => s.genitive);
  const named = rest.filter((g) => !/сферы$/.test(g));
  const areas = rest.filter((g) => /сферы$/.test(g)).map((g) => g.replace(/сферы$/, 'сфере'));
  let text = named.length ? `в ${named.length > 1 ? 'сферах' : 'сфере'} ${joinList(named)}` : '';
  if (areas.length) text = text ? `${text}, а также ${joinList(areas)}` : `в ${joinList(areas)}`;
  return { spheres: text, kinds: cooperation };
}

/**
 * By date, an event known only to the month (quarter) after the dated events of its last month; the
 * events that run the whole year, or are known only to months spanning the whole period, after all the others.
 */
function inReportOrder(events: Event[], period: Period): Event[] {
  const long = (e: Event) => e.datePrecision === 'year' || (e.datePrecision !== 'day' && e.startDate <= period.start && e.endDate >= period.end && period.start !== period.end);
  // Known only to months or a quarter: after the dated events of its last month («с апреля по май» after 31 May).
  const month = (e: Event) => (e.datePrecision === 'day' ? e.startDate : e.endDate > period.end ? period.end : e.endDate).slice(0, 7);
  const key = (e: Event) => `${long(e) ? 1 : 0}|${month(e)}|${e.datePrecision === 'day' ? 0 : 1}|${e.startDate}|${e.endDate}`;
  return events.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
}

/** Whether a region lies in the country (none known: any), its country typed short or in full («РФ», «Российская Федерация»). */
function inCountry(f: RefForms, region: Ref, country: Ref | undefined): boolean {
  if (!country) return true;
  const own = f.countryOf(region);
  return own?.id === country.id || (own !== undefined && officialCountry(own.name) === country.name);
}

/** A partner's or region's name in the genitive: the list's form, else the dictionary's (and a gap). */
function genitiveOf(ref: Ref | undefined, name: string, gaps: Gaps): string {
  if (ref?.genitive) return ref.genitive;
  const guess = declinedName(name, 'genitive');
  if (ref) {
    gaps.partnerForm(ref, 'genitive', guess);
    if (!ref.instrumental) gaps.partnerForm(ref, 'instrumental', declinedName(name, 'instrumental'));
  }
  return guess;
}

/** «с Республикой Беларусь», «со Смоленским …»: the partner in the instrumental, from the list or the dictionary. */
function withPartner(name: string, f: RefForms, gaps: Gaps): string {
  const instrumental = partnerForm(name, 'instrumental', f, gaps);
  return `${/^(?:[сзшжщ][^аеёиоуыэюя]|мн)/iu.test(instrumental) ? 'со' : 'с'} ${instrumental}`;
}

/**
 * Whose representatives took part: the partner asked for; else the partner countries other than the
 * home country, then the other Russian regions among the partners and where events were held.
 */
function partiesOf(f: RefForms, events: Event[], asked: string | undefined, homeRef: Ref | undefined, homeCountry: Ref | undefined, gaps: Gaps): string[] {
  if (asked) return [genitiveOf(f.partner(asked), asked, gaps)];
  const countries = new Map<string, string>();
  const regions = new Map<string, string>();
  const addRegion = (region: Ref | undefined) => {
    if (region && region.kind === 'region' && region.id !== homeRef?.id && !regions.has(region.name)) regions.set(region.name, genitiveOf(region, region.name, gaps));
  };
  for (const event of events) {
    for (const name of event.partners) {
      const ref = f.partner(name);
      const typed = f.countryOf(ref);
      // «Беларусь» typed for a partner's country is «Республика Беларусь» of the list.
      const country = typed ? (f.get('country', officialCountry(typed.name)) ?? typed) : undefined;
      if (country && country.id !== homeCountry?.id) {
        if (!countries.has(country.name)) countries.set(country.name, genitiveOf(country, country.name, gaps));
      } else if (country) addRegion(f.areaOf(ref));
    }
    const region = f.get('region', event.region);
    if (region && inCountry(f, region, homeCountry)) addRegion(region);
    // Held abroad: that country's people took part though no partner was entered («в г. Минске» → Республики Беларусь).
    if (event.country && event.country !== homeCountry?.name && !countries.has(event.country)) {
      countries.set(event.country, genitiveOf(f.get('country', event.country), event.country, gaps));
    }
  }
  // In the lists' own order (the seeded order of partners, new entries after).
  const ordered = (found: Map<string, string>, kind: 'country' | 'region') => [...found].sort((a, b) => f.order(kind, a[0]) - f.order(kind, b[0])).map(([, g]) => g);
  return [...ordered(countries, 'country'), ...ordered(regions, 'region')];
}

export async function buildReport(source: ReportSource, input: ReportInput): Promise<Report> {
  const { period } = input;
  const events = inReportOrder((await source.events(reportedEvents(EventFilterSchema.parse({
    period: `${period.start}..${period.end}`,
    partners: input.partner ? [input.partner] : undefined,
    sort: 'startDate',
    order: 'asc',
  })))).map(officialPlace), period);
  ensureMorphology();
  const f = source.refForms;
  const gaps = new Gaps();
  const { region: home, regionRef: homeRef, countryRef: homeCountry } = source.home;
  const homeGenitive = genitiveOf(homeRef, home, gaps);

  const parties = partiesOf(f, events, input.partner, homeRef, homeCountry, gaps);
  const whose = parties.length ? joinList(parties) : 'регионов-партнеров';

  const paragraphs: ReportParagraph[] = [];
  const opening = events.length
    ? `${periodIn(period)} ${events.length === 1 ? 'состоялось следующее мероприятие' : 'состоялись следующие мероприятия'} с участием представителей ${whose}.`
    : `${periodIn(period)} мероприятий с участием представителей ${whose} не проводилось.`;
  paragraphs.push({ eventId: null, generated: false, text: opening });

  const places: PlaceContext = { f, home, homeCountry: homeCountry?.name ?? null, gaps };
  // The agreements the events name, read before the sentences that mention them.
  const agreements = new Map<number, Agreement>();
  for (const { agreementId: id } of events) if (id !== null && !agreements.has(id)) agreements.set(id, await source.agreement(id));
  const agreement = (id: number) => agreements.get(id) as Agreement;
  for (const event of events) {
    const generated = !event.description;
    const clause = event.format ? FORMAT_CLAUSE[event.format] : undefined;
    let body: string;
    let place: string;
    if (generated) {
      body = eventSentences(event, { f, gaps, agreement }, Boolean(event.city));
      place = placePhrase(event, body, places);
      // No city: the format stands where the place would («12 мая 2022 года в формате видео-конференц-связи прошел …»).
      if (!event.city && clause && event.format && !formatMentioned(event.format, body)) place = place ? `${place} ${clause}` : clause;
    } else {
      // The clerk's text goes on after the date and place: its first capital lowered unless it starts a name
      // («Гомельский областной исполнительный комитет провел…», «Губернатор Смоленской области…»).
      body = lowerCommon(event.description?.trim().replace(/\s+/g, ' ') ?? '');
      place = placePhrase(event, body, places);
      if (clause && event.format && !formatMentioned(event.format, body)) place = place ? `${place} (${clause})` : clause;
    }
    const text = [eventDatePhrase(event.startDate, event.endDate, event.datePrecision), place, body].filter(Boolean).join(' ');
    paragraphs.push({ eventId: event.id, generated, text: sentence(text) });
  }

  if (events.length) {
    const sphereNames = [...new Set(events.flatMap((e) => e.spheres))].sort((a, b) => f.order('sphere', a) - f.order('sphere', b));
    const spheres = spheresPhrase(sphereNames.map((s) => ({ name: s, genitive: formOf('genitive', f.get('sphere', s), s) })));
    // The kinds of cooperation stand beside the word they qualify: «сотрудничество, в том числе приграничное, с …».
    const cooperation = !spheres.kinds.length ? 'сотрудничество' : spheres.spheres ? `сотрудничество, в том числе ${joinList(spheres.kinds)},` : `${joinList(spheres.kinds)} сотрудничество`;
    paragraphs.push({
      eventId: null,
      generated: false,
      text: `${periodThroughout(period)} органами исполнительной власти ${homeGenitive} осуществлялось ${cooperation} с организациями ${whose}${spheres.spheres ? ` ${spheres.spheres}` : ''}.`,
    });

    const kindCounts = new Map<string, number>();
    for (const e of events) {
      if (!e.kind) continue;
      const head = headNoun(e.kind);
      if (head && NOT_EVENT_KINDS.has(head.lemma)) continue;
      kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);
    }
    const kinds = [...kindCounts]
      .sort((a, b) => b[1] - a[1] || f.order('kind', a[0]) - f.order('kind', b[0]))
      // One event: its kind as it is («одно мероприятие (семинар)»); more: the kinds in the plural.
      // One kind held once (beside a programme, which is not a kind of event): in the singular too.
      // What the department arranged («обучение», «оздоровление») has no plural: it stays as it is.
      .map(([k], _, all) => (events.length === 1 || (all.length === 1 && all[0]?.[1] === 1) || f.get('kind', k)?.gender === 'pl' || ARRANGED.has(headNoun(k)?.lemma ?? '') ? k : pluralPhrase(k)))
      // «Форум» typed with a capital is «форумы» mid-sentence; «Дни культуры» stay a name.
      .map((k) => lowerCommon(k, [k]));
    const kindList = kinds.length ? ` (${kinds.slice(0, KINDS_SHOWN).join(', ')}${kinds.length > KINDS_SHOWN ? ' и т.\u00a0д.' : ''})` : '';
    const n = events.length;
    const count = countPhrase(n, EVENT_FORMS, input.rounded);
    const territories: string[] = [];
    if (events.some((e) => e.region === home)) territories.push(homeGenitive);
    const regionsAt = new Map<string, string>();
    const countriesAt = new Map<string, string>();
    for (const e of events) {
      const region = e.region && e.region !== home ? f.get('region', e.region) : undefined;
      const inHomeCountry = !e.country || e.country === homeCountry?.name;
      if (region && inHomeCountry && inCountry(f, region, homeCountry) && !regionsAt.has(region.name)) regionsAt.set(region.name, genitiveOf(region, region.name, gaps));
      if (e.country && !inHomeCountry && !countriesAt.has(e.country)) countriesAt.set(e.country, genitiveOf(f.get('country', e.country), e.country, gaps));
    }
    const ordered = (found: Map<string, string>, kind: 'country' | 'region') => [...found].sort((a, b) => f.order(kind, a[0]) - f.order(kind, b[0])).map(([, g]) => g);
    territories.push(...ordered(regionsAt, 'region'), ...ordered(countriesAt, 'country'));
    const held = input.rounded && n > 10 ? 'проведенных' : pluralForm(n, ['проведенное', 'проведенных', 'проведенных']);
    const where = territories.length ? `, ${held} на территории ${joinList(territories, ', а также на территории ')}` : '';
    const verb = countTakesPlural(n, input.rounded) ? 'состоялись' : 'состоялось';
    paragraphs.push({ eventId: null, generated: false, text: `Всего за отчетный период ${verb} ${count}${kindList}${where}.` });

    const distant = events.filter((e) => e.format === 'remote' || e.format === 'videoconference').length;
    // «Большая часть» of one or two events says nothing their own paragraphs do not.
    // All of them: «все», not «большая часть».
    if (n >= 3 && distant * 2 > n) paragraphs.push({ eventId: null, generated: false, text: distant === n ? 'Все мероприятия были проведены в дистанционном формате.' : 'Большая часть мероприятий была проведена в дистанционном формате.' });
  }

  return {
    // A report of one partner names it, as the plan does: «… сотрудничестве Смоленской области с Республикой Беларусь за …».
    title: capitalize(`информация о международном и межрегиональном сотрудничестве ${homeGenitive}${input.partner ? ` ${withPartner(input.partner, f, gaps)}` : ''} ${forPeriod(period)}`),
    paragraphs,
    tables: [],
    gaps: gaps.list(),
  };
}

// Drafts the half-year report from the register: an opening, one paragraph per event held in the
// period, and closing paragraphs counted from them, in the Russian of the department's own reports.
import type { Core } from '../core';
import { listEvents } from '../services/events';
import { formOf, partnerNames, refForms, type RefForms } from '../services/ref-forms';
import { getAgreement } from '../services/agreements';
import { homeOf } from '../services/department';
import type { Event } from '../../../shared/schema/event';
import { EventFilterSchema, type EventFilter } from '../../../shared/schema/event';
import type { Report, ReportInput, ReportParagraph } from '../../../shared/schema/report';
import { eventDatePhrase, periodGenitive, periodIn } from '../../../shared/ru/date-phrases';
import { capitalize, cityLocative, joinList, lowerFirst, pastVerb, pluralOf } from '../../../shared/ru/grammar';
import { countOf, EVENT_FORMS, pluralForm } from '../../../shared/ru/plural';
import { forPeriod } from '../../../shared/ru/periods';
import { nameKey } from '../../../shared/ru/normalize';
import type { AgreementKind } from '../../../shared/schema/agreement';

/** Kinds a report says «состоялась» of («состоялась встреча»); the others «прошел» («прошел форум»). */
const HAPPENED = new Set(['встреча', 'визит', 'переговоры', 'служебная командировка', 'презентация', 'акция']);

/** Kinds listed in the closing's brackets before «и т.д.». */
const KINDS_SHOWN = 6;

const AGREEMENT_GENITIVE: Record<AgreementKind, string> = {
  agreement: 'соглашения', contract: 'договора', memorandum: 'меморандума', plan: 'плана', protocol: 'протокола', other: 'документа',
};

/** Where, as the report says it: the home region's cities alone, others with region and country. */
function placePhrase(event: Event, body: string, home: string, f: RefForms): string {
  const city = f.get('city', event.city);
  const folded = body.replace(/\s/g, ' ').toLowerCase();
  const mentions = (text: string) => folded.includes(text.toLowerCase());
  const parts: string[] = [];
  if (event.city && !mentions(`г. ${event.city}`)) {
    const where = [event.region, event.country].filter((n): n is string => Boolean(n) && n !== home);
    const abroad = event.region !== home && where.length > 0 ? ` (${where.join(', ')})` : '';
    // «г.» keeps to its name across a line end.
    const cityWord = `г.\u00a0${city?.locative ?? cityLocative(event.city)}`;
    if (event.venue && !mentions(event.venue)) {
      const venue = /^(на|в|во|по)\s/.test(event.venue) ? event.venue : `на базе ${event.venue}`;
      parts.push(`${venue} (г.\u00a0${event.city}${abroad ? `, ${where.join(', ')}` : ''})`);
    } else parts.push(`в ${cityWord}${abroad}`);
  } else if (!event.city && event.venue && !mentions(event.venue)) {
    parts.push(/^(на|в|во|по)\s/.test(event.venue) ? event.venue : `на базе ${event.venue}`);
  }
  if (parts.length === 0 && event.format === 'remote' && !mentions('дистанционн')) parts.push('в дистанционном формате');
  if (parts.length === 0 && event.format === 'videoconference' && !mentions('видео-конференц')) parts.push('в формате видео-конференц-связи');
  return parts.join(' ');
}

/** What happened: the clerk's own report text, or a sentence built from the record. */
function bodyOf(core: Core, event: Event, f: RefForms): string {
  if (event.description) return lowerFirst(event.description.trim().replace(/\s+/g, ' '));
  const kind = f.get('kind', event.kind);
  const verb = pastVerb(HAPPENED.has(nameKey(event.kind ?? '')) ? 'состояться' : 'пройти', kind?.gender ?? (event.kind ? 'm' : 'n'));
  const titleNamesKind = event.kind && nameKey(event.title).includes(nameKey(event.kind).slice(0, -2));
  // Titles keep their capitals: «прошел Международный форум», «прошли Дни культуры».
  let text = titleNamesKind || !event.kind ? `${verb} ${event.title}` : `${verb} ${event.kind} «${event.title}»`;
  if (event.agreementId !== null) {
    const agreement = getAgreement(core, event.agreementId);
    const [first, ...rest] = agreement.title.split(' ');
    const named = first && /^(договор|соглашение|меморандум|план|протокол)/i.test(first) ? [AGREEMENT_GENITIVE[agreement.kind], ...rest].join(' ') : `${AGREEMENT_GENITIVE[agreement.kind]} «${agreement.title}»`;
    text += ` в рамках ${named}${agreement.signedOn ? ` от ${eventDatePhrase(agreement.signedOn, agreement.signedOn, 'day')}` : ''}`;
  }
  text += '.';
  if (event.participants) text += ` В мероприятии приняли участие ${lowerFirst(event.participants.replace(/[.;]\s*$/, ''))}.`;
  if (event.outcomes) text += ` В рамках мероприятия ${lowerFirst(event.outcomes.replace(/\.\s*$/, ''))}.`;
  return text;
}

/** Ends with a full stop, unless it ends a sentence already (a closing quote or bracket does not). */
function sentence(text: string): string {
  const trimmed = text.trim();
  return /[.!?…]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** «в сферах культуры, спорта, а также социальной сфере». */
function spheresPhrase(genitives: readonly string[]): string {
  const spheres = genitives.filter((g) => !/сферы$/.test(g));
  const areas = genitives.filter((g) => /сферы$/.test(g)).map((g) => g.replace(/сферы$/, 'сфере'));
  const named = spheres.length ? `в ${spheres.length > 1 ? 'сферах' : 'сфере'} ${spheres.join(', ')}` : '';
  if (!areas.length) return named;
  return named ? `${named}, а также ${joinList(areas)}` : `в ${joinList(areas)}`;
}

/** By date, an event known only to the month (quarter, year) after the dated events of its first month. */
function inReportOrder(events: Event[]): Event[] {
  const key = (e: Event) => `${e.startDate.slice(0, 7)}|${e.datePrecision === 'day' ? 0 : 1}|${e.startDate}|${e.endDate}`;
  return events.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : a.id - b.id));
}

/** What a report of a period counts: the held events among those a filter selects (the export's «Сводка» counts the same). */
export function reportedEvents(filter: EventFilter): EventFilter {
  return { ...filter, statuses: ['held'] };
}

export function buildReport(core: Core, input: ReportInput): Report {
  const { period } = input;
  const events = inReportOrder(listEvents(core, reportedEvents(EventFilterSchema.parse({
    period: `${period.start}..${period.end}`,
    partners: input.partner ? [input.partner] : undefined,
    sort: 'startDate',
    order: 'asc',
    limit: 100_000,
  }))).items);
  const f = refForms(core);
  const { region: home, regionRef: homeRef, countryRef: homeCountry } = homeOf(core, f);

  // Whose representatives: the partner asked for, else the partner countries of the events.
  const partners = partnerNames(f, events.flatMap((e) => e.partners), input.partner, 'genitive', homeCountry?.id);
  const whose = partners.length ? joinList(partners) : 'регионов-партнеров';

  const paragraphs: ReportParagraph[] = [];
  const opening = events.length
    ? `${periodIn(period)} состоялись следующие мероприятия с участием представителей ${whose}.`
    : `${periodIn(period)} мероприятий с участием представителей ${whose} не проводилось.`;
  paragraphs.push({ eventId: null, generated: false, text: opening });

  for (const event of events) {
    const body = bodyOf(core, event, f);
    const text = [eventDatePhrase(event.startDate, event.endDate, event.datePrecision), placePhrase(event, body, home, f), body].filter(Boolean).join(' ');
    paragraphs.push({ eventId: event.id, generated: !event.description, text: sentence(text) });
  }

  if (events.length) {
    const spheres = [...new Set(events.flatMap((e) => e.spheres))].sort((a, b) => f.order('sphere', a) - f.order('sphere', b));
    const genitives = spheres.map((s) => formOf('genitive', f.get('sphere', s), s));
    const homeGenitive = formOf('genitive', homeRef, home);
    paragraphs.push({
      eventId: null,
      generated: false,
      text: `На протяжении ${periodGenitive(period)} органами исполнительной власти ${homeGenitive} осуществлялось сотрудничество с организациями ${whose}${genitives.length ? ` ${spheresPhrase(genitives)}` : ''}.`,
    });

    const kindCounts = new Map<string, number>();
    for (const e of events) if (e.kind) kindCounts.set(e.kind, (kindCounts.get(e.kind) ?? 0) + 1);
    const kinds = [...kindCounts].sort((a, b) => b[1] - a[1] || f.order('kind', a[0]) - f.order('kind', b[0])).map(([k]) => pluralOf(k, f.get('kind', k)?.gender ?? null));
    const kindList = kinds.length ? ` (${kinds.slice(0, KINDS_SHOWN).join(', ')}${kinds.length > KINDS_SHOWN ? ' и т.д.' : ''})` : '';
    const n = events.length;
    const count = input.rounded && n >= 10 ? `более ${Math.floor((n - 1) / 10) * 10} ${pluralForm(Math.floor((n - 1) / 10) * 10, EVENT_FORMS)}` : countOf(n, EVENT_FORMS);
    const territories: string[] = [];
    if (events.some((e) => e.region === home)) territories.push(formOf('genitive', homeRef, home));
    for (const e of events) {
      const country = e.country && e.country !== homeCountry?.name ? formOf('genitive', f.get('country', e.country), e.country) : null;
      if (country && !territories.includes(country)) territories.push(country);
    }
    const held = pluralForm(input.rounded ? 5 : n, ['проведенное', 'проведенных', 'проведенных']);
    const where = territories.length ? `, ${held} на территории ${joinList(territories, ', а также на территории ')}` : '';
    paragraphs.push({ eventId: null, generated: false, text: `Всего за отчетный период состоялось ${count}${kindList}${where}.` });

    const distant = events.filter((e) => e.format === 'remote' || e.format === 'videoconference').length;
    if (distant * 2 > n) paragraphs.push({ eventId: null, generated: false, text: 'Большая часть мероприятий была проведена в дистанционном формате.' });
  }

  return {
    title: capitalize(`информация о международном и межрегиональном сотрудничестве ${formOf('genitive', homeRef, home)} ${forPeriod(period)}`),
    paragraphs,
    tables: [],
    gaps: [],
  };
}

// The quarterly «Справка»: how many events were held (in words), the main ones named, and tables of
// counts by sphere and by partner; what was postponed or cancelled, and what agreements carried.
import { Gaps } from '../gaps';
import type { ReportSource } from '../sources';
import type { Event } from '../../../../shared/schema/event';
import type { Report, ReportInput, ReportParagraph, ReportTable } from '../../../../shared/schema/report';
import { periodIn } from '../../../../shared/ru/date-phrases';
import { countInWords } from '../../../../shared/ru/count-words';
import { notHeldPhrase, planTerm, verbForCount } from '../../../../shared/ru/documents';
import { capitalize, joinList } from '../../../../shared/ru/grammar';
import { forPeriod } from '../../../../shared/ru/periods';
import { EVENT_FORMS } from '../../../../shared/ru/plural';
import { nameKey } from '../../../../shared/ru/normalize';
import { homeGenitive, inPlanOrder, eventParties, partnerForm, partnersGenitive, periodEvents, placeCell, scopeOf } from './common';

/** How many events a справка names as the main ones. */
const MAIN_COUNT = 3;

/** Kinds that make an event a main one, the weightiest first. */
const MAIN_KINDS = ['визит', 'переговоры', 'форум', 'дни культуры', 'конференция', 'заседание', 'фестиваль', 'выставка', 'ярмарка', 'совещание'];

/** The main events: of the weightiest kinds, then with the most partners, then the longest; told in date order. */
function mainEvents(events: readonly Event[]): Event[] {
  const weight = (e: Event) => {
    const rank = MAIN_KINDS.indexOf(nameKey(e.kind ?? ''));
    return (rank < 0 ? 0 : 100 - rank) + 2 * e.partners.length + (e.endDate > e.startDate ? 1 : 0);
  };
  // Two parts of one event (the same first words) count once.
  const opening = (e: Event) => nameKey(e.title).split(' ').slice(0, 5).join(' ');
  const chosen: Event[] = [];
  for (const e of [...events].sort((a, b) => weight(b) - weight(a) || a.startDate.localeCompare(b.startDate))) {
    if (chosen.length < MAIN_COUNT && !chosen.some((c) => opening(c) === opening(e))) chosen.push(e);
  }
  return inPlanOrder(chosen);
}

/** Rows of «№, name, count», the largest count first, then the list's own order. */
function countRows(counts: Map<string, number>, order: (name: string) => number): string[][] {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]))
    .map(([name, n], i) => [`${i + 1}.`, capitalize(name), String(n)]);
}

export async function buildSpravka(source: ReportSource, input: ReportInput): Promise<Report> {
  const f = source.refForms;
  const home = source.home;
  const gaps = new Gaps();
  const { period } = input;
  const all = await periodEvents(source, input, ['held', 'postponed', 'cancelled']);
  const held = inPlanOrder(all.filter((e) => e.status === 'held'));
  const scope = scopeOf(held, f, home);
  const paragraphs: ReportParagraph[] = [];
  const tables: ReportTable[] = [];
  const n = held.length;
  const partners = input.partner ? [partnerForm(input.partner, 'genitive', f, gaps)] : partnersGenitive(held, f, home, gaps);
  const withWhom = partners.length ? ` с участием представителей ${joinList(partners)}` : '';

  if (n === 0) {
    paragraphs.push({ eventId: null, generated: false, text: `${periodIn(period)} мероприятий ${scope} сотрудничества${withWhom} не проводилось.` });
  } else {
    paragraphs.push({
      eventId: null,
      generated: false,
      text: `${periodIn(period)} ${verbForCount(n, 'состоялось', 'состоялись')} ${countInWords(n, EVENT_FORMS)} ${scope} сотрудничества${withWhom}.`,
    });
    const main = mainEvents(held);
    paragraphs.push({ eventId: null, generated: false, text: `${n <= MAIN_COUNT ? 'Основные мероприятия' : 'Наиболее значимые из них'}:` });
    main.forEach((e, i) => {
      const term = planTerm(e.startDate, e.endDate, e.datePrecision, null);
      const place = placeCell(e, f, home, gaps);
      paragraphs.push({ eventId: e.id, generated: false, text: `– ${e.title}: ${[term, place].filter(Boolean).join(', ')}${i === main.length - 1 ? '.' : ';'}` });
    });
    const spheres = new Map<string, number>();
    const byPartner = new Map<string, number>();
    for (const e of held) {
      for (const s of e.spheres) spheres.set(s, (spheres.get(s) ?? 0) + 1);
      for (const group of eventParties(e, f, home)) byPartner.set(group, (byPartner.get(group) ?? 0) + 1);
    }
    // A table of nothing is left out (no spheres entered, no partners): the sentence names the tables there are.
    const bySphere = countRows(spheres, (s) => f.order('sphere', s));
    const byWhom = countRows(byPartner, (p) => f.partner(p)?.id ?? Number.MAX_SAFE_INTEGER);
    const shown = [
      bySphere.length ? { title: 'Мероприятия по сферам сотрудничества', column: 'Сфера сотрудничества', rows: bySphere } : null,
      byWhom.length ? { title: 'Мероприятия по партнерам', column: 'Партнер', rows: byWhom } : null,
    ].filter((t) => t !== null);
    if (shown.length) {
      const what = bySphere.length && byWhom.length
        ? 'по сферам сотрудничества и партнерам приведено в таблицах 1 и 2 (мероприятие, относящееся к нескольким сферам или партнерам, учтено в каждой из них)'
        : bySphere.length
          ? 'по сферам сотрудничества приведено в таблице 1 (мероприятие, относящееся к нескольким сферам, учтено в каждой из них)'
          : 'по партнерам приведено в таблице 1 (мероприятие с несколькими партнерами учтено у каждого из них)';
      paragraphs.push({ eventId: null, generated: false, text: `Распределение мероприятий ${what}.` });
      const after = paragraphs.length;
      shown.forEach((t, i) => tables.push({ caption: `Таблица ${i + 1} – ${t.title}`, columns: ['№ п/п', t.column, 'Количество мероприятий'], rows: t.rows, after }));
    }
  }

  const underAgreements = held.filter((e) => e.agreementId !== null).length;
  if (underAgreements) {
    paragraphs.push({ eventId: null, generated: false, text: `В рамках действующих соглашений о сотрудничестве ${verbForCount(underAgreements, 'состоялось', 'состоялись')} ${countInWords(underAgreements, EVENT_FORMS)}.` });
  }
  const postponed = all.filter((e) => e.status === 'postponed').length;
  const cancelled = all.filter((e) => e.status === 'cancelled').length;
  const notHeld = [
    postponed ? notHeldPhrase(postponed, 'перенесено', 'перенесены', EVENT_FORMS) : null,
    cancelled ? notHeldPhrase(cancelled, 'отменено', 'отменены', EVENT_FORMS) : null,
  ].filter((p): p is string => p !== null);
  if (notHeld.length) paragraphs.push({ eventId: null, generated: false, text: `Кроме того, ${joinList(notHeld)}.` });

  return {
    title: `Справка о мероприятиях ${scope} сотрудничества ${homeGenitive(home)} ${forPeriod(period)}`,
    paragraphs,
    tables,
    gaps: gaps.list(),
  };
}

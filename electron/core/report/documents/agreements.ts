// The report on agreements: each agreement in force during the period with its parties and term, the
// events held under it in the period, and those whose term ends within the period or the 90 days after it.
import type { RefForms } from '../../ref-forms';
import { Gaps } from '../gaps';
import type { ReportSource } from '../sources';
import { addDays } from '../../../../shared/dates';
import { agreementState, EXPIRY_WARNING_DAYS } from '../../../../shared/agreement-term';
import type { Period } from '../../../../shared/period';
import type { Agreement } from '../../../../shared/schema/agreement';
import type { Report, ReportInput, ReportParagraph } from '../../../../shared/schema/report';
import { periodIn } from '../../../../shared/ru/date-phrases';
import { countInWords } from '../../../../shared/ru/count-words';
import { agreementName, agreementTermCell, dateWords, planTerm, verbForCount } from '../../../../shared/ru/documents';
import { forPeriod } from '../../../../shared/ru/periods';
import { AGREEMENT_FORMS, EVENT_FORMS } from '../../../../shared/ru/plural';
import { nameKey } from '../../../../shared/ru/normalize';
import { cellText, homeGenitive, partnerForm, periodEvents } from './common';

export const AGREEMENT_COLUMNS = ['№ п/п', 'Наименование соглашения', 'Стороны', 'Срок действия', 'Мероприятия, проведенные в отчетном периоде'];

/**
 * In force at some time of the period, by the register's one rule (agreementState): not a draft, in effect
 * from its start (or signing) no later than the period's end, and in force on the period's first day or ending
 * within the period. One the clerk marked expired counts while its term reaches into the period; a terminated
 * one counts only when events were held under it in the period (the register keeps no date of termination).
 */
export function inForceDuring(a: Agreement, period: Period, heldUnder: number): boolean {
  if (a.status === 'draft') return false;
  if (a.status === 'terminated') return heldUnder > 0;
  const from = a.validFrom ?? a.signedOn;
  if (from && from > period.end) return false;
  const state = agreementState({ ...a, status: 'active' }, period.start);
  return state === 'active' || state === 'expiring' || heldUnder > 0;
}

/** Ends within the period or the warning days after it, and does not prolong itself. */
export function endsSoon(a: Agreement, period: Period): boolean {
  return !a.autoProlongation && a.validUntil !== null && a.validUntil >= period.start && a.validUntil <= addDays(period.end, EXPIRY_WARNING_DAYS);
}

/** Whether one of the agreement's parties is the partner asked for, or lies under it. */
function hasParty(a: Agreement, partner: string, f: RefForms): boolean {
  const asked = f.partner(partner);
  return a.parties.some((name) => {
    if (nameKey(name) === nameKey(partner)) return true;
    for (let at = f.partner(name); at; at = at.parentId ? f.byId(at.parentId) : undefined) if (asked && at.id === asked.id) return true;
    return false;
  });
}

export async function buildAgreementsReport(source: ReportSource, input: ReportInput): Promise<Report> {
  const f = source.refForms;
  const home = source.home;
  const gaps = new Gaps();
  const { period } = input;
  const today = source.today;
  const held = await periodEvents(source, input, ['held']);
  const byAgreement = new Map<number, typeof held>();
  for (const e of held) if (e.agreementId !== null) byAgreement.set(e.agreementId, [...(byAgreement.get(e.agreementId) ?? []), e]);
  const agreements = (await source.agreements())
    .filter((a) => inForceDuring(a, period, byAgreement.get(a.id)?.length ?? 0))
    .filter((a) => !input.partner || hasParty(a, input.partner, f))
    .sort((a, b) => (a.signedOn ?? '').localeCompare(b.signedOn ?? '') || a.id - b.id);

  const paragraphs: ReportParagraph[] = [];
  const n = agreements.length;
  const events = agreements.reduce((sum, a) => sum + (byAgreement.get(a.id)?.length ?? 0), 0);
  if (n === 0) {
    paragraphs.push({ eventId: null, generated: false, text: `${periodIn(period)} соглашений о сотрудничестве${input.partner ? ` с участием ${partnerForm(input.partner, 'genitive', f, gaps)}` : ''}, действовавших в этот период, в реестре нет.` });
  } else {
    const under = n === 1 ? 'в его рамках' : 'в их рамках';
    const eventsText = events ? `${under} ${verbForCount(events, 'состоялось', 'состоялись')} ${countInWords(events, EVENT_FORMS)}` : `мероприятий ${under} не проводилось`;
    paragraphs.push({
      eventId: null,
      generated: false,
      text: `${periodIn(period)} ${verbForCount(n, 'действовало', 'действовали')} ${countInWords(n, AGREEMENT_FORMS)} о сотрудничестве ${homeGenitive(home)}; ${eventsText}.`,
    });
  }

  const rows = agreements.map((a, i) => {
    const under = byAgreement.get(a.id) ?? [];
    const ended = a.validUntil !== null && a.validUntil < today ? 'истек' : 'истекает';
    const term = agreementTermCell(a) + (endsSoon(a, period) ? (a.validUntil && a.validUntil <= period.end ? ` – ${ended} в отчетном периоде` : ` – ${ended} в течение ${EXPIRY_WARNING_DAYS} дней после отчетного периода`) : '');
    const list = under.map((e) => `– ${e.title} (${planTerm(e.startDate, e.endDate, e.datePrecision, null)})`);
    return [`${i + 1}.`, agreementName(a), a.parties.join(', '), cellText(term), under.length ? [`${cellText(countInWords(under.length, EVENT_FORMS))}:`, ...list].join('\n') : 'Не проводились'];
  });

  const ending = agreements.filter((a) => endsSoon(a, period));
  if (ending.length) {
    paragraphs.push({
      eventId: null,
      generated: false,
      text: `Требуют решения о продлении или заключении нового соглашения (срок действия истекает в отчетном периоде или в течение ${EXPIRY_WARNING_DAYS} дней после его окончания):`,
    });
    for (const a of ending) paragraphs.push({ eventId: null, generated: false, text: `– ${agreementName(a)}: срок действия до ${dateWords(a.validUntil ?? '')}.` });
  }

  return {
    title: `Отчет о реализации соглашений о сотрудничестве ${forPeriod(period)}`,
    paragraphs,
    tables: n ? [{ caption: null, columns: AGREEMENT_COLUMNS, rows, after: 1 }] : [],
    gaps: gaps.list(),
  };
}

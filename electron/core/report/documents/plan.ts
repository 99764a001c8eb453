// «План мероприятий … на 2022 год»: the table of the period's events that are planned or held (a plan
// lists what a year holds, whatever has happened since), postponed ones marked, cancelled ones left out.
import { Gaps } from '../gaps';
import type { ReportSource } from '../sources';
import type { Report, ReportInput } from '../../../../shared/schema/report';
import { periodOn, planTerm } from '../../../../shared/ru/documents';
import { capitalize } from '../../../../shared/ru/grammar';
import { cellText, homeGenitive, inPlanOrder, partnerForm, periodEvents, placeCell, scopeOf } from './common';

export const PLAN_COLUMNS = ['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения', 'Ответственные'];

/** The plan's closing remark, as plans sent to partners carry it. */
export const PLAN_NOTE = 'Сроки и место проведения мероприятий могут уточняться по согласованию сторон.';

/** The plan covers exactly the period asked: a year («на 2022 год»), or a half, quarter, month or range of one. */
export async function buildPlan(source: ReportSource, input: ReportInput): Promise<Report> {
  const f = source.refForms;
  const home = source.home;
  const gaps = new Gaps();
  const events = inPlanOrder(await periodEvents(source, input, ['planned', 'held', 'postponed']));
  const { period } = input;
  // The plan's own year goes unsaid in its terms; a plan across years says every year.
  const planYear = period.start.slice(0, 4) === period.end.slice(0, 4) ? Number(period.start.slice(0, 4)) : null;
  const rows = events.map((e, i) => [
    `${i + 1}.`,
    e.title,
    capitalize(planTerm(e.startDate, e.endDate, e.datePrecision, planYear)) + (e.status === 'postponed' ? ' (перенесено)' : ''),
    cellText(placeCell(e, f, home, gaps)),
    e.organizer ?? '',
  ]);
  return {
    title: `План мероприятий ${scopeOf(events, f, home)} сотрудничества ${homeGenitive(home)}${input.partner ? ` с ${partnerForm(input.partner, 'instrumental', f, gaps)}` : ''} ${periodOn(period)}`,
    paragraphs: [{ eventId: null, generated: false, text: events.length ? PLAN_NOTE : `Мероприятий ${periodOn(period)} в реестре нет.` }],
    // No table of nothing: an empty period says so in words.
    tables: rows.length ? [{ caption: null, columns: PLAN_COLUMNS, rows, after: 0 }] : [],
    gaps: gaps.list(),
  };
}

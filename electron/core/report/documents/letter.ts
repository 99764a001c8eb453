// The covering letter of a period's report: the department as the sender, an addressee and salutation the clerk
// writes in, a sentence naming the attached report, «Приложение: … на N л. в 1 экз.» and the signature.
import { Gaps } from '../gaps';
import type { ReportSource } from '../sources';
import type { Report, ReportInput } from '../../../../shared/schema/report';
import { periodIn } from '../../../../shared/ru/date-phrases';
import { countInWords } from '../../../../shared/ru/count-words';
import { attachmentLine, verbForCount } from '../../../../shared/ru/documents';
import { joinList } from '../../../../shared/ru/grammar';
import { forPeriod } from '../../../../shared/ru/periods';
import { EVENT_FORMS } from '../../../../shared/ru/plural';
import { homeGenitive, partnerForm, partnersGenitive, periodEvents, scopeOf } from './common';

/** The blanks of a letter's form: the number and date it gets when registered. */
export const LETTER_REGISTRATION = '____________ № ____________\nНа № ____________ от ____________';

/** The letter's parts in their order: the render lays them out by these places. */
export const LETTER_PARTS = { sender: 0, addressee: 1, salutation: 2 } as const;

/**
 * `pages`: how many sheets the attached report takes (estimated from its draft), null for a blank the
 * clerk fills in.
 */
export async function buildLetter(source: ReportSource, input: ReportInput, pages: number | null): Promise<Report> {
  const f = source.refForms;
  const home = source.home;
  const gaps = new Gaps();
  const settings = await source.department();
  const { period } = input;
  const held = await periodEvents(source, input, ['held']);
  const scope = scopeOf(held, f, home);
  const what = `отчет о мероприятиях ${scope} сотрудничества ${homeGenitive(home)} ${forPeriod(period)}`;
  const partners = input.partner
    ? [partnerForm(input.partner, 'genitive', f, gaps)]
    : partnersGenitive(held, f, home, gaps);
  const n = held.length;
  const summary = n
    ? `${periodIn(period)} ${verbForCount(n, 'состоялось', 'состоялись')} ${countInWords(n, EVENT_FORMS)}${partners.length ? ` с участием представителей ${joinList(partners)}` : ''}.`
    : `${periodIn(period)} мероприятий ${scope} сотрудничества не проводилось.`;
  const text = (t: string) => ({ eventId: null, generated: false, text: t });
  return {
    title: `О направлении отчета ${forPeriod(period)}`,
    paragraphs: [
      text(`${settings.departmentName ?? '[Наименование департамента]'}\n${LETTER_REGISTRATION}`),
      text('[Должность адресата]\n[И.О. Фамилия]'),
      text('Уважаемый(ая) [Имя Отчество]!'),
      text(`Направляем ${what}.`),
      text(summary),
      text(attachmentLine(`отчет ${forPeriod(period)}`, pages)),
      text('Начальник департамента\t[И.О. Фамилия]'),
    ],
    tables: [],
    gaps: gaps.list(),
  };
}

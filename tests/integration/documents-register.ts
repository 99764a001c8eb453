// The register the documents' tests draft from: the demo and, for 2022, agreements and events of every kind of term and status.
import type { LocalCore } from '../../electron/core/core';
import { createAgreement } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvents } from '../../electron/core/services/events';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { EventInputSchema } from '../../shared/schema/event';

/**
 * The demo register and, for 2022, agreements of every term (open-ended, self-prolonging, ending within 90 days
 * of the half-year, ended before it, a draft, signed after it) and events of every status and precision.
 */
export async function documentsRegister(core: LocalCore): Promise<void> {
  await loadDemo(core);
  const agreement = (raw: Record<string, unknown>) => createAgreement(core, AgreementInputSchema.parse(raw));
  const vitebsk = await agreement({
    kind: 'agreement', number: '15-С', signedOn: '2019-03-01', validUntil: '2022-08-31',
    title: 'Соглашение между Администрацией Смоленской области и Витебским областным исполнительным комитетом о сотрудничестве в торгово-экономической, научно-технической и гуманитарной сферах',
    parties: ['Администрация Смоленской области', 'Витебский областной исполнительный комитет'],
  });
  await agreement({ kind: 'memorandum', title: 'Меморандум о взаимопонимании между Администрацией Смоленской области и Администрацией Брянской области', parties: ['Администрация Смоленской области', 'Брянская область'], signedOn: '2020-10-05' });
  await agreement({ title: 'Соглашение о торгово-экономическом сотрудничестве между Смоленской областью и Минской областью', parties: ['Минская область'], signedOn: '2016-05-20', validUntil: '2021-12-31', autoProlongation: true });
  await agreement({ title: 'Соглашение о сотрудничестве в сфере туризма с Гомельской областью', parties: ['Гомельская область'], signedOn: '2018-01-10', validUntil: '2021-06-30' });
  await agreement({ title: 'Проект соглашения с Могилевской областью', parties: ['Могилевская область'], status: 'draft' });
  await agreement({ title: 'Соглашение о сотрудничестве с Калужской областью', parties: ['Калужская область'], signedOn: '2022-09-01' });
  const event = (raw: Record<string, unknown>) => EventInputSchema.parse({ status: 'held', ...raw });
  await createEvents(core, [
    event({ title: 'Дни культуры Витебской области в Смоленской области', kind: 'Дни культуры', startDate: '2022-05-01', datePrecision: 'month', city: 'Смоленск', partners: ['Витебская область'], spheres: ['культура'], organizer: 'Департамент Смоленской области по культуре', status: 'planned' }),
    event({ title: 'Международная выставка-ярмарка «Смоленские промыслы»', kind: 'выставка', startDate: '2022-10-01', datePrecision: 'quarter', city: 'Витебск', partners: ['Витебская область'], spheres: ['экономика'], organizer: 'Департамент промышленности и торговли Смоленской области', status: 'planned' }),
    event({ title: 'Обмен делегациями молодежных организаций Смоленской и Брянской областей', kind: 'визит', startDate: '2022-01-01', datePrecision: 'year', partners: ['Брянская область'], spheres: ['молодежная политика'], organizer: 'Департамент Смоленской области по внутренней политике', status: 'planned' }),
    event({ title: 'Встреча с делегацией Администрации Брянской области', kind: 'встреча', startDate: '2022-04-12', city: 'Смоленск', partners: ['Брянская область'], spheres: ['сельское хозяйство'], organizer: 'Департамент Смоленской области по сельскому хозяйству и продовольствию' }),
    event({ title: 'Семинар по вопросам профессионального образования', kind: 'семинар', startDate: '2022-05-18', city: 'Витебск', format: 'videoconference', partners: ['Витебский областной исполнительный комитет'], spheres: ['образование и наука'], organizer: 'Департамент Смоленской области по образованию и науке', agreementId: vitebsk.id }),
    event({ title: 'Форум регионов Беларуси и России', kind: 'форум', startDate: '2022-06-27', endDate: '2022-06-29', city: 'Минск', partners: ['Республика Беларусь'], spheres: ['экономика', 'промышленность и торговля'], organizer: 'Аппарат Администрации Смоленской области' }),
    event({ title: 'Турнир по мини-футболу среди юношей', kind: 'турнир', startDate: '2022-06-04', city: 'Смоленск', partners: ['Витебская область'], spheres: ['спорт'], organizer: 'Главное управление спорта Смоленской области', status: 'postponed' }),
    event({ title: 'Ярмарка народных промыслов', kind: 'ярмарка', startDate: '2022-05-21', city: 'Брянск', partners: ['Брянская область'], spheres: ['культура'], status: 'cancelled' }),
  ]);
}

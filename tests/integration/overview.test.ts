// The overview's counts on a real register: the demo's 2021-H2 beside 2020-H2, agreements, what is next.
import { expect, it } from 'vitest';
import { describeBackends } from '../support/backends';
import { overview } from '../../electron/core/services/overview';
import { createAgreement } from '../../electron/core/services/agreements';
import { createEvent } from '../../electron/core/services/events';
import { loadDemo } from '../../electron/core/services/demo';
import { parsePeriod, type Period } from '../../shared/period';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { EventInputSchema } from '../../shared/schema/event';


const H2 = parsePeriod('2021-H2') as Period;

describeBackends('the overview', (backend) => {
  it('counts the period by month, sphere, kind, format and partner region against the year before', async () => {
    const core = await backend.core();
    await loadDemo(core);
    await createEvent(core, EventInputSchema.parse({ title: 'Форум молодежи', kind: 'форум', startDate: '2020-09-15', format: 'remote', spheres: ['культура'], partners: ['Витебская область'] }));
    const o = await overview(core, H2, '2021-09-10');
    expect([o.registerTotal, o.total, o.previousTotal, o.previousPeriod]).toEqual([10, 9, 1, '2020-H2']);
    expect(o.months.map((m) => [m.label, m.count, m.previous])).toEqual([
      ['июль', 1, 0], ['август', 2, 0], ['сентябрь', 4, 1], ['октябрь', 0, 0], ['ноябрь', 2, 0], ['декабрь', 0, 0],
    ]);
    expect(o.kinds.find((k) => k.key === 'форум')).toMatchObject({ count: 2, previous: 1 });
    expect(o.formats.find((f) => f.key === 'remote')).toMatchObject({ label: 'дистанционно', count: 1, previous: 1 });
    expect(o.spheres.find((s) => s.key === 'культура')).toMatchObject({ count: 1, previous: 1 });
    expect(o.regions).toEqual([
      { key: 'Республика Беларусь', label: 'Республика Беларусь', count: 4, previous: 0 },
      { key: 'Витебская область', label: 'Витебская область', count: 3, previous: 1 },
    ]);
    // Within 30 days of 10 September: the forum of the 20th (what began before today is not «coming»).
    expect(o.upcoming.map((e) => e.startDate)).toEqual(['2021-09-20']);
  });

  it('tells the agreements in force in the period, those without events in it, and those ending soon', async () => {
    const core = await backend.core();
    await loadDemo(core);
    const idle = await createAgreement(core, AgreementInputSchema.parse({ kind: 'memorandum', title: 'Меморандум о сотрудничестве в сфере туризма', signedOn: '2021-03-01', validUntil: '2021-10-15' }));
    await createAgreement(core, AgreementInputSchema.parse({ kind: 'agreement', title: 'Соглашение 2023 года', signedOn: '2023-01-10' }));
    const o = await overview(core, H2, '2021-09-10');
    expect(o.agreementsInForce).toBe(2);
    expect(o.withoutEvents.map((a) => a.id)).toEqual([idle.id]);
    expect(o.expiring.map((a) => a.id)).toEqual([idle.id]);
  });
});

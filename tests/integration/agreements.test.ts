import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { describeBackends } from '../support/backends';
import { createAgreement, deleteAgreement, getAgreement, listAgreements, restoreAgreement, updateAgreement } from '../../electron/core/services/agreements';
import { createEvent } from '../../electron/core/services/events';
import { AgreementFilterSchema, AgreementInputSchema } from '../../shared/schema/agreement';
import { eventInput } from '../helpers';

const input = (raw: Record<string, unknown> = {}) => AgreementInputSchema.parse({ title: 'Соглашение о сотрудничестве', ...raw });
const list = async (core: Core, raw: Record<string, unknown> = {}) =>
  (await listAgreements(core, AgreementFilterSchema.parse(raw))).items.map((a) => a.title);

describeBackends('agreements', (backend) => {
  it('stores parties, spheres and term, and counts the events held under it', async () => {
    const core = await backend.core();
    const agreement = await createAgreement(core, input({
      kind: 'contract',
      number: '12/2021',
      parties: ['Постоянный Комитет Союзного государства', 'администрация смоленской области'],
      signedOn: '2021-02-08',
      validUntil: '2021-12-31',
      autoProlongation: true,
      spheres: ['социальная сфера'],
      department: 'Департамент Смоленской области по социальному развитию',
    }));
    expect(agreement).toMatchObject({
      kind: 'contract',
      number: '12/2021',
      parties: ['Постоянный Комитет Союзного государства', 'Администрация Смоленской области'],
      autoProlongation: true,
      status: 'active',
      eventCount: 0,
    });
    await createEvent(core, eventInput({ agreementId: agreement.id }));
    const event = await createEvent(core, eventInput({ agreementId: agreement.id }));
    expect(event.agreementTitle).toBe('Соглашение о сотрудничестве');
    expect((await getAgreement(core, agreement.id)).eventCount).toBe(2);
  });

  it('lists those running out within a number of days', async () => {
    const core = await backend.core();
    await createAgreement(core, input({ title: 'Истекает через месяц', validUntil: '2026-12-20' }));
    await createAgreement(core, input({ title: 'Истекает через полгода', validUntil: '2027-05-01' }));
    await createAgreement(core, input({ title: 'Уже истекло', validUntil: '2026-01-01' }));
    await createAgreement(core, input({ title: 'Бессрочное' }));
    await createAgreement(core, input({ title: 'Расторгнутое', validUntil: '2026-12-20', status: 'terminated' }));
    await createAgreement(core, input({ title: 'С автопролонгацией', validUntil: '2026-12-20', autoProlongation: true }));
    expect(await list(core, { expiringWithinDays: 90, today: '2026-11-24' })).toEqual(['Истекает через месяц']);
    expect(await list(core, {})).toHaveLength(6);
  });

  it('finds by words of the title, number or notes in any case and with ё', async () => {
    const core = await backend.core();
    await createAgreement(core, input({ title: 'Меморандум о взаимопонимании', number: 'М-7' }));
    await createAgreement(core, input({ title: 'План совместных мероприятий', notes: 'Включён в сводный план' }));
    expect(await list(core, { query: 'МЕМОРАНДУМ' })).toEqual(['Меморандум о взаимопонимании']);
    expect(await list(core, { query: 'м-7' })).toEqual(['Меморандум о взаимопонимании']);
    expect(await list(core, { query: 'включен' })).toEqual(['План совместных мероприятий']);
  });

  it('edits, trashes and restores, logging each step', async () => {
    const core = await backend.core();
    const { id } = await createAgreement(core, input());
    expect(await updateAgreement(core, id, input({ title: 'Новое название', status: 'terminated' }))).toMatchObject({ title: 'Новое название', status: 'terminated' });
    await deleteAgreement(core, id);
    expect(await list(core)).toEqual([]);
    expect(await list(core, { deleted: true })).toEqual(['Новое название']);
    await restoreAgreement(core, id);
    expect(await list(core)).toEqual(['Новое название']);
    expect(await backend.pluck(core, `SELECT action FROM change_log WHERE entity = 'agreement' AND entity_id = ? ORDER BY id`, [id])).toEqual(['create', 'update', 'delete', 'restore']);
  });

  it('rejects a term that ends before it starts', () => {
    expect(AgreementInputSchema.safeParse({ title: 'X', validFrom: '2022-01-01', validUntil: '2021-01-01' }).success).toBe(false);
  });
});

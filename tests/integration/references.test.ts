import { expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { describeBackends } from '../support/backends';
import { inOrder } from '../../electron/core/in-order';
import { createAgreement, getAgreement } from '../../electron/core/services/agreements';
import { createEvent, getEvent } from '../../electron/core/services/events';
import { createRef, getRef, listRefs, mergeRefs, updateRef } from '../../electron/core/services/references';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { RefUpdateSchema } from '../../shared/schema/reference';
import { eventInput } from '../helpers';

const idOf = async (core: Core, kind: Parameters<typeof listRefs>[1], name: string) =>
  (await listRefs(core, kind, true)).find((r) => r.name === name)?.id as number;

describeBackends('reference lists', (backend) => {
  it('adds an entry, and refuses a second one of the same name in any case or «ё»', async () => {
    const core = await backend.core();
    expect((await createRef(core, { kind: 'kind', name: 'Квиз', parentId: null })).name).toBe('Квиз');
    await expect(createRef(core, { kind: 'kind', name: 'ФОРУМ', parentId: null })).rejects.toThrow('В справочнике уже есть «форум» (вид мероприятия).');
    await expect(createRef(core, { kind: 'kind', name: 'слет', parentId: null })).rejects.toThrow('В справочнике уже есть «слёт» (вид мероприятия).');
  });

  it('renames an entry everywhere it is used, and edits its grammatical forms', async () => {
    const core = await backend.core();
    const { id } = await createEvent(core, eventInput({ city: 'Новолукомль' }));
    const city = await idOf(core, 'city', 'Новолукомль');
    await updateRef(core, RefUpdateSchema.parse({ id: city, name: 'Новолукомль (Витебская обл.)', locative: 'Новолукомле' }));
    expect((await getEvent(core, id)).city).toBe('Новолукомль (Витебская обл.)');
    expect(await getRef(core, city)).toMatchObject({ locative: 'Новолукомле', usage: 1 });
    const forum = await idOf(core, 'kind', 'форум');
    expect((await updateRef(core, RefUpdateSchema.parse({ id: forum, gender: 'm', genitive: 'форума' }))).genitive).toBe('форума');
    await expect(updateRef(core, RefUpdateSchema.parse({ id: forum, name: 'Встреча' }))).rejects.toThrow('В справочнике уже есть «встреча» (вид мероприятия): чтобы свести две записи в одну, объедините их.');
  });

  it('files a new partner by its name: republics within Russia as its regions, other republics as countries', async () => {
    const core = await backend.core();
    await createEvent(core, eventInput({ partners: ['Республика Татарстан', 'Чувашская Республика', 'Республика Саха (Якутия)', 'Республика Куба', 'Псковская область', 'Фонд «Наследие»'] }));
    const kindOf = async (name: string) => {
      for (const kind of ['country', 'region', 'organisation'] as const) if ((await idOf(core, kind, name)) !== undefined) return kind;
      return undefined;
    };
    expect(await inOrder(['Республика Татарстан', 'Чувашская Республика', 'Республика Саха (Якутия)'], kindOf)).toEqual(['region', 'region', 'region']);
    expect((await getRef(core, await idOf(core, 'region', 'Республика Татарстан'))).parentName).toBe('Российская Федерация');
    expect(await kindOf('Республика Куба')).toBe('country');
    expect(await kindOf('Псковская область')).toBe('region');
    expect(await kindOf('Фонд «Наследие»')).toBe('organisation');
  });

  it('hides only an entry nothing uses', async () => {
    const core = await backend.core();
    await createEvent(core, eventInput({ kind: 'форум' }));
    const forum = await idOf(core, 'kind', 'форум');
    await expect(updateRef(core, RefUpdateSchema.parse({ id: forum, hidden: true }))).rejects.toThrow(/используется \(записей: 1\)/);
    const quiz = await idOf(core, 'kind', 'ярмарка');
    await updateRef(core, RefUpdateSchema.parse({ id: quiz, hidden: true }));
    expect((await listRefs(core, 'kind')).map((r) => r.name)).not.toContain('ярмарка');
    expect((await listRefs(core, 'kind', true)).map((r) => r.name)).toContain('ярмарка');
  });

  it('merges two entries: every event, link, agreement and child moves to the survivor', async () => {
    const core = await backend.core();
    const typo = await createRef(core, { kind: 'region', name: 'Витебская обл.', parentId: null });
    const town = await createRef(core, { kind: 'city', name: 'Глубокое', parentId: typo.id });
    const a = await createEvent(core, eventInput({ region: 'Витебская обл.', partners: ['Витебская обл.', 'Витебская область'] }));
    const b = await createEvent(core, eventInput({ partners: ['Витебская обл.'], spheres: ['культура'] }));
    const agreement = await createAgreement(core, AgreementInputSchema.parse({ title: 'План', parties: ['Витебская обл.'] }));
    const survivor = await idOf(core, 'region', 'Витебская область');

    const merged = await mergeRefs(core, survivor, typo.id);
    expect(merged.name).toBe('Витебская область');
    expect(await getEvent(core, a.id)).toMatchObject({ region: 'Витебская область', partners: ['Витебская область'] });
    expect((await getEvent(core, b.id)).partners).toEqual(['Витебская область']);
    expect((await getAgreement(core, agreement.id)).parties).toEqual(['Витебская область']);
    expect((await getRef(core, town.id)).parentName).toBe('Витебская область');
    await expect(getRef(core, typo.id)).rejects.toThrow('Запись справочника');
    expect(await backend.pluck(core, `SELECT action FROM change_log WHERE entity = 'ref' AND entity_id = ?`, [survivor])).toContain('merge');
  });

  it('merges only entries of one list, and never an entry with itself', async () => {
    const core = await backend.core();
    const forum = await idOf(core, 'kind', 'форум');
    const culture = await idOf(core, 'sphere', 'культура');
    await expect(mergeRefs(core, forum, culture)).rejects.toThrow('Объединять можно только записи одного справочника: «форум» — вид мероприятия, «культура» — сфера.');
    await expect(mergeRefs(core, forum, forum)).rejects.toThrow('Запись нельзя объединить с ней самой.');
    expect((await getRef(core, culture)).name).toBe('культура');
  });
});

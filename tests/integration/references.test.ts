import { describe, expect, it } from 'vitest';
import { createAgreement, getAgreement } from '../../electron/core/services/agreements';
import { createEvent, getEvent } from '../../electron/core/services/events';
import { createRef, getRef, listRefs, mergeRefs, updateRef } from '../../electron/core/services/references';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { RefUpdateSchema } from '../../shared/schema/reference';
import { eventInput, tempCore } from '../helpers';

const idOf = (core: ReturnType<typeof tempCore>, kind: Parameters<typeof listRefs>[1], name: string) =>
  listRefs(core, kind, true).find((r) => r.name === name)?.id as number;

describe('reference lists', () => {
  it('adds an entry, and refuses a second one of the same name in any case or «ё»', () => {
    const core = tempCore();
    expect(createRef(core, { kind: 'kind', name: 'Квиз', parentId: null }).name).toBe('Квиз');
    expect(() => createRef(core, { kind: 'kind', name: 'ФОРУМ', parentId: null })).toThrow('В справочнике уже есть «форум» (вид мероприятия).');
    expect(() => createRef(core, { kind: 'kind', name: 'слет', parentId: null })).toThrow('В справочнике уже есть «слёт» (вид мероприятия).');
  });

  it('renames an entry everywhere it is used, and edits its grammatical forms', () => {
    const core = tempCore();
    const { id } = createEvent(core, eventInput({ city: 'Новолукомль' }));
    const city = idOf(core, 'city', 'Новолукомль');
    updateRef(core, RefUpdateSchema.parse({ id: city, name: 'Новолукомль (Витебская обл.)', locative: 'Новолукомле' }));
    expect(getEvent(core, id).city).toBe('Новолукомль (Витебская обл.)');
    expect(getRef(core, city)).toMatchObject({ locative: 'Новолукомле', usage: 1 });
    const forum = idOf(core, 'kind', 'форум');
    expect(updateRef(core, RefUpdateSchema.parse({ id: forum, gender: 'm', genitive: 'форума' })).genitive).toBe('форума');
    expect(() => updateRef(core, RefUpdateSchema.parse({ id: forum, name: 'Встреча' }))).toThrow('В справочнике уже есть «встреча» (вид мероприятия): чтобы свести две записи в одну, объедините их.');
  });

  it('files a new partner by its name: republics within Russia as its regions, other republics as countries', () => {
    const core = tempCore();
    createEvent(core, eventInput({ partners: ['Республика Татарстан', 'Чувашская Республика', 'Республика Саха (Якутия)', 'Республика Куба', 'Псковская область', 'Фонд «Наследие»'] }));
    const kindOf = (name: string) => (['country', 'region', 'organisation'] as const).find((kind) => idOf(core, kind, name) !== undefined);
    expect(['Республика Татарстан', 'Чувашская Республика', 'Республика Саха (Якутия)'].map(kindOf)).toEqual(['region', 'region', 'region']);
    expect(getRef(core, idOf(core, 'region', 'Республика Татарстан')).parentName).toBe('Российская Федерация');
    expect(kindOf('Республика Куба')).toBe('country');
    expect(kindOf('Псковская область')).toBe('region');
    expect(kindOf('Фонд «Наследие»')).toBe('organisation');
  });

  it('hides only an entry nothing uses', () => {
    const core = tempCore();
    createEvent(core, eventInput({ kind: 'форум' }));
    const forum = idOf(core, 'kind', 'форум');
    expect(() => updateRef(core, RefUpdateSchema.parse({ id: forum, hidden: true }))).toThrow(/используется \(записей: 1\)/);
    const quiz = idOf(core, 'kind', 'ярмарка');
    updateRef(core, RefUpdateSchema.parse({ id: quiz, hidden: true }));
    expect(listRefs(core, 'kind').map((r) => r.name)).not.toContain('ярмарка');
    expect(listRefs(core, 'kind', true).map((r) => r.name)).toContain('ярмарка');
  });

  it('merges two entries: every event, link, agreement and child moves to the survivor', () => {
    const core = tempCore();
    const typo = createRef(core, { kind: 'region', name: 'Витебская обл.', parentId: null });
    const town = createRef(core, { kind: 'city', name: 'Глубокое', parentId: typo.id });
    const a = createEvent(core, eventInput({ region: 'Витебская обл.', partners: ['Витебская обл.', 'Витебская область'] }));
    const b = createEvent(core, eventInput({ partners: ['Витебская обл.'], spheres: ['культура'] }));
    const agreement = createAgreement(core, AgreementInputSchema.parse({ title: 'План', parties: ['Витебская обл.'] }));
    const survivor = idOf(core, 'region', 'Витебская область');

    const merged = mergeRefs(core, survivor, typo.id);
    expect(merged.name).toBe('Витебская область');
    expect(getEvent(core, a.id)).toMatchObject({ region: 'Витебская область', partners: ['Витебская область'] });
    expect(getEvent(core, b.id).partners).toEqual(['Витебская область']);
    expect(getAgreement(core, agreement.id).parties).toEqual(['Витебская область']);
    expect(getRef(core, town.id).parentName).toBe('Витебская область');
    expect(() => getRef(core, typo.id)).toThrow('Запись справочника');
    expect(core.db.prepare(`SELECT action FROM change_log WHERE entity = 'ref' AND entity_id = ?`).pluck().all(survivor)).toContain('merge');
  });

  it('merges only entries of one list, and never an entry with itself', () => {
    const core = tempCore();
    const forum = idOf(core, 'kind', 'форум');
    const culture = idOf(core, 'sphere', 'культура');
    expect(() => mergeRefs(core, forum, culture)).toThrow('Объединять можно только записи одного справочника: «форум» — вид мероприятия, «культура» — сфера.');
    expect(() => mergeRefs(core, forum, forum)).toThrow('Запись нельзя объединить с ней самой.');
    expect(getRef(core, culture).name).toBe('культура');
  });
});

// The calendar's data on a real register: one range with the table's filters, deadlines, search
// marks, remembered settings, and moving an event by its dates.
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { describeBackends, type Backend } from '../support/backends';
import { calendarData, calendarPrefs, moveEvent, saveCalendarPrefs } from '../../electron/core/services/calendar';
import { createAgreement } from '../../electron/core/services/agreements';
import { createEvents, getEvent, updateEvent } from '../../electron/core/services/events';
import { listRefs, mergeRefs } from '../../electron/core/services/references';
import { EventInputSchema, eventInputOf } from '../../shared/schema/event';
import { loadDemo } from '../../electron/core/services/demo';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { CalendarPrefsSchema, CalendarQuerySchema } from '../../shared/schema/calendar';
import { tempCore } from '../helpers';

const query = (raw: object) => CalendarQuerySchema.parse(raw);
const titleOf = async (backend: Backend, core: Core, prefix: string) =>
  (await backend.pluck<number>(core, 'SELECT id FROM events WHERE title LIKE ?', [`${prefix}%`]))[0] as number;

describeBackends('the calendar data', (backend) => {
  it('gives the events overlapping the days on screen, each with its first sphere', async () => {
    const core = await backend.core();
    await loadDemo(core);
    // The grid of September 2021: 30 August to 10 October.
    const data = await calendarData(core, query({ start: '2021-08-30', end: '2021-10-10' }));
    expect(data.events.map((e) => [e.startDate, e.endDate, e.datePrecision, e.sphere])).toEqual([
      ['2021-08-30', '2021-08-31', 'day', 'промышленность и торговля'],
      ['2021-09-01', '2021-10-31', 'month', 'социальная сфера'],
      ['2021-09-07', '2021-09-08', 'day', 'молодежная политика'],
      ['2021-09-08', '2021-09-08', 'day', 'приграничное сотрудничество'],
      ['2021-09-20', '2021-09-20', 'day', 'социальная сфера'],
    ]);
    expect(data.matches).toBeNull();
  });

  it('shows the first sphere as the event now has it: after an edit of its spheres, and a merge of the sphere into another', async () => {
    const core = await backend.core();
    const [id] = await createEvents(core, [EventInputSchema.parse({ title: 'Форум', startDate: '2021-09-07', spheres: ['культура', 'спорт'] })]);
    const spheres = async () => (await calendarData(core, query({ start: '2021-09-01', end: '2021-09-30' }))).events.map((e) => e.sphere);
    expect(await spheres()).toEqual(['культура']);
    await updateEvent(core, id as number, { ...eventInputOf(await getEvent(core, id as number)), spheres: ['туризм', 'культура'] });
    expect(await spheres()).toEqual(['туризм']);
    const sphere = async (name: string) => (await listRefs(core, 'sphere')).find((r) => r.name === name)?.id as number;
    await mergeRefs(core, await sphere('спорт'), await sphere('туризм'));
    expect(await spheres()).toEqual(['спорт']);
    await updateEvent(core, id as number, { ...eventInputOf(await getEvent(core, id as number)), spheres: [] });
    expect(await spheres()).toEqual([null]);
  });

  it('applies the events table’s filters, and marks what the search finds without hiding the rest', async () => {
    const core = await backend.core();
    await loadDemo(core);
    const range = { start: '2021-07-01', end: '2021-12-31' };
    const titles = async (raw: object) => (await calendarData(core, query({ ...range, ...raw }))).events.map((e) => e.kind);
    expect(await titles({ filters: { kinds: ['форум'] } })).toEqual(['форум', 'форум']);
    expect(await titles({ filters: { spheres: ['культура'] } })).toEqual(['служебная командировка']);
    expect(await titles({ filters: { formats: ['remote'] } })).toEqual(['форум']);
    const marked = await calendarData(core, query({ ...range, highlight: 'автопробег' }));
    expect(marked.events).toHaveLength(9);
    expect(marked.matches).toEqual([await titleOf(backend, core, 'Международный белорусско-российский патриотический автопробег')]);
  });

  it('marks the day an agreement ends, and 90 days before for a term that does not prolong itself', async () => {
    const core = await backend.core();
    await loadDemo(core); // the demo's contract runs to 31 December 2021
    await createAgreement(core, AgreementInputSchema.parse({ title: 'Соглашение, продлеваемое само', parties: ['Витебская область'], validUntil: '2021-12-20', autoProlongation: true }));
    await createAgreement(core, AgreementInputSchema.parse({ title: 'Проект соглашения', parties: ['Витебская область'], validUntil: '2021-12-10', status: 'draft' }));
    const marks = async (start: string, end: string) => (await calendarData(core, query({ start, end }))).deadlines.map((d) => [d.date, d.kind, d.title.slice(0, 20)]);
    // No warning 90 days before the self-prolonging one (21 September) nor the draft.
    expect(await marks('2021-09-01', '2021-09-30')).toEqual([]);
    expect(await marks('2021-10-01', '2021-10-31')).toEqual([['2021-10-02', 'warning', 'Договор о сотрудниче']]);
    expect(await marks('2021-12-01', '2021-12-31')).toEqual([['2021-12-20', 'ends', 'Соглашение, продлева'], ['2021-12-31', 'ends', 'Договор о сотрудниче']]);
    expect(await marks('2022-01-01', '2022-03-31')).toEqual([]);
  });

  it('marks every fifth anniversary of signing while the agreement is in force', async () => {
    const core = await backend.core();
    const sign = (title: string, signedOn: string, more: object = {}) =>
      createAgreement(core, AgreementInputSchema.parse({ title, parties: ['Витебская область'], signedOn, status: 'active', ...more }));
    await sign('Соглашение о сотрудничестве', '2011-03-15');
    await sign('Соглашение високосного дня', '2016-02-29', { validUntil: '2030-12-31' });
    await sign('Соглашение истекшее', '2015-06-01', { validUntil: '2019-12-31' });
    await sign('Соглашение продлеваемое', '2015-06-02', { validUntil: '2019-12-31', autoProlongation: true });
    await sign('Проект соглашения', '2016-04-01', { status: 'draft' });
    const marks = async (start: string, end: string) =>
      (await calendarData(core, query({ start, end }))).deadlines.map((d) => [d.date, d.kind, d.years, d.title]);
    expect(await marks('2021-01-01', '2021-12-31')).toEqual([
      ['2021-02-28', 'anniversary', 5, 'Соглашение високосного дня'],
      ['2021-03-15', 'anniversary', 10, 'Соглашение о сотрудничестве'],
    ]);
    // Ten years on, the expired one is no longer marked, the self-prolonging one is.
    expect(await marks('2025-06-01', '2025-06-30')).toEqual([['2025-06-02', 'anniversary', 10, 'Соглашение продлеваемое']]);
    expect(await marks('2024-02-01', '2024-02-29')).toEqual([]);
    expect(await marks('2026-03-01', '2026-03-31')).toEqual([['2026-03-15', 'anniversary', 15, 'Соглашение о сотрудничестве']]);
  });

  it('remembers its settings in the register, and reads an older shape as the defaults', async () => {
    const core = await backend.core();
    expect(await calendarPrefs(core)).toEqual(CalendarPrefsSchema.parse({}));
    const prefs = CalendarPrefsSchema.parse({ place: 'year/2021', colorBy: 'status', filters: { spheres: ['культура'] } });
    await saveCalendarPrefs(core, prefs);
    expect(await calendarPrefs(core)).toEqual(prefs);
    await core.settings.set('calendar', { colorBy: 'rainbow' });
    expect((await calendarPrefs(core)).colorBy).toBe('sphere');
  });

  it('moves an exact event to new dates with a change-log row, and refuses to drag an imprecise one', async () => {
    const core = await backend.core();
    await loadDemo(core);
    const forum = await titleOf(backend, core, 'Международный форум «Социальная защита');
    expect(await moveEvent(core, forum, '2021-09-22', '2021-09-23')).toMatchObject({ startDate: '2021-09-22', endDate: '2021-09-23', datePrecision: 'day' });
    expect((await getEvent(core, forum)).participants).toContain('Заместитель Губернатора');
    const [logged] = await backend.pluck(core, `SELECT count(*) FROM change_log WHERE entity = 'event' AND entity_id = ? AND action = 'update'`, [forum]);
    expect(logged).toBe(1);
    const programme = await titleOf(backend, core, 'Санаторно-курортное лечение');
    await expect(moveEvent(core, programme, '2021-10-01', '2021-10-01')).rejects.toThrow(/нет точных дат: его сроки меняются в карточке/);
    expect(await getEvent(core, programme)).toMatchObject({ startDate: '2021-09-01', endDate: '2021-10-31' });
  });
});

describe('the calendar over the contract of a SQLite file', () => {
  it('refuses a range backwards or longer than ten years, in Russian', async () => {
    const dispatch = createDispatch(createHandlers(tempCore()));
    const backwards = await dispatch('calendar.data', { start: '2021-09-30', end: '2021-09-01' });
    expect(backwards).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(JSON.stringify(backwards)).toContain('конец диапазона раньше его начала');
    expect(JSON.stringify(await dispatch('calendar.data', { start: '2000-01-01', end: '2021-01-01' }))).toContain('не больше десяти лет');
  });
});

// Changes of many events from the grid: all or nothing, one undoable action, and their change history.
import { inOrder } from '../../electron/core/in-order';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { describeBackends, type Backend } from '../support/backends';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { createEvents, getEvent } from '../../electron/core/services/events';
import { bulkDeleteEvents, bulkUpdateEvents, createManyEvents, eventDetails, undoBulk } from '../../electron/core/services/bulk';
import { recordHistory } from '../../electron/core/services/history';
import { AppError } from '../../shared/errors';
import type { EventBulkPatch } from '../../shared/schema/event';
import { eventInput, tempCore } from '../helpers';

async function register(backend: Backend, count: number) {
  const core = await backend.core();
  const ids = await createEvents(core, Array.from({ length: count }, (_, i) => eventInput({ title: `Встреча ${i + 1}`, kind: 'встреча', status: 'planned' })));
  return { core, ids };
}

const eventsOf = (core: Core, ids: readonly number[]) => inOrder(ids, (id) => getEvent(core, id));
const logRows = async (backend: Backend, core: Core) => (await backend.pluck<number>(core, 'SELECT count(*) FROM change_log'))[0];

describeBackends('bulk changes of events', (backend) => {
  it('changes every event in one action, a row each with only the changed fields, and undoes it as one', async () => {
    const { core, ids } = await register(backend, 50);
    const result = await bulkUpdateEvents(core, ids, { status: 'held', spheres: ['культура'] });
    expect(result.count).toBe(50);
    expect(result.action).not.toBeNull();
    expect((result.action?.last ?? 0) - (result.action?.first ?? 0) + 1).toBe(50);
    expect((await eventsOf(core, ids)).every((e) => e.status === 'held' && e.spheres.join() === 'культура')).toBe(true);
    const entry = (await recordHistory(core, 'event', ids[7] as number))[0];
    expect(entry?.action).toBe('update');
    expect(entry?.changes.map((c) => c.field).sort()).toEqual(['spheres', 'status']);

    const undone = await undoBulk(core, result.action!);
    expect(undone.count).toBe(50);
    expect((await eventsOf(core, ids)).every((e) => e.status === 'planned' && e.spheres.length === 0)).toBe(true);
    // Undone once: a second undo finds the events no longer as the action left them.
    await expect(undoBulk(core, result.action!)).rejects.toThrow(AppError);
  });

  it('changes nothing when one event half-way cannot be changed', async () => {
    const { core, ids } = await register(backend, 10);
    await bulkDeleteEvents(core, [ids[5] as number]);
    const rowsBefore = await logRows(backend, core);
    await expect(bulkUpdateEvents(core, ids, { status: 'cancelled', kind: 'форум' })).rejects.toThrow(/№ \d+ находится в корзине/);
    expect((await eventsOf(core, ids)).every((e) => e.status === 'planned' && e.kind === 'встреча')).toBe(true);
    expect(await logRows(backend, core)).toBe(rowsBefore);
    await expect(bulkUpdateEvents(core, [...ids.slice(0, 3), 99_999], { status: 'held' })).rejects.toThrow(/№ 99999 не найдено/);
    expect((await getEvent(core, ids[0] as number)).status).toBe('planned');
  });

  it('moves many events to the trash and back in one action each', async () => {
    const { core, ids } = await register(backend, 20);
    const result = await bulkDeleteEvents(core, ids.slice(0, 12));
    expect(result.count).toBe(12);
    expect((await core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 })).total).toBe(8);
    await undoBulk(core, result.action!);
    expect((await core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 })).total).toBe(20);
    expect((await recordHistory(core, 'event', ids[0] as number)).map((e) => e.action).slice(0, 2)).toEqual(['restore', 'delete']);
  });

  it('refuses to undo what is not one bulk action, and an action followed by an edit', async () => {
    const { core, ids } = await register(backend, 3);
    const first = await bulkUpdateEvents(core, ids, { organizer: 'Отдел сотрудничества' });
    await bulkUpdateEvents(core, [ids[1] as number], { organizer: 'Другой отдел' });
    await expect(undoBulk(core, first.action!)).rejects.toThrow(/изменено после этого действия/);
    expect((await getEvent(core, ids[0] as number)).organizer).toBe('Отдел сотрудничества');
    // The creations are not a bulk change.
    await expect(undoBulk(core, { first: 1, last: 3 })).rejects.toThrow(/не одно действие/);
  });

  it('adds many events at once, and reads the optional columns', async () => {
    const core = await backend.core();
    const { ids } = await createManyEvents(core, [eventInput({ title: 'А', partners: ['Китай'] }), eventInput({ title: 'Б', organizer: 'Отдел' })]);
    expect((await eventDetails(core, ids)).map((d) => [d.partners.join(), d.organizer])).toEqual([['Китай', null], ['', 'Отдел']]);
  });

  it('undoes any series of bulk changes, newest first, back to the register as it was', async () => {
    const patch: fc.Arbitrary<EventBulkPatch> = fc.record({
      status: fc.constantFrom('planned', 'held', 'cancelled', 'postponed'),
      kind: fc.constantFrom('встреча', 'форум', null),
      spheres: fc.subarray(['культура', 'образование', 'спорт']),
      partners: fc.subarray(['Китай', 'Вьетнам', 'Минская область']),
      organizer: fc.constantFrom('Отдел сотрудничества', null),
    }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0);
    const step = fc.record({ pick: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), patch, trash: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 5 }), async (steps) => {
        const { core, ids } = await register(backend, 8);
        const snapshot = async () => (await eventsOf(core, ids)).map(({ updatedAt: _u, version: _v, ...e }) => e);
        const start = await snapshot();
        const actions = [];
        for (const { pick, patch: p, trash } of steps) {
          const chosen = (await eventsOf(core, pick.map((i) => ids[i] as number))).filter((e) => !e.deletedAt).map((e) => e.id);
          if (chosen.length === 0) continue;
          const result = trash ? await bulkDeleteEvents(core, chosen) : await bulkUpdateEvents(core, chosen, p);
          if (result.action) actions.push(result.action);
        }
        for (const action of actions.reverse()) await undoBulk(core, action);
        expect(await snapshot()).toEqual(start);
      }),
      { numRuns: 25 },
    );
  });
});

describe('bulk changes over the contract of a SQLite file', () => {
  it('adds many events at once or none, and reads the optional columns', async () => {
    const core = tempCore();
    const { ids } = await createManyEvents(core, [eventInput({ title: 'А', partners: ['Китай'] }), eventInput({ title: 'Б', organizer: 'Отдел' })]);
    expect((await eventDetails(core, ids)).map((d) => [d.partners.join(), d.organizer])).toEqual([['Китай', null], ['', 'Отдел']]);
    const dispatch = createDispatch(createHandlers(core), () => {});
    const refused = await dispatch('events.createMany', { inputs: [{ title: 'В', startDate: '2022-01-01' }, { title: 'Г', startDate: '2022-02-10', endDate: '2022-01-01' }] });
    expect(refused.ok).toBe(false);
    expect((await core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 })).total).toBe(2);
    const empty = await dispatch('events.bulkUpdate', { ids: [ids[0]], patch: {} });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', message: 'Не выбрано, какое поле изменить у выбранных мероприятий.' } });
    // A patch of the status alone leaves the lists as they were.
    const status = await dispatch('events.bulkUpdate', { ids, patch: { status: 'cancelled' } });
    expect(status.ok).toBe(true);
    expect((await getEvent(core, ids[0] as number)).partners).toEqual(['Китай']);
  });
});

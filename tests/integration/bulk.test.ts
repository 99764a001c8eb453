// Changes of many events from the grid: all or nothing, one undoable action, and their change history.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { createEvents, getEvent } from '../../electron/core/services/events';
import { bulkDeleteEvents, bulkUpdateEvents, createManyEvents, eventDetails, undoBulk } from '../../electron/core/services/bulk';
import { recordHistory } from '../../electron/core/services/history';
import { AppError } from '../../shared/errors';
import type { EventBulkPatch } from '../../shared/schema/event';
import { eventInput, tempCore } from '../helpers';

function register(count: number) {
  const core = tempCore();
  const ids = createEvents(core, Array.from({ length: count }, (_, i) => eventInput({ title: `Встреча ${i + 1}`, kind: 'встреча', status: 'planned' })));
  return { core, ids };
}

const logRows = (core: ReturnType<typeof tempCore>) => core.db.prepare('SELECT count(*) FROM change_log').pluck().get() as number;

describe('bulk changes of events', () => {
  it('changes every event in one action, a row each with only the changed fields, and undoes it as one', () => {
    const { core, ids } = register(50);
    const result = bulkUpdateEvents(core, ids, { status: 'held', spheres: ['культура'] });
    expect(result.count).toBe(50);
    expect(result.action).not.toBeNull();
    expect((result.action?.last ?? 0) - (result.action?.first ?? 0) + 1).toBe(50);
    expect(ids.every((id) => getEvent(core, id).status === 'held' && getEvent(core, id).spheres.join() === 'культура')).toBe(true);
    const entry = recordHistory(core, 'event', ids[7] as number)[0];
    expect(entry?.action).toBe('update');
    expect(entry?.changes.map((c) => c.field).sort()).toEqual(['spheres', 'status']);

    const undone = undoBulk(core, result.action!);
    expect(undone.count).toBe(50);
    expect(ids.every((id) => getEvent(core, id).status === 'planned' && getEvent(core, id).spheres.length === 0)).toBe(true);
    // Undone once: a second undo finds the events no longer as the action left them.
    expect(() => undoBulk(core, result.action!)).toThrow(AppError);
  });

  it('changes nothing when one event half-way cannot be changed', () => {
    const { core, ids } = register(10);
    bulkDeleteEvents(core, [ids[5] as number]);
    const rowsBefore = logRows(core);
    expect(() => bulkUpdateEvents(core, ids, { status: 'cancelled', kind: 'форум' })).toThrow(/№ \d+ находится в корзине/);
    expect(ids.every((id) => getEvent(core, id).status === 'planned' && getEvent(core, id).kind === 'встреча')).toBe(true);
    expect(logRows(core)).toBe(rowsBefore);
    expect(() => bulkUpdateEvents(core, [...ids.slice(0, 3), 99_999], { status: 'held' })).toThrow(/№ 99999 не найдено/);
    expect(getEvent(core, ids[0] as number).status).toBe('planned');
  });

  it('moves many events to the trash and back in one action each', () => {
    const { core, ids } = register(20);
    const result = bulkDeleteEvents(core, ids.slice(0, 12));
    expect(result.count).toBe(12);
    expect(core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 }).total).toBe(8);
    undoBulk(core, result.action!);
    expect(core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 }).total).toBe(20);
    expect(recordHistory(core, 'event', ids[0] as number).map((e) => e.action).slice(0, 2)).toEqual(['restore', 'delete']);
  });

  it('refuses to undo what is not one bulk action, and an action followed by an edit', () => {
    const { core, ids } = register(3);
    const first = bulkUpdateEvents(core, ids, { organizer: 'Отдел сотрудничества' });
    bulkUpdateEvents(core, [ids[1] as number], { organizer: 'Другой отдел' });
    expect(() => undoBulk(core, first.action!)).toThrow(/изменено после этого действия/);
    expect(getEvent(core, ids[0] as number).organizer).toBe('Отдел сотрудничества');
    // The creations are not a bulk change.
    expect(() => undoBulk(core, { first: 1, last: 3 })).toThrow(/не одно действие/);
  });

  it('adds many events at once or none, and reads the optional columns', async () => {
    const core = tempCore();
    const { ids } = createManyEvents(core, [eventInput({ title: 'А', partners: ['Китай'] }), eventInput({ title: 'Б', organizer: 'Отдел' })]);
    expect(eventDetails(core, ids).map((d) => [d.partners.join(), d.organizer])).toEqual([['Китай', null], ['', 'Отдел']]);
    const dispatch = createDispatch(createHandlers(core), () => {});
    const refused = await dispatch('events.createMany', { inputs: [{ title: 'В', startDate: '2022-01-01' }, { title: 'Г', startDate: '2022-02-10', endDate: '2022-01-01' }] });
    expect(refused.ok).toBe(false);
    expect(core.events.rows({ deleted: false, sort: 'startDate', order: 'asc', limit: 100, offset: 0 }).total).toBe(2);
    const empty = await dispatch('events.bulkUpdate', { ids: [ids[0]], patch: {} });
    expect(empty).toMatchObject({ ok: false, error: { code: 'validation', message: 'Не выбрано, какое поле изменить у выбранных мероприятий.' } });
    // A patch of the status alone leaves the lists as they were.
    const status = await dispatch('events.bulkUpdate', { ids, patch: { status: 'cancelled' } });
    expect(status.ok).toBe(true);
    expect(getEvent(core, ids[0] as number).partners).toEqual(['Китай']);
  });

  it('undoes any series of bulk changes, newest first, back to the register as it was', () => {
    const patch: fc.Arbitrary<EventBulkPatch> = fc.record({
      status: fc.constantFrom('planned', 'held', 'cancelled', 'postponed'),
      kind: fc.constantFrom('встреча', 'форум', null),
      spheres: fc.subarray(['культура', 'образование', 'спорт']),
      partners: fc.subarray(['Китай', 'Вьетнам', 'Минская область']),
      organizer: fc.constantFrom('Отдел сотрудничества', null),
    }, { requiredKeys: [] }).filter((p) => Object.keys(p).length > 0);
    const step = fc.record({ pick: fc.array(fc.integer({ min: 0, max: 7 }), { minLength: 1, maxLength: 8 }), patch, trash: fc.boolean() });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 5 }), (steps) => {
        const { core, ids } = register(8);
        const snapshot = () => ids.map((id) => getEvent(core, id)).map(({ updatedAt: _u, version: _v, ...e }) => e);
        const start = snapshot();
        const actions = [];
        for (const { pick, patch: p, trash } of steps) {
          const chosen = pick.map((i) => ids[i] as number).filter((id) => !getEvent(core, id).deletedAt);
          if (chosen.length === 0) continue;
          const result = trash ? bulkDeleteEvents(core, chosen) : bulkUpdateEvents(core, chosen, p);
          if (result.action) actions.push(result.action);
        }
        for (const action of actions.reverse()) undoBulk(core, action);
        expect(snapshot()).toEqual(start);
      }),
      { numRuns: 25 },
    );
  });
});

// The per-call context: the dispatcher hands each handler who calls and when, and the change log
// records that caller and that time; a call without one (the shell, the web mode, the CLI) records
// the OS account and the clock, as before.
import fc from 'fast-check';
import { userInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { tempCore } from '../helpers';

describe('the per-call context', () => {
  it('records the caller and the time of each call in the change history', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core));
    await fc.assert(
      fc.asyncProperty(
        fc.stringMatching(/^[a-z][a-z0-9._-]{1,15}$/),
        fc.date({ min: new Date('2020-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }),
        async (user, when) => {
          const now = when.toISOString();
          const created = await dispatch('events.create', { title: 'Форум', startDate: '2022-05-01' }, { user, now });
          expect(created.ok).toBe(true);
          const id = (created as { value: { id: number } }).value.id;
          const history = await dispatch('history.list', { entity: 'event', id });
          expect(history).toMatchObject({ ok: true, value: [{ user, at: now }] });
        },
      ),
      { numRuns: 20 },
    );
    // Another caller's change of the same record is recorded as theirs, the first one's stays.
    // Both times given: a record's history runs from its creation, so the second must come after the
    // first whatever the clock says (a fixed time of the day the test was written passed only until then).
    const created = await dispatch('events.create', { title: 'Семинар', startDate: '2022-06-01' }, { user: 'ivanova', now: '2031-03-01T08:00:00.000Z' });
    const event = (created as { value: { id: number } }).value;
    const deleted = await dispatch('events.delete', { id: event.id }, { user: 'petrov', now: '2031-03-01T09:00:00.000Z' });
    expect(deleted.ok).toBe(true);
    const history = await dispatch('history.list', { entity: 'event', id: event.id });
    const users = (history as { value: { user: string; at: string }[] }).value.map((h) => [h.user, h.at === '2031-03-01T09:00:00.000Z']);
    expect(users).toEqual(expect.arrayContaining([['ivanova', false], ['petrov', true]]));
  });

  it('records the OS account when the transport names no caller', async () => {
    const core = tempCore();
    const dispatch = createDispatch(createHandlers(core));
    const created = await dispatch('events.create', { title: 'Выставка', startDate: '2022-07-01' });
    const id = (created as { value: { id: number } }).value.id;
    const history = await dispatch('history.list', { entity: 'event', id });
    expect(history).toMatchObject({ ok: true, value: [{ user: userInfo().username }] });
  });
});

// The change counter windows poll to refresh: it grows with every write, whoever makes it, and reads
// leave it as it is; through the dispatcher (as a window calls it) and over both back ends.
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, type Dispatch } from '../../electron/core/backend';
import { latestChange } from '../../electron/core/services/changes';
import { createEvent, getEvent, listEvents, saveEvent } from '../../electron/core/services/events';
import { EventFilterSchema } from '../../shared/schema/event';
import { describeBackends } from '../support/backends';
import { eventInput, tempCore } from '../helpers';

async function latest(dispatch: Dispatch): Promise<number> {
  const answer = await dispatch('changes.latest', {});
  if (!answer.ok) throw new Error(answer.error.message);
  return (answer.value as { id: number }).id;
}

async function value(dispatch: Dispatch, method: string, input: unknown): Promise<Record<string, unknown>> {
  const answer = await dispatch(method, input);
  if (!answer.ok) throw new Error(`${method}: ${answer.error.message}`);
  return answer.value as Record<string, unknown>;
}

describe('changes.latest through the dispatcher', () => {
  it('grows with each write and stays put on reads', async () => {
    const dispatch = createDispatch(createHandlers(tempCore()));
    const seen = [await latest(dispatch)];
    const grew = async () => {
      const now = await latest(dispatch);
      expect(now).toBeGreaterThan(seen.at(-1)!);
      seen.push(now);
    };
    const still = async () => expect(await latest(dispatch)).toBe(seen.at(-1));

    const event = await value(dispatch, 'events.create', { title: 'Форум молодёжи', startDate: '2021-09-01' });
    await grew();
    await value(dispatch, 'events.update', { id: event.id, version: event.version, input: { title: 'Форум молодёжи 2021', startDate: '2021-09-01' } });
    await grew();
    const agreement = await value(dispatch, 'agreements.create', { title: 'Соглашение о сотрудничестве', parties: ['Витебская область'] });
    await grew();
    await value(dispatch, 'refs.create', { kind: 'organisation', name: 'Минский облисполком' });
    await grew();

    for (const [method, input] of [
      ['events.list', {}],
      ['events.rows', {}],
      ['events.get', { id: event.id }],
      ['agreements.list', {}],
      ['agreements.get', { id: agreement.id }],
      ['history.list', { entity: 'event', id: event.id }],
      ['refs.list', { kind: 'organisation' }],
      ['stats.overview', { period: '2021' }],
      ['calendar.data', { start: '2021-09-01', end: '2021-09-30' }],
      ['import.batches', {}],
      ['changes.latest', {}],
    ] as const) {
      await value(dispatch, method, input);
      await still();
    }

    await value(dispatch, 'events.delete', { id: event.id });
    await grew();
    await value(dispatch, 'events.restore', { id: event.id });
    await grew();
  });

  it('refuses input it does not take, changing nothing', async () => {
    const dispatch = createDispatch(createHandlers(tempCore()));
    const before = await latest(dispatch);
    expect(await dispatch('changes.latest', { since: 3 })).toMatchObject({ ok: false, error: { code: 'validation' } });
    expect(await latest(dispatch)).toBe(before);
  });
});

describeBackends('the change counter seen by another clerk', (backend) => {
  it("shows one clerk's writes to another's connection, and not her reads", async () => {
    const anna = await backend.core();
    const boris = await backend.peer(anna, 'boris');
    const start = (await latestChange(boris)).id;
    expect((await latestChange(anna)).id).toBe(start);

    const event = await createEvent(anna, eventInput({ title: 'Форум регионов' }));
    const afterCreate = (await latestChange(boris)).id;
    expect(afterCreate).toBeGreaterThan(start);

    await getEvent(boris, event.id);
    await listEvents(boris, EventFilterSchema.parse({}));
    expect((await latestChange(anna)).id).toBe(afterCreate);

    await saveEvent(boris, { id: event.id, version: event.version, input: eventInput({ title: 'Форум регионов России и Беларуси' }) });
    expect((await latestChange(anna)).id).toBeGreaterThan(afterCreate);
  });
});

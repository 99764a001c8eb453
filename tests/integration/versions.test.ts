// No lost update: each event and agreement carries a version that every logged change raises; a save
// naming a stale version is refused with the name of whoever changed the record, and the record as it is now.
import { inOrder } from '../../electron/core/in-order';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDispatch, createHandlers, type Dispatch } from '../../electron/core/backend';
import { closeCore, openCore, type Core, type LocalCore } from '../../electron/core/core';
import { describeBackends, type Backend } from '../support/backends';
import { analyze } from '../../electron/core/import/analyze';
import { createAgreement, deleteAgreement, getAgreement, restoreAgreement, saveAgreement } from '../../electron/core/services/agreements';
import { bulkDeleteEvents, bulkUpdateEvents, undoBulk } from '../../electron/core/services/bulk';
import { moveEvent } from '../../electron/core/services/calendar';
import { createEvent, deleteEvent, getEvent, restoreEvent, saveEvent } from '../../electron/core/services/events';
import { recordHistory, revertRecord } from '../../electron/core/services/history';
import { commitPreview, readImportSource, undoBatch } from '../../electron/core/services/imports';
import { mergeRefs } from '../../electron/core/services/references';
import { AppError, type Result } from '../../shared/errors';
import { momentPhrase } from '../../shared/ru/conflict';
import { formatDate } from '../../shared/ru/dates';
import { nameKey } from '../../shared/ru/normalize';
import { AgreementInputSchema, type Agreement } from '../../shared/schema/agreement';
import { eventInputOf, type BulkAction, type Event } from '../../shared/schema/event';
import { eventInput, registerOfVersion1, tempCore, tempDir } from '../helpers';

const agreementInput = (title = 'Соглашение о сотрудничестве') => AgreementInputSchema.parse({ title, parties: ['Витебская область'] });

/** Two clerks at one register: two connections to one file, each under its own name. */
function twoClerks(): { ivanova: LocalCore; petrov: LocalCore; file: string } {
  const file = join(tempDir(), 'reestr.sqlite');
  const ivanova = openCore(file);
  const petrov = openCore(file);
  ivanova.user = 'ivanova';
  petrov.user = 'petrov';
  return { ivanova, petrov, file };
}

const dispatchOf = (core: LocalCore): Dispatch => createDispatch(createHandlers(core));

function failure(result: Result<unknown>) {
  if (result.ok) throw new Error('the call was not refused');
  return result.error;
}

describe('a save from a stale version', () => {
  it('refuses the second of two saves from one version, naming the first clerk and when, and carrying the record as it is now', async () => {
    const { ivanova, petrov } = twoClerks();
    try {
      const event = await createEvent(ivanova, eventInput({ title: 'Форум молодёжи', city: 'Витебск' }));
      expect(event.version).toBe(1);
      const opened = (await dispatchOf(petrov)('events.get', { id: event.id })) as { ok: true; value: Event };
      expect(opened.value.version).toBe(1);

      const first = await dispatchOf(ivanova)('events.update', { id: event.id, version: 1, input: { ...eventInputOf(event), title: 'Форум молодёжи «Вместе»' } });
      expect(first).toMatchObject({ ok: true, value: { title: 'Форум молодёжи «Вместе»', version: 2 } });

      const second = failure(await dispatchOf(petrov)('events.update', { id: event.id, version: 1, input: { ...eventInputOf(event), city: 'Орша' } }));
      const last = ivanova.db.prepare<[number], string>(`SELECT at FROM change_log WHERE entity = 'event' AND entity_id = ? ORDER BY id DESC LIMIT 1`).pluck().get(event.id) as string;
      expect(second.code).toBe('conflict');
      expect(second.message).toBe(`Запись изменил(а) ivanova ${momentPhrase(last)}, после того как вы её открыли. Ваши изменения не сохранены.`);
      expect(second.message).toMatch(/^Запись изменил\(а\) ivanova \d{1,2} [а-я]+ \d{4} г\. в \d\d:\d\d, /);
      expect(second.current).toMatchObject({ id: event.id, title: 'Форум молодёжи «Вместе»', city: 'Витебск', version: 2 });
      // Nothing of the refused save was written, and no row was logged for it.
      expect(await getEvent(ivanova, event.id)).toMatchObject({ title: 'Форум молодёжи «Вместе»', city: 'Витебск', version: 2 });
      expect(ivanova.db.prepare(`SELECT count(*) FROM change_log WHERE entity = 'event' AND entity_id = ?`).pluck().get(event.id)).toBe(2);

      // Saved again from the version now in the register, it goes through, under petrov's name.
      const again = await dispatchOf(petrov)('events.update', { id: event.id, version: 2, input: { ...eventInputOf(await getEvent(petrov, event.id)), city: 'Орша' } });
      expect(again).toMatchObject({ ok: true, value: { title: 'Форум молодёжи «Вместе»', city: 'Орша', version: 3 } });
      expect((await recordHistory(ivanova, 'event', event.id)).map((e) => e.user)).toEqual(['petrov', 'ivanova', 'ivanova']);
    } finally {
      closeCore(petrov);
      closeCore(ivanova);
    }
  });

  it('refuses a stale agreement the same way', async () => {
    const { ivanova, petrov } = twoClerks();
    try {
      const agreement = await createAgreement(ivanova, agreementInput());
      expect(agreement.version).toBe(1);
      const input = { ...agreementInput(), number: '12' };
      expect(await dispatchOf(petrov)('agreements.update', { id: agreement.id, version: 1, input })).toMatchObject({ ok: true, value: { number: '12', version: 2 } });
      const refused = failure(await dispatchOf(ivanova)('agreements.update', { id: agreement.id, version: 1, input: { ...input, number: '13' } }));
      expect(refused).toMatchObject({ code: 'conflict', current: { id: agreement.id, number: '12', version: 2 } });
      expect(refused.message).toMatch(/^Запись изменил\(а\) petrov /);
      expect((await getAgreement(ivanova, agreement.id)).number).toBe('12');
    } finally {
      closeCore(petrov);
      closeCore(ivanova);
    }
  });

  it('keeps a refusal for a record in the trash as it was, without the record', async () => {
    const core = tempCore();
    const event = await createEvent(core, eventInput());
    await deleteEvent(core, event.id);
    const refused = failure(await dispatchOf(core)('events.update', { id: event.id, version: 1, input: eventInputOf(event) }));
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/в корзине/);
    expect(refused.current).toBeUndefined();
  });

  it('reads the version on the list rows too', async () => {
    const core = tempCore();
    const event = await createEvent(core, eventInput());
    await deleteEvent(core, event.id);
    await restoreEvent(core, event.id);
    expect(await core.events.rowsOf([event.id])).toMatchObject([{ id: event.id, version: 3 }]);
  });
});

/** How many changes the log holds of a record since its creation. */
async function loggedChanges(backend: Backend, core: Core, entity: 'event' | 'agreement', record: { id: number; createdAt: string }): Promise<number> {
  const [count] = await backend.pluck<number>(core, `SELECT count(*) FROM change_log WHERE entity = ? AND entity_id = ? AND action <> 'create' AND at >= ?`, [entity, record.id, record.createdAt]);
  return count ?? 0;
}

/** A card's save as the contract answers it: the record, or the refusal. */
async function saved(save: () => Promise<unknown>): Promise<Result<unknown>> {
  try {
    return { ok: true, value: await save() };
  } catch (e) {
    if (e instanceof AppError) return { ok: false, error: e.toInfo() };
    throw e;
  }
}

type Op =
  | { op: 'save'; i: number; title: string; city: string | null }
  | { op: 'saveAgreement'; i: number; number: string | null }
  | { op: 'move'; i: number; day: number }
  | { op: 'bulkUpdate'; pick: number[]; status: Event['status'] }
  | { op: 'bulkDelete'; pick: number[] }
  | { op: 'undoBulk' }
  | { op: 'trash'; i: number; restore: boolean }
  | { op: 'trashAgreement'; i: number; restore: boolean }
  | { op: 'revert'; i: number }
  | { op: 'merge' }
  | { op: 'importUpdate'; i: number; venue: string }
  | { op: 'undoImport' };

const EVENTS = 3;
const AGREEMENTS = 2;
const index = (n: number) => fc.integer({ min: 0, max: n - 1 });

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('save' as const), i: index(EVENTS), title: fc.constantFrom('Форум', 'Встреча делегаций', 'Выставка'), city: fc.constantFrom('Орша', 'Оршаа', null) }),
  fc.record({ op: fc.constant('saveAgreement' as const), i: index(AGREEMENTS), number: fc.constantFrom('1', '2', null) }),
  fc.record({ op: fc.constant('move' as const), i: index(EVENTS), day: fc.integer({ min: 1, max: 28 }) }),
  fc.record({ op: fc.constant('bulkUpdate' as const), pick: fc.array(index(EVENTS), { minLength: 1, maxLength: 3 }), status: fc.constantFrom('planned', 'held', 'cancelled') }),
  fc.record({ op: fc.constant('bulkDelete' as const), pick: fc.array(index(EVENTS), { minLength: 1, maxLength: 2 }) }),
  fc.constant({ op: 'undoBulk' as const }),
  fc.record({ op: fc.constant('trash' as const), i: index(EVENTS), restore: fc.boolean() }),
  fc.record({ op: fc.constant('trashAgreement' as const), i: index(AGREEMENTS), restore: fc.boolean() }),
  fc.record({ op: fc.constant('revert' as const), i: index(EVENTS) }),
  fc.constant({ op: 'merge' as const }),
  fc.record({ op: fc.constant('importUpdate' as const), i: index(EVENTS), venue: fc.constantFrom('Дом ремёсел', 'Ратуша') }),
  fc.constant({ op: 'undoImport' as const }),
);

/** What a record shows, its bookkeeping aside: a change of it is a change of the record. */
const shown = (record: Event | Agreement) => {
  const { updatedAt: _u, version: _v, ...fields } = record as Event & { eventCount?: number };
  delete fields.eventCount;
  return JSON.stringify(fields);
};

describeBackends('the version of a record', (backend) => {
  it('is 1 plus the changes the log holds of it, after any series of writes of every kind, and a change never keeps it', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 12 }), async (ops) => {
        const core = await backend.core();
        const events = await inOrder(Array.from({ length: EVENTS }, (_, i) => i), async (i) => (await createEvent(core, eventInput({ title: `Событие ${i}`, startDate: `2023-06-1${i}`, city: 'Орша' }))).id);
        const agreements = await inOrder(Array.from({ length: AGREEMENTS }, (_, i) => i), async (i) => (await createAgreement(core, agreementInput(`Соглашение ${i}`))).id);
        const bulks: BulkAction[] = [];
        const batches: number[] = [];
        const records = async (): Promise<(Event | Agreement)[]> => [...(await inOrder(events, (id) => getEvent(core, id))), ...(await inOrder(agreements, (id) => getAgreement(core, id)))];
        for (const id of events) expect((await getEvent(core, id)).version).toBe(1);

        for (const step of ops) {
          const before = await records();
          try {
            switch (step.op) {
              case 'save': {
                const e = await getEvent(core, events[step.i] as number);
                const result = await saved(() => saveEvent(core, { id: e.id, version: e.version, input: { ...eventInputOf(e), title: step.title, city: step.city } }));
                if (!result.ok && result.error.code !== 'conflict') throw new Error(result.error.message);
                break;
              }
              case 'saveAgreement': {
                const a = await getAgreement(core, agreements[step.i] as number);
                await saved(() => saveAgreement(core, { id: a.id, version: a.version, input: { ...agreementInput(a.title), number: step.number } }));
                break;
              }
              case 'move':
                await moveEvent(core, events[step.i] as number, `2023-07-${String(step.day).padStart(2, '0')}`, `2023-07-${String(step.day).padStart(2, '0')}`);
                break;
              case 'bulkUpdate': {
                const action = (await bulkUpdateEvents(core, step.pick.map((i) => events[i] as number), { status: step.status })).action;
                if (action) bulks.push(action);
                break;
              }
              case 'bulkDelete': {
                const action = (await bulkDeleteEvents(core, step.pick.map((i) => events[i] as number))).action;
                if (action) bulks.push(action);
                break;
              }
              case 'undoBulk': {
                const action = bulks.pop();
                if (action) await undoBulk(core, action);
                break;
              }
              case 'trash':
                if (step.restore) await restoreEvent(core, events[step.i] as number);
                else await deleteEvent(core, events[step.i] as number);
                break;
              case 'trashAgreement':
                if (step.restore) await restoreAgreement(core, agreements[step.i] as number);
                else await deleteAgreement(core, agreements[step.i] as number);
                break;
              case 'revert': {
                const id = events[step.i] as number;
                const oldest = (await recordHistory(core, 'event', id)).at(-1);
                if (oldest) await revertRecord(core, 'event', id, oldest.changeId);
                break;
              }
              case 'merge': {
                const survivor = await core.refs.byKey('city', nameKey('Орша'));
                const victim = await core.refs.byKey('city', nameKey('Оршаа'));
                if (survivor && victim) await mergeRefs(core, survivor.id, victim.id);
                break;
              }
              case 'importUpdate': {
                const e = await getEvent(core, events[step.i] as number);
                const csv = `Название;Дата;Площадка\n${e.title};${formatDate(e.startDate)};${step.venue}\n`;
                const source = await readImportSource(`обновление-${batches.length}.csv`, Buffer.from(csv, 'utf8'));
                const options = { decisions: { '2': 'update' as const } };
                const result = await commitPreview(core, await analyze(core, source, options), options, source);
                if (result.batchId !== null) batches.push(result.batchId);
                break;
              }
              case 'undoImport': {
                const batch = batches.pop();
                if (batch !== undefined) await undoBatch(core, batch);
                break;
              }
            }
          } catch (e) {
            // A write the register refuses (already in the trash, a version equal to the present one) changes nothing.
            if (!(e instanceof AppError)) throw e;
          }
          const after = await records();
          after.forEach((record, k) => {
            const old = before[k] as Event | Agreement;
            expect(record.version).toBeGreaterThanOrEqual(old.version);
            if (shown(record) !== shown(old)) expect(record.version, `${step.op} changed ${record.title} without a new version`).toBeGreaterThan(old.version);
          });
          // A save from the version before the step is refused once the step changed the record.
          const first = after[0] as Event;
          const was = before[0] as Event;
          if (first.version !== was.version && !first.deletedAt) {
            const stale = await saved(() => saveEvent(core, { id: first.id, version: was.version, input: eventInputOf(first) }));
            expect(stale).toMatchObject({ ok: false, error: { code: 'conflict', current: { version: first.version } } });
          }
        }
        for (const id of events) {
          const e = await getEvent(core, id);
          expect(e.version).toBe(1 + (await loggedChanges(backend, core, 'event', e)));
        }
        for (const id of agreements) {
          const a = await getAgreement(core, id);
          expect(a.version).toBe(1 + (await loggedChanges(backend, core, 'agreement', a)));
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);
});

describe('the version of a record in an older SQLite file', () => {
  it('starts the records of an older register at 1 plus the changes its log holds of each since its creation', async () => {
    const file = registerOfVersion1();
    const raw = new Database(file);
    const log = raw.prepare(`INSERT INTO change_log (at, user_name, action, entity, entity_id) VALUES (?, 'ivanova', ?, 'event', 1)`);
    log.run('2019-04-01T00:00:00Z', 'update'); // before «Форум 2019» was created: a record of that id undone since
    log.run('2019-05-01T00:00:00Z', 'create');
    log.run('2019-05-02T00:00:00Z', 'update');
    log.run('2019-05-03T00:00:00Z', 'delete');
    raw.close();
    const core = openCore(file);
    try {
      expect((await getEvent(core, 1)).version).toBe(3);
      expect(failure(await dispatchOf(core)('events.update', { id: 1, version: 1, input: { title: 'Форум 2019 года', startDate: '2019-05-01' } }))).toMatchObject({
        code: 'conflict',
        message: `Запись изменил(а) ivanova ${momentPhrase('2019-05-03T00:00:00Z')}, после того как вы её открыли. Ваши изменения не сохранены.`,
      });
    } finally {
      closeCore(core);
    }
  });
});

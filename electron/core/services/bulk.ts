// Changes of many events at once from the grid: each one transaction, one log row per event, undone together.
import type { Core } from '../core';
import type { Change, LoggedChange } from '../store/types';
import { AppError } from '../../../shared/errors';
import {
  eventInputOf,
  type BulkAction,
  type BulkResult,
  type Event,
  type EventBulkPatch,
  type EventDetails,
  type EventInput,
} from '../../../shared/schema/event';
import { createEvents, getEvent, writeEvent } from './events';

/** The fields a bulk change may touch, and the trash mark. */
const BULK_FIELDS = ['status', 'kind', 'spheres', 'partners', 'organizer', 'deletedAt'] as const;
type Picked = Partial<Record<(typeof BULK_FIELDS)[number], unknown>>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function changedFields(before: Event, after: Event): (typeof BULK_FIELDS)[number][] {
  return BULK_FIELDS.filter((key) => !same(before[key], after[key]));
}

function pick(event: Event, keys: readonly (typeof BULK_FIELDS)[number][]): Picked {
  return Object.fromEntries(keys.map((key) => [key, event[key]]));
}

/** The ids once each, in the order given. */
const unique = (ids: readonly number[]) => [...new Set(ids)];

/**
 * The log rows `write` made, first to last: the action to undo; null when nothing changed. Heard from
 * the log itself, not read from it: on the department server other clerks' rows fall between.
 */
async function actionOf(core: Core, write: (core: Core) => Promise<number>): Promise<BulkResult> {
  const ids: number[] = [];
  const record = async (change: Change) => {
    const id = await core.log.record(change);
    ids.push(id);
    return id;
  };
  const count = await write(Object.create(core, { log: { value: { ...core.log, record } } }) as Core);
  return { count, action: ids.length ? { first: Math.min(...ids), last: Math.max(...ids) } : null };
}

/**
 * Sets the patch's fields on every event, all or none: an event in the trash or missing, or a
 * value the reference lists refuse, stops the whole change. Logs a row per event it changed,
 * holding only the fields it changed.
 */
export async function bulkUpdateEvents(core: Core, ids: readonly number[], patch: EventBulkPatch): Promise<BulkResult> {
  return core.transaction(async (core) => actionOf(core, async (core) => {
    const now = core.now();
    let count = 0;
    for (const id of unique(ids)) {
      const before = await getEvent(core, id);
      if (before.deletedAt) throw new AppError('conflict', `Мероприятие № ${id} находится в корзине: сначала восстановите его.`, { id });
      const input: EventInput = { ...eventInputOf(before) };
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) Object.assign(input, { [key]: value });
      await writeEvent(core, id, input, now);
      const after = await getEvent(core, id);
      const keys = changedFields(before, after);
      if (keys.length === 0) continue;
      await core.log.record({ at: now, user: core.user, action: 'update', entity: 'event', entityId: id, before: pick(before, keys), after: pick(after, keys) });
      count++;
    }
    return count;
  }));
}

/** Moves the events to the trash, all or none; those already there are left as they are. */
export async function bulkDeleteEvents(core: Core, ids: readonly number[]): Promise<BulkResult> {
  return core.transaction(async (core) => actionOf(core, async (core) => {
    const now = core.now();
    let count = 0;
    for (const id of unique(ids)) {
      const before = await getEvent(core, id);
      if (before.deletedAt) continue;
      await core.events.setDeleted(id, now, now);
      await core.log.record({ at: now, user: core.user, action: 'delete', entity: 'event', entityId: id, before: { deletedAt: null }, after: { deletedAt: now } });
      count++;
    }
    return count;
  }));
}

/** Adds the events, all or none (a block pasted into the grid); each logs its creation. */
export async function createManyEvents(core: Core, inputs: readonly EventInput[]): Promise<{ ids: number[] }> {
  return { ids: await createEvents(core, inputs) };
}

const isPicked = (value: unknown): value is Picked =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => (BULK_FIELDS as readonly string[]).includes(key));

/**
 * Undoes one bulk change: every event goes back to its fields before it, in one
 * transaction. Refused, changing nothing, when an event has been changed since or the action has
 * already been undone.
 */
export async function undoBulk(core: Core, { first, last }: BulkAction): Promise<BulkResult> {
  if (last < first || last - first >= 10_000) throw new AppError('bad_request', 'Неверно указано действие для отмены.', { first, last });
  return core.transaction(async (core) => {
    // The action's rows: those of its first row's caller and time (one transaction has one time). On
    // the department server other clerks' rows, and ids a rolled-back transaction used, fall between.
    const head = await core.log.get(first);
    const tail = await core.log.get(last);
    if (!head || !tail) throw new AppError('not_found', 'Это действие не найдено в истории изменений: отменить его нельзя.', { first, last });
    const rows: LoggedChange[] = [];
    for (let id = first; id <= last; id++) {
      const row = id === first ? head : id === last ? tail : await core.log.get(id);
      if (row && row.at === head.at && row.user === head.user) rows.push(row);
    }
    const one = rows.at(-1)?.id === tail.id && rows.every((r) => r.entity === 'event' && (r.action === 'update' || r.action === 'delete') && r.at === head.at && r.user === head.user
      && r.batchId === null && r.versionOf === null && isPicked(r.before) && isPicked(r.after));
    if (!one) throw new AppError('conflict', 'Это не одно действие с мероприятиями: отменить его целиком нельзя.', { first, last });
    return actionOf(core, async (core) => {
      const now = core.now();
      for (const row of rows) {
        const current = await getEvent(core, row.entityId);
        const after = row.after as Picked;
        const keys = Object.keys(after).filter((key) => (BULK_FIELDS as readonly string[]).includes(key)) as (typeof BULK_FIELDS)[number][];
        if (keys.some((key) => !same(current[key], after[key]))) {
          throw new AppError('conflict', `Мероприятие № ${row.entityId} «${current.title}» изменено после этого действия или действие уже отменено: ничего не отменено.`, { id: row.entityId });
        }
      }
      for (const row of rows) {
        const id = row.entityId;
        const current = await getEvent(core, id);
        const before = row.before as Picked;
        if (row.action === 'delete') {
          await core.events.setDeleted(id, null, now);
          await core.log.record({ at: now, user: core.user, action: 'restore', entity: 'event', entityId: id, before: { deletedAt: current.deletedAt }, after: { deletedAt: null } });
          continue;
        }
        if (current.deletedAt) throw new AppError('conflict', `Мероприятие № ${id} находится в корзине: сначала восстановите его.`, { id });
        await writeEvent(core, id, eventInputOf({ ...current, ...before } as Event), now);
        const undone = await getEvent(core, id);
        const keys = changedFields(current, undone);
        if (keys.length > 0) await core.log.record({ at: now, user: core.user, action: 'update', entity: 'event', entityId: id, before: pick(current, keys), after: pick(undone, keys) });
      }
      return rows.length;
    });
  });
}

/** The optional columns' values of these events (those in the trash too). */
export async function eventDetails(core: Core, ids: readonly number[]): Promise<EventDetails[]> {
  return (await core.events.getMany(unique(ids))).map((e) => ({
    id: e.id, partners: e.partners, spheres: e.spheres, organizer: e.organizer, agreementTitle: e.agreementTitle, participants: e.participants,
  }));
}

// Changes of many events at once from the grid: each one transaction, one log row per event, undone together.
import type { Core } from '../core';
import type { LoggedChange } from '../db/changelog';
import { writeTransaction } from '../db/write-transaction';
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

const lastLogIds = new WeakMap<Core['db'], () => number>();

/** The log rows the transaction wrote, first to last: the action to undo; null when nothing changed. */
function actionOf(core: Core, write: () => number): BulkResult {
  let lastId = lastLogIds.get(core.db);
  if (!lastId) {
    const statement = core.db.prepare<[], number | null>('SELECT max(id) FROM change_log').pluck();
    lastId = () => statement.get() ?? 0;
    lastLogIds.set(core.db, lastId);
  }
  const before = lastId();
  const count = write();
  const after = lastId();
  return { count, action: after > before ? { first: before + 1, last: after } : null };
}

/**
 * Sets the patch's fields on every event, all or none: an event in the trash or missing, or a
 * value the reference lists refuse, stops the whole change. Logs a row per event it changed,
 * holding only the fields it changed.
 */
export function bulkUpdateEvents(core: Core, ids: readonly number[], patch: EventBulkPatch): BulkResult {
  return writeTransaction(core.db, () => actionOf(core, () => {
    const now = core.now();
    let count = 0;
    for (const id of unique(ids)) {
      const before = getEvent(core, id);
      if (before.deletedAt) throw new AppError('conflict', `Мероприятие № ${id} находится в корзине: сначала восстановите его.`, { id });
      const input: EventInput = { ...eventInputOf(before) };
      for (const [key, value] of Object.entries(patch)) if (value !== undefined) Object.assign(input, { [key]: value });
      writeEvent(core, id, input, now);
      const after = getEvent(core, id);
      const keys = changedFields(before, after);
      if (keys.length === 0) continue;
      core.log.record({ at: now, user: core.user, action: 'update', entity: 'event', entityId: id, before: pick(before, keys), after: pick(after, keys) });
      count++;
    }
    return count;
  }));
}

/** Moves the events to the trash, all or none; those already there are left as they are. */
export function bulkDeleteEvents(core: Core, ids: readonly number[]): BulkResult {
  return writeTransaction(core.db, () => actionOf(core, () => {
    const now = core.now();
    let count = 0;
    for (const id of unique(ids)) {
      const before = getEvent(core, id);
      if (before.deletedAt) continue;
      core.events.setDeleted(id, now, now);
      core.log.record({ at: now, user: core.user, action: 'delete', entity: 'event', entityId: id, before: { deletedAt: null }, after: { deletedAt: now } });
      count++;
    }
    return count;
  }));
}

/** Adds the events, all or none (a block pasted into the grid); each logs its creation. */
export function createManyEvents(core: Core, inputs: readonly EventInput[]): { ids: number[] } {
  return { ids: createEvents(core, inputs) };
}

const isPicked = (value: unknown): value is Picked =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).every((key) => (BULK_FIELDS as readonly string[]).includes(key));

/**
 * Undoes one bulk change: every event goes back to its fields before it, in one
 * transaction. Refused, changing nothing, when an event has been changed since or the action has
 * already been undone.
 */
export function undoBulk(core: Core, { first, last }: BulkAction): BulkResult {
  if (last < first || last - first >= 10_000) throw new AppError('bad_request', 'Неверно указано действие для отмены.', { first, last });
  return writeTransaction(core.db, () => {
    const rows: LoggedChange[] = [];
    for (let id = first; id <= last; id++) {
      const row = core.log.get(id);
      if (!row) throw new AppError('not_found', 'Это действие не найдено в истории изменений: отменить его нельзя.', { id });
      rows.push(row);
    }
    const head = rows[0] as LoggedChange;
    const one = rows.every((r) => r.entity === 'event' && (r.action === 'update' || r.action === 'delete') && r.at === head.at && r.user === head.user
      && r.batchId === null && r.versionOf === null && isPicked(r.before) && isPicked(r.after));
    if (!one) throw new AppError('conflict', 'Это не одно действие с мероприятиями: отменить его целиком нельзя.', { first, last });
    return actionOf(core, () => {
      const now = core.now();
      for (const row of rows) {
        const current = getEvent(core, row.entityId);
        const after = row.after as Picked;
        const keys = Object.keys(after).filter((key) => (BULK_FIELDS as readonly string[]).includes(key)) as (typeof BULK_FIELDS)[number][];
        if (keys.some((key) => !same(current[key], after[key]))) {
          throw new AppError('conflict', `Мероприятие № ${row.entityId} «${current.title}» изменено после этого действия или действие уже отменено: ничего не отменено.`, { id: row.entityId });
        }
      }
      for (const row of rows) {
        const id = row.entityId;
        const current = getEvent(core, id);
        const before = row.before as Picked;
        if (row.action === 'delete') {
          core.events.setDeleted(id, null, now);
          core.log.record({ at: now, user: core.user, action: 'restore', entity: 'event', entityId: id, before: { deletedAt: current.deletedAt }, after: { deletedAt: null } });
          continue;
        }
        if (current.deletedAt) throw new AppError('conflict', `Мероприятие № ${id} находится в корзине: сначала восстановите его.`, { id });
        writeEvent(core, id, eventInputOf({ ...current, ...before } as Event), now);
        const undone = getEvent(core, id);
        const keys = changedFields(current, undone);
        if (keys.length > 0) core.log.record({ at: now, user: core.user, action: 'update', entity: 'event', entityId: id, before: pick(current, keys), after: pick(undone, keys) });
      }
      return rows.length;
    });
  });
}

/** The optional columns' values of these events (those in the trash too). */
export function eventDetails(core: Core, ids: readonly number[]): EventDetails[] {
  return core.events.getMany(unique(ids)).map((e) => ({
    id: e.id, partners: e.partners, spheres: e.spheres, organizer: e.organizer, agreementTitle: e.agreementTitle, participants: e.participants,
  }));
}

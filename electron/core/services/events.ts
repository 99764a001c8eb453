// Events: create, edit, list, search, trash and restore; every write one transaction with its change-log row.
import type { Core } from '../core';
import type { EventRecord } from '../db/events';
import { AppError } from '../../../shared/errors';
import type { DateRange } from '../../../shared/dates';
import type { Event, EventFilter, EventInput, EventPage, EventSummary } from '../../../shared/schema/event';
import { ensurePartner, ensurePlace, ensureRef } from './references';

function notFound(id: number): AppError {
  return new AppError('not_found', `Мероприятие № ${id} не найдено.`, { id });
}

function toRecord(core: Core, input: EventInput, batchId: number | null): EventRecord {
  const { kind, city, region, country, organizer, spheres, partners, ...rest } = input;
  if (input.agreementId !== null && !core.agreements.get(input.agreementId)) {
    throw new AppError('validation', `Поле «Соглашение»: соглашение № ${input.agreementId} не найдено.`, { agreementId: input.agreementId });
  }
  return {
    ...rest,
    kindId: kind ? ensureRef(core, 'kind', kind, null, batchId) : null,
    ...ensurePlace(core, { city, region, country }, batchId),
    organizerId: organizer ? ensureRef(core, 'department', organizer, null, batchId) : null,
    sphereIds: spheres.map((name) => ensureRef(core, 'sphere', name, null, batchId)),
    partnerIds: [...new Set(partners.map((name) => ensurePartner(core, name, batchId)))],
  };
}

export function getEvent(core: Core, id: number): Event {
  const event = core.events.get(id);
  if (!event) throw notFound(id);
  return event;
}

/** Inserts all events or none; returns their ids in order. */
export function createEvents(core: Core, inputs: readonly EventInput[], batchId: number | null = null): number[] {
  return core.db.transaction(() => {
    const now = core.now();
    return inputs.map((input) => {
      const id = core.events.insert(toRecord(core, input, batchId), now, batchId);
      core.log.record({ at: now, user: core.user, action: 'create', entity: 'event', entityId: id, before: null, after: input, batchId });
      return id;
    });
  })();
}

export function createEvent(core: Core, input: EventInput): Event {
  const [id] = createEvents(core, [input]);
  return getEvent(core, id as number);
}

export function updateEvent(core: Core, id: number, input: EventInput): Event {
  return core.db.transaction(() => {
    const before = getEvent(core, id);
    if (before.deletedAt) throw new AppError('conflict', `Мероприятие № ${id} находится в корзине: сначала восстановите его.`);
    const now = core.now();
    core.events.update(id, toRecord(core, input, null), now);
    const after = getEvent(core, id);
    core.log.record({ at: now, user: core.user, action: 'update', entity: 'event', entityId: id, before, after });
    return after;
  })();
}

function moveTrash(core: Core, id: number, toTrash: boolean): Event {
  return core.db.transaction(() => {
    const before = getEvent(core, id);
    const now = core.now();
    if (!core.events.setDeleted(id, toTrash ? now : null, now)) {
      throw new AppError('conflict', toTrash ? `Мероприятие № ${id} уже в корзине.` : `Мероприятие № ${id} не в корзине.`);
    }
    const after = getEvent(core, id);
    core.log.record({ at: now, user: core.user, action: toTrash ? 'delete' : 'restore', entity: 'event', entityId: id, before, after });
    return after;
  })();
}

export function deleteEvent(core: Core, id: number): void {
  moveTrash(core, id, true);
}

export function restoreEvent(core: Core, id: number): Event {
  return moveTrash(core, id, false);
}

export function listEvents(core: Core, filter: EventFilter): EventPage {
  return core.events.list(filter);
}

export function eventsInRange(core: Core, range: DateRange): EventSummary[] {
  return core.events.range(range.start, range.end);
}

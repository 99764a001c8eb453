// Events: create, edit, list, search, trash and restore; every write one transaction with its change-log row.
import type { Core } from '../core';
import type { EventRecord } from '../db/events';
import { AppError } from '../../../shared/errors';
import type { Event, EventFilter, EventInput, EventPage, EventRowPage, EventUpdate } from '../../../shared/schema/event';
import type { Gender } from '../../../shared/schema/reference';
import { createRefResolver, type RefResolver } from './references';
import { editRecord, moveTrash, type RecordKind } from './records';
import { writeTransaction } from '../db/write-transaction';

function notFound(id: number): AppError {
  return new AppError('not_found', `Мероприятие № ${id} не найдено.`, { id });
}

function toRecord(core: Core, refs: RefResolver, input: EventInput): EventRecord {
  if (input.agreementId !== null) {
    const agreement = core.agreements.get(input.agreementId);
    if (!agreement) throw new AppError('validation', `Поле «Соглашение»: соглашение № ${input.agreementId} не найдено.`);
    if (agreement.deletedAt) throw new AppError('validation', `Поле «Соглашение»: соглашение № ${input.agreementId} находится в корзине.`);
  }
  const place = refs.place(input);
  // Spelled out rather than spread: batches build thousands of these.
  return {
    title: input.title,
    kindId: input.kind ? kindOf(core, refs, input.kind, input.newKindGender) : null,
    startDate: input.startDate,
    endDate: input.endDate,
    datePrecision: input.datePrecision,
    cityId: place.cityId,
    regionId: place.regionId,
    countryId: place.countryId,
    venue: input.venue,
    format: input.format,
    participants: input.participants,
    organizerId: input.organizer ? refs.ref('department', input.organizer) : null,
    outcomes: input.outcomes,
    description: input.description,
    status: input.status,
    agreementId: input.agreementId,
    sphereIds: input.spheres.map((name) => refs.ref('sphere', name)),
    partnerIds: [...new Set(input.partners.map(refs.partner))],
  };
}

/** The kind's entry; a gender given with it is kept where the entry has none (a kind this save adds). */
function kindOf(core: Core, refs: RefResolver, name: string, gender: Gender | undefined): number {
  const id = refs.ref('kind', name);
  const row = gender && core.refs.byId(id);
  if (row && row.gender === null) core.refs.update(id, { ...row, gender, hidden: row.hidden === 1 });
  return id;
}

export function getEvent(core: Core, id: number): Event {
  const event = core.events.get(id);
  if (!event) throw notFound(id);
  return event;
}

/**
 * Inserts all events or none; returns their ids in order. A batch (an import, the demo) is one
 * «import» entry of the change log, its events found by their batch id; single events log a create.
 */
/** `afterEach` hears of every row written (an import job's progress; it throws to roll all back). */
export function createEvents(core: Core, inputs: readonly EventInput[], batchId: number | null = null, afterEach?: () => void): number[] {
  return writeTransaction(core.db, () => {
    const now = core.now();
    const refs = createRefResolver(core, batchId);
    const ids = inputs.map((input) => {
      const id = core.events.insert(toRecord(core, refs, input), now, batchId);
      afterEach?.();
      return id;
    });
    if (batchId !== null) {
      core.log.record({ at: now, user: core.user, action: 'import', entity: 'batch', entityId: batchId, after: { events: ids.length }, batchId });
    } else {
      for (const id of ids) core.log.record({ at: now, user: core.user, action: 'create', entity: 'event', entityId: id });
    }
    return ids;
  });
}

export function createEvent(core: Core, input: EventInput): Event {
  const [id] = createEvents(core, [input]);
  return getEvent(core, id as number);
}

/** Writes an event's fields, without the change log: the caller records why. */
export function writeEvent(core: Core, id: number, input: EventInput, now: string, batchId: number | null = null): void {
  core.events.update(id, toRecord(core, createRefResolver(core, batchId), input), now);
}

/** An edit; an import's update of an existing event passes its batch, which can undo it. */
export function updateEvent(core: Core, id: number, input: EventInput, batchId: number | null = null): Event {
  return editRecord(core, EVENTS, id, (now) => writeEvent(core, id, input, now, batchId), { batchId });
}

/** The card's save: refused (`conflict`, with the event as it is now) when it changed since the version the clerk opened. */
export function saveEvent(core: Core, { id, version, input }: EventUpdate): Event {
  return editRecord(core, EVENTS, id, (now) => writeEvent(core, id, input, now), { version });
}

export const EVENTS: RecordKind<Event> = {
  entity: 'event',
  get: getEvent,
  setDeleted: (core, id, deletedAt, now) => core.events.setDeleted(id, deletedAt, now),
};

export function deleteEvent(core: Core, id: number): void {
  moveTrash(core, EVENTS, id, true);
}

export function restoreEvent(core: Core, id: number): Event {
  return moveTrash(core, EVENTS, id, false);
}

export function listEvents(core: Core, filter: EventFilter): EventPage {
  return core.events.list(filter);
}

export function eventRows(core: Core, filter: EventFilter): EventRowPage {
  return core.events.rows(filter);
}

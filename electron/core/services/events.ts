// Events: create, edit, list, search, trash and restore; every write one transaction with its change-log row.
import { inOrder } from '../in-order';
import type { Core } from '../core';
import type { EventRecord } from '../store/types';
import { AppError } from '../../../shared/errors';
import type { Event, EventFilter, EventInput, EventPage, EventRowPage, EventUpdate } from '../../../shared/schema/event';
import type { Gender } from '../../../shared/schema/reference';
import { createRefResolver, type PlaceIds, type RefResolver } from './references';
import { editRecord, moveTrash, type RecordKind } from './records';

function notFound(id: number): AppError {
  return new AppError('not_found', `Мероприятие № ${id} не найдено.`, { id });
}

/** The ids an event's names resolve to, its place's aside. */
interface RefIds {
  kindId: number | null;
  organizerId: number | null;
  sphereIds: number[];
  partnerIds: number[];
}

function recordOf(input: EventInput, place: PlaceIds, ids: RefIds): EventRecord {
  // Spelled out rather than spread: batches build thousands of these.
  return {
    title: input.title,
    kindId: ids.kindId,
    startDate: input.startDate,
    endDate: input.endDate,
    datePrecision: input.datePrecision,
    cityId: place.cityId,
    regionId: place.regionId,
    countryId: place.countryId,
    venue: input.venue,
    format: input.format,
    participants: input.participants,
    organizerId: ids.organizerId,
    outcomes: input.outcomes,
    description: input.description,
    status: input.status,
    agreementId: input.agreementId,
    sphereIds: ids.sphereIds,
    partnerIds: ids.partnerIds,
  };
}

async function toRecord(core: Core, refs: RefResolver, input: EventInput): Promise<EventRecord> {
  if (input.agreementId !== null) {
    const agreement = await core.agreements.get(input.agreementId);
    if (!agreement) throw new AppError('validation', `Поле «Соглашение»: соглашение № ${input.agreementId} не найдено.`);
    if (agreement.deletedAt) throw new AppError('validation', `Поле «Соглашение»: соглашение № ${input.agreementId} находится в корзине.`);
  }
  return recordOf(input, await refs.place(input), {
    kindId: input.kind ? await kindOf(core, refs, input.kind, input.newKindGender) : null,
    organizerId: input.organizer ? await refs.ref('department', input.organizer) : null,
    sphereIds: await inOrder(input.spheres, (name) => refs.ref('sphere', name)),
    partnerIds: [...new Set(await inOrder(input.partners, refs.partner))],
  });
}

/**
 * The record at once when the resolver already knows every name in it and there is nothing to check
 * (no agreement, no kind's gender to keep): most rows of a batch. Undefined sends it to toRecord.
 */
function knownRecord({ known }: RefResolver, input: EventInput): EventRecord | undefined {
  if (input.agreementId !== null || input.newKindGender) return undefined;
  const place = known.place(input);
  const kindId = input.kind ? known.ref('kind', input.kind) : null;
  const organizerId = input.organizer ? known.ref('department', input.organizer) : null;
  if (!place || kindId === undefined || organizerId === undefined) return undefined;
  const sphereIds: number[] = [];
  for (const name of input.spheres) {
    const id = known.ref('sphere', name);
    if (id === undefined) return undefined;
    sphereIds.push(id);
  }
  const partnerIds = new Set<number>();
  for (const name of input.partners) {
    const id = known.partner(name);
    if (id === undefined) return undefined;
    partnerIds.add(id);
  }
  return recordOf(input, place, { kindId, organizerId, sphereIds, partnerIds: [...partnerIds] });
}

/** The kind's entry; a gender given with it is kept where the entry has none (a kind this save adds). */
async function kindOf(core: Core, refs: RefResolver, name: string, gender: Gender | undefined): Promise<number> {
  const id = await refs.ref('kind', name);
  const row = gender && await core.refs.byId(id);
  if (row && row.gender === null) await core.refs.update(id, { ...row, gender, hidden: row.hidden === 1 });
  return id;
}

export async function getEvent(core: Core, id: number): Promise<Event> {
  const event = await core.events.get(id);
  if (!event) throw notFound(id);
  return event;
}

/**
 * Inserts all events or none; returns their ids in order. A batch (an import, the demo) is one
 * «import» entry of the change log, its events found by their batch id; single events log a create.
 * `afterEach` hears of every row written (an import job's progress; it throws to roll all back).
 */
export async function createEvents(core: Core, inputs: readonly EventInput[], batchId: number | null = null, afterEach?: () => void): Promise<number[]> {
  return core.transaction((core) => insertEvents(core, inputs, batchId, afterEach));
}

/**
 * createEvents on the caller's transaction (an import's commit, the demo): a transaction of its own
 * there would be a savepoint, and SQLite copies every page a savepoint's writes first touch.
 */
export async function insertEvents(core: Core, inputs: readonly EventInput[], batchId: number | null = null, afterEach?: () => void): Promise<number[]> {
  const now = core.now();
  const refs = createRefResolver(core, batchId);
  const ids: number[] = [];
  for (const input of inputs) {
    ids.push(await core.events.insert(knownRecord(refs, input) ?? await toRecord(core, refs, input), now, batchId));
    afterEach?.();
  }
  if (batchId !== null) {
    await core.log.record({ at: now, user: core.user, action: 'import', entity: 'batch', entityId: batchId, after: { events: ids.length }, batchId });
  } else {
    for (const id of ids) await core.log.record({ at: now, user: core.user, action: 'create', entity: 'event', entityId: id });
  }
  return ids;
}

export async function createEvent(core: Core, input: EventInput): Promise<Event> {
  const [id] = await createEvents(core, [input]);
  return getEvent(core, id as number);
}

/** Writes an event's fields, without the change log: the caller records why. */
export async function writeEvent(core: Core, id: number, input: EventInput, now: string, batchId: number | null = null): Promise<void> {
  await core.events.update(id, await toRecord(core, createRefResolver(core, batchId), input), now);
}

/** An edit; an import's update of an existing event passes its batch, which can undo it. */
export async function updateEvent(core: Core, id: number, input: EventInput, batchId: number | null = null): Promise<Event> {
  return editRecord(core, EVENTS, id, (now, tx) => writeEvent(tx, id, input, now, batchId), { batchId });
}

/** The card's save: refused (`conflict`, with the event as it is now) when it changed since the version the clerk opened. */
export async function saveEvent(core: Core, { id, version, input }: EventUpdate): Promise<Event> {
  return editRecord(core, EVENTS, id, (now, tx) => writeEvent(tx, id, input, now), { version });
}

export const EVENTS: RecordKind<Event> = {
  entity: 'event',
  get: getEvent,
  setDeleted: (core, id, deletedAt, now) => core.events.setDeleted(id, deletedAt, now),
};

export async function deleteEvent(core: Core, id: number): Promise<void> {
  await moveTrash(core, EVENTS, id, true);
}

export async function restoreEvent(core: Core, id: number): Promise<Event> {
  return moveTrash(core, EVENTS, id, false);
}

export async function listEvents(core: Core, filter: EventFilter): Promise<EventPage> {
  return core.events.list(filter);
}

export async function eventRows(core: Core, filter: EventFilter): Promise<EventRowPage> {
  return core.events.rows(filter);
}

// Change history of an event or agreement: its versions read back from the change log, and the return to one.
import type { Core } from '../core';
import type { LoggedChange } from '../store/types';
import { AppError } from '../../../shared/errors';
import { nameKey } from '../../../shared/ru/normalize';
import { fieldChanges, RECORD_WORDS, type Fields } from '../../../shared/ru/field-values';
import { AgreementInputSchema, type Agreement } from '../../../shared/schema/agreement';
import { eventInputOf, type Event } from '../../../shared/schema/event';
import type { HistoryAction, HistoryEntity, HistoryEntry } from '../../../shared/schema/history';
import type { RefKind } from '../../../shared/schema/reference';
import { getAgreement, updateAgreement } from './agreements';
import { EVENTS, getEvent, writeEvent } from './events';
import { editRecord } from './records';
import { inOrder } from '../in-order';

/** One change of a record with the record's versions right before and right after it. */
interface Step {
  change: LoggedChange;
  /** null for its creation. */
  before: Fields | null;
  after: Fields;
}

const isFields = (value: unknown): value is Fields => typeof value === 'object' && value !== null && !Array.isArray(value);

async function recordOf(core: Core, entity: HistoryEntity, id: number): Promise<Event | Agreement> {
  return KINDS[entity].get(core, id);
}

/**
 * The record's changes, oldest first, each with the versions around it. Read backwards from the
 * record as it is now: the version before a change is the version after it with the change's
 * `before` laid over it (all the fields, or the few that a merge or an undo kept); a creation keeps
 * nothing, so the version after it is the one before the next change.
 */
async function stepsOf(core: Core, entity: HistoryEntity, record: Event | Agreement): Promise<Step[]> {
  const changes = await core.log.ofRecord(entity, record.id, record.createdAt);
  // An event an import added has no row of its own: its batch's «import» row stands for its creation.
  if ('batchId' in record && record.batchId !== null && !changes.some((c) => c.action === 'create')) {
    const imported = await core.log.importOfBatch(record.batchId);
    if (imported) changes.unshift(imported);
  }
  const steps: Step[] = [];
  let version: Fields = record;
  for (const change of changes.reverse()) {
    const before = change.entity === entity && change.action !== 'create' && isFields(change.before) ? { ...version, ...change.before } : null;
    steps.unshift({ change, before, after: version });
    if (before) version = before;
  }
  return steps;
}

function actionOf(change: LoggedChange): HistoryAction {
  if (change.entity === 'batch' || (change.action === 'create' && change.batchId !== null)) return 'import';
  return change.action;
}

/** The record's history, newest first. */
export async function recordHistory(core: Core, entity: HistoryEntity, id: number): Promise<HistoryEntry[]> {
  const record = await recordOf(core, entity, id);
  const fileNames = new Map<number, string | null>();
  const fileOf = async (batchId: number | null) => {
    if (batchId === null) return null;
    if (!fileNames.has(batchId)) fileNames.set(batchId, (await core.batches.get(batchId))?.fileName ?? null);
    return fileNames.get(batchId) ?? null;
  };
  const steps = await inOrder(await stepsOf(core, entity, record), async ({ change, before, after }): Promise<HistoryEntry> => {
    // What the change itself wrote, where it kept both sides; else the versions around it.
    const [from, to] = isFields(change.before) && isFields(change.after) && change.entity === entity ? [change.before, change.after] : [before, after];
    return {
      changeId: change.id,
      at: change.at,
      user: change.user,
      action: actionOf(change),
      fileName: await fileOf(change.batchId),
      revertedTo: change.versionOf === null ? null : ((await core.log.get(change.versionOf))?.at ?? null),
      changes: from ? fieldChanges(entity, from, to) : [],
      restores: fieldChanges(entity, record, after),
    };
  });
  return steps.reverse();
}

const PARTNER_KINDS: RefKind[] = ['country', 'region', 'organisation'];

/**
 * Names of an earlier version as the reference lists hold them now: a name since renamed or merged
 * into another entry is the entry's present name (not a new entry under the old one); a name the
 * lists have never had stays as it was, and is added back to its list.
 */
async function presentNames(core: Core) {
  const formerly = new Map<string, number>();
  const mergedInto = new Map<number, number>();
  const keyOf = (kind: string, name: string) => `${kind}:${nameKey(name)}`;
  for (const change of await core.log.refChanges()) {
    const before = change.before as { kind?: string; name?: string; id?: number; victim?: { id: number; kind: string; name: string }; survivor?: { id: number } };
    if (change.action === 'update' && before.kind && before.name && before.id) formerly.set(keyOf(before.kind, before.name), before.id);
    if (change.action === 'merge' && before.victim && before.survivor) {
      formerly.set(keyOf(before.victim.kind, before.victim.name), before.victim.id);
      mergedInto.set(before.victim.id, before.survivor.id);
    }
  }
  async function name(kinds: RefKind[], value: string): Promise<string> {
    const key = nameKey(value);
    for (const kind of kinds) if (await core.refs.byKey(kind, key)) return value;
    for (const kind of kinds) {
      let id = formerly.get(`${kind}:${key}`);
      const seen = new Set<number>();
      while (id !== undefined && mergedInto.has(id) && !seen.has(id)) {
        seen.add(id);
        id = mergedInto.get(id);
      }
      const row = id === undefined ? undefined : await core.refs.byId(id);
      if (row) return row.name;
    }
    return value;
  }
  return {
    one: async (kinds: RefKind[], value: string | null) => (value === null ? null : name(kinds, value)),
    all: async (kinds: RefKind[], values: string[]) => [...new Set(await inOrder(values, (v) => name(kinds, v)))],
    partners: PARTNER_KINDS,
  };
}

/**
 * Brings the record back to how it looked right after the change `changeId` («Вернуть эту версию»),
 * in one transaction logged as a «revert» that names that change; the trash mark is left as it is.
 */
export async function revertRecord(core: Core, entity: HistoryEntity, id: number, changeId: number): Promise<Event | Agreement> {
  return core.transaction(async (core) => {
    const record = await recordOf(core, entity, id);
    const step = (await stepsOf(core, entity, record)).find((s) => s.change.id === changeId);
    if (!step) throw new AppError('not_found', `В истории ${RECORD_WORDS[entity].genitive} № ${id} нет такой записи: обновите историю.`, { changeId });
    if (fieldChanges(entity, record, step.after).length === 0) {
      throw new AppError('conflict', 'Эта версия совпадает с нынешней: возвращать нечего.');
    }
    return KINDS[entity].revert(core, id, step.after, await presentNames(core), changeId);
  });
}

type PresentNames = Awaited<ReturnType<typeof presentNames>>;

/** What the history needs of each kind of record: to read one, and to write a version back. */
const KINDS: Record<HistoryEntity, {
  get: (core: Core, id: number) => Promise<Event | Agreement>;
  /** Writes `version` (its names as the lists hold them now) over the record, logged as a revert to `versionOf`. */
  revert: (core: Core, id: number, version: Fields, names: PresentNames, versionOf: number) => Promise<Event | Agreement>;
}> = {
  event: {
    get: getEvent,
    async revert(core, id, version, names, versionOf) {
      const v = version as Event;
      const input = eventInputOf({
        ...v,
        kind: await names.one(['kind'], v.kind),
        city: await names.one(['city'], v.city),
        region: await names.one(['region'], v.region),
        country: await names.one(['country'], v.country),
        organizer: await names.one(['department'], v.organizer),
        spheres: await names.all(['sphere'], v.spheres),
        partners: await names.all(names.partners, v.partners),
      });
      return editRecord(core, EVENTS, id, (now, tx) => writeEvent(tx, id, input, now), { versionOf });
    },
  },
  agreement: {
    get: getAgreement,
    async revert(core, id, version, names, versionOf) {
      const v = version as Agreement;
      const input = AgreementInputSchema.parse({
        kind: v.kind,
        number: v.number,
        title: v.title,
        parties: await names.all(names.partners, v.parties),
        signedOn: v.signedOn,
        validFrom: v.validFrom,
        validUntil: v.validUntil,
        autoProlongation: v.autoProlongation,
        status: v.status,
        spheres: await names.all(['sphere'], v.spheres),
        department: await names.one(['department'], v.department),
        notes: v.notes,
      });
      return updateAgreement(core, id, input, { versionOf });
    },
  },
};

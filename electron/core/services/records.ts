// The life of an event or agreement after its creation: edits, the trash and changes made to many at once, one log row each.
import type { Core } from '../core';
import type { ChangeEntity } from '../store/types';
import { AppError } from '../../../shared/errors';
import type { RecordKindName } from '../../../shared/record-kinds';
import { RECORD_WORDS } from '../../../shared/ru/field-values';
import { capitalize } from '../../../shared/ru/grammar';
import { conflictMessage } from '../../../shared/ru/conflict';

/** What editing and the trash need of a kind of record. */
export interface RecordKind<T> {
  entity: RecordKindName;
  get: (core: Core, id: number) => Promise<T>;
  setDeleted: (core: Core, id: number, deletedAt: string | null, now: string) => Promise<boolean>;
}

/** The record's name at the head of a message: «Мероприятие», «Соглашение». */
const nounOf = (kind: RecordKind<unknown>) => capitalize(RECORD_WORDS[kind.entity].one);

/**
 * How an edit goes into the change log: an import's update names its batch, a revert the version it
 * brought back. A clerk's save names the version she opened (`version`): one changed since is refused.
 */
export interface EditLog {
  batchId?: number | null;
  versionOf?: number;
  version?: number;
}

/** What every event and agreement has that editing and the trash read. */
interface Versioned {
  createdAt: string;
  deletedAt: string | null;
  version: number;
}

/** A record as the change log keeps it: the version is the log's own count, not a field. */
function logged<T extends Versioned>(record: T): Omit<T, 'version'> {
  const { version: _version, ...fields } = record;
  return fields;
}

/**
 * The refusal of a save that started from `version` while the record is at another: names who made
 * the latest change and when, and carries the record as it is now, for the card to show beside the clerk's.
 */
async function staleVersion<T extends Versioned>(core: Core, kind: RecordKind<T>, id: number, current: T, version: number): Promise<AppError> {
  const last = await core.log.lastChange(kind.entity, id, current.createdAt);
  return new AppError('conflict', conflictMessage(last), { id, version, current: current.version }, current);
}

/** Writes an edit made by `write`; refused while the record is in the trash, or changed since the version the clerk saw. */
export async function editRecord<T extends Versioned>(
  core: Core,
  kind: RecordKind<T>,
  id: number,
  // Given the transaction's core: what it writes is part of the transaction (on PostgreSQL another
  // connection would write outside it).
  write: (now: string, tx: Core) => Promise<void>,
  { batchId = null, versionOf, version }: EditLog = {},
): Promise<T> {
  return core.transaction(async (core) => {
    const before = await kind.get(core, id);
    if (before.deletedAt) throw new AppError('conflict', `${nounOf(kind)} № ${id} находится в корзине: сначала восстановите ${RECORD_WORDS[kind.entity].it}.`);
    if (version !== undefined && version !== before.version) throw await staleVersion(core, kind, id, before, version);
    const now = core.now();
    await write(now, core);
    const after = await kind.get(core, id);
    const action = versionOf === undefined ? 'update' : 'revert';
    await core.log.record({ at: now, user: core.user, action, entity: kind.entity, entityId: id, before: logged(before), after: logged(after), batchId, versionOf });
    return kind.get(core, id);
  });
}

export async function moveTrash<T extends Versioned>(core: Core, kind: RecordKind<T>, id: number, toTrash: boolean): Promise<T> {
  return core.transaction(async (core) => {
    const before = await kind.get(core, id);
    const now = core.now();
    if (!await kind.setDeleted(core, id, toTrash ? now : null, now)) {
      throw new AppError('conflict', `${nounOf(kind)} № ${id} ${toTrash ? 'уже в корзине' : 'не в корзине'}.`);
    }
    const after = await kind.get(core, id);
    await core.log.record({ at: now, user: core.user, action: toTrash ? 'delete' : 'restore', entity: kind.entity, entityId: id, before: logged(before), after: logged(after) });
    return kind.get(core, id);
  });
}

/** Bookkeeping that a change of many records at once does not need to keep. */
const NOT_KEPT = new Set(['id', 'createdAt', 'updatedAt', 'eventCount', 'version']);

/**
 * Logs a change that one action (a merge of reference entries, an import's undo) made to many
 * records: a row each, with only the fields it changed, so a merge over thousands stays small.
 * `before` holds the records as they were; `get` reads them now.
 */
export async function logTouched<T extends { id: number }>(
  core: Core,
  change: { entity: ChangeEntity; action: 'merge' | 'undo'; at: string; batchId?: number | null },
  before: readonly T[],
  get: (id: number) => Promise<T | undefined>,
): Promise<void> {
  for (const old of before) {
    const now = await get(old.id);
    if (!now) continue;
    const keys = Object.keys(now).filter((key) => !NOT_KEPT.has(key) && JSON.stringify(old[key as keyof T]) !== JSON.stringify(now[key as keyof T]));
    if (keys.length === 0) continue;
    const pick = (record: T) => Object.fromEntries(keys.map((key) => [key, record[key as keyof T]]));
    await core.log.record({ ...change, user: core.user, entityId: old.id, before: pick(old), after: pick(now) });
  }
}

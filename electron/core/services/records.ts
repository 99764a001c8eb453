// The life of an event or agreement after its creation: edits, and the trash, one transaction and log row each.
import type { Core } from '../core';
import type { ChangeEntity } from '../db/changelog';
import { AppError } from '../../../shared/errors';

/** What editing and the trash need of a kind of record. */
export interface RecordKind<T> {
  entity: Extract<ChangeEntity, 'event' | 'agreement'>;
  /** The record's name in a message, neuter like both of ours: «Мероприятие», «Соглашение». */
  noun: string;
  get: (core: Core, id: number) => T;
  setDeleted: (core: Core, id: number, deletedAt: string | null, now: string) => boolean;
}

/** Writes an edit made by `write`; refused while the record is in the trash. */
export function editRecord<T extends { deletedAt: string | null }>(
  core: Core,
  kind: RecordKind<T>,
  id: number,
  write: (now: string) => void,
  batchId: number | null = null,
): T {
  return core.db.transaction(() => {
    const before = kind.get(core, id);
    if (before.deletedAt) throw new AppError('conflict', `${kind.noun} № ${id} находится в корзине: сначала восстановите его.`);
    const now = core.now();
    write(now);
    const after = kind.get(core, id);
    core.log.record({ at: now, user: core.user, action: 'update', entity: kind.entity, entityId: id, before, after, batchId });
    return after;
  })();
}

export function moveTrash<T>(core: Core, kind: RecordKind<T>, id: number, toTrash: boolean): T {
  return core.db.transaction(() => {
    const before = kind.get(core, id);
    const now = core.now();
    if (!kind.setDeleted(core, id, toTrash ? now : null, now)) {
      throw new AppError('conflict', `${kind.noun} № ${id} ${toTrash ? 'уже в корзине' : 'не в корзине'}.`);
    }
    const after = kind.get(core, id);
    core.log.record({ at: now, user: core.user, action: toTrash ? 'delete' : 'restore', entity: kind.entity, entityId: id, before, after });
    return after;
  })();
}

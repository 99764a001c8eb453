// The trash: records move there and back in one transaction each, logged with their fields.
import type { Core } from '../core';
import type { ChangeEntity } from '../db/changelog';
import { AppError } from '../../../shared/errors';

/** What the trash needs of a kind of record. */
export interface Trashable<T> {
  entity: Extract<ChangeEntity, 'event' | 'agreement'>;
  /** The record's name in a message, neuter like both of ours: «Мероприятие», «Соглашение». */
  noun: string;
  get: (core: Core, id: number) => T;
  setDeleted: (core: Core, id: number, deletedAt: string | null, now: string) => boolean;
}

export function moveTrash<T>(core: Core, kind: Trashable<T>, id: number, toTrash: boolean): T {
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

/** Edits are refused while a record is in the trash. */
export function inTrashError(noun: string, id: number): AppError {
  return new AppError('conflict', `${noun} № ${id} находится в корзине: сначала восстановите его.`);
}

// Agreements: create, edit, list, trash and restore; every write one transaction with its change-log row.
import { inOrder } from '../in-order';
import type { Core } from '../core';
import type { AgreementRecord } from '../store/types';
import { AppError } from '../../../shared/errors';
import { addDays, todayIso } from '../../../shared/dates';
import type { Agreement, AgreementFilter, AgreementInput, AgreementPage, AgreementUpdate } from '../../../shared/schema/agreement';
import { createRefResolver, type RefResolver } from './references';
import { editRecord, moveTrash, type EditLog, type RecordKind } from './records';

function notFound(id: number): AppError {
  return new AppError('not_found', `Соглашение № ${id} не найдено.`, { id });
}

async function toRecord(refs: RefResolver, input: AgreementInput): Promise<AgreementRecord> {
  const { parties, spheres, department, ...rest } = input;
  return {
    ...rest,
    departmentId: department ? await refs.ref('department', department) : null,
    partyIds: [...new Set(await inOrder(parties, refs.partner))],
    sphereIds: await inOrder(spheres, (name) => refs.ref('sphere', name)),
  };
}

export async function getAgreement(core: Core, id: number): Promise<Agreement> {
  const agreement = await core.agreements.get(id);
  if (!agreement) throw notFound(id);
  return agreement;
}

export async function createAgreement(core: Core, input: AgreementInput, batchId: number | null = null): Promise<Agreement> {
  return core.transaction(async (core) => {
    const now = core.now();
    const id = await core.agreements.insert(await toRecord(createRefResolver(core, batchId), input), now, batchId);
    await core.log.record({ at: now, user: core.user, action: 'create', entity: 'agreement', entityId: id, batchId });
    return getAgreement(core, id);
  });
}

export async function updateAgreement(core: Core, id: number, input: AgreementInput, log: EditLog = {}): Promise<Agreement> {
  return editRecord(core, AGREEMENTS, id, async (now, tx) => tx.agreements.update(id, await toRecord(createRefResolver(tx), input), now), log);
}

/** The card's save: refused (`conflict`, with the agreement as it is now) when it changed since the version the clerk opened. */
export async function saveAgreement(core: Core, { id, version, input }: AgreementUpdate): Promise<Agreement> {
  return updateAgreement(core, id, input, { version });
}

const AGREEMENTS: RecordKind<Agreement> = {
  entity: 'agreement',
  get: getAgreement,
  setDeleted: (core, id, deletedAt, now) => core.agreements.setDeleted(id, deletedAt, now),
};

export async function deleteAgreement(core: Core, id: number): Promise<void> {
  await moveTrash(core, AGREEMENTS, id, true);
}

export async function restoreAgreement(core: Core, id: number): Promise<Agreement> {
  return moveTrash(core, AGREEMENTS, id, false);
}

export async function listAgreements(core: Core, filter: AgreementFilter): Promise<AgreementPage> {
  const today = filter.today ?? todayIso();
  const until = filter.expiringWithinDays === undefined ? null : addDays(today, filter.expiringWithinDays);
  return core.agreements.list(filter, until, today);
}

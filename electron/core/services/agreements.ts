// Agreements: create, edit, list, trash and restore; every write one transaction with its change-log row.
import type { Core } from '../core';
import type { AgreementRecord } from '../db/agreements';
import { AppError } from '../../../shared/errors';
import { addDays, todayIso } from '../../../shared/dates';
import type { Agreement, AgreementFilter, AgreementInput, AgreementPage, AgreementUpdate } from '../../../shared/schema/agreement';
import { createRefResolver, type RefResolver } from './references';
import { editRecord, moveTrash, type EditLog, type RecordKind } from './records';
import { writeTransaction } from '../db/write-transaction';

function notFound(id: number): AppError {
  return new AppError('not_found', `Соглашение № ${id} не найдено.`, { id });
}

function toRecord(refs: RefResolver, input: AgreementInput): AgreementRecord {
  const { parties, spheres, department, ...rest } = input;
  return {
    ...rest,
    departmentId: department ? refs.ref('department', department) : null,
    partyIds: [...new Set(parties.map(refs.partner))],
    sphereIds: spheres.map((name) => refs.ref('sphere', name)),
  };
}

export function getAgreement(core: Core, id: number): Agreement {
  const agreement = core.agreements.get(id);
  if (!agreement) throw notFound(id);
  return agreement;
}

export function createAgreement(core: Core, input: AgreementInput, batchId: number | null = null): Agreement {
  return writeTransaction(core.db, () => {
    const now = core.now();
    const id = core.agreements.insert(toRecord(createRefResolver(core, batchId), input), now, batchId);
    core.log.record({ at: now, user: core.user, action: 'create', entity: 'agreement', entityId: id, batchId });
    return getAgreement(core, id);
  });
}

export function updateAgreement(core: Core, id: number, input: AgreementInput, log: EditLog = {}): Agreement {
  return editRecord(core, AGREEMENTS, id, (now) => core.agreements.update(id, toRecord(createRefResolver(core), input), now), log);
}

/** The card's save: refused (`conflict`, with the agreement as it is now) when it changed since the version the clerk opened. */
export function saveAgreement(core: Core, { id, version, input }: AgreementUpdate): Agreement {
  return updateAgreement(core, id, input, { version });
}

const AGREEMENTS: RecordKind<Agreement> = {
  entity: 'agreement',
  get: getAgreement,
  setDeleted: (core, id, deletedAt, now) => core.agreements.setDeleted(id, deletedAt, now),
};

export function deleteAgreement(core: Core, id: number): void {
  moveTrash(core, AGREEMENTS, id, true);
}

export function restoreAgreement(core: Core, id: number): Agreement {
  return moveTrash(core, AGREEMENTS, id, false);
}

export function listAgreements(core: Core, filter: AgreementFilter): AgreementPage {
  const today = filter.today ?? todayIso();
  const until = filter.expiringWithinDays === undefined ? null : addDays(today, filter.expiringWithinDays);
  return core.agreements.list(filter, until, today);
}

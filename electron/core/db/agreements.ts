// SQL of the agreements table group: agreements, their parties and spheres.
import type { Db } from './connection';
import { nameKey } from '../../../shared/ru/normalize';
import { agreementStateUntil, effectiveStatus } from '../../../shared/agreement-term';
import type { Agreement, AgreementFilter } from '../../../shared/schema/agreement';
import type { AgreementRecord, EndingAgreement, SignedAgreement } from '../store/types';


const COLUMNS = `
  a.id, a.kind, a.number, a.title,
  (SELECT json_group_array(r.name ORDER BY ap.position) FROM agreement_parties ap JOIN refs r ON r.id = ap.partner_id WHERE ap.agreement_id = a.id) AS parties,
  a.signed_on AS signedOn, a.valid_from AS validFrom, a.valid_until AS validUntil, a.auto_prolongation AS autoProlongation, a.status,
  (SELECT json_group_array(r.name ORDER BY s.position) FROM agreement_spheres s JOIN refs r ON r.id = s.sphere_id WHERE s.agreement_id = a.id) AS spheres,
  d.name AS department, a.notes,
  (SELECT count(*) FROM events e WHERE e.agreement_id = a.id AND e.deleted_at IS NULL) AS eventCount,
  a.created_at AS createdAt, a.updated_at AS updatedAt, a.deleted_at AS deletedAt, a.version`;

type AgreementDbRow = Omit<Agreement, 'parties' | 'spheres' | 'autoProlongation'> & {
  parties: string;
  spheres: string;
  autoProlongation: number;
};

function toAgreement(row: AgreementDbRow): Agreement {
  return {
    ...row,
    parties: JSON.parse(row.parties) as string[],
    spheres: JSON.parse(row.spheres) as string[],
    autoProlongation: row.autoProlongation === 1,
  };
}

function columnsOf(record: AgreementRecord) {
  const { partyIds: _p, sphereIds: _s, autoProlongation, ...columns } = record;
  return { ...columns, autoProlongation: autoProlongation ? 1 : 0 };
}

type TermsRow = Pick<Agreement, 'id' | 'status' | 'validUntil'> & { autoProlongation: 0 | 1 };

type EndingRow = Omit<EndingAgreement, 'autoProlongation'> & { autoProlongation: 0 | 1 };
type SignedRow = Omit<SignedAgreement, 'autoProlongation'> & { autoProlongation: 0 | 1 };

/** The register's order: the latest signed first, unsigned ones last. */
const ORDER = 'a.signed_on DESC NULLS LAST, a.id DESC';

export function createAgreementsRepo(db: Db) {
  const insert = db.prepare<Record<string, unknown>, { id: number }>(
    `INSERT INTO agreements (kind, number, title, signed_on, valid_from, valid_until, auto_prolongation, status,
       department_id, notes, batch_id, created_at, updated_at)
     VALUES (@kind, @number, @title, @signedOn, @validFrom, @validUntil, @autoProlongation, @status,
       @departmentId, @notes, @batchId, @now, @now)
     RETURNING id`,
  );
  const update = db.prepare<Record<string, unknown>>(
    `UPDATE agreements SET kind = @kind, number = @number, title = @title, signed_on = @signedOn, valid_from = @validFrom,
       valid_until = @validUntil, auto_prolongation = @autoProlongation, status = @status, department_id = @departmentId,
       notes = @notes, updated_at = @now
     WHERE id = @id`,
  );
  const clearParties = db.prepare<[number]>('DELETE FROM agreement_parties WHERE agreement_id = ?');
  const clearSpheres = db.prepare<[number]>('DELETE FROM agreement_spheres WHERE agreement_id = ?');
  const addParty = db.prepare<[number, number, number]>('INSERT INTO agreement_parties (agreement_id, partner_id, position) VALUES (?, ?, ?)');
  const addSphere = db.prepare<[number, number, number]>('INSERT INTO agreement_spheres (agreement_id, sphere_id, position) VALUES (?, ?, ?)');
  const byId = db.prepare<[number], AgreementDbRow>(`SELECT ${COLUMNS} FROM agreements a LEFT JOIN refs d ON d.id = a.department_id WHERE a.id = ?`);
  const setDeleted = db.prepare<{ id: number; now: string | null; stamp: string }>(
    `UPDATE agreements SET deleted_at = @now, updated_at = @stamp WHERE id = @id AND (deleted_at IS NULL) = (@now IS NOT NULL)`,
  );
  // The query finds the candidates and their terms; the states (effective status, «истекает») are
  // shared/agreement-term.ts's rule applied to them, and only the page asked for is read whole.
  const candidates = db.prepare<{ deleted: number; query: string | null }, TermsRow>(
    `SELECT a.id, a.status, a.valid_until AS validUntil, a.auto_prolongation AS autoProlongation
     FROM agreements a
     WHERE (a.deleted_at IS NOT NULL) = @deleted
       AND (@query IS NULL OR instr(fold(a.title || ' ' || coalesce(a.number, '') || ' ' || coalesce(a.notes, '')), @query) > 0)
     ORDER BY ${ORDER}`,
  );
  const byIds = db.prepare<[string], AgreementDbRow>(
    `SELECT ${COLUMNS} FROM agreements a LEFT JOIN refs d ON d.id = a.department_id WHERE a.id IN (SELECT value FROM json_each(?))`,
  );
  const all = db.prepare<[], AgreementDbRow>(
    `SELECT ${COLUMNS} FROM agreements a LEFT JOIN refs d ON d.id = a.department_id WHERE a.deleted_at IS NULL ORDER BY ${ORDER}`,
  );

  const endingBetween = db.prepare<[string, string], EndingRow>(
    `SELECT id, title, number, valid_until AS validUntil, status, auto_prolongation AS autoProlongation
     FROM agreements WHERE deleted_at IS NULL AND valid_until BETWEEN ? AND ? AND status <> 'draft' ORDER BY valid_until, id`,
  );

  const signedInForce = db.prepare<[], SignedRow>(
    `SELECT id, title, number, signed_on AS signedOn, valid_until AS validUntil, auto_prolongation AS autoProlongation
     FROM agreements WHERE deleted_at IS NULL AND status = 'active' AND signed_on IS NOT NULL ORDER BY signed_on, id`,
  );

  function writeLinks(id: number, record: AgreementRecord): void {
    clearParties.run(id);
    clearSpheres.run(id);
    record.partyIds.forEach((partnerId, i) => addParty.run(id, partnerId, i));
    record.sphereIds.forEach((sphereId, i) => addSphere.run(id, sphereId, i));
  }

  return {
    insert(record: AgreementRecord, now: string, batchId: number | null = null): number {
      const { id } = insert.get({ ...columnsOf(record), batchId, now }) as { id: number };
      writeLinks(id, record);
      return id;
    },
    update(id: number, record: AgreementRecord, now: string): void {
      update.run({ ...columnsOf(record), id, now });
      writeLinks(id, record);
    },
    get(id: number): Agreement | undefined {
      const row = byId.get(id);
      return row ? toAgreement(row) : undefined;
    },
    setDeleted: (id: number, now: string | null, stamp: string) => setDeleted.run({ id, now, stamp }).changes > 0,
    /** Live active agreements that have a date of signing. */
    signed: (): SignedAgreement[] => signedInForce.all().map((row) => ({ ...row, autoProlongation: row.autoProlongation === 1 })),
    /** Live agreements, drafts aside, whose term ends between the two dates. */
    endingBetween: (start: string, end: string): EndingAgreement[] =>
      endingBetween.all(start, end).map((row) => ({ ...row, autoProlongation: row.autoProlongation === 1 })),
    /** Every live agreement, in the register's order (what «all agreements» means to the export, the import and the overview). */
    all: (): Agreement[] => all.all().map(toAgreement),
    list(filter: AgreementFilter, until: string | null, today: string): { items: Agreement[]; total: number } {
      const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
      const ids = candidates
        .all({ deleted: filter.deleted ? 1 : 0, query: filter.query ? nameKey(filter.query) : null })
        .filter((row) => {
          const terms = { ...row, autoProlongation: row.autoProlongation === 1 };
          return (!statuses || statuses.has(effectiveStatus(terms, today))) && (until === null || agreementStateUntil(terms, today, until) === 'expiring');
        })
        .map((row) => row.id);
      const page = ids.slice(filter.offset, filter.offset + filter.limit);
      const rows = new Map(byIds.all(JSON.stringify(page)).map((row) => [row.id, toAgreement(row)]));
      return { items: page.map((id) => rows.get(id)).filter((a) => a !== undefined), total: ids.length };
    },
  };
}

export type AgreementsRepo = ReturnType<typeof createAgreementsRepo>;

// The agreements table group on PostgreSQL (db/agreements.ts): agreements, their parties and spheres.
import { nameKey } from '../../../../shared/ru/normalize';
import { agreementStateUntil, effectiveStatus } from '../../../../shared/agreement-term';
import type { Agreement } from '../../../../shared/schema/agreement';
import type { AgreementRecord, AgreementsStore, EndingAgreement, SignedAgreement } from '../types';
import { all, changes, first, type Queryable } from './sql';

const COLUMNS = `
  a.id, a.kind, a.number, a.title,
  array(SELECT r.name FROM agreement_parties ap JOIN refs r ON r.id = ap.partner_id WHERE ap.agreement_id = a.id ORDER BY ap.position) AS parties,
  a.signed_on AS "signedOn", a.valid_from AS "validFrom", a.valid_until AS "validUntil", a.auto_prolongation AS "autoProlongation", a.status,
  array(SELECT r.name FROM agreement_spheres s JOIN refs r ON r.id = s.sphere_id WHERE s.agreement_id = a.id ORDER BY s.position) AS spheres,
  d.name AS department, a.notes,
  (SELECT count(*) FROM events e WHERE e.agreement_id = a.id AND e.deleted_at IS NULL) AS "eventCount",
  a.created_at AS "createdAt", a.updated_at AS "updatedAt", a.deleted_at AS "deletedAt", a.version`;
const FROM = 'FROM agreements a LEFT JOIN refs d ON d.id = a.department_id';

/** The register's order: the latest signed first, unsigned ones last. */
const ORDER = 'a.signed_on DESC NULLS LAST, a.id DESC';

/** The columns insert and update share, $2…$11. */
const values = (r: AgreementRecord) => [r.kind, r.number, r.title, r.signedOn, r.validFrom, r.validUntil, r.autoProlongation, r.status, r.departmentId, r.notes];

type CandidateRow = Pick<Agreement, 'id' | 'status' | 'validUntil' | 'autoProlongation' | 'title' | 'number' | 'notes'>;

export function pgAgreements(db: Queryable): AgreementsStore {
  async function writeLinks(id: number, record: AgreementRecord): Promise<void> {
    await db.query('DELETE FROM agreement_parties WHERE agreement_id = $1', [id]);
    await db.query('DELETE FROM agreement_spheres WHERE agreement_id = $1', [id]);
    const add = (table: string, column: string, ids: number[]) =>
      db.query(`INSERT INTO ${table} (agreement_id, ${column}, position) SELECT $1, x, n - 1 FROM unnest($2::bigint[]) WITH ORDINALITY AS t(x, n)`, [id, ids]);
    if (record.partyIds.length) await add('agreement_parties', 'partner_id', record.partyIds);
    if (record.sphereIds.length) await add('agreement_spheres', 'sphere_id', record.sphereIds);
  }

  return {
    async insert(record, now, batchId = null) {
      const row = await first<{ id: number }>(
        db,
        `INSERT INTO agreements (kind, number, title, signed_on, valid_from, valid_until, auto_prolongation, status,
           department_id, notes, batch_id, created_at, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
        [...values(record), batchId, now],
      );
      await writeLinks(row!.id, record);
      return row!.id;
    },
    async update(id, record, now) {
      await db.query(
        `UPDATE agreements SET kind = $1, number = $2, title = $3, signed_on = $4, valid_from = $5, valid_until = $6,
           auto_prolongation = $7, status = $8, department_id = $9, notes = $10, updated_at = $11
         WHERE id = $12`,
        [...values(record), now, id],
      );
      await writeLinks(id, record);
    },
    get: (id) => first<Agreement>(db, `SELECT ${COLUMNS} ${FROM} WHERE a.id = $1`, [id]),
    setDeleted: async (id, now, stamp) =>
      (await changes(
        db,
        'UPDATE agreements SET deleted_at = $2, updated_at = $3 WHERE id = $1 AND (deleted_at IS NULL) = ($2::text IS NOT NULL)',
        [id, now, stamp],
      )) > 0,
    signed: () =>
      all<SignedAgreement>(
        db,
        `SELECT id, title, number, signed_on AS "signedOn", valid_until AS "validUntil", auto_prolongation AS "autoProlongation"
         FROM agreements WHERE deleted_at IS NULL AND status = 'active' AND signed_on IS NOT NULL ORDER BY signed_on, id`,
      ),
    endingBetween: (start, end) =>
      all<EndingAgreement>(
        db,
        `SELECT id, title, number, valid_until AS "validUntil", status, auto_prolongation AS "autoProlongation"
         FROM agreements WHERE deleted_at IS NULL AND valid_until BETWEEN $1::date AND $2::date AND status <> 'draft' ORDER BY valid_until, id`,
        [start, end],
      ),
    all: () => all<Agreement>(db, `SELECT ${COLUMNS} ${FROM} WHERE a.deleted_at IS NULL ORDER BY ${ORDER}`),
    async list(filter, until, today) {
      // The candidates and their terms; the text test is nameKey's folding (SQLite's fold()) done
      // here, the states (effective status, «истекает») shared/agreement-term.ts's rule.
      const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
      const query = filter.query ? nameKey(filter.query) : null;
      const rows = await all<CandidateRow>(
        db,
        `SELECT a.id, a.status, a.valid_until AS "validUntil", a.auto_prolongation AS "autoProlongation", a.title, a.number, a.notes
         FROM agreements a WHERE (a.deleted_at IS NOT NULL) = $1 ORDER BY ${ORDER}`,
        [Boolean(filter.deleted)],
      );
      const ids = rows
        .filter((row) => query === null || nameKey(`${row.title} ${row.number ?? ''} ${row.notes ?? ''}`).includes(query))
        .filter((row) => (!statuses || statuses.has(effectiveStatus(row, today))) && (until === null || agreementStateUntil(row, today, until) === 'expiring'))
        .map((row) => row.id);
      const page = ids.slice(filter.offset, filter.offset + filter.limit);
      const found = await all<Agreement>(db, `SELECT ${COLUMNS} ${FROM} WHERE a.id = ANY($1::bigint[])`, [page]);
      const byId = new Map(found.map((a) => [a.id, a]));
      return { items: page.map((id) => byId.get(id)).filter((a) => a !== undefined), total: ids.length };
    },
  };
}

// The agreement's state rule, once in TypeScript (shared/agreement-term.ts) and once in the core's SQL
// filter: over generated agreements and days, both pick exactly the same agreements.
import { inOrder } from '../../electron/core/in-order';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { listAgreements } from '../../electron/core/services/agreements';
import { agreementState, effectiveStatus } from '../../shared/agreement-term';
import { addDays } from '../../shared/dates';
import { AgreementFilterSchema, AgreementStatusSchema, type AgreementStatus } from '../../shared/schema/agreement';
import { tempCore } from '../helpers';

const day = fc.integer({ min: 0, max: 20 * 365 }).map((n) => addDays('2015-01-01', n));

/** An agreement's terms relative to `today`: near the boundaries the rule turns on, or anywhere. */
const terms = (warning: number) => fc.record({
  offset: fc.option(fc.oneof(fc.integer({ min: -800, max: 800 }), fc.constantFrom(-1, 0, 1, warning - 1, warning, warning + 1)), { nil: null }),
  status: fc.constantFrom(...AgreementStatusSchema.options),
  autoProlongation: fc.boolean(),
  deleted: fc.boolean(),
});

const scenario = fc.integer({ min: 0, max: 400 }).chain((warning) => fc.record({
  today: day,
  warning: fc.constant(warning),
  agreements: fc.array(terms(warning), { maxLength: 14 }),
  statuses: fc.subarray(AgreementStatusSchema.options, { minLength: 1 }),
}));

describe('the agreement state rule', () => {
  it('the SQL filters select exactly what agreementState and effectiveStatus say, for any day', async () => {
    const core = tempCore();
    const clear = core.db.prepare('DELETE FROM agreements');
    await fc.assert(fc.asyncProperty(scenario, async ({ today, warning, agreements, statuses }) => {
      clear.run();
      const stored = await inOrder(agreements, async (t) => {
        const a = { validUntil: t.offset === null ? null : addDays(today, t.offset), status: t.status, autoProlongation: t.autoProlongation };
        const id = await core.agreements.insert({
          kind: 'agreement', number: null, title: 'Соглашение', signedOn: null, validFrom: null, notes: null,
          departmentId: null, partyIds: [], sphereIds: [], ...a,
        }, '2015-01-01T00:00:00.000Z');
        if (t.deleted) await core.agreements.setDeleted(id, '2015-01-02T00:00:00.000Z', '2015-01-02T00:00:00.000Z');
        return { id, deleted: t.deleted, ...a };
      });
      const live = stored.filter((a) => !a.deleted);
      const ids = async (raw: Record<string, unknown>) =>
        (await listAgreements(core, AgreementFilterSchema.parse({ limit: 1000, today, ...raw }))).items.map((a) => a.id).sort((x, y) => x - y);

      const expiring = live.filter((a) => agreementState(a, today, warning) === 'expiring').map((a) => a.id);
      expect(await ids({ expiringWithinDays: warning })).toEqual(expiring);
      const wanted = new Set<AgreementStatus>(statuses);
      expect(await ids({ statuses })).toEqual(live.filter((a) => wanted.has(effectiveStatus(a, today))).map((a) => a.id));
    }), { numRuns: 300 });
  });

  it('reads a passed term as «expired» unless the agreement prolongs itself or is not in force', () => {
    const today = '2026-12-04';
    const a = (status: AgreementStatus, validUntil: string | null, autoProlongation = false) => agreementState({ status, validUntil, autoProlongation }, today);
    expect(a('active', '2021-12-31')).toBe('expired');
    expect(a('active', '2021-12-31', true)).toBe('active');
    expect(a('active', today)).toBe('expiring');
    expect(a('active', addDays(today, 90))).toBe('expiring');
    expect(a('active', addDays(today, 91))).toBe('active');
    expect(a('active', null)).toBe('active');
    expect(a('terminated', '2021-12-31')).toBe('terminated');
    expect(a('draft', '2021-12-31')).toBe('draft');
    expect(a('expired', addDays(today, 400))).toBe('expired');
  });
});

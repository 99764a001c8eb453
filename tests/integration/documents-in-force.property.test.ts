// The agreements report's rule of «in force during the period», over generated agreements and periods: it lists
// every agreement the register's state rule (agreementState) calls in force on some day of the period, it
// never lists a draft, and a longer period lists at least what a shorter one within it does.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inForceDuring } from '../../electron/core/report/documents/agreements';
import { agreementState } from '../../shared/agreement-term';
import { addDays, dayNumber } from '../../shared/dates';
import type { Period } from '../../shared/period';
import { AgreementStatusSchema, type Agreement } from '../../shared/schema/agreement';

const BASE = '2020-01-01';
const day = (n: number) => addDays(BASE, n);

const agreement = fc.record({
  from: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  length: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  status: fc.constantFrom(...AgreementStatusSchema.options),
  autoProlongation: fc.boolean(),
  heldUnder: fc.nat({ max: 2 }),
}).map(({ from, length, status, autoProlongation, heldUnder }): { a: Agreement; heldUnder: number } => ({
  heldUnder,
  a: {
    id: 1, kind: 'agreement', number: null, title: 'Соглашение', parties: [], spheres: [], department: null, notes: null, eventCount: 0, version: 1,
    signedOn: from === null ? null : day(from), validFrom: null,
    validUntil: length === null ? null : day((from ?? 0) + length),
    autoProlongation, status, createdAt: 'x', updatedAt: 'x', deletedAt: null,
  },
}));

const period = fc.tuple(fc.integer({ min: 0, max: 2500 }), fc.integer({ min: 0, max: 400 })).map(([start, length]): Period => ({ kind: 'range', year: 2020, start: day(start), end: day(start + length) }));

describe('agreements in force during a period', () => {
  it('lists every agreement in force on some day of the period, never a draft', () => {
    fc.assert(fc.property(agreement, period, ({ a, heldUnder }, p) => {
      const listed = inForceDuring(a, p, heldUnder);
      if (a.status === 'draft') expect(listed).toBe(false);
      const days = dayNumber(p.end) - dayNumber(p.start);
      for (let i = 0; i <= days; i++) {
        const d = addDays(p.start, i);
        const started = !a.signedOn || a.signedOn <= d;
        const state = agreementState(a, d);
        if (started && (state === 'active' || state === 'expiring')) {
          expect(listed, `in force on ${d}`).toBe(true);
          break;
        }
      }
    }), { numRuns: 300 });
  });

  it('lists in a period whatever it lists in a shorter period within it', () => {
    fc.assert(fc.property(agreement, period, fc.nat({ max: 200 }), fc.nat({ max: 200 }), ({ a, heldUnder }, p, before, after) => {
      const wider: Period = { ...p, start: addDays(p.start, -before), end: addDays(p.end, after) };
      if (inForceDuring(a, p, heldUnder)) expect(inForceDuring(a, wider, heldUnder)).toBe(true);
    }), { numRuns: 300 });
  });

});

// Where an agreement stands in its term today: the same rule as the core's «expiring» filter.
import { addDays } from './dates';
import type { Agreement } from './schema/agreement';

export const EXPIRY_WARNING_DAYS = 90;

export type TermState = 'open_ended' | 'in_force' | 'expiring' | 'expired';

export function termState(a: Pick<Agreement, 'validUntil' | 'status' | 'autoProlongation'>, today: string): TermState {
  if (!a.validUntil) return 'open_ended';
  if (a.validUntil < today) return 'expired';
  const watched = a.status === 'active' && !a.autoProlongation;
  return watched && a.validUntil <= addDays(today, EXPIRY_WARNING_DAYS) ? 'expiring' : 'in_force';
}

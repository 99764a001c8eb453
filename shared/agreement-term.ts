// Where an agreement stands today, by its status and its dates: the one rule of the register, the card,
// the calendar, the export and the core's list filter (electron/core/db/agreements.ts applies it to
// the rows its query finds).
import { addDays } from './dates';
import { formatDate } from './ru/dates';
import type { Agreement, AgreementStatus } from './schema/agreement';

export const EXPIRY_WARNING_DAYS = 90;

/**
 * An agreement's state today. A term that ended makes an active agreement «срок истёк» unless it
 * prolongs itself; one ending within the warning days is «истекает» (still in force); a draft, a
 * terminated one and one the clerk marked expired stay as marked.
 */
export type AgreementState = 'draft' | 'active' | 'expiring' | 'expired' | 'terminated';

type Terms = Pick<Agreement, 'validUntil' | 'status' | 'autoProlongation'>;

export function agreementState(a: Terms, today: string, warningDays = EXPIRY_WARNING_DAYS): AgreementState {
  return agreementStateUntil(a, today, addDays(today, warningDays));
}

/** The same state with the warning up to a date: a term ending from today to `until` is «истекает». */
export function agreementStateUntil(a: Terms, today: string, until: string): AgreementState {
  if (a.status !== 'active') return a.status;
  if (!a.validUntil || a.autoProlongation) return 'active';
  if (a.validUntil < today) return 'expired';
  return a.validUntil <= until ? 'expiring' : 'active';
}

/** The status the agreement has in effect today: «истекает» is still «действует». */
export function effectiveStatus(a: Terms, today: string): AgreementStatus {
  const state = agreementState(a, today);
  return state === 'expiring' ? 'active' : state;
}

/** The states' names, the same in every place a clerk reads them. */
export const AGREEMENT_STATE_LABELS: Record<AgreementState, string> = {
  draft: 'проект',
  active: 'действует',
  expiring: 'истекает',
  expired: 'срок истёк',
  terminated: 'расторгнуто',
};

/** The state in words: «действует», «истекает 31.03.2027», «срок истёк», «расторгнуто», «проект». */
export function agreementStateText(a: Terms, today: string): string {
  const state = agreementState(a, today);
  return state === 'expiring' && a.validUntil ? `истекает ${formatDate(a.validUntil)}` : AGREEMENT_STATE_LABELS[state];
}

/** The term in words: «до 31.12.2021», «бессрочно»; «продлевается автоматически» once a self-prolonging term has passed. */
export function agreementTermText(a: Terms, today: string): string {
  if (!a.validUntil) return 'бессрочно';
  if (a.autoProlongation && a.validUntil < today) return `до ${formatDate(a.validUntil)}, продлевается автоматически`;
  return `до ${formatDate(a.validUntil)}`;
}

export type TermState = 'open_ended' | 'in_force' | 'expiring' | 'expired';

/** The term alone, for callers that colour by it: the same rule, an open end told apart. */
export function termState(a: Terms, today: string): TermState {
  const state = agreementState(a, today);
  if (state === 'expiring' || state === 'expired') return state;
  return a.validUntil ? 'in_force' : 'open_ended';
}

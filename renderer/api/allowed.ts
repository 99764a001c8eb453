// What a window may offer: on the local register (desktop, local web mode) everything; signed in to the
// department server, what the role may call there (shared/roles.ts is the one rule); before a sign-in, nothing.
import type { MethodName } from '../../shared/api';
import { ROLE_LABELS, type Role } from '../../shared/schema/account';
import { LEAST_ROLE, roleAllows } from '../../shared/roles';

/**
 * The session as far as the rule needs it (client.ts's SessionState fits): a type of its own keeps this
 * module free of the browser, for the unit test.
 */
export type SessionRole = { kind: 'local' } | { kind: 'login' } | { kind: 'signed-in'; session: { role: Role } };

/** Whether the window may do what needs `needed` (a role; the local register is anybody's). */
export function mayAct(state: SessionRole, needed: Role): boolean {
  if (state.kind === 'local') return true;
  return state.kind === 'signed-in' && roleAllows(state.session.role, needed);
}

/** Whether the window may call `method` (a job: ask of the call it runs, e.g. 'import.commit'). */
export function mayCall(state: SessionRole, method: MethodName): boolean {
  return mayAct(state, LEAST_ROLE[method]);
}

/** Who may, to end a sentence: «роли «Сотрудник» и выше». */
export function rolesFrom(needed: Role): string {
  return needed === 'admin' ? `только роли «${ROLE_LABELS.admin}»` : `роли «${ROLE_LABELS[needed]}» и выше`;
}

/** A tooltip or note for an action the role may not take: which role may. */
export function whoMay(needed: Role): string {
  return `Доступно ${rolesFrom(needed)}.`;
}

/** The same, for a method of the contract. */
export function whoMayCall(method: MethodName): string {
  return whoMay(LEAST_ROLE[method]);
}

// What the window offers against what the department server lets through: for every method and role, the
// renderer's answer is the server's (requiredRole, roleAllows); the local register offers everything.
import { describe, expect, it } from 'vitest';
import { api, type MethodName, type ParsedInput } from '../../shared/api';
import { JOB_KINDS } from '../../shared/schema/jobs';
import { RoleSchema, type Role } from '../../shared/schema/account';
import { LEAST_ROLE, REF_RENAME_ROLE, requiredRole, roleAllows } from '../../shared/roles';
import { mayAct, mayCall, whoMay, whoMayCall, type SessionRole } from '../../renderer/api/allowed';

const methods = Object.keys(api) as MethodName[];
const roles = RoleSchema.options;
const signedIn = (role: Role): SessionRole => ({ kind: 'signed-in', session: { role } });
/** The order of the issue, written out here: a role may what every role before it may. */
const ORDER: Role[] = ['reader', 'clerk', 'coordinator', 'admin'];

describe('what the window offers', () => {
  it("answers, for every method and role, as the department server's check does", () => {
    for (const role of roles) {
      for (const method of methods.filter((m) => m !== 'jobs.start')) {
        const server = roleAllows(role, requiredRole(method, {} as ParsedInput<typeof method>));
        expect(mayCall(signedIn(role), method), `${role} ${method}`).toBe(server);
      }
    }
  });

  it('asks of a job the call it runs, as the server does of jobs.start', () => {
    for (const role of roles) {
      for (const kind of JOB_KINDS.filter((k) => k !== 'check')) {
        const server = roleAllows(role, requiredRole('jobs.start', { kind, input: {} } as ParsedInput<'jobs.start'>));
        expect(mayCall(signedIn(role), kind), `${role} job ${kind}`).toBe(server);
      }
    }
  });

  it('follows the order of roles: a role may a method exactly when it stands at or after the least role', () => {
    for (const role of ORDER) {
      for (const method of methods) {
        expect(mayCall(signedIn(role), method), `${role} ${method}`).toBe(ORDER.indexOf(role) >= ORDER.indexOf(LEAST_ROLE[method]));
      }
    }
    // The examples, by name.
    expect(['events.create', 'import.commit', 'export.period', 'report.save'].map((m) => mayCall(signedIn('reader'), m as MethodName))).toEqual([false, false, false, false]);
    expect(['events.create', 'refs.merge', 'import.undo', 'history.revert'].map((m) => mayCall(signedIn('clerk'), m as MethodName))).toEqual([true, false, false, false]);
    expect(['refs.merge', 'import.undo', 'history.revert', 'settings.paths'].map((m) => mayCall(signedIn('coordinator'), m as MethodName))).toEqual([true, true, true, false]);
  });

  it('offers everything on the local register, and nothing before a sign-in', () => {
    for (const method of methods) {
      expect(mayCall({ kind: 'local' }, method), method).toBe(true);
      expect(mayCall({ kind: 'login' }, method), method).toBe(false);
    }
    for (const role of roles) {
      expect(mayAct({ kind: 'local' }, role)).toBe(true);
      expect(mayAct({ kind: 'login' }, role)).toBe(false);
    }
  });

  it('leaves renaming references to coordinators and above', () => {
    expect(ORDER.map((role) => mayAct(signedIn(role), REF_RENAME_ROLE))).toEqual([false, false, true, true]);
    // A clerk stores forms with the same method.
    expect(mayCall(signedIn('clerk'), 'refs.update')).toBe(true);
  });

  it('names in Russian the role that may', () => {
    expect(whoMayCall('events.create')).toBe('Доступно роли «Сотрудник» и выше.');
    expect(whoMayCall('import.undo')).toBe('Доступно роли «Координатор» и выше.');
    expect(whoMay('admin')).toBe('Доступно только роли «Администратор».');
  });
});

// The role table: every method of the contract has its least role, the order of roles holds, and the
// issue's examples of each role's powers are in the table.
import { describe, expect, it } from 'vitest';
import { api, type MethodName, type ParsedInput } from '../../shared/api';
import { forbiddenMessage, LEAST_ROLE, requiredRole, roleAllows } from '../../shared/roles';
import type { Role } from '../../shared/schema/account';

const methods = Object.keys(api) as MethodName[];
const can = (role: Role, method: MethodName) => roleAllows(role, LEAST_ROLE[method]);

describe('roles', () => {
  it('gives every method of the contract a role, and no method outside it', () => {
    expect(Object.keys(LEAST_ROLE).sort()).toEqual([...methods].sort());
  });

  it('matches the powers named for each role', () => {
    const reads = ['events.list', 'events.get', 'agreements.list', 'calendar.data', 'history.list', 'refs.list', 'stats.overview', 'report.draft'] as const;
    for (const m of reads) expect(can('reader', m), m).toBe(true);
    const clerkWrites = ['events.create', 'events.update', 'events.delete', 'agreements.create', 'agreements.update', 'import.commit', 'export.period', 'report.save', 'report.export'] as const;
    for (const m of clerkWrites) expect([can('reader', m), can('clerk', m)], m).toEqual([false, true]);
    for (const m of ['refs.merge', 'import.undo', 'history.revert', 'backups.restore'] as const) expect([can('clerk', m), can('coordinator', m)], m).toEqual([false, true]);
    for (const m of ['backups.create', 'settings.setDepartment', 'settings.setBackupFolder'] as const) expect([can('coordinator', m), can('admin', m)], m).toEqual([false, true]);
    // A reader reads, and nothing else: every method a reader may call reads (or signs in and out).
    const readerMethods = methods.filter((m) => can('reader', m));
    expect(readerMethods.every((m) => /\.(list|rows|get|details|data|prefs|draft|overview|department|server|status|batches|latest)$/.test(m) || m === 'jobs.start' || m.startsWith('auth.'))).toBe(true);
    // Accounts are the administrator's.
    for (const m of ['accounts.list', 'accounts.add', 'accounts.disable', 'accounts.setRole'] as const) expect([can('coordinator', m), can('admin', m)], m).toEqual([false, true]);
  });

  it('asks of a job the role of the call it runs', () => {
    // Only the kind decides: the input is the job's own, checked when the job starts.
    const job = (kind: ParsedInput<'jobs.start'>['kind']) => requiredRole('jobs.start', { kind, input: {} } as ParsedInput<'jobs.start'>);
    expect(job('import.commit')).toBe('clerk');
    expect(job('backups.restore')).toBe('coordinator');
    expect(job('backups.create')).toBe('admin');
    expect(job('check')).toBe('admin');
    expect(job('export.all')).toBe('clerk');
  });

  it('refuses in Russian, naming the role held and the role needed', () => {
    expect(forbiddenMessage('reader', 'clerk')).toBe('Недостаточно прав: роль «Читатель» этого не позволяет, нужна роль «Сотрудник» или выше. Обратитесь к администратору.');
  });
});

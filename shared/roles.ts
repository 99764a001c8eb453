// Who may call what on the department server: the least role for every method of the contract
// (shared/api.ts), in one table. Each role may do everything the roles before it may:
// «Читатель» reads; «Сотрудник» creates and edits events and agreements, imports, exports, drafts
// documents; «Координатор» also merges and renames reference entries, undoes imports, reverts
// history, restores; «Администратор» also manages accounts, backups and the department's settings.
import type { MethodName, ParsedInput } from './api';
import { RoleSchema, ROLE_LABELS, type Role } from './schema/account';

const R: Role = 'reader';
const C: Role = 'clerk';
const K: Role = 'coordinator';
const A: Role = 'admin';

export const LEAST_ROLE: Record<MethodName, Role> = {
  'events.list': R, 'events.rows': R, 'events.get': R, 'events.details': R,
  'events.create': C, 'events.update': C, 'events.delete': C, 'events.restore': C, 'events.move': C,
  'events.createMany': C, 'events.bulkUpdate': C, 'events.bulkDelete': C, 'events.undoBulk': C,
  'calendar.data': R, 'calendar.prefs': R, 'calendar.savePrefs': C,
  'agreements.list': R, 'agreements.get': R,
  'agreements.create': C, 'agreements.update': C, 'agreements.delete': C, 'agreements.restore': C,
  'history.list': R, 'history.revert': K,
  // refs.update: a clerk stores grammatical forms and settlement types (the report's one-click fixes); the
  // service refuses a clerk's rename or hiding, which needs the record as it was to tell.
  'refs.list': R, 'refs.create': C, 'refs.update': C, 'refs.merge': K,
  'import.batches': R, 'import.analyze': C, 'import.commit': C, 'import.undo': K,
  // jobs.start: the role of the call the job runs (jobRole).
  'jobs.status': R, 'jobs.start': R, 'jobs.cancel': C,
  'report.draft': R, 'report.save': C, 'report.discard': C, 'report.export': C,
  'export.period': C, 'export.csv': C, 'export.all': C,
  'stats.overview': R,
  'settings.department': R, 'settings.setDepartment': A,
  'demo.load': A,
  'changes.latest': R,
  'app.status': R,
  'settings.paths': A, 'settings.setBackupFolder': A,
  'backups.list': K, 'backups.inspect': K, 'backups.upload': K, 'backups.restore': K, 'backups.create': A,
  'recovery.backups': A, 'recovery.restore': A, 'recovery.retry': A,
  // auth.login needs no session at all (the server answers it before any role); the others, any signed-in role.
  'auth.login': R, 'auth.logout': R, 'auth.me': R,
  'accounts.list': A, 'accounts.add': A, 'accounts.disable': A, 'accounts.setRole': A,
  'server.backups': A, 'server.backupNow': A,
  // Fills the server's empty register from a clerk's file: an administrator's, as import-sqlite is.
  'server.receiveRegister': A,
  // The desktop's own, about this PC: its main process answers them whoever is signed in; a server
  // refuses them as unknown (a change, like the other settings, is the administrator's there).
  'settings.server': R, 'settings.setServer': A,
  // Answered by the PC that sends its own register (the server's own account is asked there).
  'register.sendToServer': A,
};

const rank = (role: Role) => RoleSchema.options.indexOf(role);

/** The least role a call needs: the table's; for a job, that of the call it runs. */
export function requiredRole<K extends MethodName>(method: K, input: ParsedInput<K>): Role {
  if (method === 'jobs.start') {
    const { kind } = input as ParsedInput<'jobs.start'>;
    return kind === 'check' ? A : LEAST_ROLE[kind];
  }
  return LEAST_ROLE[method];
}

export function roleAllows(role: Role, needed: Role): boolean {
  return rank(role) >= rank(needed);
}

/**
 * Renaming or hiding a reference entry: the coordinator's, though refs.update itself is the clerk's (a
 * clerk stores forms and settlement types); only the entry as it was tells a rename from a form.
 */
export const REF_RENAME_ROLE: Role = K;

/** The refusal a user reads: what the role is and who may do it. */
export function forbiddenMessage(role: Role, needed: Role): string {
  return `Недостаточно прав: роль «${ROLE_LABELS[role]}» этого не позволяет, нужна роль «${ROLE_LABELS[needed]}» или выше. Обратитесь к администратору.`;
}

// The department server's own methods: the session (who am I, sign out) and, for administrators, the
// accounts. They are answered here, on the accounts' PostgreSQL pool, never by a register's back end.
import type { Pool } from 'pg';
import type { MethodOutput, ParsedInput, ServerMethodName } from '../../../shared/api';
import { AppError } from '../../../shared/errors';
import type { Session } from '../../../shared/schema/account';
import { addAccount, disableAccount, findAccount, listAccounts, setAccountRole, signOut } from '../accounts/accounts';
import type { ServerBackups } from './backups';

/** The server's own methods answered here: a sign-in needs no session, and a register sent arrives as a file (register-upload.ts). */
export type OwnMethodName = Exclude<ServerMethodName, 'auth.login' | 'server.receiveRegister'>;

type OwnHandlers = { [K in OwnMethodName]: (input: ParsedInput<K>, session: Session) => Promise<MethodOutput<K>> };

const sameLogin = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

/** An administrator cannot lock themselves out: their own account is disabled or demoted by another. */
function notOwn(session: Session, login: string, what: string): void {
  if (sameLogin(session.user, login)) throw new AppError('conflict', `Нельзя ${what} собственную учётную запись: это делает другой администратор.`);
}

/** A server started without its backups (an embedded one, as tests start it) says so. */
function configured(backups: ServerBackups | undefined): ServerBackups {
  if (!backups) throw new AppError('not_found', 'Резервные копии на этом сервере отдела не настроены: их делает сервер, запущенный командой reestr server.');
  return backups;
}

export function ownMethods(pool: Pool, backups?: ServerBackups): OwnHandlers {
  return {
    'auth.logout': async (_input, session) => {
      await signOut(pool, session.token);
      return { ok: true };
    },
    'auth.me': (_input, session) => Promise.resolve({ login: session.user, role: session.role, expiresAt: session.expiresAt }),
    'accounts.list': () => listAccounts(pool),
    'accounts.add': ({ login, role, password }) => addAccount(pool, login, role, password),
    'accounts.disable': async ({ login }, session) => {
      notOwn(session, login, 'отключить');
      await disableAccount(pool, login);
      return findAccount(pool, login);
    },
    'accounts.setRole': ({ login, role }, session) => {
      if (role !== 'admin') notOwn(session, login, 'понизить в роли');
      return setAccountRole(pool, login, role);
    },
    'server.backups': () => Promise.resolve().then(() => configured(backups).list()),
    'server.backupNow': () => Promise.resolve().then(() => configured(backups).backupNow()),
  };
}

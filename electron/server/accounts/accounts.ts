// Accounts and sessions of the department server on PostgreSQL: add, list and disable accounts;
// sign in (slowed down after failures), follow and end sessions.
import { createHash, randomBytes } from 'node:crypto';
import type { Pool } from 'pg';
import { AppError } from '../../../shared/errors';
import { parseOrThrow } from '../../../shared/schema/messages';
import { LoginNameSchema, PasswordSchema, type Account, type Role, type Session } from '../../../shared/schema/account';
import { pgTransaction } from '../../core/store/pg/pool';
import { decoyHash, hashPassword, verifyPassword } from './passwords';

/** A session lasts a working day and a bit; signing in again starts a new one. */
export const SESSION_HOURS = 12;
/** Failed sign-ins in a row allowed before each next attempt has to wait (2 s, 4 s, … up to 15 min). */
const FREE_FAILURES = 3;
export const MAX_WAIT_SECONDS = 15 * 60;

const WRONG = 'Неверный логин или пароль.';

const loginKey = (login: string) => login.trim().toLowerCase();
const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function addAccount(pool: Pool, login: string, role: Role, password: string): Promise<Account> {
  const name = parseOrThrow(LoginNameSchema, login);
  parseOrThrow(PasswordSchema, password);
  const hash = await hashPassword(password);
  const { rows } = await pool.query(
    `INSERT INTO accounts (login, login_key, role, password_hash) VALUES ($1, $2, $3, $4)
     ON CONFLICT (login_key) DO NOTHING RETURNING login`,
    [name, loginKey(name), role, hash],
  );
  if (rows.length === 0) throw new AppError('conflict', `Учётная запись «${name}» уже есть.`);
  return (await listAccounts(pool)).find((a) => a.login === name) as Account;
}

export async function listAccounts(pool: Pool): Promise<Account[]> {
  const { rows } = await pool.query<{ login: string; role: Role; created_at: Date; disabled_at: Date | null; last_login_at: Date | null }>(
    'SELECT login, role, created_at, disabled_at, last_login_at FROM accounts ORDER BY login_key',
  );
  return rows.map((r) => ({
    login: r.login,
    role: r.role,
    createdAt: r.created_at.toISOString(),
    disabledAt: r.disabled_at?.toISOString() ?? null,
    lastLoginAt: r.last_login_at?.toISOString() ?? null,
  }));
}

/** The account can no longer sign in, and its open sessions end now. */
export async function disableAccount(pool: Pool, login: string): Promise<void> {
  await pgTransaction(pool, async (client) => {
    const { rows } = await client.query<{ id: number }>('UPDATE accounts SET disabled_at = coalesce(disabled_at, now()) WHERE login_key = $1 RETURNING id', [loginKey(login)]);
    if (!rows[0]) throw new AppError('not_found', `Учётной записи «${login}» нет.`);
    await client.query('UPDATE sessions SET ended_at = now() WHERE account_id = $1 AND ended_at IS NULL', [rows[0].id]);
  });
}

/** One account, or a Russian refusal naming the login when there is none. */
export async function findAccount(pool: Pool, login: string): Promise<Account> {
  const found = (await listAccounts(pool)).find((a) => loginKey(a.login) === loginKey(login));
  if (!found) throw new AppError('not_found', `Учётной записи «${login}» нет.`);
  return found;
}

/** A new role, in force from the account's next call (sessions read the role at each call). */
export async function setAccountRole(pool: Pool, login: string, role: Role): Promise<Account> {
  const { rowCount } = await pool.query('UPDATE accounts SET role = $2 WHERE login_key = $1', [loginKey(login), role]);
  if (!rowCount) throw new AppError('not_found', `Учётной записи «${login}» нет.`);
  return findAccount(pool, login);
}

interface AccountRow {
  id: number;
  login: string;
  role: Role;
  password_hash: string;
  disabled_at: Date | null;
  wait_seconds: number;
}

export async function signIn(pool: Pool, login: string, password: string): Promise<Session> {
  const { rows } = await pool.query<AccountRow>(
    `SELECT id, login, role, password_hash, disabled_at,
            greatest(0, ceil(extract(epoch FROM locked_until - now())))::int AS wait_seconds
     FROM accounts WHERE login_key = $1`,
    [loginKey(login)],
  );
  const account = rows[0];
  if (account && account.wait_seconds > 0) {
    throw new AppError('unauthorized', `Слишком много неудачных попыток входа. Повторите через ${account.wait_seconds} с.`);
  }
  const matches = await verifyPassword(password, account?.password_hash ?? (await decoyHash()));
  if (!account || !matches) {
    if (account) {
      await pool.query(
        `UPDATE accounts SET failed_logins = failed_logins + 1,
           locked_until = CASE WHEN failed_logins + 1 > $2 THEN now() + least(power(2, failed_logins + 1 - $2), $3) * interval '1 second' END
         WHERE id = $1`,
        [account.id, FREE_FAILURES, MAX_WAIT_SECONDS],
      );
    }
    throw new AppError('unauthorized', WRONG);
  }
  if (account.disabled_at) throw new AppError('unauthorized', 'Учётная запись отключена. Обратитесь к администратору.');
  const token = randomBytes(32).toString('base64url');
  const { rows: [session] } = await pool.query<{ expires_at: Date }>(
    `WITH ok AS (UPDATE accounts SET failed_logins = 0, locked_until = NULL, last_login_at = now() WHERE id = $1)
     INSERT INTO sessions (token_hash, account_id, expires_at) VALUES ($2, $1, now() + $3 * interval '1 hour') RETURNING expires_at`,
    [account.id, tokenHash(token), SESSION_HOURS],
  );
  return { token, user: account.login, role: account.role, expiresAt: (session as { expires_at: Date }).expires_at.toISOString() };
}

/** Who a token belongs to, while its session is open and its account enabled. */
export async function sessionOf(pool: Pool, token: string): Promise<Session> {
  // Asked at every call: prepared once per connection (named), not parsed and planned each time.
  const { rows } = await pool.query<{ login: string; role: Role; expires_at: Date }>({
    name: 'reestr_session_of',
    text: `SELECT a.login, a.role, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id
           WHERE s.token_hash = $1 AND s.ended_at IS NULL AND s.expires_at > now() AND a.disabled_at IS NULL`,
    values: [tokenHash(token)],
  });
  const row = rows[0];
  if (!row) throw new AppError('unauthorized', 'Сеанс истёк или завершён: войдите снова.');
  return { token, user: row.login, role: row.role, expiresAt: row.expires_at.toISOString() };
}

export async function signOut(pool: Pool, token: string): Promise<void> {
  await pool.query('UPDATE sessions SET ended_at = now() WHERE token_hash = $1 AND ended_at IS NULL', [tokenHash(token)]);
}

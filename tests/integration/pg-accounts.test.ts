// Accounts of the department server on a real PostgreSQL: adding, listing, disabling, signing in and
// out, sessions that expire, failed sign-ins slowed down, passwords kept only as scrypt hashes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount, disableAccount, listAccounts, sessionOf, signIn, signOut } from '../../electron/server/accounts/accounts';
import { hashPassword, verifyPassword } from '../../electron/server/accounts/passwords';
import { AppError } from '../../shared/errors';
import { usePostgres } from '../support/postgres';

const pg = usePostgres();

beforeAll(() => migratePg(pg.pool), 120_000);

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe('passwords', () => {
  it('verifies the password it hashed and nothing else, with a new salt each time', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1, maxLength: 40 }), fc.string({ minLength: 1, maxLength: 40 }), async (password, other) => {
        const stored = await hashPassword(password);
        expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
        if (password.length >= 8) expect(stored).not.toContain(password);
        expect(await verifyPassword(password, stored)).toBe(true);
        if (other.normalize('NFC') !== password.normalize('NFC')) expect(await verifyPassword(other, stored)).toBe(false);
        expect(await hashPassword(password)).not.toBe(stored);
      }),
      { numRuns: 8 },
    );
    expect(await verifyPassword('x', 'bcrypt$whatever')).toBe(false);
  }, 120_000);
});

describe('accounts and sessions', () => {
  it('adds accounts with roles, refuses a second of the same login and bad logins or short passwords in Russian', async () => {
    await addAccount(pg.pool, 'ivanova', 'clerk', 'пароль-Иванова');
    await addAccount(pg.pool, 'Petrov.A', 'reader', 'password-petrov');
    expect((await refusal(addAccount(pg.pool, 'IVANOVA', 'admin', 'another-password'))).message).toBe('Учётная запись «IVANOVA» уже есть.');
    expect((await refusal(addAccount(pg.pool, 'иванова', 'clerk', 'long-enough'))).message).toMatch(/^Логин: только латинские буквы/);
    expect((await refusal(addAccount(pg.pool, 'sidorov', 'clerk', 'short'))).message).toBe('Пароль: не короче 8 знаков.');
    const accounts = await listAccounts(pg.pool);
    expect(accounts.map((a) => [a.login, a.role, a.disabledAt])).toEqual([['ivanova', 'clerk', null], ['Petrov.A', 'reader', null]]);
    const stored = await pg.pool.query<{ password_hash: string }>('SELECT password_hash FROM accounts');
    for (const row of stored.rows) expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it('signs in with the right password (login in any case), follows the session and ends it', async () => {
    const session = await signIn(pg.pool, 'IVANOVA', 'пароль-Иванова');
    expect(session).toMatchObject({ user: 'ivanova', role: 'clerk' });
    expect(Date.parse(session.expiresAt) - Date.now()).toBeGreaterThan(11 * 3600_000);
    expect(await sessionOf(pg.pool, session.token)).toMatchObject({ user: 'ivanova', role: 'clerk' });
    const tokens = await pg.pool.query<{ token_hash: string }>('SELECT token_hash FROM sessions');
    expect(tokens.rows.map((r) => r.token_hash)).not.toContain(session.token);
    await signOut(pg.pool, session.token);
    expect((await refusal(sessionOf(pg.pool, session.token))).message).toBe('Сеанс истёк или завершён: войдите снова.');
    expect((await refusal(sessionOf(pg.pool, 'made-up-token'))).code).toBe('unauthorized');
  });

  it('answers a wrong password and an unknown login alike', async () => {
    expect((await refusal(signIn(pg.pool, 'Petrov.A', 'wrong-password'))).message).toBe('Неверный логин или пароль.');
    expect((await refusal(signIn(pg.pool, 'nobody', 'wrong-password'))).message).toBe('Неверный логин или пароль.');
    expect(await signIn(pg.pool, 'petrov.a', 'password-petrov')).toMatchObject({ role: 'reader' });
  });

  it('makes each attempt after three failures in a row wait longer, the right password included, and forgets them after a success', async () => {
    await addAccount(pg.pool, 'guessed', 'clerk', 'the-real-password');
    // Time passing, without waiting for it: the wait is moved into the past.
    const waitOver = () => pg.pool.query(`UPDATE accounts SET locked_until = now() - interval '1 second' WHERE login_key = 'guessed'`);
    for (let i = 0; i < 4; i++) expect((await refusal(signIn(pg.pool, 'guessed', `guess-${i}`))).message).toBe('Неверный логин или пароль.');
    expect((await refusal(signIn(pg.pool, 'guessed', 'the-real-password'))).message).toBe('Слишком много неудачных попыток входа. Повторите через 2 с.');
    await waitOver();
    expect((await refusal(signIn(pg.pool, 'guessed', 'guess-5'))).message).toBe('Неверный логин или пароль.');
    expect((await refusal(signIn(pg.pool, 'guessed', 'the-real-password'))).message).toBe('Слишком много неудачных попыток входа. Повторите через 4 с.');
    await waitOver();
    expect(await signIn(pg.pool, 'guessed', 'the-real-password')).toMatchObject({ user: 'guessed' });
    expect((await pg.pool.query(`SELECT failed_logins, locked_until FROM accounts WHERE login_key = 'guessed'`)).rows).toEqual([{ failed_logins: 0, locked_until: null }]);
  });

  it('keeps a disabled account out and ends its open sessions', async () => {
    await addAccount(pg.pool, 'leaving', 'coordinator', 'leaving-password');
    const session = await signIn(pg.pool, 'leaving', 'leaving-password');
    await disableAccount(pg.pool, 'leaving');
    expect((await refusal(sessionOf(pg.pool, session.token))).code).toBe('unauthorized');
    expect((await refusal(signIn(pg.pool, 'leaving', 'leaving-password'))).message).toBe('Учётная запись отключена. Обратитесь к администратору.');
    expect((await refusal(signIn(pg.pool, 'leaving', 'not-the-password'))).message).toBe('Неверный логин или пароль.');
    expect((await refusal(disableAccount(pg.pool, 'nobody'))).message).toBe('Учётной записи «nobody» нет.');
    expect((await listAccounts(pg.pool)).find((a) => a.login === 'leaving')?.disabledAt).not.toBeNull();
  });

  it('refuses a session past its expiry', async () => {
    const session = await signIn(pg.pool, 'ivanova', 'пароль-Иванова');
    await pg.pool.query(`UPDATE sessions SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL`);
    expect((await refusal(sessionOf(pg.pool, session.token))).code).toBe('unauthorized');
  });
});

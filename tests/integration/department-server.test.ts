// The department server over real HTTP(S), with accounts on a real PostgreSQL and a SQLite register
// behind it: sign-in and sessions, the bearer token, the role of every method, the caller's login in
// the change log, TLS off loopback, and the server's own account methods.
import fc from 'fast-check';
import type { PoolClient } from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { openPool } from '../../electron/core/store/pg/pool';
import { addAccount } from '../../electron/server/accounts/accounts';
import { startDepartmentServer } from '../../electron/server/department/department-server';
import { ADDRESS_FREE_FAILURES, createAddressLimit } from '../../electron/server/accounts/address-limit';
import { checkTransport, isLoopbackHost } from '../../electron/server/department/transport';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { api, type MethodName, type ParsedInput } from '../../shared/api';
import { AppError } from '../../shared/errors';
import { forbiddenMessage, LEAST_ROLE, requiredRole, roleAllows } from '../../shared/roles';
import { RoleSchema, type Role } from '../../shared/schema/account';
import { tempCore } from '../helpers';
import { usePostgres } from '../support/postgres';
import { selfSignedCert, send, startDepartment, type DepartmentUnderTest } from '../support/department';

const pg = usePostgres();
const PASSWORD = 'пароль-отдела-1';
const ROLES = RoleSchema.options;
/** One account per role, by the role's name. */
const loginOf = (role: Role) => `user-${role}`;

let dept: DepartmentUnderTest;
const tokens = {} as Record<Role, string>;

beforeAll(async () => {
  await migratePg(pg.pool);
  for (const role of ROLES) await addAccount(pg.pool, loginOf(role), role, PASSWORD);
  dept = await startDepartment(pg);
  for (const role of ROLES) tokens[role] = await dept.login(loginOf(role), PASSWORD);
}, 240_000);

afterAll(() => dept?.close());

const EVENT = { title: 'Форум породнённых городов', startDate: '2021-09-08' };
/** The register's events, as an administrator reads them over the wire. */
const eventCount = async () => ((await dept.call('events.list', { limit: 1 }, tokens.admin)).json?.value as { total: number }).total;

describe('sign-in and sessions', () => {
  it('signs in with the right password and answers the session', async () => {
    const reply = await dept.call('auth.login', { login: 'user-clerk', password: PASSWORD });
    expect(reply.status).toBe(200);
    const session = reply.json?.value as { token: string; user: string; role: Role; expiresAt: string };
    expect(session).toMatchObject({ user: 'user-clerk', role: 'clerk' });
    expect(session.token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(session.expiresAt)).toBeGreaterThan(Date.now());
    const me = await dept.call('auth.me', {}, session.token);
    expect(me.json).toEqual({ ok: true, value: { login: 'user-clerk', role: 'clerk', expiresAt: session.expiresAt } });
  });

  it('refuses a wrong password, an unknown login and a disabled account in Russian, with 401', async () => {
    await addAccount(pg.pool, 'leaving', 'clerk', PASSWORD);
    await pg.pool.query("UPDATE accounts SET disabled_at = now() WHERE login = 'leaving'");
    for (const [login, password, message] of [
      ['user-clerk', 'не тот пароль', 'Неверный логин или пароль.'],
      ['nobody', PASSWORD, 'Неверный логин или пароль.'],
      ['leaving', PASSWORD, 'Учётная запись отключена. Обратитесь к администратору.'],
    ] as const) {
      const reply = await dept.call('auth.login', { login, password });
      expect(reply.status, login).toBe(401);
      expect(reply.json, login).toEqual({ ok: false, error: { code: 'unauthorized', message } });
    }
    // A failure leaves the count of failures to the next success, which clears it.
    await dept.login('user-clerk', PASSWORD);
  });

  it('makes an address that failed to sign in more than ten times wait, whichever logins it tried, the right password included', async () => {
    let now = Date.parse('2026-12-05T09:00:00Z');
    const server = await startDepartmentServer({
      dispatch: createDispatch(createHandlers(tempCore())), pool: pg.pool, host: '127.0.0.1', port: 0, addressLimit: createAddressLimit(() => now),
    });
    const login = (name: string, password: string) => send(`${server.url}api/auth.login`, { body: JSON.stringify({ login: name, password }) });
    try {
      // One password tried on many logins: no account's own count ever reaches its limit.
      for (let i = 0; i < ADDRESS_FREE_FAILURES + 1; i++) expect((await login(`guess-${i}`, 'пароль-наугад-1')).json?.error?.message).toBe('Неверный логин или пароль.');
      const refused = await login('user-clerk', PASSWORD);
      expect([refused.status, refused.json?.error]).toEqual([401, { code: 'unauthorized', message: 'Слишком много неудачных попыток входа с этого компьютера. Повторите через 2 с.' }]);
      expect((await pg.pool.query(`SELECT failed_logins FROM accounts WHERE login = 'user-clerk'`)).rows).toEqual([{ failed_logins: 0 }]);
      now += 2000;
      expect((await login('user-clerk', PASSWORD)).json?.value).toMatchObject({ user: 'user-clerk' });
      // A success forgets the address's failures.
      expect((await login('guess-0', 'пароль-наугад-1')).json?.error?.message).toBe('Неверный логин или пароль.');
    } finally {
      await server.close();
    }
  });

  it('refuses a login body that is not a login and a password', async () => {
    const reply = await dept.call('auth.login', { login: 'user-clerk' });
    expect(reply.status).toBe(400);
    expect(reply.json?.error?.code).toBe('validation');
  });

  it('refuses every other call without a bearer, with a forged one, after the session expired or ended', async () => {
    const before = await eventCount();
    const noBearer = await dept.call('events.create', EVENT);
    expect(noBearer.status).toBe(401);
    expect(noBearer.json?.error).toEqual({ code: 'unauthorized', message: 'Войдите в реестр отдела: запрос без ключа сеанса не принимается.' });
    const expiredMessage = { code: 'unauthorized', message: 'Сеанс истёк или завершён: войдите снова.' };
    const forged = await dept.call('events.create', EVENT, 'x'.repeat(43));
    expect([forged.status, forged.json?.error]).toEqual([401, expiredMessage]);
    const malformed = await send(`${dept.server.url}api/events.list`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' }, body: '{}' });
    expect(malformed.status).toBe(401);

    const expiring = await dept.login('user-clerk', PASSWORD);
    expect((await dept.call('events.list', {}, expiring)).status).toBe(200);
    await pg.pool.query("UPDATE sessions SET expires_at = now() - interval '1 second' WHERE ended_at IS NULL AND expires_at > now() - interval '1 hour' AND created_at = (SELECT max(created_at) FROM sessions)");
    const expired = await dept.call('events.create', EVENT, expiring);
    expect([expired.status, expired.json?.error]).toEqual([401, expiredMessage]);

    const ending = await dept.login('user-clerk', PASSWORD);
    expect((await dept.call('auth.logout', {}, ending)).json).toEqual({ ok: true, value: { ok: true } });
    const ended = await dept.call('events.create', EVENT, ending);
    expect([ended.status, ended.json?.error]).toEqual([401, expiredMessage]);
    expect(await eventCount()).toBe(before);
  });

  it('keeps answering others while a sign-in waits', async () => {
    // The sign-in's record of a failure waits on a lock held here: it cannot finish until the lock goes.
    const holder: PoolClient = await pg.pool.connect();
    try {
      await holder.query('BEGIN');
      await holder.query("SELECT 1 FROM accounts WHERE login = 'user-reader' FOR UPDATE");
      let settled = false;
      const waiting = dept.call('auth.login', { login: 'user-reader', password: 'не тот пароль' }).finally(() => (settled = true));
      // Until the sign-in's password check is done and its write waits on the lock (bounded: each step a query).
      const waitingOnLock = async () => ((await pg.pool.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_locks WHERE NOT granted')).rows[0]?.n ?? 0) > 0;
      for (let i = 0; i < 10_000 && !(await waitingOnLock()); i++) await new Promise((r) => setImmediate(r));
      expect(await waitingOnLock()).toBe(true);
      // Several calls answered, one after another, while the sign-in is still held.
      for (let i = 0; i < 3; i++) expect((await dept.call('events.list', {}, tokens.reader)).status).toBe(200);
      expect(settled).toBe(false);
      await holder.query('COMMIT');
      expect((await waiting).status).toBe(401);
    } finally {
      holder.release();
    }
    await pg.pool.query("UPDATE accounts SET failed_logins = 0, locked_until = NULL WHERE login = 'user-reader'");
  });
});

/** Inputs that parse, for the methods whose `{}` does not: a sample of each kind of call. */
const SAMPLES: Partial<Record<MethodName, unknown>> = {
  'events.get': { id: 999 },
  'events.create': EVENT,
  'events.update': { id: 999, version: 1, input: EVENT },
  'events.delete': { id: 999 },
  'events.restore': { id: 999 },
  'events.move': { id: 999, startDate: '2021-09-08', endDate: '2021-09-09' },
  'events.bulkDelete': { ids: [999] },
  'events.details': { ids: [999] },
  'calendar.data': { start: '2021-09-01', end: '2021-09-30' },
  'agreements.restore': { id: 999 },
  'refs.create': { kind: 'city', name: 'Новоград' },
  'report.draft': { period: '2021-H2' },
  'report.discard': { period: '2021-H2' },
  'stats.overview': { period: '2021-H2' },
  'import.commit': { fileId: '0'.repeat(64) },
  'backups.restore': { name: 'no-such-backup.sqlite' },
  'recovery.restore': { name: 'no-such-backup.sqlite' },
  'agreements.get': { id: 999 },
  'agreements.delete': { id: 999 },
  'history.list': { entity: 'event', id: 999 },
  'history.revert': { entity: 'event', id: 999, changeId: 1 },
  'refs.list': { kind: 'country' },
  'refs.merge': { survivorId: 998, victimId: 999 },
  'import.undo': { id: 999 },
  'jobs.status': { jobId: 'no-such-job' },
  'jobs.cancel': { jobId: 'no-such-job' },
  'jobs.start': { kind: 'backups.create', input: {} },
  'backups.inspect': { name: 'no-such-backup.sqlite' },
  'accounts.add': { login: 'sample-user', role: 'reader', password: PASSWORD },
  'accounts.disable': { login: 'no-such-user' },
  'accounts.setRole': { login: 'no-such-user', role: 'reader' },
};

/** Not called as any role here: a sign-out ends the session the table runs on (tested above). */
const SKIPPED = new Set<MethodName>(['auth.logout', 'auth.login']);

describe('roles', () => {
  it('allows every method to a role iff the role table does, checked after the input parses', async () => {
    const methods = (Object.keys(api) as MethodName[]).filter((m) => !SKIPPED.has(m));
    const forbidden: Record<Role, number> = { reader: 0, clerk: 0, coordinator: 0, admin: 0 };
    let validated = 0;
    for (const method of methods) {
      const input = SAMPLES[method] ?? {};
      const parsed = api[method].input.safeParse(input);
      for (const role of ROLES) {
        const reply = await dept.call(method, input, tokens[role]);
        const where = `${method} as ${role}`;
        if (!parsed.success) {
          validated++;
          expect(reply.json?.error?.code, where).toBe('validation');
          continue;
        }
        const needed = requiredRole(method, parsed.data as ParsedInput<MethodName>);
        if (roleAllows(role, needed)) {
          expect(reply.status, where).not.toBe(403);
          expect(reply.json?.error?.code, where).not.toBe('forbidden');
        } else {
          forbidden[role]++;
          expect(reply.status, where).toBe(403);
          expect(reply.json?.error, where).toEqual({ code: 'forbidden', message: forbiddenMessage(role, needed) });
        }
      }
    }
    // Each role is refused less than the one before it, an administrator nothing; and the samples reached the role check.
    expect(forbidden.reader).toBeGreaterThan(forbidden.clerk);
    expect(forbidden.clerk).toBeGreaterThan(forbidden.coordinator);
    expect(forbidden.coordinator).toBeGreaterThan(0);
    expect(forbidden.admin).toBe(0);
    expect(validated).toBeLessThan(methods.length);
  }, 240_000);

  it('for any method, role and input: a refusal for the role only once the input parses, and it changes nothing', async () => {
    // server.receiveRegister's body is a register file, not a JSON input: its role is checked before it is read (register-to-server.test.ts).
    const methods = (Object.keys(api) as MethodName[]).filter((m) => !SKIPPED.has(m) && LEAST_ROLE[m] !== 'reader' && m !== 'server.receiveRegister');
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...methods),
        fc.constantFrom(...ROLES),
        fc.oneof(fc.constant('sample'), fc.anything({ maxDepth: 2 }), fc.record({ id: fc.integer(), title: fc.string() })),
        async (method, role, generated) => {
          const input = generated === 'sample' ? (SAMPLES[method] ?? {}) : generated;
          const before = await eventCount();
          const reply = await dept.call(method, input, tokens[role]);
          // What the server reads: the input as JSON carries it (no body reads as {}).
          const parsed = api[method].input.safeParse(JSON.parse(JSON.stringify(input) ?? '{}'));
          if (!parsed.success) {
            expect(reply.json?.error?.code).toBe('validation');
            return;
          }
          const allowed = roleAllows(role, requiredRole(method, parsed.data as ParsedInput<MethodName>));
          expect(reply.json?.error?.code === 'forbidden').toBe(!allowed);
          if (!allowed) expect(await eventCount()).toBe(before);
        },
      ),
      { numRuns: 120 },
    );
  }, 240_000);

  it('refuses a reader\'s create in Russian with 403 and writes nothing; a clerk\'s goes through', async () => {
    const before = await eventCount();
    const refused = await dept.call('events.create', EVENT, tokens.reader);
    expect(refused.status).toBe(403);
    expect(refused.json?.error?.message).toBe('Недостаточно прав: роль «Читатель» этого не позволяет, нужна роль «Сотрудник» или выше. Обратитесь к администратору.');
    expect(await eventCount()).toBe(before);
    const created = await dept.call('events.create', EVENT, tokens.clerk);
    expect(created.status).toBe(200);
    expect(await eventCount()).toBe(before + 1);
  });
});

describe('reference entries', () => {
  it('lets a clerk store forms but not rename or hide an entry, in Russian with 403; a coordinator may', async () => {
    const created = await dept.call('refs.create', { kind: 'city', name: 'Глубокое' }, tokens.clerk);
    expect(created.json?.error).toBeUndefined();
    const { id } = created.json?.value as { id: number };
    const forms = await dept.call('refs.update', { id, genitive: 'Глубокого', locative: 'Глубоком' }, tokens.clerk);
    expect(forms.status).toBe(200);
    for (const change of [{ name: 'Глубокое-2' }, { hidden: true }]) {
      const refused = await dept.call('refs.update', { id, ...change }, tokens.clerk);
      expect(refused.status).toBe(403);
      expect(refused.json?.error?.message).toBe(forbiddenMessage('clerk', 'coordinator'));
    }
    const unchanged = (await dept.call('refs.list', { kind: 'city', includeHidden: true }, tokens.reader)).json?.value as { id: number; name: string; hidden: boolean; genitive: string | null }[];
    expect(unchanged.find((r) => r.id === id)).toMatchObject({ name: 'Глубокое', hidden: false, genitive: 'Глубокого' });
    const renamed = await dept.call('refs.update', { id, name: 'Глубокое (Витебская обл.)' }, tokens.coordinator);
    expect(renamed.status).toBe(200);
    expect((renamed.json?.value as { name: string }).name).toBe('Глубокое (Витебская обл.)');
  });
});

describe('the change log', () => {
  it('records the login of the caller', async () => {
    const created = await dept.call('events.create', { ...EVENT, title: 'Визит делегации' }, tokens.clerk);
    const { id, version } = created.json?.value as { id: number; version: number };
    await dept.call('events.update', { id, version, input: { ...EVENT, title: 'Визит делегации Минска' } }, tokens.coordinator);
    const history = await dept.call('history.list', { entity: 'event', id }, tokens.reader);
    const entries = history.json?.value as { user: string; action: string }[];
    expect(entries.map((e) => [e.action, e.user]).sort()).toEqual([['create', 'user-clerk'], ['update', 'user-coordinator']]);
  });
});

describe('accounts, for administrators', () => {
  it('lists, adds, changes the role of and disables accounts; the new account signs in with its role', async () => {
    const added = await dept.call('accounts.add', { login: 'petrova', role: 'reader', password: 'пароль-Петровой' }, tokens.admin);
    expect(added.json).toMatchObject({ ok: true, value: { login: 'petrova', role: 'reader', disabledAt: null } });
    const again = await dept.call('accounts.add', { login: 'Petrova', role: 'clerk', password: 'пароль-Петровой' }, tokens.admin);
    expect([again.status, again.json?.error?.code]).toEqual([409, 'conflict']);
    const short = await dept.call('accounts.add', { login: 'sidorov', role: 'clerk', password: 'корот' }, tokens.admin);
    expect(short.json?.error).toEqual({ code: 'validation', message: expect.stringContaining('Пароль: не короче 8 знаков.') });

    const petrova = await dept.login('petrova', 'пароль-Петровой');
    expect((await dept.call('events.create', EVENT, petrova)).status).toBe(403);
    const promoted = await dept.call('accounts.setRole', { login: 'petrova', role: 'clerk' }, tokens.admin);
    expect(promoted.json).toMatchObject({ ok: true, value: { role: 'clerk' } });
    // The open session takes the new role at its next call.
    expect((await dept.call('events.create', EVENT, petrova)).status).toBe(200);

    const list = await dept.call('accounts.list', {}, tokens.admin);
    expect((list.json?.value as { login: string }[]).map((a) => a.login)).toContain('petrova');
    const disabled = await dept.call('accounts.disable', { login: 'petrova' }, tokens.admin);
    expect(disabled.json).toMatchObject({ ok: true, value: { login: 'petrova', disabledAt: expect.any(String) } });
    expect((await dept.call('events.list', {}, petrova)).status).toBe(401);
    expect((await dept.call('auth.login', { login: 'petrova', password: 'пароль-Петровой' })).status).toBe(401);
  });

  it('does not let an administrator disable or demote their own account', async () => {
    const disable = await dept.call('accounts.disable', { login: 'USER-ADMIN' }, tokens.admin);
    expect(disable.json?.error).toEqual({ code: 'conflict', message: 'Нельзя отключить собственную учётную запись: это делает другой администратор.' });
    const demote = await dept.call('accounts.setRole', { login: 'user-admin', role: 'clerk' }, tokens.admin);
    expect(demote.json?.error?.message).toBe('Нельзя понизить в роли собственную учётную запись: это делает другой администратор.');
    expect((await dept.call('auth.me', {}, tokens.admin)).json).toMatchObject({ ok: true, value: { role: 'admin' } });
  });

  it('names a missing account', async () => {
    const reply = await dept.call('accounts.setRole', { login: 'nobody', role: 'clerk' }, tokens.admin);
    expect([reply.status, reply.json?.error]).toEqual([404, { code: 'not_found', message: 'Учётной записи «nobody» нет.' }]);
  });
});

describe('without its database', () => {
  it('answers a sign-in and a call with a Russian 503 when PostgreSQL cannot be reached', async () => {
    const dead = openPool('postgres://reestr@127.0.0.1:1/reestr', 1);
    const logged: unknown[] = [];
    const server = await startDepartmentServer({ dispatch: createDispatch(createHandlers(tempCore())), pool: dead, host: '127.0.0.1', port: 0, logError: (e) => logged.push(e) });
    try {
      const message = 'Сервер отдела не может связаться со своей базой данных PostgreSQL: вход и проверка прав сейчас невозможны. Сообщите администратору.';
      const login = await send(`${server.url}api/auth.login`, { body: JSON.stringify({ login: 'user-clerk', password: PASSWORD }) });
      expect([login.status, login.json?.error]).toEqual([503, { code: 'db_unavailable', message }]);
      const list = await send(`${server.url}api/events.list`, { headers: { Authorization: `Bearer ${tokens.clerk}` }, body: '{}' });
      expect([list.status, list.json?.error?.code]).toEqual([503, 'db_unavailable']);
      expect(logged.length).toBe(2);
    } finally {
      await server.close();
      await dead.end();
    }
  });
});

describe('transport', () => {
  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', '::1', '[::1]', 'localhost', 'LOCALHOST']) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ['0.0.0.0', '::', '192.168.1.10', '10.0.0.1', 'server.local', '128.0.0.1', '127.0.0.1.example.com']) expect(isLoopbackHost(host), host).toBe(false);
  });

  it('refuses plain HTTP off loopback in Russian, before listening', async () => {
    expect(() => checkTransport('0.0.0.0', undefined)).toThrow(AppError);
    const refused = await startDepartmentServer({ dispatch: createDispatch(createHandlers(tempCore())), pool: pg.pool, host: '0.0.0.0', port: 0 }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).message).toBe(
      'Сервер отдела на адресе «0.0.0.0» работает только по HTTPS: по сети идут пароли и ключи сеансов. Укажите сертификат и ключ: --tls-cert ФАЙЛ --tls-key ФАЙЛ. Без них сервер слушает только этот компьютер (--host 127.0.0.1).',
    );
  });

  it('serves HTTPS on any address with a certificate, and refuses plain HTTP on it', async () => {
    const tls = selfSignedCert();
    const secure = await startDepartment(pg, { tls, host: '0.0.0.0' });
    try {
      expect(secure.server.url).toBe(`https://0.0.0.0:${secure.server.port}/`);
      const local = `https://127.0.0.1:${secure.server.port}/api/`;
      const login = await send(`${local}auth.login`, { body: JSON.stringify({ login: 'user-clerk', password: PASSWORD }), ca: tls.cert, headers: { 'Content-Type': 'application/json' } });
      expect(login.json).toMatchObject({ ok: true, value: { user: 'user-clerk' } });
      const token = (login.json?.value as { token: string }).token;
      const list = await send(`${local}events.list`, { body: '{}', ca: tls.cert, headers: { Authorization: `Bearer ${token}` } });
      expect(list.json).toMatchObject({ ok: true, value: { total: expect.any(Number) as number } });
      // Plain HTTP to the TLS port gets no answer of ours, and the server goes on answering.
      await send(`http://127.0.0.1:${secure.server.port}/api/events.list`, { body: '{}' }).then(
        (reply) => expect(reply.status).toBe(400),
        (e: unknown) => expect(e).toBeInstanceOf(Error),
      );
      expect((await send(`${local}events.list`, { body: '{}', ca: tls.cert, headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
    } finally {
      await secure.close();
    }
  }, 120_000);
});

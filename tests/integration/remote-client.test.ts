// The desktop app in server mode: the contract over HTTPS to a real department server (PostgreSQL,
// TLS with a self-signed certificate), its refusals as they are, a server that cannot be reached or
// trusted; and the switch between it and the local register, kept in the data folder's settings file.
import fc from 'fast-check';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/core/host';
import { addAccount } from '../../electron/server/accounts/accounts';
import { createRemote, unreachableMessage } from '../../electron/main/remote';
import { createDesktopDispatch, readServerLink, serverLinkFile, writeServerLink } from '../../electron/main/server-mode';
import { migratePg } from '../../electron/core/store/pg/migrate';
import type { Result } from '../../shared/errors';
import { tempDir } from '../helpers';
import { selfSignedCert, startDepartment, type DepartmentUnderTest } from '../support/department';
import { usePostgres } from '../support/postgres';

const pg = usePostgres();
const PASSWORD = 'пароль-отдела-1';
const tls = selfSignedCert();
/** Another authority's certificate: the server's is not signed by it. */
const foreign = selfSignedCert();
const EVENT = { title: 'Визит делегации побратимов', startDate: '2022-05-17' };

let dept: DepartmentUnderTest;
let url: string;
/** A port nothing listens on. */
let deadUrl: string;
/** Accepts connections and never answers. */
let silent: Server;
const sockets: Socket[] = [];

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'clerk', 'clerk', PASSWORD);
  await addAccount(pg.pool, 'reader', 'reader', PASSWORD);
  dept = await startDepartment(pg, { tls });
  url = dept.server.url;
  const closed = createNetServer();
  const port = await listen(closed);
  await new Promise((resolve) => closed.close(resolve));
  deadUrl = `https://127.0.0.1:${port}/`;
  silent = createNetServer((socket) => sockets.push(socket));
}, 240_000);

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  silent?.close();
  await dept?.close();
});

const errorOf = (result: Result<unknown>) => (result.ok ? null : result.error);

describe('the remote dispatch', () => {
  it('is the department server for the page: its refusals as they are, the session kept in the main process', async () => {
    const remote = createRemote({ serverUrl: url, caFile: tls.certFile });
    expect(url).toMatch(/^https:/);
    expect(errorOf(await remote.dispatch('events.list', {}))?.code).toBe('unauthorized');
    expect(errorOf(await remote.dispatch('auth.login', { login: 'clerk', password: 'не тот' }))).toEqual({ code: 'unauthorized', message: 'Неверный логин или пароль.' });

    const login = await remote.dispatch('auth.login', { login: 'clerk', password: PASSWORD });
    expect(login).toMatchObject({ ok: true, value: { user: 'clerk', role: 'clerk', token: '' } });
    const created = await remote.dispatch('events.create', EVENT);
    expect(created).toMatchObject({ ok: true, value: { title: EVENT.title } });
    // Written by the signed-in account, on the server's PostgreSQL register.
    const rows = await pg.pool.query<{ title: string }>('SELECT title FROM events');
    expect(rows.rows.map((r) => r.title)).toContain(EVENT.title);
    expect(await remote.dispatch('auth.me', {})).toMatchObject({ ok: true, value: { login: 'clerk', role: 'clerk' } });
    // The server parses the input: a wrong one is refused there, in Russian.
    expect(errorOf(await remote.dispatch('events.create', { title: '' }))?.code).toBe('validation');

    expect(await remote.dispatch('auth.logout', {})).toEqual({ ok: true, value: { ok: true } });
    expect(errorOf(await remote.dispatch('events.list', {}))?.code).toBe('unauthorized');
  });

  it('passes the role refusal through', async () => {
    const remote = createRemote({ serverUrl: url, caFile: tls.certFile });
    await remote.dispatch('auth.login', { login: 'reader', password: PASSWORD });
    const refused = errorOf(await remote.dispatch('events.create', EVENT));
    expect(refused?.code).toBe('forbidden');
    expect(refused?.message).toContain('Недостаточно прав');
    expect(await remote.dispatch('events.list', {})).toMatchObject({ ok: true });
  });

  it('says in Russian that a server nothing listens on does not answer', async () => {
    const remote = createRemote({ serverUrl: deadUrl });
    expect(errorOf(await remote.dispatch('events.list', {}))).toEqual({ code: 'db_unavailable', message: unreachableMessage(deadUrl) });
    expect(unreachableMessage(deadUrl)).toBe(`Сервер отдела ${deadUrl} не отвечает: проверьте сеть или обратитесь к администратору. Работа продолжится, когда он ответит.`);
    expect((await remote.probe()).ok).toBe(false);
  });

  it('gives up on a server that accepts and never answers', async () => {
    const port = await listen(silent);
    const address = `https://127.0.0.1:${port}/`;
    const remote = createRemote({ serverUrl: address }, { timeoutMs: 300 });
    expect(errorOf(await remote.dispatch('events.list', {}))).toEqual({ code: 'db_unavailable', message: unreachableMessage(address) });
  });

  it('refuses a certificate neither the system nor the named authority signed', async () => {
    for (const caFile of [undefined, foreign.certFile]) {
      const remote = createRemote({ serverUrl: url, caFile });
      const error = errorOf(await remote.dispatch('auth.login', { login: 'clerk', password: PASSWORD }));
      expect(error?.code).toBe('db_unavailable');
      expect(error?.message).toContain('не подтвердил, что это он');
      if (caFile) expect(error?.message).toContain(caFile);
    }
    // A named authority file that is missing: said before anything is sent.
    const remote = createRemote({ serverUrl: url, caFile: join(tempDir(), 'нет.pem') });
    expect(errorOf(await remote.dispatch('events.list', {}))?.message).toContain('не читается');
  });

  it('follows no redirect and tells a server that is not the department\'s', async () => {
    const pages = createHttpsServer({ cert: tls.cert, key: tls.key }, (req, res) => {
      if (req.url?.includes('auth.me')) res.writeHead(302, { Location: 'https://example.org/' }).end();
      else res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>Не тот сервер</html>');
    });
    const port = await new Promise<number>((resolve) => pages.listen(0, '127.0.0.1', () => resolve((pages.address() as AddressInfo).port)));
    try {
      const remote = createRemote({ serverUrl: `https://127.0.0.1:${port}/`, caFile: tls.certFile });
      expect(errorOf(await remote.dispatch('auth.me', {}))?.message).toContain('по другому адресу (код 302)');
      expect(errorOf(await remote.dispatch('events.list', {}))?.message).toContain('отвечает не сервер отдела (код 200)');
    } finally {
      pages.close();
    }
  });
});

describe('whatever a server answers', () => {
  it('comes back as a Result: a body in the program\'s language as it is, anything else refused in Russian', async () => {
    let reply = { status: 200, body: '' };
    const server = createHttpsServer({ cert: tls.cert, key: tls.key }, (_req, res) => res.writeHead(reply.status).end(reply.body));
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)));
    const remote = createRemote({ serverUrl: `https://127.0.0.1:${port}/`, caFile: tls.certFile });
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 200, max: 599 }),
          fc.oneof(fc.string(), fc.json(), fc.record({ ok: fc.boolean(), value: fc.jsonValue(), error: fc.record({ code: fc.string(), message: fc.string() }) }, { requiredKeys: ['ok'] }).map((v) => JSON.stringify(v))),
          async (status, body) => {
            reply = { status, body };
            const result = await remote.dispatch('events.list', {});
            if (status >= 300 && status < 400) expect(errorOf(result)?.message).toContain('по другому адресу');
            else if (result.ok) expect(JSON.parse(body)).toMatchObject({ ok: true });
            else expect(typeof result.error.message).toBe('string');
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      server.close();
    }
  });
});

describe('the switch between the local register and the department server', () => {
  let host: Host;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'reestr-remote-'));
    host = startHost(join(dir, 'reestr.sqlite'));
    await host.ready;
  });
  afterAll(() => {
    host?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('works locally until a server that answers is set, keeps it in the data folder, and goes back', async () => {
    const file = serverLinkFile(dir);
    const desktop = createDesktopDispatch({ local: host.dispatch, file });
    expect(await desktop.dispatch('settings.server', {})).toEqual({ ok: true, value: { mode: 'local', serverUrl: null, caFile: null } });
    expect(await desktop.dispatch('events.list', {})).toMatchObject({ ok: true, value: { total: 0 } });

    // A server that does not answer: refused, and the clerk stays on the local register.
    const dead = await desktop.dispatch('settings.setServer', { serverUrl: deadUrl });
    expect(errorOf(dead)).toEqual({ code: 'db_unavailable', message: unreachableMessage(deadUrl) });
    expect(existsSync(file)).toBe(false);
    expect(errorOf(await desktop.dispatch('settings.setServer', { serverUrl: 'http://127.0.0.1:1/' }))?.code).toBe('validation');
    expect(errorOf(await desktop.dispatch('settings.setServer', { serverUrl: url, caFile: file + '.нет' }))?.message).toContain('не открывается');

    const set = await desktop.dispatch('settings.setServer', { serverUrl: url, caFile: tls.certFile });
    expect(set).toEqual({ ok: true, value: { mode: 'server', serverUrl: url, caFile: tls.certFile } });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ serverUrl: url, caFile: tls.certFile });
    // Now the server answers, sign-in included; the desktop's own methods stay here.
    expect(errorOf(await desktop.dispatch('events.list', {}))?.code).toBe('unauthorized');
    expect(await desktop.dispatch('auth.login', { login: 'reader', password: PASSWORD })).toMatchObject({ ok: true, value: { user: 'reader', token: '' } });
    const listed = await desktop.dispatch('events.list', {});
    expect(listed).toMatchObject({ ok: true });
    expect((listed as { value: { total: number } }).value.total).toBeGreaterThan(0);

    // The next start reads the same file.
    const again = createDesktopDispatch({ local: host.dispatch, file });
    expect(again.settings()).toEqual({ mode: 'server', serverUrl: url, caFile: tls.certFile });

    expect(await desktop.dispatch('settings.setServer', { serverUrl: null })).toEqual({ ok: true, value: { mode: 'local', serverUrl: null, caFile: null } });
    expect(existsSync(file)).toBe(false);
    expect(await desktop.dispatch('events.list', {})).toMatchObject({ ok: true, value: { total: 0 } });
  });

  it('refuses a file that is not a certificate', async () => {
    const notPem = join(tempDir(), 'not-a-cert.txt');
    writeFileSync(notPem, 'просто текст');
    const desktop = createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(dir) });
    expect(errorOf(await desktop.dispatch('settings.setServer', { serverUrl: url, caFile: notPem }))?.message).toContain('нет сертификата в формате PEM');
  });

  it('reads any settings file without throwing: a link, or the local register', () => {
    const file = join(tempDir(), 'server.json');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify({ serverUrl: v }))), (text) => {
        writeFileSync(file, text);
        const link = readServerLink(file);
        expect(link === null || link.serverUrl.startsWith('https://')).toBe(true);
      }),
    );
    writeServerLink(file, { serverUrl: 'https://reestr.otdel.local:8443', caFile: '/etc/otdel/ca.pem' });
    expect(readServerLink(file)).toEqual({ serverUrl: 'https://reestr.otdel.local:8443/', caFile: '/etc/otdel/ca.pem' });
  });

  it('answers any input to the desktop\'s own methods with a Result', async () => {
    const desktop = createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(tempDir()) });
    await fc.assert(
      fc.asyncProperty(fc.constantFrom('settings.server', 'settings.setServer'), fc.anything(), async (method, input) => {
        const result = await desktop.dispatch(method, input);
        expect(typeof result.ok).toBe('boolean');
        if (!result.ok) expect(['validation', 'db_unavailable']).toContain(result.error.code);
      }),
      { numRuns: 200 },
    );
  });
});

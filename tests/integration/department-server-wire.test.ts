// The department server against whatever the network sends: too large, not JSON, wrong methods, huge
// headers, unreadable addresses, and random requests. Every one gets a clear refusal, and the server
// keeps answering.
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { api } from '../../shared/api';
import { usePostgres } from '../support/postgres';
import { send, startDepartment, type DepartmentUnderTest } from '../support/department';

const pg = usePostgres();
const PASSWORD = 'пароль-отдела-1';
let dept: DepartmentUnderTest;
let token = '';
/** A session the random requests may use (and end): the checks use `token`. */
let fuzzToken = '';

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'ivanova', 'clerk', PASSWORD);
  // Kept for the whole file (tempDir() is removed after each test).
  const staticDir = mkdtempSync(join(tmpdir(), 'reestr-renderer-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Реестр</title>');
  dept = await startDepartment(pg, { staticDir, maxBody: 64 * 1024 });
  token = await dept.login('ivanova', PASSWORD);
  fuzzToken = await dept.login('ivanova', PASSWORD);
}, 240_000);

afterAll(() => dept?.close());

const url = (path: string) => `${dept.server.url}${path.replace(/^\//, '')}`;
const auth = () => ({ Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' });

/** Raw bytes to the server, and everything it answers until it closes the socket. */
function raw(bytes: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(dept.server.port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('latin1');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('close', () => resolve(answer));
    socket.on('error', (e: NodeJS.ErrnoException) => (e.code === 'ECONNRESET' || e.code === 'EPIPE' ? resolve(answer) : reject(e)));
    socket.end(bytes);
  });
}

async function stillAnswers(): Promise<void> {
  const reply = await send(url('/api/events.list'), { headers: auth(), body: '{}' });
  expect(reply.status).toBe(200);
  expect(reply.json?.ok).toBe(true);
}

describe('refusals on the wire', () => {
  it('refuses a body past the limit, a body that is not JSON, a wrong HTTP method and an unknown operation', async () => {
    const big = await send(url('/api/events.create'), { headers: auth(), body: JSON.stringify({ title: 'x'.repeat(100 * 1024), startDate: '2021-09-08' }) });
    expect([big.status, big.json?.error]).toEqual([413, { code: 'bad_request', message: 'Слишком большой запрос.' }]);
    const loginBig = await send(url('/api/auth.login'), { body: JSON.stringify({ login: 'ivanova', password: 'p'.repeat(20_000) }) });
    expect(loginBig.status).toBe(413);
    const notJson = await send(url('/api/events.list'), { headers: auth(), body: '{"period": ' });
    expect([notJson.status, notJson.json?.error]).toEqual([400, { code: 'bad_request', message: 'Запрос не является JSON.' }]);
    const get = await send(url('/api/events.list'), { method: 'GET', headers: auth() });
    expect([get.status, get.json?.error?.message]).toEqual([405, 'Операции вызываются методом POST.']);
    const unknown = await send(url('/api/events.drop'), { headers: auth(), body: '{}' });
    expect([unknown.status, unknown.json?.error]).toEqual([404, { code: 'bad_request', message: 'Неизвестная операция «events.drop».' }]);
    // A value that fits none of a union's forms is named in Russian too (the form it came nearest to).
    const union = await send(url('/api/backups.restore'), { headers: auth(), body: JSON.stringify({ login: 'z', password: 'x' }) });
    expect([union.status, union.json?.error]).toEqual([400, { code: 'validation', message: 'Поле «Название»: обязательное поле не заполнено' }]);
    const badEscape = await send(url('/api/events.%ff'), { headers: auth(), body: '{}' });
    expect([badEscape.status, badEscape.json?.error?.code]).toEqual([400, 'bad_request']);
    await stillAnswers();
  });

  it('refuses huge headers and a request it cannot parse, in Russian', async () => {
    const huge = await raw(`POST /api/events.list HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(40_000)}\r\n\r\n`);
    expect(huge).toMatch(/^HTTP\/1\.1 431 /);
    expect(huge).toContain(Buffer.from('Слишком большие заголовки запроса', 'utf8').toString('latin1'));
    const garbage = await raw('НЕ HTTP\r\n\r\n');
    expect(garbage).toMatch(/^HTTP\/1\.1 400 /);
    await stillAnswers();
  });

  it('serves the renderer\'s files with its CSP, and nothing outside them', async () => {
    const page = await send(url('/'), { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Реестр</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect((await send(url('/..%2f..%2fetc%2fpasswd'), { method: 'GET' })).status).toBe(404);
    expect((await send(url('/index.html'), { method: 'DELETE' })).status).toBe(405);
  });
});

describe('random requests', () => {
  const methods = Object.keys(api);
  const httpMethod = fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'HEAD', 'OPTIONS', 'PATCH', 'PROPFIND');
  const path = fc.oneof(
    fc.constantFrom(...methods).map((m) => `/api/${m}`),
    fc.string({ maxLength: 30 }).map((s) => `/api/${encodeURIComponent(s)}`),
    fc.string({ maxLength: 30 }).map((s) => `/${encodeURIComponent(s)}`),
    fc.constantFrom('/api/', '/api', '/api/%', '/api/%e0%80', '//api/auth.login', '/api/auth.login/..'),
  );
  const authorization = fc.oneof(
    fc.constant(undefined),
    fc.constant('fuzz'),
    fc.string({ maxLength: 60 }).map((s) => `Bearer ${s.replace(/[^\x21-\x7e]/g, '')}`),
    fc.string({ maxLength: 60 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
  );
  const body = fc.oneof(
    fc.constant(''),
    fc.jsonValue({ maxDepth: 3 }).map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.record({ login: fc.string({ maxLength: 20 }), password: fc.string({ maxLength: 20 }) }).map((v) => JSON.stringify(v)),
  );

  it('answers every one with a status and, under /api/, a Result in JSON; the server keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(httpMethod, path, authorization, body, fc.constantFrom('application/json', 'text/plain', ''), async (method, target, auth, text, type) => {
        const headers: Record<string, string> = {};
        if (auth !== undefined) headers.Authorization = auth === 'fuzz' ? `Bearer ${fuzzToken}` : auth;
        if (type) headers['Content-Type'] = type;
        const reply = await send(url(target), { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : text });
        expect(reply.status).toBeGreaterThanOrEqual(200);
        expect(reply.status).toBeLessThan(600);
        if (target.startsWith('/api/') && method !== 'HEAD') {
          expect(typeof reply.json?.ok).toBe('boolean');
          if (reply.json?.ok === false) expect(reply.json.error?.message).toMatch(/[А-Яа-яЁё]/);
        }
      }),
      { numRuns: 300 },
    );
    await stillAnswers();
  }, 240_000);

  it('answers or closes on random bytes, and keeps answering', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 300 }), async (text) => {
        const answer = await raw(`${text}\r\n\r\n`);
        if (answer) expect(answer).toMatch(/^HTTP\/1\.1 \d{3} /);
      }),
      { numRuns: 100 },
    );
    await stillAnswers();
  }, 240_000);
});

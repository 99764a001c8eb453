// The local web mode over real HTTP on loopback: the contract, the token, Host and Origin checks, static files.
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { newToken } from '../../electron/server/guard';
import { startWebServer, type RunningServer } from '../../electron/server/server';
import { tempCore, tempDir } from '../helpers';

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

function call(port: number, path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: options.method ?? 'POST', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

let running: RunningServer | undefined;
afterEach(async () => {
  await running?.close();
  running = undefined;
});

async function start() {
  const core = tempCore();
  const token = newToken();
  const staticDir = join(tempDir(), 'renderer');
  mkdirSync(staticDir);
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Реестр</title>');
  writeFileSync(join(staticDir, 'app.js'), 'console.log(1)');
  running = await startWebServer({ dispatch: createDispatch(createHandlers(core), () => {}), token, staticDir });
  const { port } = running;
  const auth = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  const count = () => core.db.prepare('SELECT count(*) FROM events').pluck().get();
  return { core, token, port, auth, count, server: running };
}

const EVENT = JSON.stringify({ title: 'Форум', startDate: '2021-09-01', datePrecision: 'month' });

describe('local web mode', () => {
  it('listens on 127.0.0.1 only and prints the address with the token in the fragment', async () => {
    const { server, token, port } = await start();
    expect((server.server.address() as AddressInfo).address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${port}/#token=${token}`);
  });

  it('serves the contract to a call with the token', async () => {
    const { port, auth, count } = await start();
    const created = await call(port, '/api/events.create', { headers: auth, body: EVENT });
    expect(created.status).toBe(200);
    expect(JSON.parse(created.body)).toMatchObject({ ok: true, value: { title: 'Форум', endDate: '2021-09-30' } });
    expect(created.headers['cache-control']).toBe('no-store');
    const listed = JSON.parse((await call(port, '/api/events.list', { headers: auth, body: '{"period": "2021-09"}' })).body);
    expect(listed).toMatchObject({ ok: true, value: { total: 1 } });
    expect(count()).toBe(1);
    const bad = JSON.parse((await call(port, '/api/events.create', { headers: auth, body: '{"title": ""}' })).body);
    expect(bad).toMatchObject({ ok: false, error: { code: 'validation' } });
  });

  it.each([
    ['no token', {}],
    ['a wrong token', { Authorization: 'Bearer not-the-token' }],
    ['the token in another scheme', { Authorization: 'Basic x' }],
  ])('refuses a call with %s, writing nothing', async (_, headers) => {
    const { port, count } = await start();
    const reply = await call(port, '/api/events.create', { headers: { 'Content-Type': 'application/json', ...headers }, body: EVENT });
    expect(reply.status).toBe(401);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'forbidden', message: expect.stringMatching(/^Нет доступа/) } });
    expect(count()).toBe(0);
  });

  it.each([
    ['a foreign Host (DNS rebinding)', { Host: 'evil.example:80' }],
    ['our address on another port', { Host: '127.0.0.1:1' }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['an opaque Origin', { Origin: 'null' }],
    ['our host over https', { Origin: 'https://127.0.0.1' }],
  ])('refuses %s even with the token, writing nothing', async (_, headers) => {
    const { port, auth, count } = await start();
    const reply = await call(port, '/api/events.create', { headers: { ...auth, ...headers }, body: EVENT });
    expect(reply.status).toBe(403);
    expect(JSON.parse(reply.body).error.message).toMatch(/^Запрос отклонён/);
    expect(count()).toBe(0);
  });

  it('accepts its own Origin, by address or by the name localhost', async () => {
    const { port, auth } = await start();
    for (const origin of [`http://127.0.0.1:${port}`, `http://localhost:${port}`]) {
      const reply = await call(port, '/api/events.list', { headers: { ...auth, Origin: origin }, body: '{}' });
      expect(reply.status).toBe(200);
    }
  });

  it('answers malformed calls in Russian', async () => {
    const { port, auth } = await start();
    expect(await call(port, '/api/events.list', { headers: auth, body: '{not json' })).toMatchObject({ status: 400 });
    expect(JSON.parse((await call(port, '/api/events.list', { headers: auth, body: '{not json' })).body).error.message).toBe('Запрос не является JSON.');
    expect((await call(port, '/api/events.list', { method: 'GET', headers: auth })).status).toBe(405);
    expect((await call(port, '/api/events.list', { headers: auth, body: `"${'x'.repeat(151 * 1024 * 1024)}"` })).status).toBe(413);
    expect(JSON.parse((await call(port, '/api/no.such', { headers: auth, body: '{}' })).body)).toMatchObject({
      ok: false,
      error: { code: 'bad_request', message: 'Неизвестная операция «no.such».' },
    });
  });

  it('serves the renderer with a strict CSP, and nothing outside its folder', async () => {
    const { port } = await start();
    const page = await call(port, '/', { method: 'GET' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>Реестр</title>');
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['content-security-policy']).not.toMatch(/unsafe-eval/);
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await call(port, '/app.js', { method: 'GET' })).headers['content-type']).toMatch(/^text\/javascript/);
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/package.json', '/missing.js']) {
      expect((await call(port, path, { method: 'GET' })).status).toBe(404);
    }
  });
});

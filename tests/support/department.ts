// The department server for the tests: the register and the accounts on the file's PostgreSQL cluster
// (usePostgres), a self-signed certificate made by openssl, and calls over real HTTP(S).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Pool } from 'pg';
import { createDispatch, createServerHandlers } from '../../electron/core/backend';
import { openPgCore, type PgCore } from '../../electron/core/store/pg/core';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { startDepartmentServer, type RunningDepartmentServer } from '../../electron/server/department/department-server';
import type { TlsFiles } from '../../electron/server/department/transport';
import type { ServerBackups } from '../../electron/server/department/backups';

/** A certificate for 127.0.0.1 and localhost, valid for a day, with its key. */
export function selfSignedCert(): TlsFiles & { certFile: string; keyFile: string } {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', keyFile, '-out', certFile,
  ], { stdio: 'ignore', timeout: 60_000 });
  return { cert: readFileSync(certFile), key: readFileSync(keyFile), certFile, keyFile };
}

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  /** The body as JSON, or undefined when it is not. */
  json: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | undefined;
}

export interface CallOptions {
  method?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The certificate to trust (HTTPS). */
  ca?: string | Buffer;
}

/** One request to `url` (http: or https:), its whole answer read. */
export function send(url: string, options: CallOptions = {}): Promise<Reply> {
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    // A length for every body: Node frames no body of GET, DELETE or OPTIONS, which would read as a second request.
    const length = options.body === undefined ? {} : { 'Content-Length': String(Buffer.byteLength(options.body)) };
    const req = request(target, { method: options.method ?? 'POST', headers: { ...length, ...options.headers }, ca: options.ca }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => {
        let json: Reply['json'];
        try {
          json = JSON.parse(body) as Reply['json'];
        } catch {
          json = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body, json });
      });
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface DepartmentUnderTest {
  core: PgCore;
  server: RunningDepartmentServer;
  /** `POST /api/<method>` with a JSON body, as the session of `token` when given. */
  call(method: string, input: unknown, token?: string): Promise<Reply>;
  /** Signs in and answers the session's token (the test fails on a refusal). */
  login(login: string, password: string): Promise<string>;
  close(): Promise<void>;
}

export async function startDepartment(pg: { url: string; pool: Pool }, options: { tls?: TlsFiles; staticDir?: string; host?: string; maxBody?: number; backups?: ServerBackups } = {}): Promise<DepartmentUnderTest> {
  const { pool } = pg;
  await migratePg(pool);
  const core = openPgCore(pg.url, { user: 'сервер отдела' });
  const server = await startDepartmentServer({
    dispatch: createDispatch(createServerHandlers(core, () => {}), () => {}),
    pool,
    host: options.host ?? '127.0.0.1',
    port: 0,
    tls: options.tls,
    staticDir: options.staticDir,
    maxBody: options.maxBody,
    backups: options.backups,
  });
  const call = (method: string, input: unknown, token?: string) =>
    send(`${server.url}api/${method}`, {
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(input),
      ca: options.tls?.cert,
    });
  return {
    core,
    server,
    call,
    async login(login, password) {
      const reply = await call('auth.login', { login, password });
      if (!reply.json?.ok) throw new Error(`login ${login} refused: ${reply.body}`);
      return (reply.json.value as { token: string }).token;
    },
    async close() {
      await server.close();
      await core.close();
    },
  };
}

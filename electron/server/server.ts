// The local web mode: the contract over HTTP on 127.0.0.1, and the built renderer as static files.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/backend';
import type { ErrorInfo, Result } from '../../shared/errors';
import { COMMON_HEADERS } from './headers';
import { findStaticFile, staticHeaders } from './files';
import { hasToken, isLoopbackPeer, isOwnHost, isOwnOrigin } from './guard';

export interface WebServerOptions {
  dispatch: Dispatch;
  token: string;
  /** The built renderer; without it only the API is served. */
  staticDir?: string;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** The address to open: the token travels in the fragment, which no request carries. */
  url: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/';

function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

function refuse(res: ServerResponse, status: number, error: ErrorInfo): void {
  sendJson(res, status, { ok: false, error } satisfies Result<never>);
}

/** The body, or null past `limit`: the rest is read and dropped so the caller still gets the answer. */
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

async function serveApi(req: IncomingMessage, res: ServerResponse, options: Required<Omit<WebServerOptions, 'staticDir'>>, method: string) {
  if (req.method !== 'POST') {
    refuse(res, 405, { code: 'bad_request', message: 'Операции вызываются методом POST.' });
    return;
  }
  if (!hasToken(req.headers.authorization, options.token)) {
    refuse(res, 401, { code: 'forbidden', message: 'Нет доступа: откройте программу по адресу, который она показала при запуске.' });
    return;
  }
  const body = await readBody(req, options.maxBody);
  if (body === null) {
    refuse(res, 413, { code: 'bad_request', message: 'Слишком большой запрос.' });
    return;
  }
  let input: unknown;
  try {
    input = body.length ? JSON.parse(body.toString('utf8')) : {};
  } catch {
    refuse(res, 400, { code: 'bad_request', message: 'Запрос не является JSON.' });
    return;
  }
  sendJson(res, 200, await options.dispatch(method, input));
}

async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | undefined, pathname: string) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(res, 405, '', {});
    return;
  }
  const file = root ? await findStaticFile(root, pathname) : null;
  if (!file) {
    send(res, 404, 'Не найдено', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  send(res, 200, req.method === 'HEAD' ? '' : await readFile(file), staticHeaders(file));
}

export function createWebServer(options: WebServerOptions): Server {
  // An import sends its file in base64: up to LIMITS.fileBytes and a third more.
  const settings = { maxBody: 150 * 1024 * 1024, ...options };
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const server = createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    // Checked before anything else, for every request: a foreign peer, Host or Origin gets nothing.
    if (!isLoopbackPeer(req.socket.remoteAddress) || !isOwnHost(req.headers.host, port) || !isOwnOrigin(req.headers.origin, port)) {
      refuse(res, 403, { code: 'forbidden', message: 'Запрос отклонён: программа принимает запросы только со своей страницы на этом компьютере.' });
      return;
    }
    const pathname = new URL(req.url ?? '/', `http://127.0.0.1:${port}`).pathname;
    const handled = pathname.startsWith(API_PREFIX)
      ? serveApi(req, res, settings, decodeURIComponent(pathname.slice(API_PREFIX.length)))
      : serveStatic(req, res, root, pathname);
    handled.catch(() => {
      if (!res.headersSent) refuse(res, 500, { code: 'internal', message: 'Внутренняя ошибка программы.' });
      else res.destroy();
    });
  });
  return server;
}

/** Listens on 127.0.0.1 only (port 0: any free port). */
export function listen(server: Server, port = 0): Promise<number> {
  return new Promise((resolvePort, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolvePort((server.address() as AddressInfo).port));
  });
}

export async function startWebServer(options: WebServerOptions, port = 0): Promise<RunningServer> {
  const server = createWebServer(options);
  const actual = await listen(server, port);
  return {
    server,
    port: actual,
    url: `http://127.0.0.1:${actual}/#token=${options.token}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}


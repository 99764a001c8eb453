// The local web mode: the contract over HTTP on 127.0.0.1, and the built renderer as static files.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../core/backend';
import type { ErrorInfo } from '../../shared/errors';
import { API_PREFIX, BAD_TARGET, NOT_POST, readJsonInput, refuse, sendJson, serveStatic } from './reply';
import { harden, safeLog } from './hardening';
import { decodePath, hasOneHost, hasToken, isLoopbackPeer, isOwnHost, isOwnOrigin, parseTarget } from './guard';

export interface WebServerOptions {
  dispatch: Dispatch;
  token: string;
  /** The built renderer; without it only the API is served. */
  staticDir?: string;
  /** Largest request body accepted, in bytes. */
  maxBody?: number;
  /** Where a request that failed unexpectedly is written (the error log). */
  logError?: (error: unknown, context: string) => void;
}

export interface RunningServer {
  server: Server;
  port: number;
  /** The address to open: the token travels in the fragment, which no request carries. */
  url: string;
  close(): Promise<void>;
}

async function serveApi(req: IncomingMessage, res: ServerResponse, options: Required<Omit<WebServerOptions, 'staticDir' | 'logError'>>, method: string) {
  if (req.method !== 'POST') {
    refuse(res, 405, NOT_POST);
    return;
  }
  if (!hasToken(req.headers.authorization, options.token)) {
    refuse(res, 401, { code: 'forbidden', message: 'Нет доступа: откройте программу по адресу, который она показала при запуске.' });
    return;
  }
  const body = await readJsonInput(req, res, options.maxBody);
  if (body) sendJson(res, 200, await options.dispatch(method, body.input));
}

const FORBIDDEN: ErrorInfo = { code: 'forbidden', message: 'Запрос отклонён: программа принимает запросы только со своей страницы на этом компьютере.' };

export function createWebServer(options: WebServerOptions): Server {
  // An import sends its file in base64: up to LIMITS.fileBytes and a third more.
  const settings = { maxBody: 150 * 1024 * 1024, ...options };
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const hardened = harden(safeLog(options.logError), 'Веб-режим');
  // Read once, on listening: server.address() is null once closing, and a late request must not throw on it.
  let port = 0;

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Checked before anything else, for every request: a foreign peer, Host or Origin gets nothing.
    if (!isLoopbackPeer(req.socket.remoteAddress) || !isOwnHost(req.headers.host, port) || !hasOneHost(req.rawHeaders) || !isOwnOrigin(req.headers.origin, port)) {
      refuse(res, 403, FORBIDDEN);
      return;
    }
    const target = parseTarget(req.url, port);
    if (target.kind !== 'path') {
      refuse(res, target.kind === 'foreign' ? 403 : 400, target.kind === 'foreign' ? FORBIDDEN : BAD_TARGET);
      return;
    }
    if (target.pathname.startsWith(API_PREFIX)) {
      const method = decodePath(target.pathname.slice(API_PREFIX.length));
      if (method === null) refuse(res, 400, BAD_TARGET);
      else await serveApi(req, res, settings, method);
      return;
    }
    await serveStatic(req, res, root, target.pathname);
  }

  // A request without Host reaches the guard, which refuses it in Russian (Node's own refusal is an empty 400).
  const server = createServer({ requireHostHeader: false }, hardened.listener(handle));
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
  });
  hardened.install(server);
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


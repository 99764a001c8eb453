// The local web mode: the contract over HTTP on 127.0.0.1, and the built renderer as static files.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AddressInfo, Socket } from 'node:net';
import type { Dispatch } from '../core/backend';
import type { ErrorInfo, Result } from '../../shared/errors';
import { COMMON_HEADERS } from './headers';
import { findStaticFile, staticHeaders } from './files';
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

async function serveApi(req: IncomingMessage, res: ServerResponse, options: Required<Omit<WebServerOptions, 'staticDir' | 'logError'>>, method: string) {
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
    send(res, 405, 'Страницы программы открываются методом GET.', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  const file = root ? await findStaticFile(root, pathname) : null;
  if (!file) {
    send(res, 404, 'Не найдено', { 'Content-Type': 'text/plain; charset=utf-8' });
    return;
  }
  send(res, 200, req.method === 'HEAD' ? '' : await readFile(file), staticHeaders(file));
}

const FORBIDDEN: ErrorInfo = { code: 'forbidden', message: 'Запрос отклонён: программа принимает запросы только со своей страницы на этом компьютере.' };
const BAD_TARGET: ErrorInfo = { code: 'bad_request', message: 'Неверный адрес в запросе: программа не смогла его разобрать (ошибочная %-последовательность или недопустимая форма адреса).' };
const INTERNAL: ErrorInfo = { code: 'internal', message: 'Внутренняя ошибка программы: запрос не выполнен.' };

interface RawReply {
  status: number;
  text: string;
  error: ErrorInfo;
}

const CONNECT_REFUSED: RawReply = { status: 405, text: 'Method Not Allowed', error: { code: 'bad_request', message: 'Запрос CONNECT не принимается: программа не служит посредником для других адресов.' } };

/** What a request Node's parser could not read is answered, by the parser's error code. */
function clientErrorReply(code: string | undefined): RawReply {
  switch (code) {
    case 'HPE_HEADER_OVERFLOW':
      return { status: 431, text: 'Request Header Fields Too Large', error: { code: 'bad_request', message: 'Слишком большие заголовки запроса: программа их не принимает.' } };
    case 'HPE_CHUNK_EXTENSIONS_OVERFLOW':
      return { status: 413, text: 'Payload Too Large', error: { code: 'bad_request', message: 'Слишком длинные расширения частей тела запроса: программа их не принимает.' } };
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return { status: 408, text: 'Request Timeout', error: { code: 'bad_request', message: 'Запрос не пришёл целиком за отведённое время.' } };
    default:
      return { status: 400, text: 'Bad Request', error: { code: 'bad_request', message: 'Неверный HTTP-запрос: программа не смогла разобрать его строку, заголовки или тело.' } };
  }
}

/** The whole answer to a request the parser refused, as raw bytes: there is no ServerResponse for it. */
function rawRefusal({ status, text, error }: RawReply): string {
  const body = JSON.stringify({ ok: false, error } satisfies Result<never>);
  const headers = { ...COMMON_HEADERS, 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'Content-Length': String(Buffer.byteLength(body)), Connection: 'close' };
  return `HTTP/1.1 ${status} ${text}\r\n${Object.entries(headers).map(([name, value]) => `${name}: ${value}\r\n`).join('')}\r\n${body}`;
}

/** Answers a socket the parser gave up on, then closes it. */
function endWith(socket: Socket, reply: RawReply): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  socket.end(rawRefusal(reply));
  // A peer that never reads or never closes its side does not keep the socket.
  setTimeout(() => socket.destroy(), 2_000).unref();
}

export function createWebServer(options: WebServerOptions): Server {
  // An import sends its file in base64: up to LIMITS.fileBytes and a third more.
  const settings = { maxBody: 150 * 1024 * 1024, ...options };
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const logError = (error: unknown, context: string) => {
    try {
      options.logError?.(error, context);
    } catch {
      // The log is the last thing that may take the server down.
    }
  };
  // Read once, on listening: server.address() is null once closing, and a late request must not throw on it.
  let port = 0;
  /** The response each socket is writing, so a parser error on the same socket does not cut into it. */
  const answering = new WeakMap<Socket, ServerResponse>();

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

  /** A request handler that failed: logged, answered 500 if nothing was sent yet, else cut off. */
  function failed(res: ServerResponse, error: unknown): void {
    logError(error, 'Веб-режим: запрос');
    try {
      if (!res.headersSent) refuse(res, 500, INTERNAL);
      else res.destroy();
    } catch {
      res.destroy();
    }
  }

  // A request without Host reaches the guard, which refuses it in Russian (Node's own refusal is an empty 400).
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    // Nothing a request holds may throw past here: Node's http would take the process down with it.
    try {
      answering.set(req.socket, res);
      res.once('finish', () => {
        if (answering.get(req.socket) === res) answering.delete(req.socket);
      });
      handle(req, res).catch((e: unknown) => failed(res, e));
    } catch (e) {
      failed(res, e);
    }
  });
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
    // Once listening, a failure to accept a connection (too many open files) must not end the process;
    // before, listen() reports it (a port in use) to its caller.
    server.on('error', (e) => logError(e, 'Веб-режим'));
  });
  // What the parser cannot read (a bad request line, header or chunk; headers too large; too slow) is
  // answered in Russian when nothing else is being written on the socket, which is then closed.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Socket) => {
    try {
      const inFlight = answering.get(socket);
      if (socket.writable && error.code !== 'ECONNRESET' && !inFlight?.headersSent) {
        endWith(socket, clientErrorReply(error.code));
      } else {
        socket.destroy();
      }
    } catch (e) {
      logError(e, 'Веб-режим: неверный запрос');
      socket.destroy();
    }
  });
  // Node hands a CONNECT's socket over (and without this listener drops it unanswered).
  server.on('connect', (_req: IncomingMessage, socket: Socket) => {
    try {
      endWith(socket, CONNECT_REFUSED);
    } catch (e) {
      logError(e, 'Веб-режим: CONNECT');
      socket.destroy();
    }
  });
  // «Expect» other than 100-continue: refused in our words rather than Node's empty 417.
  server.on('checkExpectation', (_req: IncomingMessage, res: ServerResponse) => {
    try {
      refuse(res, 417, { code: 'bad_request', message: 'Заголовок «Expect» этого запроса программа не поддерживает.' });
    } catch (e) {
      failed(res, e);
    }
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


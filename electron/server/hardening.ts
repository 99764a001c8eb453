// What keeps an HTTP server of ours answering whatever arrives: a request handler that fails is
// logged and answered 500; what Node's parser cannot read, a CONNECT and an unknown «Expect» are
// refused in Russian; nothing a request holds reaches the process as an uncaught exception.
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { ErrorInfo, Result } from '../../shared/errors';
import { COMMON_HEADERS } from './headers';
import { INTERNAL, refuse } from './reply';

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

export type LogError = (error: unknown, context: string) => void;

/** The log, which must never be what takes the server down. */
export function safeLog(logError: LogError | undefined): LogError {
  return (error, context) => {
    try {
      logError?.(error, context);
    } catch {
      // nothing left to tell
    }
  };
}

export interface Hardened {
  /** The request listener to give createServer: runs `handle`, and answers for it when it fails. */
  listener(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>): (req: IncomingMessage, res: ServerResponse) => void;
  /** Installs the refusals of what the parser cannot read (and the like) on the server. */
  install(server: Server): void;
}

/** `label` names the server in the log («Веб-режим», «Сервер отдела»). */
export function harden(logError: LogError, label: string): Hardened {
  /** The response each socket is writing, so a parser error on the same socket does not cut into it. */
  const answering = new WeakMap<Socket, ServerResponse>();

  /** A request handler that failed: logged, answered 500 if nothing was sent yet, else cut off. */
  function failed(res: ServerResponse, error: unknown): void {
    logError(error, `${label}: запрос`);
    try {
      if (!res.headersSent) refuse(res, 500, INTERNAL);
      else res.destroy();
    } catch {
      res.destroy();
    }
  }

  return {
    listener: (handle) => (req, res) => {
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
    },
    install(server) {
      server.on('listening', () => {
        // Once listening, a failure to accept a connection (too many open files) must not end the process;
        // before, listen() reports it (a port in use) to its caller.
        server.on('error', (e) => logError(e, label));
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
          logError(e, `${label}: неверный запрос`);
          socket.destroy();
        }
      });
      // Node hands a CONNECT's socket over (and without this listener drops it unanswered).
      server.on('connect', (_req: IncomingMessage, socket: Socket) => {
        try {
          endWith(socket, CONNECT_REFUSED);
        } catch (e) {
          logError(e, `${label}: CONNECT`);
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
    },
  };
}

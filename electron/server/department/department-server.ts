// The department server: the contract over HTTP(S) to the clerks of a department, each call made as
// the account its session belongs to and refused when that account's role does not allow it; and the
// built renderer as static files. Accounts and sessions live on PostgreSQL (../accounts).
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Pool } from 'pg';
import type { Dispatch } from '../../core/backend';
import { api, isContractMethod, isServerMethod, type MethodName, type ParsedInput } from '../../../shared/api';
import { AppError, type ErrorCode, type ErrorInfo, type Result } from '../../../shared/errors';
import { parseOrThrow } from '../../../shared/schema/messages';
import type { Session } from '../../../shared/schema/account';
import { forbiddenMessage, requiredRole, roleAllows } from '../../../shared/roles';
import { sessionOf, signIn } from '../accounts/accounts';
import { createAddressLimit, type AddressLimit } from '../accounts/address-limit';
import { bearerToken, decodePath, parseTarget } from '../guard';
import { harden, safeLog, type LogError } from '../hardening';
import { API_PREFIX, BAD_TARGET, INTERNAL, NOT_POST, readJsonInput, refuse, sendJson, serveStatic } from '../reply';
import type { ServerBackups } from './backups';
import { ownMethods, type OwnMethodName } from './own-methods';
import { receiveRegister } from './register-upload';
import { checkTransport, serverUrl, type TlsFiles } from './transport';

export interface DepartmentServerOptions {
  /** The register's back end: every call but the server's own (auth.*, accounts.*) goes there. */
  dispatch: Dispatch;
  /** Accounts and sessions (migrated). */
  pool: Pool;
  /** Where to listen: a loopback address, or any other with `tls`. */
  host: string;
  /** 0: any free port. */
  port: number;
  tls?: TlsFiles;
  /** Failed sign-ins by the address they come from (a clock of its own in tests). */
  addressLimit?: AddressLimit;
  /** The built renderer; without it only the API is served. */
  staticDir?: string;
  /** Largest request body of a signed-in call, in bytes (an import sends its file in base64). */
  maxBody?: number;
  logError?: LogError;
  /** The server's own backups (server.backups, server.backupNow); without them those calls say they are not set up. */
  backups?: ServerBackups;
  /** Largest register server.receiveRegister takes, in bytes (streamed to a temporary file, not held in memory). */
  maxRegister?: number;
}

export interface RunningDepartmentServer {
  server: Server;
  port: number;
  /** What to open in a browser: scheme, host and port. */
  url: string;
  close(): Promise<void>;
}

/** A login and a password are small: a sign-in body past this is refused before anything else. */
const LOGIN_MAX_BODY = 16 * 1024;
const DEFAULT_MAX_BODY = 150 * 1024 * 1024;

const NO_SESSION = 'Войдите в реестр отдела: запрос без ключа сеанса не принимается.';

const ACCOUNTS_UNREACHABLE: ErrorInfo = {
  code: 'db_unavailable',
  message: 'Сервер отдела не может связаться со своей базой данных PostgreSQL: вход и проверка прав сейчас невозможны. Сообщите администратору.',
};

/** No connection to PostgreSQL: refused, reset, unknown host, or the server going away (SQLSTATE classes 08 and 57P). */
function isConnectionLoss(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/^E(CONNREFUSED|CONNRESET|NOTFOUND|TIMEDOUT|HOSTUNREACH|NETUNREACH|PIPE|NOENT)$/.test(code) || /^(08|57P)/.test(code));
}

/** The HTTP status of an answer: the code of its error says it, so a proxy's log reads as the clerk's screen does. */
const STATUS: Record<ErrorCode, number> = {
  validation: 400,
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  db_newer: 503,
  db_unavailable: 503,
  db_damaged: 503,
  internal: 500,
};

export function statusOf(result: Result<unknown>): number {
  return result.ok ? 200 : STATUS[result.error.code];
}

export function createDepartmentServer(options: DepartmentServerOptions): Server {
  const { dispatch, pool } = options;
  const maxBody = options.maxBody ?? DEFAULT_MAX_BODY;
  const root = options.staticDir ? resolve(options.staticDir) : undefined;
  const logError = safeLog(options.logError);
  const hardened = harden(logError, 'Сервер отдела');
  const own = ownMethods(pool, options.backups);
  let port = 0;
  const addresses = options.addressLimit ?? createAddressLimit();

  const failure = (e: unknown): Result<never> => {
    if (e instanceof AppError) return { ok: false, error: e.toInfo() };
    logError(e, 'Сервер отдела: вызов');
    return { ok: false, error: isConnectionLoss(e) ? ACCOUNTS_UNREACHABLE : INTERNAL };
  };

  /** Who calls: the open session the bearer token names. */
  async function caller(req: IncomingMessage): Promise<Session> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new AppError('unauthorized', NO_SESSION);
    return sessionOf(pool, token);
  }

  /** Refuses a call the session's role does not allow (a job's role is read from its valid input). */
  function allow(session: Session, method: MethodName, input: unknown): void {
    const needed = requiredRole(method, input as ParsedInput<MethodName>);
    if (!roleAllows(session.role, needed)) throw new AppError('forbidden', forbiddenMessage(session.role, needed));
  }

  /**
   * One call, in this order: the session; the input, parsed by the contract's schema (so a role that
   * depends on it, a job's, is read from a valid input); the role; then the call. A refusal changes nothing.
   * Null when a refusal of the body was already sent.
   */
  async function answer(req: IncomingMessage, res: ServerResponse, method: MethodName): Promise<Result<unknown> | null> {
    try {
      if (method === 'auth.login') {
        const body = await readJsonInput(req, res, LOGIN_MAX_BODY);
        if (!body) return null;
        const { login, password } = parseOrThrow(api['auth.login'].input, body.input);
        const address = req.socket.remoteAddress ?? '';
        const wait = addresses.wait(address);
        if (wait > 0) throw new AppError('unauthorized', `Слишком много неудачных попыток входа с этого компьютера. Повторите через ${wait} с.`);
        try {
          // Asynchronous throughout (scrypt runs off the event loop): a slow sign-in holds up no other call.
          const session = await signIn(pool, login, password);
          addresses.succeeded(address);
          return { ok: true, value: session };
        } catch (e) {
          if (e instanceof AppError && e.code === 'unauthorized') addresses.failed(address);
          throw e;
        }
      }
      const session = await caller(req);
      if (method === 'server.receiveRegister') {
        // Its body is the register's file, streamed to disk: the role is checked before a byte of it is read.
        allow(session, method, {});
        return { ok: true, value: await receiveRegister(req, pool, options.maxRegister) };
      }
      const body = await readJsonInput(req, res, maxBody);
      if (!body) return null;
      const input: unknown = parseOrThrow(api[method].input, body.input);
      allow(session, method, input);
      if (isServerMethod(method)) {
        const handler = own[method as OwnMethodName] as (input: unknown, session: Session) => Promise<unknown>;
        return { ok: true, value: await handler(input, session) };
      }
      // The dispatcher parses the raw input itself, as for every transport.
      return await dispatch(method, body.input, { user: session.user, role: session.role });
    } catch (e) {
      return failure(e);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    await route(req, res);
    // A body left unread (a refusal before it, a page) is read and dropped: closing on unread bytes resets the connection under the answer.
    if (!req.readableEnded) req.resume();
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const target = parseTarget(req.url, port);
    if (target.kind !== 'path') {
      refuse(res, 400, BAD_TARGET);
      return;
    }
    if (!target.pathname.startsWith(API_PREFIX)) {
      await serveStatic(req, res, root, target.pathname);
      return;
    }
    const method = decodePath(target.pathname.slice(API_PREFIX.length));
    if (method === null) {
      refuse(res, 400, BAD_TARGET);
      return;
    }
    if (req.method !== 'POST') {
      refuse(res, 405, NOT_POST);
      return;
    }
    if (!isContractMethod(method)) {
      refuse(res, 404, { code: 'bad_request', message: `Неизвестная операция «${method}».` } satisfies ErrorInfo);
      return;
    }
    const result = await answer(req, res, method);
    if (result) sendJson(res, statusOf(result), result);
  }

  const listener = hardened.listener(handle);
  const server = options.tls ? createHttpsServer({ cert: options.tls.cert, key: options.tls.key }, listener) : createHttpServer(listener);
  server.on('listening', () => {
    const address = server.address();
    if (address && typeof address === 'object') port = address.port;
  });
  hardened.install(server);
  return server;
}

/** Checks the transport (TLS off loopback), then listens; the url is the address to print first. */
export async function startDepartmentServer(options: DepartmentServerOptions): Promise<RunningDepartmentServer> {
  checkTransport(options.host, options.tls);
  const server = createDepartmentServer(options);
  const port = await new Promise<number>((done, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      done((server.address() as AddressInfo).port);
    });
  });
  return {
    server,
    port,
    url: serverUrl(options.host, port, Boolean(options.tls)),
    close: () =>
      new Promise((done) => {
        server.close(() => done());
        // Browsers keep connections open: a closing server does not wait for them.
        server.closeAllConnections();
      }),
  };
}

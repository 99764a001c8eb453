// The contract over HTTPS to a department server, for the desktop app in server mode: the session's
// token stays here, in the main process; the page gets the server's Results as they are.
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import type { Result } from '../../shared/errors';
import type { ServerLink } from '../../shared/schema/server-link';
import type { Dispatch } from '../core/backend';

/** How long a call may wait for the server's answer (an export of the whole register included). */
const TIMEOUT_MS = 120_000;
/** The largest answer read: a whole register's export fits well. */
const MAX_ANSWER = 512 * 1024 * 1024;

export interface RemoteOptions {
  timeoutMs?: number;
}

export interface Remote {
  /** Every method of the contract, sent to the server as the session this client signed in with. */
  dispatch: Dispatch;
  /** Whether the server answers in the program's language (any Result, a refusal included). */
  probe(): Promise<Result<null>>;
  readonly serverUrl: string;
}

export function unreachableMessage(serverUrl: string): string {
  return `Сервер отдела ${serverUrl} не отвечает: проверьте сеть или обратитесь к администратору. Работа продолжится, когда он ответит.`;
}

function untrustedMessage(serverUrl: string, caFile: string | undefined): string {
  const ca = caFile ? `ни системой, ни центром сертификации из файла «${caFile}»` : 'известным системе центром сертификации';
  return `Сервер отдела ${serverUrl} не подтвердил, что это он: его сертификат не подписан ${ca}. Если у отдела свой центр сертификации, укажите в настройках файл его сертификата; иначе обратитесь к администратору.`;
}

const fail = (message: string): Result<never> => ({ ok: false, error: { code: 'db_unavailable', message } });

/** Node's codes for a certificate it does not trust (OpenSSL's, and its own for a wrong name). */
function isCertificateError(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && (/CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code) || code.startsWith('ERR_TLS'));
}

/** A body that is a Result: `{ ok: true, value }` or `{ ok: false, error: { code, message } }`. */
function asResult(body: unknown): Result<unknown> | null {
  if (typeof body !== 'object' || body === null) return null;
  const { ok, value, error } = body as { ok?: unknown; value?: unknown; error?: { code?: unknown; message?: unknown; current?: unknown } };
  if (ok === true) return { ok: true, value };
  if (ok !== false || typeof error?.code !== 'string' || typeof error.message !== 'string') return null;
  // The code as the server names it: the contract's list is the server's too.
  return { ok: false, error: error as Extract<Result<unknown>, { ok: false }>['error'] };
}

export function createRemote(link: ServerLink, options: RemoteOptions = {}): Remote {
  const base = new URL(link.serverUrl);
  const serverUrl = base.toString();
  const timeoutMs = options.timeoutMs ?? TIMEOUT_MS;
  let token: string | null = null;

  function authority(): Result<Buffer | undefined> {
    if (!link.caFile) return { ok: true, value: undefined };
    try {
      return { ok: true, value: readFileSync(link.caFile) };
    } catch {
      return fail(`Файл сертификата отдела «${link.caFile}» не читается: проверьте путь в настройках (раздел «Сервер отдела»).`);
    }
  }

  function post(method: string, input: unknown, bearer: string | null): Promise<Result<unknown>> {
    const ca = authority();
    if (!ca.ok) return Promise.resolve(ca);
    const body = JSON.stringify(input ?? {});
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) };
    if (bearer) headers.Authorization = `Bearer ${bearer}`;
    return new Promise((resolve) => {
      let settled = false;
      const settle = (result: Result<unknown>) => {
        if (settled) return;
        settled = true;
        resolve(result);
      };
      // A department's own authority is trusted besides the system's, never instead of verification.
      const req = request(new URL(`api/${encodeURIComponent(method)}`, base), { method: 'POST', headers, ca: ca.value, rejectUnauthorized: true, timeout: timeoutMs }, (res) => {
        const status = res.statusCode ?? 0;
        if (status >= 300 && status < 400) {
          res.resume();
          settle(fail(`Сервер отдела ${serverUrl} отправляет по другому адресу (код ${status}): уточните у администратора точный адрес и укажите его в настройках.`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > MAX_ANSWER) {
            req.destroy();
            settle(fail(`Сервер отдела ${serverUrl} прислал слишком большой ответ: действие не выполнено.`));
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          let parsed: unknown;
          try {
            parsed = JSON.parse(Buffer.concat(chunks).toString('utf8'));
          } catch {
            parsed = undefined;
          }
          settle(asResult(parsed) ?? fail(`По адресу ${serverUrl} отвечает не сервер отдела (код ${status}): проверьте адрес в настройках.`));
        });
        res.on('error', () => settle(fail(unreachableMessage(serverUrl))));
      });
      req.on('timeout', () => {
        req.destroy();
        settle(fail(unreachableMessage(serverUrl)));
      });
      req.on('error', (e) => settle(fail(isCertificateError(e) ? untrustedMessage(serverUrl, link.caFile) : unreachableMessage(serverUrl))));
      req.end(body);
    });
  }

  const dispatch: Dispatch = async (method, input) => {
    if (method === 'auth.login') {
      const result = await post(method, input, null);
      if (!result.ok) return result;
      const session = result.value as { token?: unknown };
      token = typeof session.token === 'string' ? session.token : null;
      // The token never reaches the page: this process sends it with each call.
      return { ok: true, value: { ...session, token: '' } };
    }
    const result = await post(method, input, token);
    if (method === 'auth.logout' || (!result.ok && result.error.code === 'unauthorized')) token = null;
    return result;
  };

  return {
    dispatch,
    serverUrl,
    async probe() {
      const result = await post('auth.me', {}, null);
      if (!result.ok && result.error.code === 'db_unavailable') return result;
      return { ok: true, value: null };
    },
  };
}

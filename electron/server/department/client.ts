// A client of the department server over HTTPS: one call of the contract as JSON, or a file as the raw
// body of a call (a register sent whole). The desktop's main process (server mode) and the local web mode
// («Перенести реестр на сервер») both talk to the server through it; its failures are Results in Russian.
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import type { Result } from '../../../shared/errors';
import type { ServerLink } from '../../../shared/schema/server-link';

/** How long a call may wait for the server's answer (an export of the whole register included). */
const TIMEOUT_MS = 120_000;
/** The largest answer read: a whole register's export fits well. */
const MAX_ANSWER = 512 * 1024 * 1024;

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

/** What a call sends: the contract's JSON input, or a file's bytes as they are. */
export type Payload = { json: unknown } | { file: string };

export interface ServerClient {
  readonly serverUrl: string;
  /** `POST api/<method>` with the payload, as the session of `bearer` when given; the server's Result, or a failure in Russian. */
  post(method: string, payload: Payload, bearer: string | null, timeoutMs?: number): Promise<Result<unknown>>;
}

export function createServerClient(link: ServerLink): ServerClient {
  const base = new URL(link.serverUrl);
  const serverUrl = base.toString();

  function authority(): Result<Buffer | undefined> {
    if (!link.caFile) return { ok: true, value: undefined };
    try {
      return { ok: true, value: readFileSync(link.caFile) };
    } catch {
      return fail(`Файл сертификата отдела «${link.caFile}» не читается: проверьте путь в настройках (раздел «Сервер отдела»).`);
    }
  }

  function post(method: string, payload: Payload, bearer: string | null, timeoutMs = TIMEOUT_MS): Promise<Result<unknown>> {
    const ca = authority();
    if (!ca.ok) return Promise.resolve(ca);
    const body = 'json' in payload ? JSON.stringify(payload.json ?? {}) : null;
    const file = 'file' in payload ? payload.file : null;
    let length: number;
    try {
      length = file === null ? Buffer.byteLength(body ?? '') : statSync(file).size;
    } catch {
      return Promise.resolve(fail(`Не удалось прочитать файл «${file ?? ''}» для отправки на сервер отдела.`));
    }
    const headers: Record<string, string> = {
      'Content-Type': body === null ? 'application/octet-stream' : 'application/json',
      'Content-Length': String(length),
    };
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
      if (file === null) {
        req.end(body);
        return;
      }
      // The file streams as it is read: a register of hundreds of megabytes is never held in memory.
      const stream = createReadStream(file);
      stream.on('error', () => {
        req.destroy();
        settle(fail(`Не удалось прочитать файл «${file}» для отправки на сервер отдела.`));
      });
      stream.pipe(req);
    });
  }

  return { serverUrl, post };
}

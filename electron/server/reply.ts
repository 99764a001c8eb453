// Answers of the HTTP servers (the local web mode and the department server): JSON Results, refusals,
// request bodies read within a limit, and the built renderer's files.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { ErrorInfo, Result } from '../../shared/errors';
import { COMMON_HEADERS } from './headers';
import { findStaticFile, staticHeaders } from './files';

/** Where the contract's methods are: `POST /api/<method>`. */
export const API_PREFIX = '/api/';

export function send(res: ServerResponse, status: number, body: string | Buffer, headers: Record<string, string>): void {
  res.writeHead(status, { ...COMMON_HEADERS, ...headers, 'Content-Length': String(Buffer.byteLength(body)) });
  res.end(body);
}

export function sendJson(res: ServerResponse, status: number, value: unknown): void {
  send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
}

export function refuse(res: ServerResponse, status: number, error: ErrorInfo): void {
  sendJson(res, status, { ok: false, error } satisfies Result<never>);
}

/** The body, or null past `limit`: the rest is read and dropped so the caller still gets the answer. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size <= limit) chunks.push(chunk as Buffer);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

export const NOT_POST: ErrorInfo = { code: 'bad_request', message: 'Операции вызываются методом POST.' };
export const TOO_LARGE: ErrorInfo = { code: 'bad_request', message: 'Слишком большой запрос.' };
export const NOT_JSON: ErrorInfo = { code: 'bad_request', message: 'Запрос не является JSON.' };
export const BAD_TARGET: ErrorInfo = { code: 'bad_request', message: 'Неверный адрес в запросе: программа не смогла его разобрать (ошибочная %-последовательность или недопустимая форма адреса).' };
export const INTERNAL: ErrorInfo = { code: 'internal', message: 'Внутренняя ошибка программы: запрос не выполнен.' };

/** A call's JSON input (an empty body is `{}`), or the refusal already sent. */
export async function readJsonInput(req: IncomingMessage, res: ServerResponse, maxBody: number): Promise<{ input: unknown } | null> {
  const body = await readBody(req, maxBody);
  if (body === null) {
    refuse(res, 413, TOO_LARGE);
    return null;
  }
  try {
    return { input: body.length ? JSON.parse(body.toString('utf8')) : {} };
  } catch {
    refuse(res, 400, NOT_JSON);
    return null;
  }
}

/** A file of the built renderer (GET or HEAD), or a plain refusal. */
export async function serveStatic(req: IncomingMessage, res: ServerResponse, root: string | undefined, pathname: string): Promise<void> {
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

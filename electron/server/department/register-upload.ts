// «Перенести реестр на сервер», the server's side: a clerk's register arrives as the raw body of
// server.receiveRegister, is written to a private temporary file (within a size limit, never held in
// memory), and goes into the server's empty register as `reestr server import-sqlite` puts it
// (copySqliteToPg: one transaction, rows and a checksum per table checked before the commit). The
// file is removed whatever happens; a bad file is refused in Russian.
import { closeSync, createWriteStream, mkdtempSync, openSync, readSync, rmSync, type WriteStream } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import type { Pool } from 'pg';
import { AppError } from '../../../shared/errors';
import type { RegisterReceived } from '../../../shared/schema/register-transfer';
import { copySqliteToPg } from '../../core/transfer/to-pg';
import { TABLES } from '../../core/transfer/tables';
import { HEADER_BYTES, registerUploadProblem } from '../../core/transfer/upload-check';

/** The largest register accepted: far beyond a department's (100,000 events take about 100 MB). */
export const DEFAULT_MAX_REGISTER = 4 * 1024 ** 3;

/** How the sent file is named in messages of the transfer (which speak of the file they read). */
const SENT = 'присланный реестр';

/** A size as a clerk reads it: in gigabytes from one, else in megabytes (rounded). */
const sizeText = (bytes: number) =>
  bytes >= 1024 ** 3 ? `${(bytes / 1024 ** 3).toLocaleString('ru-RU', { maximumFractionDigits: 1 })} ГБ` : `${Math.max(1, Math.round(bytes / 1024 ** 2)).toLocaleString('ru-RU')} МБ`;

const tooLarge = (limit: number) =>
  new AppError('bad_request', `Присланный реестр больше ${sizeText(limit)}: такой сервер отдела не принимает. Перенос не выполнен.`);

function writeFailure(e: unknown): AppError {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  const why = code === 'ENOSPC' ? 'на диске нет места' : code === 'EACCES' || code === 'EPERM' ? 'нет прав на запись' : 'ошибка записи';
  return new AppError('internal', `Сервер отдела не смог сохранить присланный реестр во временной папке «${tmpdir()}» (${why}): перенос не выполнен. Сообщите администратору сервера.`, e);
}

async function closed(out: WriteStream): Promise<void> {
  if (out.closed) return;
  out.end();
  await once(out, 'close');
}

/** The body into `file`, answering its size; refused past `limit`, or when the sender stops mid-way. */
async function receiveFile(req: IncomingMessage, file: string, limit: number): Promise<number> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const out = createWriteStream(file, { flags: 'wx', mode: 0o600 });
  let failed: unknown;
  out.on('error', (e) => (failed = e));
  let size = 0;
  try {
    try {
      for await (const chunk of req) {
        size += (chunk as Buffer).length;
        if (size > limit) throw tooLarge(limit);
        if (failed) throw writeFailure(failed);
        if (!out.write(chunk)) await Promise.race([once(out, 'drain'), once(out, 'error')]);
      }
    } catch (e) {
      if (e instanceof AppError) throw e;
      if (failed) throw writeFailure(failed);
      throw new AppError('bad_request', 'Присланный реестр пришёл не целиком (связь прервалась): перенос не выполнен. Повторите его.', e);
    }
    await closed(out).catch((e: unknown) => Promise.reject(writeFailure(e)));
    if (failed) throw writeFailure(failed);
    return size;
  } finally {
    out.destroy();
  }
}

function headOf(file: string): Buffer {
  const head = Buffer.alloc(HEADER_BYTES);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, HEADER_BYTES, 0));
  } finally {
    closeSync(fd);
  }
}

/** A refusal about the temporary file, told of the sent register (a damaged, foreign or newer file is the sender's to fix). */
function aboutSent(e: unknown, file: string): unknown {
  if (!(e instanceof AppError) || !e.message.includes(file)) return e;
  return new AppError('bad_request', e.message.replaceAll(file, SENT), e.details);
}

/** Receives the register the request carries and fills the server's empty register (`pool`) with it. */
export async function receiveRegister(req: IncomingMessage, pool: Pool, limit = DEFAULT_MAX_REGISTER): Promise<RegisterReceived> {
  const folder = mkdtempSync(join(tmpdir(), 'reestr-upload-'));
  const file = join(folder, 'register.sqlite');
  try {
    const size = await receiveFile(req, file, limit);
    const problem = registerUploadProblem(headOf(file), size);
    if (problem) throw new AppError('bad_request', problem);
    const { counts, checksums } = await copySqliteToPg(file, pool).catch((e: unknown) => Promise.reject(aboutSent(e, file)));
    return { tables: TABLES.map((t) => ({ name: t.name, label: t.label, rows: counts[t.name] ?? 0 })), checksums };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

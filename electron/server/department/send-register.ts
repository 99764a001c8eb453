// «Перенести реестр на сервер», this PC's side (the desktop's main process and the local web mode): a
// consistent snapshot of the open register, a sign-in to the department server as its administrator,
// the snapshot sent as server.receiveRegister's body, the sign-out; then the server's rows and checksum
// of every table checked against the snapshot's own. The local register stays as it is.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api } from '../../../shared/api';
import { AppError, isAppError, type Result } from '../../../shared/errors';
import { ROLE_LABELS, SessionSchema } from '../../../shared/schema/account';
import { RegisterReceivedSchema, type RegisterSend, type RegisterSent } from '../../../shared/schema/register-transfer';
import type { Dispatch } from '../../core/backend';
import type { LocalCore } from '../../core/core';
import { openSqlite } from '../../core/db/sqlite';
import type { Host } from '../../core/host';
import { sqliteChecksums, sqliteCounts } from '../../core/transfer/rows';
import { TABLES } from '../../core/transfer/tables';
import { createServerClient } from './client';

/** A register of 100 MB goes over a slow office network and into PostgreSQL: the answer may take long. */
const SEND_TIMEOUT_MS = 30 * 60_000;

const FIELDS: Record<string, string> = {
  serverUrl: 'Адрес сервера отдела',
  caFile: 'Файл сертификата центра отдела',
  login: 'Логин администратора',
  password: 'Пароль',
};

/** The form's input, or a Russian refusal naming the field at fault. */
export function parseSendInput(raw: unknown): RegisterSend {
  const parsed = api['register.sendToServer'].input.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = FIELDS[String(issue?.path[0])];
  const text = issue?.code === 'custom' ? issue.message : issue?.code === 'too_small' ? 'не заполнено' : issue?.code === 'too_big' ? 'слишком длинное значение' : 'неверное значение';
  throw new AppError('validation', field ? `Поле «${field}»: ${text}.` : 'Неверные данные для переноса реестра на сервер.');
}

const refusal = (result: Result<unknown> & { ok: false }) => new AppError(result.error.code, result.error.message);

interface Snapshot {
  file: string;
  counts: Record<string, number>;
  checksums: Record<string, string>;
}

/** One consistent copy of the open register (SQLite's online backup), one self-contained file, with its rows and checksums. */
async function snapshot(core: LocalCore, folder: string): Promise<Snapshot> {
  const file = join(folder, 'reestr.sqlite');
  try {
    await core.db.backup(file);
  } catch (e) {
    throw new AppError('internal', `Не удалось сделать снимок реестра во временной папке «${folder}»: проверьте, что на диске есть место.`, e);
  }
  const db = openSqlite(file);
  try {
    db.pragma('journal_mode = DELETE');
    return { file, counts: sqliteCounts(db), checksums: sqliteChecksums(db) };
  } finally {
    db.close();
  }
}

/** Sends the open register to the department server `input` names, as its administrator; answers the server's check. */
export async function sendRegister(core: LocalCore, input: RegisterSend): Promise<RegisterSent> {
  const client = createServerClient(input.caFile ? { serverUrl: input.serverUrl, caFile: input.caFile } : { serverUrl: input.serverUrl });
  const login = await client.post('auth.login', { json: { login: input.login, password: input.password } }, null);
  if (!login.ok) throw refusal(login);
  const session = SessionSchema.safeParse(login.value);
  if (!session.success) throw new AppError('db_unavailable', `По адресу ${client.serverUrl} отвечает не сервер отдела этой версии программы: проверьте адрес.`);
  const token = session.data.token;
  const folder = mkdtempSync(join(tmpdir(), 'reestr-send-'));
  try {
    // Refused here before hundreds of megabytes travel only to be refused there.
    if (session.data.role !== 'admin') {
      throw new AppError('forbidden', `Учётная запись «${session.data.user}» на сервере отдела — «${ROLE_LABELS[session.data.role]}»: перенести реестр может только «${ROLE_LABELS.admin}». Войдите под учётной записью администратора сервера.`);
    }
    const sent = await snapshot(core, folder);
    const answer = await client.post('server.receiveRegister', { file: sent.file }, token, SEND_TIMEOUT_MS);
    if (!answer.ok) throw refusal(answer);
    const received = RegisterReceivedSchema.safeParse(answer.value);
    if (!received.success) throw new AppError('internal', `Сервер отдела ${client.serverUrl} принял реестр, но ответил не так, как ожидалось: проверьте реестр на сервере и версию программы там.`);
    const rows = new Map(received.data.tables.map((t) => [t.name, t.rows]));
    const differing = TABLES.filter((t) => rows.get(t.name) !== sent.counts[t.name] || received.data.checksums[t.name] !== sent.checksums[t.name]).map((t) => t.label);
    return { serverUrl: client.serverUrl, tables: received.data.tables, checksumsMatch: differing.length === 0, differing };
  } finally {
    rmSync(folder, { recursive: true, force: true });
    // The session was for this transfer only; a failure to end it ends with its 12 hours.
    await client.post('auth.logout', { json: {} }, token);
  }
}

/**
 * The local host's dispatch with `register.sendToServer` answered over its open register; every other
 * call to `next`. For the desktop's main process and the local web mode alike.
 */
export function answerRegisterSending(host: Pick<Host, 'ready' | 'core'>, next: Dispatch, logError: (e: unknown, context: string) => void = () => {}): Dispatch {
  return async (method, raw, context) => {
    if (method !== 'register.sendToServer') return next(method, raw, context);
    try {
      const input = parseSendInput(raw);
      await host.ready;
      const core = host.core();
      if (!core) throw new AppError('db_unavailable', 'Реестр на этом компьютере не открыт (см. сообщение на странице программы): переносить на сервер нечего.');
      return { ok: true, value: await sendRegister(core, input) };
    } catch (e) {
      if (isAppError(e)) return { ok: false, error: e.toInfo() };
      logError(e, 'Перенос реестра на сервер отдела');
      return { ok: false, error: { code: 'internal', message: 'Внутренняя ошибка программы: реестр на сервер не перенесён. Подробности в журнале ошибок.' } };
    }
  };
}

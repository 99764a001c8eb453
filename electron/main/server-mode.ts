// Which register this PC works with: its own (the local host) or a department server named in a small
// settings file in the data folder. The switch is the desktop's own business, answered here in either mode.
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api } from '../../shared/api';
import { AppError, isAppError, type Result } from '../../shared/errors';
import { parseOrThrow } from '../../shared/schema/messages';
import { ServerLinkSchema, type ServerLink, type ServerSettings } from '../../shared/schema/server-link';
import type { Dispatch } from '../core/backend';
import { privateFolder } from '../core/private-files';
import type { Host } from '../core/host';
import { answerRegisterSending } from '../server/department/send-register';
import { createRemote, type Remote } from './remote';

export const SERVER_LINK_FILE = 'server.json';

export function serverLinkFile(dataDir: string): string {
  return join(dataDir, SERVER_LINK_FILE);
}

/** The link the file names; null when there is none, or when it is unreadable (the local register, then). */
export function readServerLink(file: string): ServerLink | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = ServerLinkSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Keeps the link (written whole, then renamed over the old one), or removes it for the local register. */
export function writeServerLink(file: string, link: ServerLink | null): void {
  try {
    if (!link) {
      rmSync(file, { force: true });
      return;
    }
    privateFolder(join(file, '..'));
    const temporary = `${file}.tmp`;
    writeFileSync(temporary, `${JSON.stringify(link, null, 2)}\n`, { mode: 0o600 });
    renameSync(temporary, file);
  } catch (e) {
    throw new AppError('internal', `Не удалось сохранить настройку сервера отдела в файле «${file}»: проверьте, что папка доступна для записи.`, e);
  }
}

/** A certificate file named in the settings is checked when it is named, not at the first call. */
function checkCaFile(caFile: string): void {
  let text: string;
  try {
    text = readFileSync(caFile, 'utf8');
  } catch {
    throw new AppError('validation', `Файл сертификата «${caFile}» не открывается: проверьте путь.`);
  }
  if (!text.includes('-----BEGIN CERTIFICATE-----')) {
    throw new AppError('validation', `В файле «${caFile}» нет сертификата в формате PEM (строка «-----BEGIN CERTIFICATE-----»): попросите у администратора файл сертификата центра отдела.`);
  }
}

const SENDING_FROM_SERVER =
  'Программа сейчас работает с сервером отдела: переносить на него нечего. Чтобы перенести свой реестр с этого компьютера, сначала нажмите «Работать со своим реестром на этом компьютере».';

export interface DesktopDispatchOptions {
  /** The local register's dispatch (the host). */
  local: Dispatch;
  /** The local host, for «Перенести реестр на сервер» (register.sendToServer) from its open register. */
  host?: Pick<Host, 'ready' | 'core'>;
  logError?: (error: unknown, context: string) => void;
  /** The settings file (serverLinkFile). */
  file: string;
}

export interface DesktopDispatch {
  dispatch: Dispatch;
  settings(): ServerSettings;
}

/**
 * The contract as the desktop's window calls it: `settings.server` and `settings.setServer` here;
 * every other method to the department server when one is set, else to the local register.
 */
export function createDesktopDispatch(options: DesktopDispatchOptions): DesktopDispatch {
  let link = readServerLink(options.file);
  let remote: Remote | null = link ? createRemote(link) : null;
  const local = options.host ? answerRegisterSending(options.host, options.local, options.logError) : options.local;

  const settings = (): ServerSettings => ({ mode: link ? 'server' : 'local', serverUrl: link?.serverUrl ?? null, caFile: link?.caFile || null });

  async function setServer(raw: unknown): Promise<ServerSettings> {
    const input = parseOrThrow(api['settings.setServer'].input, raw);
    if (input.serverUrl === null) {
      writeServerLink(options.file, null);
      link = null;
      remote = null;
      return settings();
    }
    const next: ServerLink = input.caFile ? { serverUrl: input.serverUrl, caFile: input.caFile } : { serverUrl: input.serverUrl };
    if (next.caFile) checkCaFile(next.caFile);
    const candidate = createRemote(next);
    // Switched only to a server that answers: else the clerk stays where the work is.
    const answer = await candidate.probe();
    if (!answer.ok) throw new AppError(answer.error.code, answer.error.message);
    writeServerLink(options.file, next);
    link = next;
    remote = candidate;
    return settings();
  }

  const dispatch: Dispatch = async (method, input, context) => {
    if (method === 'settings.server' || method === 'settings.setServer') {
      try {
        if (method === 'settings.server') {
          parseOrThrow(api['settings.server'].input, input);
          return { ok: true, value: settings() };
        }
        return { ok: true, value: await setServer(input) };
      } catch (e) {
        const error = isAppError(e) ? e : new AppError('internal', 'Не удалось изменить настройку сервера отдела.', e);
        return { ok: false, error: error.toInfo() } satisfies Result<never>;
      }
    }
    if (remote && method === 'register.sendToServer') {
      return { ok: false, error: { code: 'bad_request', message: SENDING_FROM_SERVER } } satisfies Result<never>;
    }
    return remote ? remote.dispatch(method, input, context) : local(method, input, context);
  };

  return { dispatch, settings };
}

// `reestr server`: the department server. Accounts and sessions on PostgreSQL (--pg); the register
// behind it from createRegister (below); HTTPS off loopback. Serves until Ctrl+C or a termination
// signal; its first line of output is the address.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Pool } from 'pg';
import { createDispatch, createServerHandlers, type Dispatch } from '../core/backend';
import { openPgCore } from '../core/store/pg/core';
import { migratePg } from '../core/store/pg/migrate';
import { openPool } from '../core/store/pg/pool';
import { startDepartmentServer, type RunningDepartmentServer } from '../server/department/department-server';
import { checkTransport, type TlsFiles } from '../server/department/transport';
import { createServerBackups, parseKeep, parseTimeOfDay, timeText, type ServerBackups, type TimeOfDay } from '../server/department/backups';
import { createErrorLog, ERROR_LOG } from '../core/error-log';
import { installLastResort } from '../core/last-resort';
import { logFolder } from '../core/paths';
import { AppError, isAppError } from '../../shared/errors';
import { portArg, type ParsedArgs } from './args';
import { RENDERER_DIR } from './serve';
import { connectionProblem, pgUrl } from './server-users';

export interface Register {
  dispatch: Dispatch;
  close(): void | Promise<void>;
}

/** The register the server serves: the department's PostgreSQL database, each call made as its caller. */
export function createRegister(pgUrl: string, logError: (e: unknown) => void): Register {
  // The server's own name stands only where no caller does (nothing the contract calls).
  const core = openPgCore(pgUrl, { user: 'сервер отдела', connections: 20, onError: logError });
  return { dispatch: createDispatch(createServerHandlers(core, logError), logError), close: () => core.close() };
}

export interface ServerOptions {
  pg: string;
  host: string;
  port: number;
  tlsCert?: string;
  tlsKey?: string;
  /** The daily backups: folder, how many kept, the local time; absent, none are made. */
  backups?: { folder: string; keep: number; dailyAt: TimeOfDay };
  log: (line: string) => void;
  logError: (error: unknown, context: string) => void;
}

/** The certificate and key files, read, or a Russian refusal naming the one missing or unreadable. */
function readTls(cert: string | undefined, key: string | undefined): TlsFiles | undefined {
  if (!cert && !key) return undefined;
  if (!cert || !key) throw new AppError('bad_request', 'Для HTTPS нужны оба файла: --tls-cert ФАЙЛ (сертификат) и --tls-key ФАЙЛ (закрытый ключ).');
  const read = (file: string, what: string) => {
    try {
      return readFileSync(file);
    } catch {
      throw new AppError('bad_request', `Не удалось прочитать ${what} «${file}»: файла нет или нет доступа к нему.`);
    }
  };
  return { cert: read(cert, 'сертификат'), key: read(key, 'закрытый ключ') };
}

/** Starts everything, or undoes what it started and rethrows. */
export async function startServer(options: ServerOptions): Promise<{ server: RunningDepartmentServer; close(): Promise<void> }> {
  const tls = readTls(options.tlsCert, options.tlsKey);
  // Before any connection: a refusal of the address is the first thing to tell.
  checkTransport(options.host, tls);
  let pool: Pool | undefined;
  let register: Register | undefined;
  let backups: ServerBackups | undefined;
  try {
    pool = openPool(options.pg, 20);
    // An idle connection the database drops (a restart) is an event on the pool: unheard, it would end the process.
    pool.on('error', (e) => options.logError(e, 'Сервер отдела: PostgreSQL'));
    await migratePg(pool).catch((e: unknown) => Promise.reject(connectionProblem(e, options.pg) ?? e));
    register = createRegister(options.pg, (e) => options.logError(e, 'Сервер отдела'));
    backups = options.backups && createServerBackups({ pool, ...options.backups, logError: options.logError });
    const staticDir = existsSync(`${RENDERER_DIR}index.html`) ? RENDERER_DIR : undefined;
    const server = await startDepartmentServer({ dispatch: register.dispatch, pool, host: options.host, port: options.port, tls, staticDir, logError: options.logError, backups }).catch(
      (e: NodeJS.ErrnoException) => {
        if (e instanceof AppError) throw e;
        const reason = e.code === 'EADDRINUSE' ? `порт ${options.port} занят другой программой` : e.code === 'EADDRNOTAVAIL' ? 'такого адреса у этого компьютера нет' : e.code === 'EACCES' ? 'нет прав на этот порт' : 'ошибка сети';
        throw new AppError('bad_request', `Не удалось запустить сервер отдела на ${options.host}:${options.port}: ${reason}.`, e);
      },
    );
    options.log(server.url);
    if (!staticDir) options.log('Внимание: интерфейс программы не собран («npm run build»): сервер отвечает только на вызовы /api/.');
    if (options.backups) {
      const { folder, keep, dailyAt } = options.backups;
      options.log(`Резервные копии: каждый день в ${timeText(dailyAt)} в папку «${folder}», хранятся последние ${keep}.`);
    }
    options.log('Сервер отдела работает. Чтобы остановить его, нажмите Ctrl+C.');
    backups?.start();
    const opened = { pool, register, backups };
    return {
      server,
      async close() {
        await server.close();
        await opened.backups?.stop();
        await opened.register.close();
        await opened.pool.end();
      },
    };
  } catch (e) {
    await register?.close();
    await pool?.end();
    throw e;
  }
}

export const DEFAULT_BACKUP_FOLDER = 'reestr-server-backups';
const DEFAULT_BACKUP_KEEP = 14;
const DEFAULT_BACKUP_AT = '02:00';

/** `reestr server …` as parsed: serves until SIGINT or SIGTERM; what nothing caught is logged, and serving goes on. */
export async function serverCommand(p: ParsedArgs, file: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<void> {
  const value = (name: string) => p.values[name]?.at(-1);
  const options = { pg: pgUrl(value('pg'), env), host: value('host') ?? '127.0.0.1', port: portArg(value('port')), tlsCert: value('tls-cert'), tlsKey: value('tls-key'),
    backups: {
      // Beside where the server is started, unless told: a server's working folder is its own.
      folder: resolve(value('backup-folder') ?? DEFAULT_BACKUP_FOLDER),
      keep: parseKeep(value('backup-keep') ?? String(DEFAULT_BACKUP_KEEP), '--backup-keep'),
      dailyAt: parseTimeOfDay(value('backup-at') ?? DEFAULT_BACKUP_AT, '--backup-at'),
    } };
  const errorLog = createErrorLog(logFolder(file));
  const logged = () => log(`Внимание: внутренняя ошибка программы записана в журнал «${join(logFolder(file), ERROR_LOG)}»; сервер продолжает работу.`);
  const removeLastResort = installLastResort({ log: errorLog, after: logged });
  try {
    const running = await startServer({ ...options, log, logError: (e, context) => {
      errorLog(e, context);
      if (!isAppError(e)) logged();
    } });
    await new Promise<void>((resolve) => {
      const stop = () => void running.close().finally(resolve);
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  } finally {
    removeLastResort();
  }
}

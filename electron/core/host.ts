// The back end as the shell and the web mode start it: the register when it opens; else a recovery
// mode that never writes to it, says why in Russian and, for a damaged register, puts a backup in its place.
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import type Database from 'better-sqlite3';
import { checkInWorker, openSqlite } from './db/sqlite';
import { checkExisting, damagedError, markDamaged, startUpkeep, startupCheck } from './db/connection';
import { api, type Handlers, type MethodName } from '../../shared/api';
import { AppError, isAppError, type ErrorCode } from '../../shared/errors';
import type { AppStatus, RecoveryBackup } from '../../shared/schema/backup';
import { createDispatch, createHandlers, type Dispatch } from './backend';
import { closeCore, openCore, type LocalCore } from './core';
import { createSettingsRepo } from './db/settings';
import { storageKind } from './fs-reason';
import { backupDto } from './services/backup-handlers';
import { createUploads } from './services/backup-files';
import { defaultBackupFolder, inspectBackup, listBackups, replaceDamaged, type BackupInfo } from './services/backups';

type Problem = Extract<AppStatus, { mode: 'recovery' }>['problem'];

export interface HostOptions {
  /** Where unexpected failures are written (the error log). */
  logError?: (error: unknown, context?: string) => void;
  /** Each time the register opens (at start, after a recovery): the day's backup, say. */
  onOpen?: (core: LocalCore) => void;
  now?: () => string;
}

export interface Host {
  /**
   * The contract: every method while the register is open, the recovery ones while it is not. Calls
   * wait for the start-up check, which runs while the window loads.
   */
  dispatch: Dispatch;
  /** Settles when the register is open and checked, or the recovery mode is on. */
  ready: Promise<AppStatus>;
  /** The open register, if it opened. */
  core(): LocalCore | undefined;
  status(): AppStatus;
  close(): void;
}

/** The methods the recovery mode serves: none of them writes to the register. */
type RecoveryMethod = 'app.status' | 'backups.upload' | 'recovery.backups' | 'recovery.restore' | 'recovery.retry';

/** How many of the newest backups the recovery page checks and shows. */
const RECOVERY_LIST = 10;

/** What kind of trouble an opening failure is. */
function classify(e: unknown): Problem {
  if (isAppError(e) && e.code === 'db_damaged') return 'damaged';
  if (isAppError(e) && e.code === 'db_newer') return 'newer';
  const kind = storageKind(isAppError(e) ? e.details : e);
  return kind === null || kind === 'cantopen' ? 'other' : kind;
}

/**
 * Reading the file creates nothing beside it: it is in rollback-journal mode, or its log is there
 * already. (A read-only connection to a WAL-mode file makes «-wal» and «-shm».)
 */
function readsWithoutTrace(file: string): boolean {
  if (existsSync(`${file}-wal`) && existsSync(`${file}-shm`)) return true;
  const head = Buffer.alloc(19);
  try {
    const fd = openSync(file, 'r');
    try {
      return readSync(fd, head, 0, head.length, 0) === head.length && head[18] === 1;
    } finally {
      closeSync(fd);
    }
  } catch {
    return false;
  }
}

/**
 * The backup folder the register names, read without writing a byte; null when it cannot be read, or
 * when reading it would leave files beside a register that is not damaged (a newer or foreign one).
 */
function chosenFolder(file: string, problem: Problem | undefined): string | null {
  if (problem !== 'damaged' && !readsWithoutTrace(file)) return null;
  let db: Database.Database | undefined;
  try {
    db = openSqlite(file, { readonly: true, fileMustExist: true, timeout: 0 });
    return createSettingsRepo(db).get<string>('backupFolder') ?? null;
  } catch {
    return null;
  } finally {
    db?.close();
  }
}

export function startHost(file: string, options: HostOptions = {}): Host {
  const now = options.now ?? (() => new Date().toISOString());
  const logError = options.logError ?? (() => {});
  let core: LocalCore | undefined;
  let failure: { problem: Problem; message: string } | undefined;
  let inner: Dispatch;
  const uploads = createUploads(file);

  const folders = (): string[] => {
    const chosen = chosenFolder(file, failure?.problem);
    const fallback = defaultBackupFolder(file);
    return chosen && chosen !== fallback ? [chosen, fallback] : [fallback];
  };
  const found = (): BackupInfo[] =>
    folders()
      .flatMap((folder) => listBackups(folder))
      .sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : 0));

  const status = (): AppStatus =>
    failure ? { mode: 'recovery', problem: failure.problem, message: failure.message, databaseFile: file, backupFolder: folders()[0] ?? defaultBackupFolder(file) } : { mode: 'normal' };

  /** The register's calls; damage found by one of them puts the host in the recovery mode. */
  const served = (opened: LocalCore): Dispatch => {
    const handlers = createDispatch(createHandlers(opened), logError);
    return async (method, input) => {
      const result = await handlers(method, input);
      if (!result.ok && result.error.code === 'db_damaged' && core === opened) {
        markDamaged(opened.db);
        closeCore(opened);
        core = undefined;
        failure = { problem: 'damaged', message: result.error.message };
        inner = createDispatch(recoveryHandlers(), logError);
      }
      return result;
    };
  };

  let closed = false;
  /**
   * Checks the register (in a worker thread, so the window loads meanwhile) before opening it for
   * writing: a newer, foreign or damaged file is refused as it is. No call is served before the verdict.
   */
  const open = async (): Promise<AppStatus> => {
    try {
      if (existsSync(file)) {
        checkExisting(file);
        const check = startupCheck(file);
        const found = check ? await checkInWorker(file, check) : 'ok';
        if (found !== 'ok') throw damagedError(file, found);
      }
      if (!closed) core = openCore(file, { deferCheck: true });
    } catch (e) {
      if (core) closeCore(core);
      core = undefined;
      failure = { problem: classify(e), message: isAppError(e) ? e.message : `Не удалось открыть базу данных «${file}».` };
      logError(e, 'Не удалось открыть базу данных');
      inner = createDispatch(recoveryHandlers(), logError);
      return status();
    }
    if (!core) return status();
    failure = undefined;
    startUpkeep(core.db);
    inner = served(core);
    try {
      options.onOpen?.(core);
    } catch (e) {
      logError(e, 'После открытия базы данных');
    }
    return status();
  };

  function refused(): never {
    const code: ErrorCode = failure?.problem === 'damaged' ? 'db_damaged' : 'db_unavailable';
    throw new AppError(code, `База данных не открыта, и Реестр ничего в неё не записывает. ${failure?.message ?? ''}`.trim());
  }

  function recoveryHandlers(): Handlers {
    const served: Pick<Handlers, RecoveryMethod> = {
      'app.status': () => status(),
      'backups.upload': (input) => uploads.upload(input),
      'recovery.backups': (): RecoveryBackup[] => {
        if (failure?.problem !== 'damaged') return [];
        return found()
          .slice(0, RECOVERY_LIST)
          .map((b) => {
            try {
              return { ...backupDto(b), contents: inspectBackup(b.file), problem: null };
            } catch (e) {
              return { ...backupDto(b), contents: null, problem: isAppError(e) ? e.message : 'Копия не читается.' };
            }
          });
      },
      'recovery.restore': async (source) => {
        if (failure?.problem !== 'damaged') {
          throw new AppError('bad_request', 'Восстановление из копии нужно только для повреждённой базы данных; здесь причина другая (см. сообщение выше).');
        }
        const backup = 'name' in source ? found().find((b) => basename(b.file) === source.name)?.file : uploads.fileOf(source.uploadId);
        if (!backup) throw new AppError('not_found', `Резервной копии «${'name' in source ? source.name : ''}» больше нет в папке: обновите список.`);
        const { keptAs, contents } = replaceDamaged(file, backup, now());
        uploads.discard();
        const after = await open();
        if (after.mode !== 'normal') throw new AppError('db_unavailable', `Копия восстановлена, но база данных не открылась: ${after.message}`);
        return { contents, safety: null, keptAs };
      },
      'recovery.retry': () => open(),
    };
    const all = Object.fromEntries((Object.keys(api) as MethodName[]).map((m) => [m, (served as Partial<Handlers>)[m] ?? refused]));
    return all as Handlers; // every method present: the served ones, the rest refused
  }

  const ready = open();
  return {
    dispatch: async (method, input) => (await ready, await inner(method, input)),
    ready,
    core: () => core,
    status,
    close() {
      closed = true;
      uploads.discard();
      if (core) closeCore(core);
      core = undefined;
    },
  };
}

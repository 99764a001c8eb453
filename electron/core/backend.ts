// Implements the contract's table over the services, and dispatches untrusted calls to it as Results.
import { api, isMethodName, type CallContext, type Handlers, type ParsedInput } from '../../shared/api';
import { AppError, type Result } from '../../shared/errors';
import { parseOrThrow } from '../../shared/schema/messages';
import { asCaller, type Core, type LocalCore } from './core';
import { createAgreement, deleteAgreement, getAgreement, listAgreements, restoreAgreement, saveAgreement } from './services/agreements';
import { createEvent, deleteEvent, eventRows, getEvent, listEvents, restoreEvent, saveEvent } from './services/events';
import { createRef, listRefs, mergeRefs, updateRef } from './services/references';
import { loadDemo } from './services/demo';
import { createImportFiles, listBatches, undoBatch, type ImportFiles } from './services/imports';
import { overview } from './services/overview';
import { exportAll, exportCsv, exportPeriod } from './services/exports';
import { calendarData, calendarPrefs, moveEvent, saveCalendarPrefs } from './services/calendar';
import { discardReport, exportReport, reportDraft, saveReport } from './services/reports';
import { BACKUP_METHODS, createBackupHandlers, restoreSource, type BackupMethod } from './services/backup-handlers';
import { makeBackup } from './services/backups';
import { createUploads } from './services/backup-files';
import { markDamaged } from './db/connection';
import { storageProblem } from './fs-reason';
import { recordHistory, revertRecord } from './services/history';
import { departmentSettings, setDepartmentSettings } from './services/department';
import { bulkDeleteEvents, bulkUpdateEvents, createManyEvents, eventDetails, undoBulk } from './services/bulk';
import { createJobRunner, inWorkerThreads, type Runner } from './jobs/runner';
import { inThisThread, SERVER_BACKUPS } from './jobs/in-this-thread';
import { latestChange } from './services/changes';

const OK = { ok: true } as const;

export const INTERNAL_ERROR = 'Внутренняя ошибка программы: действие не выполнено, данные не изменены.';

/** The register's own wait for a write lock (db/connection.ts), restored once no job writes. */
const BUSY_TIMEOUT_MS = 5000;

export const RESTORE_DURING_IMPORT = 'Идёт запись импорта в реестр: восстановить копию сейчас нельзя. Дождитесь окончания импорта или отмените его, затем повторите.';

const REPLACE_FILE = new Set(['backups.restore', 'recovery.restore']);

export const WRITE_DURING_IMPORT = 'Идёт запись импорта в реестр: это изменение не сохранено. Повторите, когда импорт закончится, или отмените импорт.';

/**
 * While a job writes it holds the register's write lock, and a write on this thread would wait for it
 * with the thread stopped (SQLite's busy wait): instead such a write is refused at once, saying why.
 */
function refuseWritesDuringJobs(handlers: Handlers, writing: () => boolean): Handlers {
  const explain = (e: unknown): unknown => {
    const code = (e as { code?: unknown } | null)?.code;
    return writing() && typeof code === 'string' && code.startsWith('SQLITE_BUSY') ? new AppError('conflict', WRITE_DURING_IMPORT, e) : e;
  };
  const guarded = Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      (input: unknown, context: CallContext) => {
        // A restore replaces the file under the job's own connection: never while a job writes into it.
        if (REPLACE_FILE.has(name) && writing()) throw new AppError('conflict', RESTORE_DURING_IMPORT);
        try {
          const answer = (handler as (input: unknown, context: CallContext) => unknown)(input, context);
          return answer instanceof Promise ? answer.catch((e: unknown) => Promise.reject(explain(e))) : answer;
        } catch (e) {
          throw explain(e);
        }
      },
    ]),
  );
  return guarded as Handlers;
}

/** What a job call asks for: its kind and input, as the contract parses it. */
type JobStart = ParsedInput<'jobs.start'>;

/** How a register starts the jobs of its own (a file's backups, restore, check); undefined where none. */
type OwnJobs = (start: JobStart, context: CallContext) => Promise<string> | string;

/** Every call but a file's own (backups, the data folder, recovery): the services over the store, each as its caller. */
function storeHandlers(core: Core, imports: ImportFiles, jobs: Runner, ownJobs?: OwnJobs): Omit<Handlers, BackupMethod> {
  const as = (context: CallContext) => asCaller(core, context);
  const startJob = (start: JobStart, context: CallContext): Promise<string> | string => {
    const { user } = as(context);
    switch (start.kind) {
      case 'import.analyze': {
        // The bytes kept here (the wizard's later previews and the commit name them by fileId), read by the job.
        const { options, ...file } = start.input;
        const { fileName, data } = imports.hold(user, file);
        return jobs.start('import.analyze', () => Promise.resolve({ fileName, data, options }), undefined, undefined, context);
      }
      case 'import.commit': {
        const { input } = start;
        // A file no longer kept fails the call itself, before any job starts.
        const { fileName, data } = imports.file(user, input.fileId);
        const prepare = () => Promise.resolve({ fileName, data, options: input.options });
        return jobs.start('import.commit', prepare, () => imports.forget(user, input.fileId), undefined, context);
      }
      case 'report.export': {
        const { report, period, format, kind } = start.input;
        return jobs.start('report.export', () => Promise.resolve({ report, period, format, kind }), undefined, undefined, context);
      }
      case 'export.period':
      case 'export.csv':
        return jobs.start(start.kind, () => Promise.resolve(start.input), undefined, undefined, context);
      case 'export.all':
        return jobs.start(start.kind, () => Promise.resolve({}), undefined, undefined, context);
      default:
        if (ownJobs) return ownJobs(start, context);
        throw new AppError('bad_request', SERVER_BACKUPS);
    }
  };
  return {
    'events.list': (filter, ctx) => listEvents(as(ctx), filter),
    'events.rows': (filter, ctx) => eventRows(as(ctx), filter),
    'events.get': ({ id }, ctx) => getEvent(as(ctx), id),
    'events.create': (input, ctx) => createEvent(as(ctx), input),
    'events.update': (update, ctx) => saveEvent(as(ctx), update),
    'events.delete': async ({ id }, ctx) => (await deleteEvent(as(ctx), id), OK),
    'events.restore': ({ id }, ctx) => restoreEvent(as(ctx), id),
    'events.move': ({ id, startDate, endDate }, ctx) => moveEvent(as(ctx), id, startDate, endDate),
    'events.createMany': ({ inputs }, ctx) => createManyEvents(as(ctx), inputs),
    'events.bulkUpdate': ({ ids, patch }, ctx) => bulkUpdateEvents(as(ctx), ids, patch),
    'events.bulkDelete': ({ ids }, ctx) => bulkDeleteEvents(as(ctx), ids),
    'events.undoBulk': (action, ctx) => undoBulk(as(ctx), action),
    'events.details': ({ ids }, ctx) => eventDetails(as(ctx), ids),
    'calendar.data': (query, ctx) => calendarData(as(ctx), query),
    'calendar.prefs': (_input, ctx) => calendarPrefs(as(ctx)),
    'calendar.savePrefs': (prefs, ctx) => saveCalendarPrefs(as(ctx), prefs),
    'agreements.list': (filter, ctx) => listAgreements(as(ctx), filter),
    'agreements.get': ({ id }, ctx) => getAgreement(as(ctx), id),
    'agreements.create': (input, ctx) => createAgreement(as(ctx), input),
    'agreements.update': (update, ctx) => saveAgreement(as(ctx), update),
    'agreements.delete': async ({ id }, ctx) => (await deleteAgreement(as(ctx), id), OK),
    'agreements.restore': ({ id }, ctx) => restoreAgreement(as(ctx), id),
    'history.list': ({ entity, id }, ctx) => recordHistory(as(ctx), entity, id),
    'history.revert': async ({ entity, id, changeId }, ctx) => (await revertRecord(as(ctx), entity, id, changeId), OK),
    'refs.list': ({ kind, includeHidden, withUsage }, ctx) => listRefs(as(ctx), kind, includeHidden, withUsage),
    'refs.create': (input, ctx) => createRef(as(ctx), input),
    'refs.update': (change, ctx) => updateRef(as(ctx), change),
    'refs.merge': ({ survivorId, victimId }, ctx) => mergeRefs(as(ctx), survivorId, victimId),
    'import.analyze': (input, ctx) => imports.analyze(as(ctx), input),
    'import.commit': (input, ctx) => imports.commit(as(ctx), input),
    'import.batches': (_input, ctx) => listBatches(as(ctx)),
    'import.undo': ({ id }, ctx) => undoBatch(as(ctx), id),
    'jobs.start': async (start, ctx) => ({ jobId: await startJob(start, ctx) }),
    'jobs.status': ({ jobId }) => jobs.status(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    'report.draft': (input, ctx) => reportDraft(as(ctx), input),
    'report.save': (input, ctx) => saveReport(as(ctx), input),
    'report.discard': (input, ctx) => discardReport(as(ctx), input),
    'report.export': ({ report, period, format, kind }, ctx) => exportReport(as(ctx), report, period, format, kind),
    'export.period': (input, ctx) => exportPeriod(as(ctx), input),
    'export.csv': async (input, ctx) => {
      const { fileName, data } = await exportCsv(as(ctx), input);
      return { fileName, data };
    },
    'export.all': (_input, ctx) => exportAll(as(ctx)),
    'stats.overview': ({ period, today }, ctx) => overview(as(ctx), period, today),
    'settings.department': (_input, ctx) => departmentSettings(as(ctx)),
    'settings.setDepartment': (input, ctx) => setDepartmentSettings(as(ctx), input),
    'demo.load': (_input, ctx) => loadDemo(as(ctx)),
    'changes.latest': (_input, ctx) => latestChange(as(ctx)),
  };
}

/** One clerk's register in a file: every call, long work in worker threads, backups and restore beside the file. */
export function createHandlers(core: LocalCore): Handlers {
  const uploads = createUploads(core.file);
  const jobs = createJobRunner(inWorkerThreads(core.file, console.error), console.error, (active) => {
    if (core.db.open) core.db.pragma(`busy_timeout = ${active ? 0 : BUSY_TIMEOUT_MS}`);
  });
  // Each commit is preceded by a checked backup (a job makes its own in the worker).
  const imports = createImportFiles(() => makeBackup(core, 'import'));
  const fileJobs: OwnJobs = async (start) => {
    switch (start.kind) {
      case 'backups.restore': {
        if (jobs.writing()) throw new AppError('conflict', RESTORE_DURING_IMPORT);
        const { file, restored } = await restoreSource(core, uploads, start.input);
        // A register found damaged by the safety snapshot is marked so here too: never noted as closed cleanly.
        const damaged = (error: { code: string }) => error.code === 'db_damaged' && markDamaged(core.db);
        return jobs.start('backups.restore', () => Promise.resolve({ file }), restored, damaged);
      }
      case 'backups.create':
      case 'check':
        return jobs.start(start.kind, () => Promise.resolve({}));
      default:
        throw new AppError('bad_request', `Неизвестное задание «${start.kind}».`);
    }
  };
  return refuseWritesDuringJobs({ ...storeHandlers(core, imports, jobs, fileJobs), ...createBackupHandlers(core, uploads) }, () => jobs.writing());
}

/**
 * The department's register on a pool (the server): every call each as its caller; long work on
 * this thread, which waits on the database between steps. A file's backups are the administrator's.
 */
export function createServerHandlers(core: Core, logError: (e: unknown) => void = console.error): Handlers {
  const refused = () => {
    throw new AppError('bad_request', SERVER_BACKUPS);
  };
  // Every one refused, as its own handler: a table with no gap for a method of the contract.
  const fileMethods = Object.fromEntries(BACKUP_METHODS.map((method) => [method, refused])) as unknown as Pick<Handlers, BackupMethod>;
  return {
    ...storeHandlers(core, createImportFiles(), createJobRunner(inThisThread(core), logError)),
    ...fileMethods,
    'app.status': () => ({ mode: 'normal' as const }),
  };
}

export type Dispatch = (method: string, input: unknown, context?: CallContext) => Promise<Result<unknown>>;

/**
 * The one entrance for calls from outside the process (IPC, HTTP): the input is untrusted until the
 * contract's schema has parsed it, and every failure comes back as data with a Russian message.
 */
export function createDispatch(handlers: Handlers, logError: (e: unknown) => void = console.error): Dispatch {
  return async (method, raw, context = {}) => {
    try {
      if (!isMethodName(method)) throw new AppError('bad_request', `Неизвестная операция «${method}».`);
      const input = parseOrThrow(api[method].input, raw);
      const handler = handlers[method] as (input: unknown, context: CallContext) => unknown;
      return { ok: true, value: await handler(input, context) };
    } catch (e) {
      if (e instanceof AppError) return { ok: false, error: e.toInfo() };
      logError(e);
      const storage = storageProblem(e);
      if (storage) return { ok: false, error: storage.toInfo() };
      return { ok: false, error: { code: 'internal', message: INTERNAL_ERROR } };
    }
  };
}

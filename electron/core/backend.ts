// Implements the contract's table over the services, and dispatches untrusted calls to it as Results.
import { api, isMethodName, type CallContext, type Handlers } from '../../shared/api';
import { AppError, type Result } from '../../shared/errors';
import { parseOrThrow } from '../../shared/schema/messages';
import type { LocalCore } from './core';
import { createAgreement, deleteAgreement, getAgreement, listAgreements, restoreAgreement, saveAgreement } from './services/agreements';
import { createEvent, deleteEvent, eventRows, getEvent, listEvents, restoreEvent, saveEvent } from './services/events';
import { createRef, listRefs, mergeRefs, updateRef } from './services/references';
import { loadDemo } from './services/demo';
import { createImportFiles, listBatches, undoBatch } from './services/imports';
import { overview } from './services/overview';
import { exportAll, exportCsv, exportPeriod } from './services/exports';
import { calendarData, calendarPrefs, moveEvent, saveCalendarPrefs } from './services/calendar';
import { discardReport, exportReport, reportDraft, saveReport } from './services/reports';
import { createBackupHandlers, restoreSource } from './services/backup-handlers';
import { createUploads } from './services/backup-files';
import { markDamaged } from './db/connection';
import { storageProblem } from './fs-reason';
import { recordHistory, revertRecord } from './services/history';
import { departmentSettings, setDepartmentSettings } from './services/department';
import { bulkDeleteEvents, bulkUpdateEvents, createManyEvents, eventDetails, undoBulk } from './services/bulk';
import { createJobRunner } from './jobs/runner';
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

/** The register as one call sees it: the caller's name and the call's time recorded in every change it makes. */
function callerCore(core: LocalCore, context: CallContext): LocalCore {
  if (!context.user && !context.now) return core;
  const now = context.now ?? core.now();
  return Object.create(core, { user: { value: context.user ?? core.user }, now: { value: () => now } }) as LocalCore;
}

export function createHandlers(core: LocalCore): Handlers {
  const as = (context: CallContext) => callerCore(core, context);
  const imports = createImportFiles(core);
  const uploads = createUploads(core.file);
  const jobs = createJobRunner(core.file, console.error, (active) => {
    if (core.db.open) core.db.pragma(`busy_timeout = ${active ? 0 : BUSY_TIMEOUT_MS}`);
  });
  return refuseWritesDuringJobs({
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
    'import.analyze': (input) => imports.analyze(input),
    'import.commit': (input) => imports.commit(input),
    'import.batches': (_input, ctx) => listBatches(as(ctx)),
    'import.undo': ({ id }, ctx) => undoBatch(as(ctx), id),
    'jobs.start': async (start) => {
      switch (start.kind) {
        case 'import.analyze': {
          // The bytes kept here (the wizard's later previews and the commit name them by fileId), read in the worker.
          const { options, ...file } = start.input;
          const { fileName, data } = imports.hold(file);
          return { jobId: jobs.start('import.analyze', () => Promise.resolve({ fileName, data, options })) };
        }
        case 'import.commit': {
          const { input } = start;
          // A file no longer kept fails the call itself, before any job starts.
          const { fileName, data } = imports.file(input.fileId);
          // The worker makes the checked backup first, as the direct commit does.
          const prepare = () => Promise.resolve({ fileName, data, options: input.options });
          return { jobId: jobs.start('import.commit', prepare, () => imports.forget(input.fileId)) };
        }
        case 'report.export': {
          const { report, period, format, kind } = start.input;
          return { jobId: jobs.start('report.export', () => Promise.resolve({ report, period, format, kind })) };
        }
        case 'backups.restore': {
          if (jobs.writing()) throw new AppError('conflict', RESTORE_DURING_IMPORT);
          const { file, restored } = await restoreSource(core, uploads, start.input);
          // A register found damaged by the safety snapshot is marked so here too: never noted as closed cleanly.
          const damaged = (error: { code: string }) => error.code === 'db_damaged' && markDamaged(core.db);
          return { jobId: jobs.start('backups.restore', () => Promise.resolve({ file }), restored, damaged) };
        }
        case 'export.period':
        case 'export.csv':
          return { jobId: jobs.start(start.kind, () => Promise.resolve(start.input)) };
        case 'export.all':
        case 'backups.create':
        case 'check':
          return { jobId: jobs.start(start.kind, () => Promise.resolve({})) };
      }
    },
    'jobs.status': ({ jobId }) => jobs.status(jobId),
    'jobs.cancel': ({ jobId }) => jobs.cancel(jobId),
    'report.draft': (input, ctx) => reportDraft(as(ctx), input),
    'report.save': (input, ctx) => saveReport(as(ctx), input),
    'report.discard': (input, ctx) => discardReport(as(ctx), input),
    'report.export': ({ report, period, format, kind }, ctx) => exportReport(as(ctx), report, period, format, kind),
    'export.period': (input, ctx) => exportPeriod(as(ctx), input),
    'export.csv': async (input) => {
      const { fileName, data } = await exportCsv(core, input);
      return { fileName, data };
    },
    'export.all': (_input, ctx) => exportAll(as(ctx)),
    'stats.overview': ({ period, today }, ctx) => overview(as(ctx), period, today),
    'settings.department': (_input, ctx) => departmentSettings(as(ctx)),
    'settings.setDepartment': (input, ctx) => setDepartmentSettings(as(ctx), input),
    'demo.load': (_input, ctx) => loadDemo(as(ctx)),
    'changes.latest': (_input, ctx) => latestChange(as(ctx)),
    ...createBackupHandlers(core, uploads),
  }, () => jobs.writing());
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

// The contract: every call between renderer and back end, name → input schema → output schema.
import { z } from 'zod';
import { FileOutputSchema, IdInputSchema, OkSchema } from './schema/common';
import { PeriodExportSchema } from './schema/export';
import {
  EventFilterSchema,
  EventInputSchema,
  EventPageSchema,
  EventRowPageSchema,
  EventSchema,
  EventUpdateSchema,
  BulkActionSchema,
  BulkResultSchema,
  EventBulkDeleteSchema,
  EventBulkUpdateSchema,
  EventCreateManyResultSchema,
  EventCreateManySchema,
  EventDetailsInputSchema,
  EventDetailsSchema,
} from './schema/event';
import {
  AgreementFilterSchema,
  AgreementInputSchema,
  AgreementPageSchema,
  AgreementSchema,
  AgreementUpdateSchema,
} from './schema/agreement';
import { ImportAnalyzeSchema, ImportBatchSchema, ImportCommitSchema, ImportPreviewSchema, ImportResultSchema } from './schema/import';
import { ReportDraftInputSchema, ReportDraftSchema, ReportExportSchema, ReportInputSchema, ReportSaveSchema } from './schema/report';
import { OverviewInputSchema, OverviewSchema } from './schema/stats';
import { CalendarDataSchema, CalendarPrefsSchema, CalendarQuerySchema, EventMoveSchema } from './schema/calendar';
import { RefCreateSchema, RefListInputSchema, RefMergeSchema, RefSchema, RefUpdateSchema } from './schema/reference';
import {
  AppStatusSchema,
  BackupFolderInputSchema,
  BackupInfoSchema,
  BackupListSchema,
  BackupNameSchema,
  BackupPreviewSchema,
  BackupSourceSchema,
  BackupUploadSchema,
  DataPathsSchema,
  RecoveryBackupSchema,
  RestoreResultSchema,
} from './schema/backup';
import { HistoryEntrySchema, HistoryInputSchema, HistoryRevertSchema } from './schema/history';
import { DepartmentInputSchema, DepartmentSettingsSchema } from './schema/department';
import { JobIdSchema, JobStartSchema, JobStatusSchema } from './schema/jobs';
import {
  AccountAddSchema,
  AccountSchema,
  AccountSetRoleSchema,
  AccountTargetSchema,
  LoginInputSchema,
  SessionSchema,
  WhoAmISchema,
  type Role,
} from './schema/account';
import { ServerSetInputSchema, ServerSettingsSchema } from './schema/server-link';
import { ServerBackupListSchema, ServerBackupSchema } from './schema/server-backup';
import { RegisterReceivedSchema, RegisterSendSchema, RegisterSentSchema } from './schema/register-transfer';

/** The register's change counter: the id of its latest change-log row, 0 while nothing is logged. */
export const ChangeCounterSchema = z.object({ id: z.int().nonnegative() });

function method<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
  return { input, output };
}

export const api = {
  'events.list': method(EventFilterSchema, EventPageSchema),
  'events.rows': method(EventFilterSchema, EventRowPageSchema),
  'events.get': method(IdInputSchema, EventSchema),
  'events.create': method(EventInputSchema, EventSchema),
  'events.update': method(EventUpdateSchema, EventSchema),
  'events.delete': method(IdInputSchema, OkSchema),
  'events.restore': method(IdInputSchema, EventSchema),
  'events.move': method(EventMoveSchema, EventSchema),
  // The grid: many events at once, each change one transaction and one undoable entry.
  'events.createMany': method(EventCreateManySchema, EventCreateManyResultSchema),
  'events.bulkUpdate': method(EventBulkUpdateSchema, BulkResultSchema),
  'events.bulkDelete': method(EventBulkDeleteSchema, BulkResultSchema),
  'events.undoBulk': method(BulkActionSchema, BulkResultSchema),
  'events.details': method(EventDetailsInputSchema, z.array(EventDetailsSchema)),
  'calendar.data': method(CalendarQuerySchema, CalendarDataSchema),
  'calendar.prefs': method(z.strictObject({}), CalendarPrefsSchema),
  'calendar.savePrefs': method(CalendarPrefsSchema, CalendarPrefsSchema),
  'agreements.list': method(AgreementFilterSchema, AgreementPageSchema),
  'agreements.get': method(IdInputSchema, AgreementSchema),
  'agreements.create': method(AgreementInputSchema, AgreementSchema),
  'agreements.update': method(AgreementUpdateSchema, AgreementSchema),
  'agreements.delete': method(IdInputSchema, OkSchema),
  'agreements.restore': method(IdInputSchema, AgreementSchema),
  'history.list': method(HistoryInputSchema, z.array(HistoryEntrySchema)),
  'history.revert': method(HistoryRevertSchema, OkSchema),
  'refs.list': method(RefListInputSchema, z.array(RefSchema)),
  'refs.create': method(RefCreateSchema, RefSchema),
  'refs.update': method(RefUpdateSchema, RefSchema),
  'refs.merge': method(RefMergeSchema, RefSchema),
  'import.analyze': method(ImportAnalyzeSchema, ImportPreviewSchema),
  'import.commit': method(ImportCommitSchema, ImportResultSchema),
  'import.batches': method(z.strictObject({}), z.array(ImportBatchSchema)),
  'import.undo': method(IdInputSchema, ImportBatchSchema),
  // Long work in a worker thread: started, then followed by polling (over IPC and HTTP alike), cancellable.
  'jobs.start': method(JobStartSchema, z.object({ jobId: z.string() })),
  'jobs.status': method(JobIdSchema, JobStatusSchema),
  'jobs.cancel': method(JobIdSchema, JobStatusSchema),
  'report.draft': method(ReportDraftInputSchema, ReportDraftSchema),
  'report.save': method(ReportSaveSchema, ReportDraftSchema),
  'report.discard': method(ReportInputSchema, ReportDraftSchema),
  'report.export': method(ReportExportSchema, FileOutputSchema),
  'export.period': method(PeriodExportSchema, FileOutputSchema),
  'export.csv': method(PeriodExportSchema, FileOutputSchema),
  'export.all': method(z.strictObject({}), FileOutputSchema),
  'stats.overview': method(OverviewInputSchema, OverviewSchema),
  'settings.department': method(z.strictObject({}), DepartmentSettingsSchema),
  'settings.setDepartment': method(DepartmentInputSchema, DepartmentSettingsSchema),
  'demo.load': method(z.strictObject({}), z.object({ events: z.int(), agreements: z.int(), alreadyLoaded: z.boolean() })),
  // Live refresh: the latest change-log row id, polled by every open window; it grows with each change.
  'changes.latest': method(z.strictObject({}), ChangeCounterSchema),
  // Data safety: the app's mode, where the data lives, backups; in the recovery mode only these answer.
  'app.status': method(z.strictObject({}), AppStatusSchema),
  'settings.paths': method(z.strictObject({}), DataPathsSchema),
  'settings.setBackupFolder': method(BackupFolderInputSchema, DataPathsSchema),
  'backups.list': method(z.strictObject({}), BackupListSchema),
  'backups.create': method(z.strictObject({}), BackupInfoSchema),
  'backups.inspect': method(z.strictObject({ name: BackupNameSchema }), BackupPreviewSchema),
  'backups.upload': method(BackupUploadSchema, BackupPreviewSchema),
  'backups.restore': method(BackupSourceSchema, RestoreResultSchema),
  'recovery.backups': method(z.strictObject({}), z.array(RecoveryBackupSchema)),
  'recovery.restore': method(BackupSourceSchema, RestoreResultSchema),
  'recovery.retry': method(z.strictObject({}), AppStatusSchema),
  // The department server's own (SERVER_ONLY below): sessions and, for administrators, accounts.
  'auth.login': method(LoginInputSchema, SessionSchema),
  'auth.logout': method(z.strictObject({}), OkSchema),
  'auth.me': method(z.strictObject({}), WhoAmISchema),
  'accounts.list': method(z.strictObject({}), z.array(AccountSchema)),
  'accounts.add': method(AccountAddSchema, AccountSchema),
  'accounts.disable': method(AccountTargetSchema, AccountSchema),
  'accounts.setRole': method(AccountSetRoleSchema, AccountSchema),
  // The server's own backups, for administrators (restoring one is `reestr server import-sqlite`).
  'server.backups': method(z.strictObject({}), ServerBackupListSchema),
  'server.backupNow': method(z.strictObject({}), ServerBackupSchema),
  // A clerk's register into the server's empty one: the body is the SQLite file's bytes, not JSON (its input is empty).
  'server.receiveRegister': method(z.strictObject({}), RegisterReceivedSchema),
  // The desktop app's own (DESKTOP_ONLY below): whether this PC works with a department server.
  'settings.server': method(z.strictObject({}), ServerSettingsSchema),
  'settings.setServer': method(ServerSetInputSchema, ServerSettingsSchema),
  // «Перенести реестр на сервер»: the local register sent to a department server (server.receiveRegister there).
  'register.sendToServer': method(RegisterSendSchema, RegisterSentSchema),
} as const;

/**
 * Methods only the department server answers, itself, before its dispatch: the desktop app, the
 * local web mode and the CLI have no accounts, and their handler tables leave these out.
 */
export const SERVER_ONLY = ['auth.login', 'auth.logout', 'auth.me', 'accounts.list', 'accounts.add', 'accounts.disable', 'accounts.setRole', 'server.backups', 'server.backupNow', 'server.receiveRegister'] as const;
export type ServerMethodName = (typeof SERVER_ONLY)[number];

/**
 * Methods the desktop app's main process answers itself, in either mode: they are about this PC, not
 * a register, so no register's table has them (a register's dispatch calls them unknown).
 * `register.sendToServer` is the local web mode's too (both send their own file; a server refuses it).
 */
export const DESKTOP_ONLY = ['settings.server', 'settings.setServer', 'register.sendToServer'] as const;
export type DesktopMethodName = (typeof DESKTOP_ONLY)[number];

export type Api = typeof api;
export type MethodName = keyof Api;
/** What a caller passes: the schema's input side (defaults may be left out). */
export type MethodInput<K extends MethodName> = z.input<Api[K]['input']>;
/** What a handler receives: parsed, defaults filled. */
export type ParsedInput<K extends MethodName> = z.output<Api[K]['input']>;
export type MethodOutput<K extends MethodName> = z.output<Api[K]['output']>;

/**
 * Who makes a call and when, as the transport knows it: the department server fills it from the
 * session; the Electron shell, the web mode and the CLI leave it out, and the OS account stands.
 */
export interface CallContext {
  /** The caller's login, recorded in the change log. */
  user?: string;
  /** The time of the call (ISO), one for everything the call writes. */
  now?: string;
  /** The caller's role on the department server; a clerk's own register has none (she may do everything). */
  role?: Role;
}

/** The methods a register's back end answers: every one but the department server's own. */
export type LocalMethodName = Exclude<MethodName, ServerMethodName | DesktopMethodName>;

type HandlerKeys = { [K in LocalMethodName]: K } & { [K in ServerMethodName | DesktopMethodName]?: K };
/**
 * A handler answers at once, or later for work that reads files (an import). The department server's
 * own methods are optional: a register's table leaves them out, as the server answers them itself.
 */
export type Handlers = {
  [K in keyof HandlerKeys]: (input: ParsedInput<K>, context: CallContext) => MethodOutput<K> | Promise<MethodOutput<K>>;
};

export function isServerMethod(name: string): name is ServerMethodName {
  return (SERVER_ONLY as readonly string[]).includes(name);
}

export function isDesktopMethod(name: string): name is DesktopMethodName {
  return (DESKTOP_ONLY as readonly string[]).includes(name);
}

/** A method of the contract that a register's back end answers (the department server's own are not). */
export function isMethodName(name: string): name is LocalMethodName {
  return Object.hasOwn(api, name) && !isServerMethod(name) && !isDesktopMethod(name);
}

/** Any method of the contract, the department server's own included. */
export function isContractMethod(name: string): name is MethodName {
  return Object.hasOwn(api, name);
}

// What each kind of job does, on the job's own view of the register (a worker's own connection to a
// file; the server's pool).
import type { Core, LocalCore } from '../core';
import type { ImportOptions, ImportPreview, ImportResult } from '../../../shared/schema/import';
import type { PeriodExport } from '../../../shared/schema/export';
import type { DocumentKind, Report as ReportDocument, ReportFormat } from '../../../shared/schema/report';
import type { z } from 'zod';
import type { BackupInfoDto, RestoreResultSchema } from '../../../shared/schema/backup';
import type { Period } from '../../../shared/period';
import { exportAll, exportCsv } from '../services/exports';
import { exportPeriodWithProgress } from './export-progress';
import type { CheckResult, JobKind } from '../../../shared/schema/jobs';
import { analyze } from '../import/analyze';
import { commitPreview, readImportSource } from '../services/imports';
import { exportReport } from '../services/reports';
import { makeBackup, restoreBackup } from '../services/backups';
import { backupDto } from '../services/backup-handlers';
import type { Report } from './protocol';

type FileOutput = { fileName: string; data: string };

/** The data a job's worker receives for each kind (structured-cloned into the thread). */
export interface JobPayloads {
  'import.analyze': { fileName: string; data: Uint8Array; options: ImportOptions };
  'import.commit': { fileName: string; data: Uint8Array; options: ImportOptions };
  'export.period': PeriodExport;
  'export.csv': PeriodExport;
  'export.all': Record<string, never>;
  'report.export': { report: ReportDocument; period: Period; format: ReportFormat; kind: DocumentKind };
  'backups.create': Record<string, never>;
  /** The checked file to restore, found by the serving thread (a listed backup or the upload). */
  'backups.restore': { file: string };
  check: Record<string, never>;
}
export interface JobResults {
  'import.analyze': ImportPreview;
  'import.commit': ImportResult;
  'export.period': FileOutput;
  'export.csv': FileOutput;
  'export.all': FileOutput;
  'report.export': FileOutput;
  'backups.create': BackupInfoDto;
  'backups.restore': z.infer<typeof RestoreResultSchema>;
  check: CheckResult;
}

/**
 * Kinds that leave nothing behind when stopped: they only read the register and make their answer
 * in memory, so a cancel stops their thread at once. The others stop at their next report and clean up.
 */
export const READ_ONLY: ReadonlySet<JobKind> = new Set(['import.analyze', 'export.period', 'export.csv', 'export.all', 'report.export', 'check']);

/** Kinds that write the register and hold its write lock while they run. */
export const WRITES: ReadonlySet<JobKind> = new Set(['import.commit', 'backups.restore']);

const bytes = (data: Uint8Array) => Buffer.from(data.buffer, data.byteOffset, data.byteLength);

type WorkOf<C, K extends JobKind> = (core: C, payload: JobPayloads[K], report: Report) => Promise<JobResults[K]>;

/** The kinds any register runs, over its store: reading files, writing workbooks and documents. */
export type StoreJobKind = Exclude<JobKind, 'backups.create' | 'backups.restore' | 'check'>;

/** Reads the file again and checks it against the register as this job sees it, then writes it as one transaction: a cancel between rows rolls all of it back. */
const commitImport: WorkOf<Core, 'import.commit'> = async (core, { fileName, data, options }, report) => {
  report(0, 0, { stage: 'reading' });
  const source = await readImportSource(fileName, bytes(data));
  return commitPreview(core, await analyze(core, source, options), options, source, (done, total) => report(done, total, { stage: 'writing' }));
};

export const storeWork: { [K in StoreJobKind]: WorkOf<Core, K> } = {
  // Read, then checked against the register: rows read and sheets once read, then the check.
  'import.analyze': async (core, { fileName, data, options }, report) => {
    report(0, 0, { stage: 'reading' });
    const source = await readImportSource(fileName, bytes(data));
    const rows = source.workbook.sheets.reduce((n, s) => n + s.rows.length, 0);
    report(rows, rows, { sheets: source.workbook.sheets.length, stage: 'checking' });
    return analyze(core, source, options);
  },
  'import.commit': commitImport,
  // Exports only read the register.
  'export.period': (core, options, report) => exportPeriodWithProgress(core, options, report),
  'export.csv': async (core, options, report) => {
    const { fileName, data } = await exportCsv(core, options, report);
    return { fileName, data };
  },
  'export.all': (core) => exportAll(core),
  'report.export': (core, { report, period, format, kind }) => exportReport(core, report, period, format, kind),
};

/** One clerk's register adds what a file has: backups, a restore, SQLite's own check. */
export const localWork: { [K in JobKind]: WorkOf<LocalCore, K> } = {
  ...storeWork,
  // As the direct commit does, a checked backup first (here, so its copy and check never hold up the
  // thread that serves calls).
  'import.commit': async (core, payload, report) => {
    await makeBackup(core, 'import', undefined, (_done, _total, more) => report(0, 0, { stage: more?.stage }));
    return commitImport(core, payload, report);
  },
  'backups.create': async (core, _payload, report) => backupDto(await makeBackup(core, 'manual', undefined, report)),
  'backups.restore': async (core, { file }, report) => {
    const { safety, contents } = await restoreBackup(core, file, report);
    return { contents, safety: backupDto(safety), keptAs: null };
  },
  // `PRAGMA integrity_check`: every page, and every index against its table.
  check: (core) => {
    const result = String(core.db.pragma('integrity_check', { simple: true }));
    return Promise.resolve({ ok: result === 'ok', detail: result === 'ok' ? null : result.slice(0, 1000) });
  },
};

// What each kind of job does inside its worker thread, on the worker's own connection to the register.
import type { Core } from '../core';
import type { ImportOptions, ImportResult } from '../../../shared/schema/import';
import type { PeriodExport } from '../../../shared/schema/export';
import { exportAll, exportCsv, exportPeriod } from '../services/exports';
import type { JobKind } from '../../../shared/schema/jobs';
import { analyze } from '../import/analyze';
import { commitPreview, readImportSource } from '../services/imports';

/** The data a job's worker receives for each kind (structured-cloned into the thread). */
export interface JobPayloads {
  'import.commit': { fileName: string; data: Uint8Array; options: ImportOptions };
  'export.period': PeriodExport;
  'export.csv': PeriodExport;
  'export.all': Record<string, never>;
}
type FileOutput = { fileName: string; data: string };
export interface JobResults {
  'import.commit': ImportResult;
  'export.period': FileOutput;
  'export.csv': FileOutput;
  'export.all': FileOutput;
}

/** Kinds that only read the register: cancelled by stopping their thread, as there is nothing to roll back. */
export const READ_ONLY: ReadonlySet<JobKind> = new Set(['export.period', 'export.csv', 'export.all']);

/** Progress as the worker reports it: rows written of the total; throws to stop (cancel). */
export type Report = (done: number, total: number) => void;

export const work: { [K in JobKind]: (core: Core, payload: JobPayloads[K], report: Report) => Promise<JobResults[K]> } = {
  // The file is read and checked again here, against the register as this connection sees it, then
  // written as one transaction: a cancel between rows rolls all of it back.
  'import.commit': async (core, { fileName, data, options }, report) => {
    const source = await readImportSource(fileName, Buffer.from(data.buffer, data.byteOffset, data.byteLength));
    return commitPreview(core, analyze(core, source, options), options, source, report);
  },
  // Exports read one snapshot of the register (their own read transaction on this connection).
  'export.period': (core, options) => exportPeriod(core, options),
  'export.csv': (core, options) => {
    const { fileName, data } = exportCsv(core, options);
    return Promise.resolve({ fileName, data });
  },
  'export.all': (core) => exportAll(core),
};

// Long work run off the thread that serves calls: how it is started, followed by polling, and cancelled.
import { z } from 'zod';
import { FileOutputSchema } from './common';
import { PeriodExportSchema } from './export';
import { ImportAnalyzeSchema, ImportCommitSchema, ImportPreviewSchema, ImportResultSchema } from './import';
import { ReportExportSchema } from './report';
import { BackupInfoSchema, BackupSourceSchema, RestoreResultSchema } from './backup';

/** What a job may be; each kind names its input (the same as the direct call's). */
export const JobStartSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('import.analyze'), input: ImportAnalyzeSchema }),
  z.strictObject({ kind: z.literal('import.commit'), input: ImportCommitSchema }),
  z.strictObject({ kind: z.literal('export.period'), input: PeriodExportSchema }),
  z.strictObject({ kind: z.literal('export.csv'), input: PeriodExportSchema }),
  z.strictObject({ kind: z.literal('export.all'), input: z.strictObject({}) }),
  z.strictObject({ kind: z.literal('report.export'), input: ReportExportSchema }),
  z.strictObject({ kind: z.literal('backups.create'), input: z.strictObject({}) }),
  z.strictObject({ kind: z.literal('backups.restore'), input: BackupSourceSchema }),
  z.strictObject({ kind: z.literal('check'), input: z.strictObject({}) }),
]);
export type JobStart = z.infer<typeof JobStartSchema>;
/** What a caller passes to start one (defaults may be left out). */
export type JobStartInput = z.input<typeof JobStartSchema>;
export type JobKind = JobStart['kind'];
export const JOB_KINDS = ['import.analyze', 'import.commit', 'export.period', 'export.csv', 'export.all', 'report.export', 'backups.create', 'backups.restore', 'check'] as const satisfies readonly JobKind[];

export const JobIdSchema = z.strictObject({ jobId: z.string().regex(/^[0-9a-z-]{1,64}$/) });

export const JobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

/** What a job is doing now, where it has steps: reading the file, checking its rows, copying, checking. */
export const JobStageSchema = z.enum(['reading', 'checking', 'writing', 'copying']);
export type JobStage = z.infer<typeof JobStageSchema>;

/** The answer of an integrity check of the open register. */
export const CheckResultSchema = z.object({ ok: z.boolean(), detail: z.string().nullable() });
export type CheckResult = z.infer<typeof CheckResultSchema>;

export const JobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.enum(JOB_KINDS),
  state: JobStateSchema,
  /**
   * Units done of the total: an import's rows written (its analysis: rows read, once read), an
   * export's events written, a backup's pages copied; total is 0 while the amount is not known yet
   * (the file still being read and checked), and for work that reports only its end (a document).
   */
  progress: z.object({
    done: z.int().min(0),
    total: z.int().min(0),
    /** Sheets (or tables) read of the file: an import's analysis. */
    sheets: z.int().min(0).optional(),
    stage: JobStageSchema.optional(),
  }),
  /** The job's answer once done: the direct call's (an import commit's result, an export's file…). */
  result: z.union([ImportResultSchema, ImportPreviewSchema, FileOutputSchema, BackupInfoSchema, RestoreResultSchema, CheckResultSchema]).optional(),
  /** Why it failed, as the direct call would have said. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

// Long work run off the thread that serves calls: how it is started, followed by polling, and cancelled.
import { z } from 'zod';
import { FileOutputSchema } from './common';
import { PeriodExportSchema } from './export';
import { ImportCommitSchema, ImportResultSchema } from './import';

/** What a job may be; each kind names its input (the same as the direct call's). */
export const JobStartSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('import.commit'), input: ImportCommitSchema }),
  z.strictObject({ kind: z.literal('export.period'), input: PeriodExportSchema }),
  z.strictObject({ kind: z.literal('export.csv'), input: PeriodExportSchema }),
  z.strictObject({ kind: z.literal('export.all'), input: z.strictObject({}) }),
]);
export type JobStart = z.infer<typeof JobStartSchema>;
export type JobKind = JobStart['kind'];

export const JobIdSchema = z.strictObject({ jobId: z.string().regex(/^[0-9a-z-]{1,64}$/) });

export const JobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['import.commit', 'export.period', 'export.csv', 'export.all']),
  state: JobStateSchema,
  /**
   * An import's rows written of those to write; total is 0 while the file is still being read and
   * checked, and for an export, which reports only its end.
   */
  progress: z.object({ done: z.int().min(0), total: z.int().min(0) }),
  /** The job's answer once done: the direct call's (an import commit's result, an export's file). */
  result: z.union([ImportResultSchema, FileOutputSchema]).optional(),
  /** Why it failed, as the direct call would have said. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

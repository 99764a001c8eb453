// Long work run off the thread that serves calls: how it is started, followed by polling, and cancelled.
import { z } from 'zod';
import { ImportCommitSchema, ImportResultSchema } from './import';

/** What a job may be; each kind names its input (the same as the direct call's). */
export const JobStartSchema = z.discriminatedUnion('kind', [z.strictObject({ kind: z.literal('import.commit'), input: ImportCommitSchema })]);
export type JobStart = z.infer<typeof JobStartSchema>;
export type JobKind = JobStart['kind'];

export const JobIdSchema = z.strictObject({ jobId: z.string().regex(/^[0-9a-z-]{1,64}$/) });

export const JobStateSchema = z.enum(['running', 'done', 'cancelled', 'failed']);
export type JobState = z.infer<typeof JobStateSchema>;

export const JobStatusSchema = z.object({
  jobId: z.string(),
  kind: z.literal('import.commit'),
  state: JobStateSchema,
  /** Rows written of those to write; total is 0 while the file is still being read and checked. */
  progress: z.object({ done: z.int().min(0), total: z.int().min(0) }),
  /** The job's answer once done (an import commit's result). */
  result: ImportResultSchema.optional(),
  /** Why it failed, as the direct call would have said. */
  error: z.object({ code: z.string(), message: z.string() }).optional(),
});
export type JobStatus = z.infer<typeof JobStatusSchema>;

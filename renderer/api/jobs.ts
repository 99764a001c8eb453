// Long work in the back end's worker threads, followed from the page: started, polled, cancellable.
import type { JobStartInput, JobStatus } from '../../shared/schema/jobs';
import type { ErrorInfo } from '../../shared/errors';
import { ApiError, call } from './client';

/** How often a running job is asked for its progress. */
const POLL_MS = 250;

export type JobProgress = JobStatus['progress'];

/** How a followed job ended: with its answer, or cancelled (nothing kept). A failure rejects with an ApiError. */
export type JobEnd<R> = { state: 'done'; result: R } | { state: 'cancelled' };

export interface Job<R> {
  /** The job's id once started: known after the first answer. */
  readonly id: Promise<string>;
  /** Settles when the job ends. */
  readonly end: Promise<JobEnd<R>>;
  /** Asks the job to stop; its end then says «cancelled» (unless it had finished already). */
  cancel(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Starts a job and follows it, telling `onProgress` each progress polled. `R` is the answer of the
 * kind's direct call (the caller names it: the schema's union does not say which kind gave it).
 */
export function startJob<R>(
  start: JobStartInput,
  onProgress: (progress: JobProgress) => void = () => {},
): Job<R> {
  const id = call('jobs.start', start).then((answer) => answer.jobId);
  let cancelAsked = false;
  const end = (async (): Promise<JobEnd<R>> => {
    const jobId = await id;
    if (cancelAsked) await call('jobs.cancel', { jobId });
    for (;;) {
      const status = await call('jobs.status', { jobId });
      onProgress(status.progress);
      if (status.state === 'done') return { state: 'done', result: status.result as R };
      if (status.state === 'cancelled') return { state: 'cancelled' };
      // The back end sends its own ErrorInfo as the job's error; the schema keeps the code a plain string.
      if (status.state === 'failed') throw new ApiError((status.error as ErrorInfo | undefined) ?? { code: 'internal', message: 'Действие не выполнено: данные не изменены.' });
      await wait(POLL_MS);
    }
  })();
  return {
    id,
    end,
    async cancel() {
      cancelAsked = true;
      let jobId: string;
      try {
        jobId = await id;
      } catch {
        return;
      }
      await call('jobs.cancel', { jobId });
    },
  };
}

/** A job started and followed to its answer, for work shown busy without a bar: a failure or a cancel rejects. */
export async function runJob<R>(start: JobStartInput): Promise<R> {
  const end = await startJob<R>(start).end;
  if (end.state !== 'done') throw new ApiError({ code: 'conflict', message: 'Действие отменено: ничего не изменено.' });
  return end.result;
}

// Runs long work (imports, exports, documents, backups, checks) off the calls' way, followed by polling:
// in worker threads, each on its own connection to a file, or on this thread over a pool.
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { CallContext } from '../../../shared/api';
import { AppError, type ErrorInfo } from '../../../shared/errors';
import type { JobKind, JobStatus } from '../../../shared/schema/jobs';
import { sqliteBinding } from '../db/sqlite';
import { CANCEL, DONE, SHEETS, SLOTS, STAGE, STAGES, TOTAL, type WorkerData, type WorkerEnd } from './protocol';
import { READ_ONLY, WRITES, type JobPayloads, type JobResults } from './work';

/** Finished jobs kept for a late poll; the oldest go first. */
const KEPT_FINISHED = 20;

export const JOB_FAILED = 'Внутренняя ошибка программы: действие не выполнено, данные не изменены.';

/**
 * How a worker starts. From the sources (tests, `tsx`), the .ts entry is loaded through tsx's loader,
 * registered inside the thread; from a bundle (dist/cli, dist-electron), the bundled entry beside it,
 * `job-worker.cjs`, which scripts/build-cli.mjs and scripts/build-electron.mjs write. One eval'd
 * script serves both, so neither depends on how the thread's loader would treat a file path.
 */
function workerScript(): string {
  const fromSources = import.meta.url.endsWith('.ts');
  if (fromSources) {
    const entry = new URL('./worker.ts', import.meta.url).href;
    return `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); })`;
  }
  return `require(${JSON.stringify(fileURLToPath(new URL('./job-worker.cjs', import.meta.url)))})`;
}

interface Job extends RunningJob {
  id: string;
  state: JobStatus['state'];
  result?: unknown;
  error?: ErrorInfo;
}

/** What an executor sees of a job: its kind, the counters it reports into, how to stop it at once. */
export interface RunningJob {
  kind: JobKind;
  shared: Int32Array;
  /** Who started the job, when: what its writes record on a register that runs it as its caller. */
  context: CallContext;
  /** Ends a job that only reads at once (its thread terminated); unset where the work stops at its next report. */
  stop?: () => void;
}

/** Where a job's work runs: a worker thread on its own connection to a file, or this thread over a pool. */
export interface Executor {
  /** Refuses before a job starts, where this register cannot run jobs. */
  check?(): void;
  run(job: RunningJob, payload: unknown): Promise<WorkerEnd>;
}

export interface Runner {
  /**
   * Starts a job: `prepare` (on this thread, may wait: a backup) gives the worker's payload, then the
   * worker runs; `finish` hears the result of a job done, `failed` the error of one failed.
   * Answers at once with the job's id.
   */
  start<K extends JobKind>(kind: K, prepare: () => Promise<JobPayloads[K]>, finish?: (result: JobResults[K]) => void, failed?: (error: ErrorInfo) => void, context?: CallContext): string;
  status(jobId: string): JobStatus;
  /** Asks the job to stop: its transaction rolls back. A finished job stays as it ended. */
  cancel(jobId: string): JobStatus;
  /** Waits for every running job to end (cancelling them first when asked). */
  settle(cancel?: boolean): Promise<void>;
  /** Whether a job that writes (an import's commit, a restore) is running: it may hold the register's write lock. */
  writing(): boolean;
}

/** Each job in a worker thread of its own, on its own connection to the register `file`. */
export function inWorkerThreads(file: string, logError: (e: unknown) => void): Executor {
  return {
    check() {
      if (file === ':memory:') throw new AppError('bad_request', 'Задание нельзя выполнить в отдельном потоке: база данных открыта только в памяти, а не из файла.');
    },
    run: (job, payload) =>
      new Promise((resolve) => {
        const data: WorkerData = { kind: job.kind, file, nativeBinding: sqliteBinding(), shared: job.shared.buffer as SharedArrayBuffer, payload };
        const worker = new Worker(workerScript(), { eval: true, workerData: data });
        job.stop = () => void worker.terminate();
        // Cancelled before the thread was made: a read-only job stops at once.
        if (Atomics.load(job.shared, CANCEL) && READ_ONLY.has(job.kind)) job.stop();
        let end: WorkerEnd | undefined;
        worker.once('message', (m: WorkerEnd) => (end = m));
        worker.once('error', (e) => {
          logError(e);
          end ??= { state: 'failed', error: { code: 'internal', message: JOB_FAILED } };
        });
        worker.once('exit', (code) => {
          job.stop = undefined;
          if (!end && Atomics.load(job.shared, CANCEL)) end = { state: 'cancelled' };
          resolve(end ?? { state: 'failed', error: { code: 'internal', message: JOB_FAILED }, detail: `the job worker stopped (${code})` });
        });
      }),
  };
}

/**
 * The job runner of one open register; `execute` runs each job's work, `logError` hears unexpected
 * failures, `onWriting` hears when the first job that writes starts and when the last one ends.
 */
export function createJobRunner(execute: Executor, logError: (e: unknown) => void = console.error, onWriting: (active: boolean) => void = () => {}): Runner {
  const jobs = new Map<string, Job>();
  const running = new Set<Promise<void>>();
  let writers = 0;

  const find = (jobId: string): Job => {
    const job = jobs.get(jobId);
    if (!job) throw new AppError('not_found', 'Задание не найдено: возможно, программа была перезапущена. Проверьте журнал импорта.');
    return job;
  };

  const forgetOld = () => {
    const finished = [...jobs.values()].filter((j) => j.state !== 'running');
    for (const job of finished.slice(0, Math.max(0, finished.length - KEPT_FINISHED))) jobs.delete(job.id);
  };

  return {
    start(kind, prepare, finish, failed, context = {}) {
      execute.check?.();
      const job: Job = { id: randomUUID(), kind, state: 'running', shared: new Int32Array(new SharedArrayBuffer(SLOTS * 4)), context };
      jobs.set(job.id, job);
      const writes = WRITES.has(kind);
      if (writes && writers++ === 0) onWriting(true);
      const run = (async () => {
        try {
          const payload = await prepare();
          const end: WorkerEnd = Atomics.load(job.shared, CANCEL) ? { state: 'cancelled' } : await execute.run(job, payload);
          if (end.state === 'failed' && end.error.code === 'internal') {
            if (end.detail) logError(new Error(end.detail));
            end.error = { code: 'internal', message: JOB_FAILED };
          }
          if (end.state === 'done') {
            job.result = end.result;
            finish?.(end.result as JobResults[typeof kind]);
          }
          if (end.state === 'failed') {
            job.error = end.error;
            failed?.(end.error);
          }
          job.state = end.state;
        } catch (e) {
          if (!(e instanceof AppError)) logError(e);
          job.error = e instanceof AppError ? e.toInfo() : { code: 'internal', message: JOB_FAILED };
          job.state = 'failed';
        }
        if (writes && --writers === 0) onWriting(false);
        forgetOld();
      })();
      running.add(run);
      void run.finally(() => running.delete(run));
      return job.id;
    },
    status(jobId) {
      const job = find(jobId);
      const status: JobStatus = {
        jobId: job.id,
        kind: job.kind,
        state: job.state,
        progress: { done: Atomics.load(job.shared, DONE), total: Atomics.load(job.shared, TOTAL) },
      };
      const sheets = Atomics.load(job.shared, SHEETS);
      const stage = STAGES[Atomics.load(job.shared, STAGE) - 1];
      if (sheets) status.progress.sheets = sheets;
      if (stage) status.progress.stage = stage;
      if (job.result !== undefined) status.result = job.result as JobStatus['result'];
      if (job.error) status.error = job.error;
      return status;
    },
    cancel(jobId) {
      const job = find(jobId);
      if (job.state === 'running') {
        Atomics.store(job.shared, CANCEL, 1);
        // A write is rolled back by its worker between rows; a read has nothing to keep, its thread just stops.
        if (READ_ONLY.has(job.kind)) job.stop?.();
      }
      return this.status(jobId);
    },
    async settle(cancel = false) {
      if (cancel) for (const job of jobs.values()) if (job.state === 'running') Atomics.store(job.shared, CANCEL, 1);
      await Promise.all([...running]);
    },
    writing: () => writers > 0,
  };
}

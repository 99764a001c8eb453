// What the job runner and its worker threads share: the worker's data, its last message, the shared counters.
import type { ErrorInfo } from '../../../shared/errors';
import type { JobKind, JobStage } from '../../../shared/schema/jobs';

/** Int32 slots of the buffer both threads see: set by the runner to cancel, by the worker as it goes. */
export const CANCEL = 0;
export const DONE = 1;
export const TOTAL = 2;
export const SHEETS = 3;
/** The stage's place in STAGES, plus one (0: none). */
export const STAGE = 4;
export const SLOTS = 5;

export const STAGES: readonly JobStage[] = ['reading', 'checking', 'writing', 'copying'];

/**
 * Progress as work reports it: units done of the total, and where it has them the sheets read and
 * the stage; throws (in a job, once cancelled) to stop the work, whose transaction then rolls back.
 */
export type Report = (done: number, total: number, more?: { sheets?: number; stage?: JobStage }) => void;

export interface WorkerData {
  kind: JobKind;
  file: string;
  nativeBinding: string | undefined;
  shared: SharedArrayBuffer;
  payload: unknown;
}

export type WorkerEnd =
  | { state: 'done'; result: unknown }
  | { state: 'cancelled' }
  | { state: 'failed'; error: ErrorInfo; detail?: string };

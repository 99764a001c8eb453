// What the job runner and its worker threads share: the worker's data, its last message, the shared counters.
import type { ErrorInfo } from '../../../shared/errors';
import type { JobKind } from '../../../shared/schema/jobs';

/** Int32 slots of the buffer both threads see: set by the runner to cancel, by the worker as it writes. */
export const CANCEL = 0;
export const DONE = 1;
export const TOTAL = 2;
export const SLOTS = 3;

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

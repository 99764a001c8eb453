// One job's work on a register already open, whichever thread runs it: progress into the shared
// counters, a cancel heard between rows, and the end as the runner reads it.
import { AppError } from '../../../shared/errors';
import { storageProblem } from '../fs-reason';
import { CANCEL, DONE, SHEETS, STAGE, STAGES, TOTAL, type Report, type WorkerEnd } from './protocol';

/** Thrown between rows once the job is cancelled: the transaction around them rolls back. */
class Cancelled extends Error {}

export type Work<C> = (core: C, payload: unknown, report: Report) => Promise<unknown>;

export async function executeJob<C>(work: Work<C>, core: C, payload: unknown, shared: Int32Array): Promise<WorkerEnd> {
  const report: Report = (done, total, more) => {
    Atomics.store(shared, TOTAL, total);
    Atomics.store(shared, DONE, done);
    if (more?.sheets !== undefined) Atomics.store(shared, SHEETS, more.sheets);
    if (more?.stage) Atomics.store(shared, STAGE, STAGES.indexOf(more.stage) + 1);
    if (Atomics.load(shared, CANCEL)) throw new Cancelled();
  };
  try {
    return { state: 'done', result: await work(core, payload, report) };
  } catch (e) {
    return e instanceof Cancelled ? { state: 'cancelled' } : failure(e);
  }
}

/** A job's failure as the runner hears it: the Russian message, or the detail it logs. */
export function failure(e: unknown): WorkerEnd {
  if (e instanceof AppError) return { state: 'failed', error: e.toInfo() };
  const storage = storageProblem(e);
  if (storage) return { state: 'failed', error: storage.toInfo() };
  return { state: 'failed', error: { code: 'internal', message: '' }, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
}

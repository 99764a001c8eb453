// A job worker thread's entry: opens its own connection to the register, runs one job, posts its end.
import { parentPort, workerData } from 'node:worker_threads';
import { AppError } from '../../../shared/errors';
import { closeCore, openCore, type LocalCore } from '../core';
import { useSqliteBinding } from '../db/sqlite';
import { storageProblem } from '../fs-reason';
import { work } from './work';
import { CANCEL, DONE, SHEETS, STAGE, STAGES, TOTAL, type Report, type WorkerData, type WorkerEnd } from './protocol';

/** Thrown between rows once the job is cancelled: the transaction around them rolls back. */
class Cancelled extends Error {}

async function main(): Promise<WorkerEnd> {
  const data = workerData as WorkerData;
  const shared = new Int32Array(data.shared);
  useSqliteBinding(data.nativeBinding);
  let core: LocalCore | undefined;
  try {
    // The app's connection opened and checked the file already: no second start-up check here.
    core = openCore(data.file, { deferCheck: true });
    const report: Report = (done, total, more) => {
      Atomics.store(shared, TOTAL, total);
      Atomics.store(shared, DONE, done);
      if (more?.sheets !== undefined) Atomics.store(shared, SHEETS, more.sheets);
      if (more?.stage) Atomics.store(shared, STAGE, STAGES.indexOf(more.stage) + 1);
      if (Atomics.load(shared, CANCEL)) throw new Cancelled();
    };
    const run = work[data.kind] as (core: LocalCore, payload: unknown, report: Report) => Promise<unknown>;
    return { state: 'done', result: await run(core, data.payload, report) };
  } catch (e) {
    if (e instanceof Cancelled) return { state: 'cancelled' };
    if (e instanceof AppError) return { state: 'failed', error: e.toInfo() };
    const storage = storageProblem(e);
    if (storage) return { state: 'failed', error: storage.toInfo() };
    return { state: 'failed', error: { code: 'internal', message: '' }, detail: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  } finally {
    if (core) closeCore(core);
  }
}

void main().then((end) => parentPort?.postMessage(end));

// A job worker thread's entry: opens its own connection to the register, runs one job, posts its end.
import { parentPort, workerData } from 'node:worker_threads';
import { closeCore, openCore, type LocalCore } from '../core';
import { useSqliteBinding } from '../db/sqlite';
import { executeJob, failure, type Work } from './execute';
import { localWork } from './work';
import type { WorkerData, WorkerEnd } from './protocol';

async function main(): Promise<WorkerEnd> {
  const data = workerData as WorkerData;
  const shared = new Int32Array(data.shared);
  useSqliteBinding(data.nativeBinding);
  let core: LocalCore | undefined;
  try {
    // The app's connection opened and checked the file already: no second start-up check here.
    core = openCore(data.file, { deferCheck: true });
    return await executeJob(localWork[data.kind] as Work<LocalCore>, core, data.payload, shared);
  } catch (e) {
    // The register did not open in this thread.
    return failure(e);
  } finally {
    if (core) closeCore(core);
  }
}

void main().then((end) => parentPort?.postMessage(end));

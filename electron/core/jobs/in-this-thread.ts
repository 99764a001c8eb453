// Jobs of a register on a connection pool (the department server): the work runs on this thread,
// waiting on the database between its steps, so other calls are served meanwhile.
import { asCaller, type Core } from '../core';
import { executeJob, type Work } from './execute';
import type { Executor } from './runner';
import { storeWork, type StoreJobKind } from './work';

export function inThisThread(core: Core): Executor {
  return {
    run: async (job, payload) => {
      if (!(job.kind in storeWork)) {
        return { state: 'failed', error: { code: 'bad_request', message: 'Это задание на сервере отдела не выполняется: резервные копии сервера делает администратор (reestr server backup).' } };
      }
      return executeJob(storeWork[job.kind as StoreJobKind] as Work<Core>, asCaller(core, job.context), payload, job.shared);
    },
  };
}

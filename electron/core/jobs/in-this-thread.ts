// Jobs of a register on a connection pool (the department server): the work runs on this thread,
// waiting on the database between its steps, so other calls are served meanwhile.
import { asCaller, type Core } from '../core';
import { executeJob, type Work } from './execute';
import type { Executor } from './runner';
import { storeWork, type StoreJobKind } from './work';

/** What the department server answers for a file's own work (backups, restore, SQLite's check). */
export const SERVER_BACKUPS = 'Резервные копии реестра отдела делает администратор сервера (команда «reestr server backup»): в программе их нет.';

export function inThisThread(core: Core): Executor {
  return {
    run: async (job, payload) => {
      if (!(job.kind in storeWork)) {
        return { state: 'failed', error: { code: 'bad_request', message: SERVER_BACKUPS } };
      }
      return executeJob(storeWork[job.kind as StoreJobKind] as Work<Core>, asCaller(core, job.context), payload, job.shared);
    },
  };
}

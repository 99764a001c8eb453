// The open register: a database connection with the table modules prepared over it.
import { userInfo } from 'node:os';
import { closeDatabase, openDatabase, type Db, type OpenOptions } from './db/connection';
import { createAgreementsRepo } from './db/agreements';
import { createBatchesRepo } from './db/batches';
import { createChangeLog } from './db/changelog';
import { createEventsRepo } from './db/events';
import { createProfilesRepo } from './db/profiles';
import { createReportDraftsRepo } from './db/report-drafts';
import { createStatsRepo } from './db/stats';
import { createRefsRepo } from './db/refs';
import { createSettingsRepo } from './db/settings';

export interface Core {
  db: Db;
  file: string;
  refs: ReturnType<typeof createRefsRepo>;
  events: ReturnType<typeof createEventsRepo>;
  agreements: ReturnType<typeof createAgreementsRepo>;
  batches: ReturnType<typeof createBatchesRepo>;
  profiles: ReturnType<typeof createProfilesRepo>;
  drafts: ReturnType<typeof createReportDraftsRepo>;
  stats: ReturnType<typeof createStatsRepo>;
  settings: ReturnType<typeof createSettingsRepo>;
  log: ReturnType<typeof createChangeLog>;
  /** The OS account, recorded in the change log. */
  user: string;
  now: () => string;
}

function osUserName(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? 'неизвестный пользователь';
  }
}

export function openCore(file: string, options: OpenOptions = {}): Core {
  const db = openDatabase(file, options);
  return {
    db,
    file,
    refs: createRefsRepo(db),
    events: createEventsRepo(db),
    agreements: createAgreementsRepo(db),
    batches: createBatchesRepo(db),
    profiles: createProfilesRepo(db),
    drafts: createReportDraftsRepo(db),
    stats: createStatsRepo(db),
    settings: createSettingsRepo(db),
    log: createChangeLog(db),
    user: osUserName(),
    now: () => new Date().toISOString(),
  };
}

export function closeCore(core: Core): void {
  closeDatabase(core.db);
}

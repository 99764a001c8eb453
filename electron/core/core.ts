// The open register: a database connection with the table modules prepared over it.
import { userInfo } from 'node:os';
import { basename, dirname } from 'node:path';
import { APP_FOLDER } from './paths';
import { makePrivateFile, privateFolder } from './private-files';
import { backupBeforeMigration } from './services/backup-snapshot';
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

/** The data folder for its user alone: created so, and our own «Reestr» folder set so if it exists. */
function protectDataFolder(file: string): void {
  const folder = dirname(file);
  try {
    privateFolder(folder, { chmodExisting: basename(folder) === APP_FOLDER });
  } catch {
    // Opening the database tells the user what is wrong with the folder.
  }
}

export function openCore(file: string, options: OpenOptions = {}): Core {
  if (file !== ':memory:') protectDataFolder(file);
  // Every schema migration of an existing register is preceded by a checked backup.
  const db = openDatabase(file, { beforeMigrate: (opened) => void backupBeforeMigration(opened, file), ...options });
  if (file !== ':memory:') for (const suffix of ['', '-wal', '-shm']) makePrivateFile(`${file}${suffix}`);
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

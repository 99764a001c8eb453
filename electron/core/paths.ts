// Where the app keeps its data: the same folder Electron's userData points to, so CLI and app share one file.
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

export const APP_FOLDER = 'Reestr';
export const DATABASE_FILE = 'reestr.sqlite';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform, home = homedir()): string {
  if (platform === 'win32') return join(env.APPDATA || join(home, 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME || join(home, '.config'), APP_FOLDER);
}

export function defaultDatabasePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.REESTR_DB || join(defaultDataDir(env), DATABASE_FILE);
}

/** Where the error log is written: «logs» beside the database. */
export function logFolder(databaseFile: string): string {
  return join(dirname(databaseFile), 'logs');
}

import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_FOLDER, DATABASE_FILE, defaultDatabasePath, defaultDataDir } from '../../electron/core/paths';

const HOME = '/home/clerk';

describe('constants', () => {
  it('name the folder and the database file', () => {
    expect(APP_FOLDER).toBe('Reestr');
    expect(DATABASE_FILE).toBe('reestr.sqlite');
  });
});

describe('defaultDataDir', () => {
  it('uses APPDATA on Windows', () => {
    const appData = 'C:\\Users\\clerk\\AppData\\Roaming';
    expect(defaultDataDir({ APPDATA: appData }, 'win32', 'C:\\Users\\clerk')).toBe(join(appData, 'Reestr'));
  });

  it('falls back to AppData/Roaming under home on Windows without APPDATA', () => {
    expect(defaultDataDir({}, 'win32', HOME)).toBe(join(HOME, 'AppData', 'Roaming', 'Reestr'));
    expect(defaultDataDir({ APPDATA: '' }, 'win32', HOME)).toBe(join(HOME, 'AppData', 'Roaming', 'Reestr'));
  });

  it('uses Library/Application Support on macOS, ignoring XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'darwin', '/Users/clerk')).toBe(join('/Users/clerk', 'Library', 'Application Support', 'Reestr'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/xdg' }, 'darwin', '/Users/clerk')).toBe(join('/Users/clerk', 'Library', 'Application Support', 'Reestr'));
  });

  it('uses ~/.config on Linux without XDG_CONFIG_HOME', () => {
    expect(defaultDataDir({}, 'linux', HOME)).toBe(join(HOME, '.config', 'Reestr'));
    expect(defaultDataDir({ XDG_CONFIG_HOME: '' }, 'linux', HOME)).toBe(join(HOME, '.config', 'Reestr'));
  });

  it('uses XDG_CONFIG_HOME on Linux when set', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/config' }, 'linux', HOME)).toBe(join('/srv/config', 'Reestr'));
  });

  it('ignores APPDATA outside Windows', () => {
    expect(defaultDataDir({ APPDATA: '/appdata' }, 'linux', HOME)).toBe(join(HOME, '.config', 'Reestr'));
  });

  it('treats other Unix platforms like Linux', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'freebsd', HOME)).toBe(join('/cfg', 'Reestr'));
  });
});

describe('defaultDatabasePath', () => {
  it('honours REESTR_DB', () => {
    expect(defaultDatabasePath({ REESTR_DB: '/data/custom.sqlite', XDG_CONFIG_HOME: '/cfg' })).toBe('/data/custom.sqlite');
  });

  it('puts reestr.sqlite in the data folder without REESTR_DB', () => {
    const env = { XDG_CONFIG_HOME: '/cfg', APPDATA: '/appdata' };
    const expected = join(defaultDataDir(env), 'reestr.sqlite');
    expect(defaultDatabasePath(env)).toBe(expected);
    expect(defaultDatabasePath({ ...env, REESTR_DB: '' })).toBe(expected);
    expect(expected.endsWith(join('Reestr', 'reestr.sqlite'))).toBe(true);
  });
});

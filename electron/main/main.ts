// The Electron shell: one window on app://reestr, the core behind IPC, and every door but that one shut.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session, shell } from 'electron';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { COMMAND_CHANNEL, type Command } from '../../shared/bridge';
import { createErrorLog } from '../core/error-log';
import { installLastResort } from '../core/last-resort';
import { startHost, type Host } from '../core/host';
import { useSqliteBinding } from '../core/db/sqlite';
import { dailyBackup } from '../core/services/backups';
import { defaultDatabasePath, defaultDataDir, logFolder } from '../core/paths';
import { findStaticFile, staticHeaders } from '../server/files';
import { registerContract } from './ipc';
import { createDesktopDispatch, serverLinkFile } from './server-mode';
import { menuTemplate } from './menu';
import { APP_HOST, APP_SCHEME, APP_URL, guardContents, guardSession, windowOptions } from './security';
import { initialBounds, parseWindowState } from './window-state';

const here = dirname(fileURLToPath(import.meta.url));
const RENDERER_DIR = join(here, '..', 'dist', 'renderer');
const PRELOAD = join(here, 'preload.cjs');

protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
// The CLI and the app share one data folder and database.
app.setPath('userData', defaultDataDir());
const databaseFile = defaultDatabasePath();
const errorLog = createErrorLog(logFolder(databaseFile));
// A failure nothing caught is written to the error log and the window stays: no crash dialog, no exit.
installLastResort({ log: errorLog });

let host: Host | undefined;
let mainWindow: BrowserWindow | undefined;

function windowStateFile(): string {
  return join(app.getPath('userData'), 'window-state.json');
}

function readWindowState(): string | null {
  try {
    return readFileSync(windowStateFile(), 'utf8');
  } catch {
    return null;
  }
}

function saveWindowState(win: BrowserWindow): void {
  const bounds = win.getNormalBounds();
  try {
    writeFileSync(windowStateFile(), JSON.stringify({ ...bounds, maximized: win.isMaximized() }));
  } catch {
    // A window that opens in the default place next time is no reason to bother the clerk.
  }
}

function sendCommand(command: Command): void {
  mainWindow?.webContents.send(COMMAND_CHANNEL, command);
}

function createWindow(): BrowserWindow {
  const saved = parseWindowState(readWindowState());
  const bounds = initialBounds(saved, screen.getAllDisplays().map((d) => d.workArea));
  const win = new BrowserWindow(windowOptions(PRELOAD, bounds));
  if (saved?.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => saveWindowState(win));
  void win.loadURL(APP_URL);
  return win;
}

async function confirmExternal(url: string): Promise<void> {
  const { response } = await dialog.showMessageBox({
    type: 'question',
    buttons: ['Открыть', 'Отмена'],
    defaultId: 1,
    cancelId: 1,
    title: 'Внешняя ссылка',
    message: 'Открыть ссылку в браузере?',
    detail: url,
  });
  if (response === 0) await shell.openExternal(url);
}

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardContents(contents, (url) => void confirmExternal(url)));

  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => host?.close());

  void app.whenReady().then(() => {
    // `npm start` in a checkout passes better-sqlite3 built for Electron; a package has it rebuilt in place.
    useSqliteBinding(process.env.REESTR_SQLITE_BINDING);
    // A register that does not open (damaged, locked, read-only) opens the recovery page instead.
    host = startHost(databaseFile, {
      logError: errorLog,
      onOpen: (core) => void dailyBackup(core).catch((e: unknown) => errorLog(e, 'Ежедневная резервная копия')),
    });
    guardSession(session.defaultSession);
    protocol.handle(APP_SCHEME, async (request) => {
      const url = new URL(request.url);
      const file = url.host === APP_HOST ? await findStaticFile(RENDERER_DIR, url.pathname) : null;
      if (!file) return new Response('Не найдено', { status: 404 });
      return new Response(await readFile(file), { headers: staticHeaders(file) });
    });
    // The department server when the settings name one (auth.* included), else the register here.
    registerContract(ipcMain, createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(app.getPath('userData')), host, logError: errorLog }).dispatch);
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        menuTemplate({
          command: sendCommand,
          quit: () => app.quit(),
          about: () =>
            void dialog.showMessageBox({
              type: 'info',
              title: 'О программе',
              message: 'Реестр сотрудничества',
              detail: `Версия ${app.getVersion()}\nБаза данных: ${databaseFile}`,
            }),
        }),
      ),
    );
    mainWindow = createWindow();
  });
}

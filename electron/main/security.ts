// The shell's security decisions as pure functions: window options, which URLs are the app's own.
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';

/** The app's pages are served from this privileged scheme, never from file:// or the network. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'reestr';
export const APP_URL = `${APP_SCHEME}://${APP_HOST}/`;

/** Parsed, never matched as text: «app://reestr.evil» or «app://reestr@evil» are not ours. */
export function isAppUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.username === '' && parsed.password === '';
  } catch {
    return false;
  }
}

/** Links a clerk may open in the system browser, after confirming. */
export function isExternalLink(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'https:' || protocol === 'http:' || protocol === 'mailto:';
  } catch {
    return false;
  }
}

/**
 * Every page the app creates: no navigation away from the app, no <webview>, no new windows; a web
 * or mail link goes to `openExternal` (which asks the clerk first).
 */
export function guardContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, openExternal: (url: string) => void): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLink(url)) openExternal(url);
    return { action: 'deny' };
  });
}

/** The camera, the microphone, notifications, geolocation…: the app asks for none, and a page gets none. */
export function guardSession(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

export function windowOptions(preload: string, bounds: { x?: number; y?: number; width: number; height: number }): BrowserWindowConstructorOptions {
  return {
    ...bounds,
    minWidth: 960,
    minHeight: 600,
    title: 'Реестр сотрудничества',
    backgroundColor: '#f8f9fa',
    show: false,
    autoHideMenuBar: false,
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  };
}

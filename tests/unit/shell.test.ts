// The pure parts of the Electron shell: window security options, URL trust, IPC sender check, menu, window place.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { CHANNEL_PREFIX, COMMANDS, type Command } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import { isTrustedSender, registerContract, type IpcRegistry } from '../../electron/main/ipc';
import { menuTemplate } from '../../electron/main/menu';
import { APP_URL, guardContents, guardSession, isAppUrl, isExternalLink, windowOptions } from '../../electron/main/security';
import { staticHeaders } from '../../electron/server/files';
import { DEFAULT_SIZE, initialBounds, parseWindowState } from '../../electron/main/window-state';

const ROOT = join(import.meta.dirname, '..', '..');

describe('window security options', () => {
  it('isolate the page from Node and Electron', () => {
    const prefs = windowOptions('/app/preload.cjs', { width: 1280, height: 800 }).webPreferences;
    expect(prefs).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
    });
  });
});

describe('app URL trust', () => {
  it('trusts only app://reestr, parsed rather than matched as text', () => {
    expect(isAppUrl(APP_URL)).toBe(true);
    expect(isAppUrl('app://reestr/index.html#/events/42')).toBe(true);
    for (const url of ['app://reestr.evil/', 'app://evil/reestr', 'app://reestr@evil/', 'app://user:pw@reestr/', 'https://reestr/',
      'file:///app/reestr/index.html', 'http://127.0.0.1/', 'javascript:alert(1)', 'app:reestr', '', undefined]) {
      expect(isAppUrl(url), String(url)).toBe(false);
    }
  });

  it('opens only web and mail links outside', () => {
    expect(isExternalLink('https://smolensk.ru/')).toBe(true);
    expect(isExternalLink('mailto:dept@admin-smolensk.ru')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://server/share', 'app://reestr/', 'not a url']) {
      expect(isExternalLink(url), url).toBe(false);
    }
  });
});

describe('the Electron security checklist', () => {
  type Listener = (event: { preventDefault(): void }, url?: string) => void;
  function fakeContents() {
    const listeners = new Map<string, Listener>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, listener: Listener) => listeners.set(name, listener),
      setWindowOpenHandler: (handler: typeof openHandler) => (openHandler = handler),
    };
    const fire = (name: string, url?: string) => {
      let prevented = false;
      listeners.get(name)?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    };
    return { contents: contents as unknown as Parameters<typeof guardContents>[0], fire, open: (url: string) => openHandler?.({ url }) };
  }

  it('keeps every page on the app: no navigation away, no <webview>, no new windows', () => {
    const opened: string[] = [];
    const page = fakeContents();
    guardContents(page.contents, (url) => opened.push(url));
    expect(page.fire('will-navigate', 'app://reestr/index.html#/events')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://reestr.evil/', 'javascript:alert(1)']) {
      expect(page.fire('will-navigate', url), url).toBe(true);
    }
    expect(page.fire('will-attach-webview')).toBe(true);
    for (const url of ['https://smolensk.ru/', 'file:///etc/passwd', 'app://reestr/', 'javascript:alert(1)']) {
      expect(page.open(url), url).toEqual({ action: 'deny' });
    }
    // Only the web link goes to the system browser (after the clerk confirms it).
    expect(opened).toEqual(['https://smolensk.ru/']);
  });

  it('denies every permission a page asks for', () => {
    let request: ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void) | undefined;
    let check: (() => boolean) | undefined;
    guardSession({ setPermissionRequestHandler: (h: typeof request) => (request = h), setPermissionCheckHandler: (h: typeof check) => (check = h) } as unknown as Parameters<typeof guardSession>[0]);
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      let granted: boolean | undefined;
      request?.(null, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
    }
    expect(check?.()).toBe(false);
  });

  it('serves the page with a CSP that allows no eval, no inline or remote script', () => {
    const csp = staticHeaders('index.html')['Content-Security-Policy'] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|https?:|\*/);
  });

  it('wires the guards into the shell, and has no remote module', () => {
    const main = readFileSync(join(ROOT, 'electron', 'main', 'main.ts'), 'utf8');
    expect(main).toMatch(/app\.on\('web-contents-created', \(_event, contents\) => guardContents\(contents,/);
    expect(main).toContain('guardSession(session.defaultSession)');
    expect(main).toContain('registerContract(ipcMain, createDesktopDispatch({ local: host.dispatch,');
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, Record<string, string> | undefined>;
    expect({ ...manifest.dependencies, ...manifest.devDependencies }).not.toHaveProperty('@electron/remote');
    for (const file of ['main.ts', 'preload.ts', 'security.ts', 'ipc.ts']) {
      expect(readFileSync(join(ROOT, 'electron', 'main', file), 'utf8'), file).not.toMatch(/enableRemoteModule|@electron\/remote|nodeIntegration: true|contextIsolation: false|sandbox: false/);
    }
  });
});

describe('IPC', () => {
  type Handler = (event: unknown, input: unknown) => unknown;
  const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

  function registered() {
    const handlers = new Map<string, Handler>();
    const ipc = { handle: (channel: string, handler: Handler) => void handlers.set(channel, handler) } as unknown as IpcRegistry;
    const calls: [string, unknown][] = [];
    registerContract(ipc, async (method, input) => {
      calls.push([method, input]);
      return { ok: true, value: method };
    });
    return { handlers, calls };
  }

  it('serves every contract method on a prefixed channel', () => {
    const { handlers } = registered();
    expect([...handlers.keys()].sort()).toEqual(Object.keys(api).map((m) => `${CHANNEL_PREFIX}${m}`).sort());
  });

  it('answers the app’s own top frame and refuses any other sender, calling nothing', async () => {
    const { handlers, calls } = registered();
    const list = handlers.get(`${CHANNEL_PREFIX}events.list`) as Handler;
    expect(await list(frame('app://reestr/index.html'), { period: '2021' })).toEqual({ ok: true, value: 'events.list' });
    expect(calls).toEqual([['events.list', { period: '2021' }]]);
    for (const event of [frame('https://evil.example/'), frame('app://reestr/', { url: 'app://reestr/' }), { senderFrame: null }]) {
      expect((list(event, {}) as Result<unknown>).ok).toBe(false);
    }
    expect(calls).toHaveLength(1);
    expect(isTrustedSender(frame('app://reestr/') as unknown as Parameters<typeof isTrustedSender>[0])).toBe(true);
  });
});

describe('application menu', () => {
  it('is Russian, with the usual shortcuts sending commands to the page', () => {
    const sent: Command[] = [];
    const menu = menuTemplate({ command: (c) => sent.push(c), about: () => {}, quit: () => {} });
    expect(menu.map((m) => m.label)).toEqual(['Файл', 'Правка', 'Вид', 'Справка']);
    const items = menu.flatMap((m) => (Array.isArray(m.submenu) ? m.submenu : []));
    const byKey = new Map(items.filter((i) => i.accelerator).map((i) => [i.accelerator, i]));
    expect(byKey.get('CmdOrCtrl+N')?.label).toBe('Новое мероприятие');
    expect(byKey.get('CmdOrCtrl+S')?.label).toBe('Сохранить');
    expect(byKey.get('CmdOrCtrl+F')?.label).toBe('Найти');
    expect(byKey.get('CmdOrCtrl+C')?.role).toBe('copy');
    for (const item of items) {
      if (item.label) expect(item.label, item.label).toMatch(/^[А-ЯЁ][а-яё ]+$/);
      (item.click as (() => void) | undefined)?.();
    }
    expect(sent).toEqual(['new-event', 'save', 'find']);
    expect(sent.every((c) => (COMMANDS as readonly string[]).includes(c))).toBe(true);
  });
});

describe('window place', () => {
  const screen = { x: 0, y: 0, width: 1920, height: 1080 };

  it('reopens where it was while that place is on a screen', () => {
    const saved = parseWindowState(JSON.stringify({ x: 100, y: 50, width: 1200, height: 700, maximized: true }));
    expect(saved?.maximized).toBe(true);
    expect(initialBounds(saved, [screen])).toEqual({ x: 100, y: 50, width: 1200, height: 700 });
  });

  it('lets the system place it when its monitor is gone, keeping the size', () => {
    const saved = parseWindowState(JSON.stringify({ x: 2500, y: 100, width: 1200, height: 700 }));
    expect(initialBounds(saved, [screen])).toEqual({ width: 1200, height: 700 });
  });

  it('falls back to the default for a missing or damaged file', () => {
    for (const text of [null, '', '{', '{"x": "a"}', '{"x": 1, "y": 1, "width": 10, "height": 10}']) {
      expect(initialBounds(parseWindowState(text), [screen])).toEqual({ ...DEFAULT_SIZE });
    }
  });
});

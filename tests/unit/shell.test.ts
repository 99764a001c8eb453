// The pure parts of the Electron shell: window security options, URL trust, IPC sender check, menu, window place.
import { describe, expect, it } from 'vitest';
import { api } from '../../shared/api';
import { CHANNEL_PREFIX, COMMANDS, type Command } from '../../shared/bridge';
import type { Result } from '../../shared/errors';
import { isTrustedSender, registerContract, type IpcRegistry } from '../../electron/main/ipc';
import { menuTemplate } from '../../electron/main/menu';
import { APP_URL, isAppUrl, isExternalLink, windowOptions } from '../../electron/main/security';
import { DEFAULT_SIZE, initialBounds, parseWindowState } from '../../electron/main/window-state';

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

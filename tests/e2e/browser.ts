// Debian's Chromium driven by playwright-core (browsers cannot be downloaded here), and the app served for it.
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { createDispatch, createHandlers } from '../../electron/core/backend';
import { closeCore, openCore, type LocalCore } from '../../electron/core/core';
import { newToken } from '../../electron/server/guard';
import { startWebServer, type RunningServer } from '../../electron/server/server';

export const ARTIFACTS = join(import.meta.dirname, 'artifacts');
const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function launch(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's chromium package (.ci/run does) or set CHROMIUM_PATH`);
  if (!existsSync(join(RENDERER, 'index.html'))) throw new Error('the renderer is not built: run npm run build (npm test does)');
  mkdirSync(ARTIFACTS, { recursive: true });
  // The flags keep Chromium off the network: this machine has none, and the app needs none.
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=ru-RU'],
  });
}

export async function serveApp(core: LocalCore): Promise<RunningServer> {
  return startWebServer({ dispatch: createDispatch(createHandlers(core)), token: newToken(), staticDir: RENDERER });
}

export interface AppUnderTest {
  core: LocalCore;
  server: RunningServer;
  browser: Browser;
  close(): Promise<void>;
}

/** A register in a fresh file, filled by `fill`, served in the web mode, with Chromium to look at it. */
export async function startApp(fill: (core: LocalCore) => unknown = () => {}): Promise<AppUnderTest> {
  const core = openCore(join(mkdtempSync(join(tmpdir(), 'reestr-e2e-')), 'reestr.sqlite'));
  await fill(core);
  const server = await serveApp(core);
  const browser = await launch();
  return {
    core,
    server,
    browser,
    async close() {
      await browser.close();
      await server.close();
      closeCore(core);
    },
  };
}

/** Opens the app at `url` (the server's, with its token); `view` (`/events`) instead of the overview. */
export async function openPage(browser: Browser, url: string, view?: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  (page as Page & { problems: string[] }).problems = problems;
  // Waits end when their element is there: the bound is for a busy machine, not for speed.
  page.setDefaultTimeout(30_000);
  await page.goto(view ? `${url}&to=${view}` : url);
  return page;
}

export function problemsOf(page: Page): string[] {
  return (page as Page & { problems: string[] }).problems;
}

export interface BrowserSession {
  app: AppUnderTest;
  page: Page;
}

/**
 * For a test file: the app started before its tests (filled by `fill`) with a page open on it, and
 * closed after them. The fields are set once the file's tests run.
 */
export function appInBrowser(fill?: (core: LocalCore) => unknown, view?: string): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.app = await startApp(fill);
    session.page = await openPage(session.app.browser, session.app.server.url, view);
  });
  afterAll(async () => {
    await session.app?.close();
  });
  return session;
}

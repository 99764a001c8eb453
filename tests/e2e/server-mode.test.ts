// «Сервер отдела» in Chromium. The web mode explains that a browser opens the server's address instead.
// The desktop window without Electron (which cannot run here): the page gets the preload's bridge, each
// call answered by the main process's own dispatch (electron/main/server-mode.ts) over a local register,
// switching to a real department server (PostgreSQL, TLS), signing in, and its notice for a dead server.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHost, type Host } from '../../electron/core/host';
import { loadDemo } from '../../electron/core/services/demo';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { unreachableMessage } from '../../electron/main/remote';
import { createDesktopDispatch, serverLinkFile, writeServerLink, type DesktopDispatch } from '../../electron/main/server-mode';
import { BRIDGE_NAME } from '../../shared/bridge';
import { usePostgres } from '../support/postgres';
import { selfSignedCert, startDepartment, type DepartmentUnderTest } from '../support/department';
import { appInBrowser, ARTIFACTS, openPage, problemsOf, startApp, type AppUnderTest } from './browser';

async function shot(page: Page, name: string): Promise<void> {
  // Transitions settle before the picture (no assertion rests on it).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: join(ARTIFACTS, `server-mode-${name}.png`), fullPage: true });
}

describe('«Сервер отдела» in the web mode', () => {
  const session = appInBrowser((core) => void loadDemo(core), '/settings');

  it('explains that the browser opens the server\'s address, and offers no switch', async () => {
    const card = session.page.getByTestId('server-card');
    await expect.poll(() => card.textContent()).toContain('Эта вкладка браузера работает с реестром на этом компьютере.');
    expect(await card.textContent()).toContain('откройте в браузере его адрес');
    expect(await card.getByRole('button').count()).toBe(0);
    await shot(session.page, 'web');
    expect(problemsOf(session.page)).toEqual([]);
  });
});

describe('the desktop window in server mode', () => {
  const pg = usePostgres();
  const tls = selfSignedCert();
  const PASSWORD = 'пароль-сотрудника-1';
  let dept: DepartmentUnderTest;
  let app: AppUnderTest;
  let host: Host;
  let dataDir: string;
  let desktop: DesktopDispatch;
  let deadUrl: string;
  let page: Page;

  beforeAll(async () => {
    await migratePg(pg.pool);
    await addAccount(pg.pool, 'petrova', 'clerk', PASSWORD);
    dept = await startDepartment(pg, { tls });
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    deadUrl = `https://127.0.0.1:${(closed.address() as AddressInfo).port}/`;
    await new Promise((resolve) => closed.close(resolve));
    dataDir = mkdtempSync(join(tmpdir(), 'reestr-desktop-'));
    host = startHost(join(dataDir, 'reestr.sqlite'));
    await host.ready;
    desktop = createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(dataDir) });
    // The page's files only; its calls go through the bridge below, not to this server's API.
    app = await startApp();
    page = await openPage(app.browser, app.server.url, '/settings');
    // What the preload does over IPC; the main process's dispatch answers (re-read: a restart swaps it).
    await page.exposeFunction('reestrMain', (method: string, input: unknown) => desktop.dispatch(method, input));
    await page.addInitScript((name) => {
      const main = (window as unknown as { reestrMain: (m: string, i: unknown) => Promise<unknown> }).reestrMain;
      Object.defineProperty(window, name, { value: { invoke: main, onCommand: () => () => undefined } });
    }, BRIDGE_NAME);
    await page.reload();
  }, 240_000);

  afterAll(async () => {
    await app?.close();
    await dept?.close();
    host?.close();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('stays local when the server does not answer, connects to one that does, and signs in there', async () => {
    const card = page.getByTestId('server-card');
    await expect.poll(() => page.getByTestId('server-mode').textContent()).toContain('работает со своим реестром на этом компьютере');

    await card.getByLabel('Адрес сервера отдела').fill(deadUrl);
    await card.getByRole('button', { name: 'Подключиться' }).click();
    await expect.poll(() => card.getByRole('alert').textContent()).toContain(unreachableMessage(deadUrl));
    expect(desktop.settings().mode).toBe('local');
    await shot(page, 'dead-address');

    await card.getByLabel('Адрес сервера отдела').fill(dept.server.url);
    await card.getByLabel('Файл сертификата центра отдела').fill(tls.certFile);
    await card.getByRole('button', { name: 'Подключиться' }).click();
    // The window starts over on the department server: its login screen.
    await page.getByLabel('Логин').fill('petrova');
    await page.getByLabel('Пароль').fill(PASSWORD);
    await shot(page, 'login');
    await page.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => page.getByTestId('server-mode').textContent()).toContain(`работает с сервером отдела ${dept.server.url}`);
    expect(await page.getByTestId('server-mode').textContent()).toContain('Вход выполнен: petrova (роль «Сотрудник»)');
    // The token stayed in the main process: the page keeps none.
    expect(await page.evaluate(() => sessionStorage.getItem('reestr-token'))).toBe('');
    await shot(page, 'connected');
  });

  it('shows a full-screen notice when the server does not answer at the start, and goes back to the local register', async () => {
    // The next start of the app, its settings naming a server that has gone.
    writeServerLink(serverLinkFile(dataDir), { serverUrl: deadUrl });
    desktop = createDesktopDispatch({ local: host.dispatch, file: serverLinkFile(dataDir) });
    await page.reload();
    const notice = page.getByTestId('server-unreachable');
    await expect.poll(() => notice.textContent()).toContain(unreachableMessage(deadUrl));
    await shot(page, 'unreachable');
    await notice.getByRole('button', { name: 'Повторить' }).click();
    await expect.poll(() => notice.textContent()).toContain('Нет связи с сервером отдела');

    await notice.getByRole('button', { name: 'Работать со своим реестром' }).click();
    await expect.poll(() => page.getByTestId('server-mode').textContent()).toContain('работает со своим реестром на этом компьютере');
    expect(desktop.settings()).toEqual({ mode: 'local', serverUrl: null, caFile: null });
    expect(problemsOf(page)).toEqual([]);
  });
});

// «Перенести реестр на сервер» in Chromium: the web mode as `reestr serve` starts it (its own register,
// the demo in it) sends the register to a real department server (PostgreSQL, TLS) from Настройки:
// the form, the question, the result with rows per table; then the same again is refused, in Russian.
// The desktop window (the preload's bridge answered by the main process's dispatch, as in
// server-mode.test.ts) does the same into a second server, then connects to it and signs in there.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../electron/cli/serve';
import { startHost, type Host } from '../../electron/core/host';
import { loadDemo } from '../../electron/core/services/demo';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { pgCounts } from '../../electron/core/transfer/rows';
import { openPool } from '../../electron/core/store/pg/pool';
import { addAccount } from '../../electron/server/accounts/accounts';
import { createDesktopDispatch, serverLinkFile, type DesktopDispatch } from '../../electron/main/server-mode';
import { BRIDGE_NAME } from '../../shared/bridge';
import type { RunningServer } from '../../electron/server/server';
import { selfSignedCert, startDepartment, type DepartmentUnderTest } from '../support/department';
import { usePostgres } from '../support/postgres';
import { ARTIFACTS, launch, openPage, problemsOf } from './browser';

const pg = usePostgres();
const tls = selfSignedCert();
const PASSWORD = 'пароль-администратора-1';

let dept: DepartmentUnderTest;
let dataDir: string;
let host: Host;
let web: RunningServer;
let browser: Browser;
let page: Page;
let events: number;

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'admin', 'admin', PASSWORD);
  dept = await startDepartment(pg, { tls });
  dataDir = mkdtempSync(join(tmpdir(), 'reestr-h1-e2e-'));
  host = startHost(join(dataDir, 'reestr.sqlite'));
  await host.ready;
  await loadDemo(host.core()!);
  events = host.core()!.db.prepare('SELECT count(*) FROM events').pluck().get() as number;
  web = await serve(host, { port: 0, open: false, log: () => {} });
  browser = await launch();
  page = await openPage(browser, web.url, '/settings');
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await web?.close();
  host?.close();
  await dept?.close();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

async function shot(page: Page, name: string): Promise<void> {
  // Transitions settle before the picture (no assertion rests on it).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: join(ARTIFACTS, `register-to-server-${name}.png`), fullPage: true });
}

async function fill(card: ReturnType<Page['getByTestId']>) {
  await card.getByLabel('Адрес сервера отдела').fill(dept.server.url);
  await card.getByLabel('Файл сертификата центра отдела').fill(tls.certFile);
  await card.getByLabel('Логин администратора').fill('admin');
  await card.getByLabel('Пароль').fill(PASSWORD);
}

describe('«Перенести реестр на сервер» in the web mode', () => {
  it('asks first, moves the register, and shows the rows per table with the checksums matching', async () => {
    const card = page.getByTestId('transfer-to-server');
    await card.getByRole('button', { name: 'Перенести реестр на сервер…' }).click();
    await expect.poll(() => card.getByTestId('transfer-error').textContent()).toContain('Заполните «Адрес сервера отдела», «Логин администратора», «Пароль».');

    await fill(card);
    await card.getByRole('button', { name: 'Перенести реестр на сервер…' }).click();
    const question = page.getByTestId('transfer-confirm');
    await expect.poll(() => question.textContent()).toContain('Перенос возможен только в пустую базу сервера');
    expect(await question.textContent()).toContain('Реестр на этом компьютере останется как есть.');
    await shot(page, 'question');
    await question.getByRole('button', { name: 'Перенести', exact: true }).click();

    const result = card.getByTestId('transfer-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('контрольные суммы совпадают');
    expect(await result.textContent()).toContain(`Реестр перенесён на сервер отдела ${dept.server.url}`);
    const eventsRow = result.getByRole('row', { name: /^Мероприятия/ });
    expect(await eventsRow.textContent()).toBe(`Мероприятия${events.toLocaleString('ru-RU')}`);
    // No offer to switch: a browser tab cannot (the desktop's window can).
    expect(await card.getByRole('button', { name: 'Подключиться к серверу отдела' }).count()).toBe(0);
    expect((await pgCounts(pg.pool)).events).toBe(events);
    await shot(page, 'done');
  }, 120_000);

  it('refuses a second transfer in Russian: the server\'s register is no longer empty', async () => {
    const card = page.getByTestId('transfer-to-server');
    await card.getByLabel('Пароль').fill(PASSWORD);
    await card.getByRole('button', { name: 'Перенести реестр на сервер…' }).click();
    await page.getByTestId('transfer-confirm').getByRole('button', { name: 'Перенести', exact: true }).click();
    await expect.poll(() => card.getByTestId('transfer-error').textContent(), { timeout: 60_000 }).toContain('База данных сервера уже содержит реестр');
    expect(await card.getByTestId('transfer-result').count()).toBe(0);
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);
});

describe('«Перенести реестр на сервер» in the desktop window', () => {
  let second: DepartmentUnderTest;
  let secondPool: ReturnType<typeof openPool>;
  let desktopDir: string;
  let desktopHost: Host;
  let desktop: DesktopDispatch;
  let desktopPage: Page;

  beforeAll(async () => {
    // A second, empty database on the cluster: the department server the desktop sends its register to.
    await pg.pool.query('CREATE DATABASE desktop');
    const url = pg.url.replace('/reestr?', '/desktop?');
    secondPool = openPool(url, 4);
    await migratePg(secondPool);
    await addAccount(secondPool, 'admin', 'admin', PASSWORD);
    second = await startDepartment({ url, pool: secondPool }, { tls });
    desktopDir = mkdtempSync(join(tmpdir(), 'reestr-h1-desktop-'));
    desktopHost = startHost(join(desktopDir, 'reestr.sqlite'));
    await desktopHost.ready;
    await loadDemo(desktopHost.core()!);
    desktop = createDesktopDispatch({ local: desktopHost.dispatch, file: serverLinkFile(desktopDir), host: desktopHost });
    // The page's files from the web mode; its calls through the bridge, to the main process's dispatch.
    desktopPage = await openPage(browser, web.url, '/settings');
    await desktopPage.exposeFunction('reestrMain', (method: string, input: unknown) => desktop.dispatch(method, input));
    await desktopPage.addInitScript((name) => {
      const main = (globalThis as unknown as { reestrMain: (m: string, i: unknown) => Promise<unknown> }).reestrMain;
      Object.defineProperty(globalThis, name, { value: { invoke: main, onCommand: () => () => undefined } });
    }, BRIDGE_NAME);
    await desktopPage.reload();
  }, 240_000);

  afterAll(async () => {
    await second?.close();
    await secondPool?.end();
    desktopHost?.close();
    if (desktopDir) rmSync(desktopDir, { recursive: true, force: true });
  });

  it('moves the register, offers to connect, and the window works with the server after the sign-in', async () => {
    await expect.poll(() => desktopPage.getByTestId('server-mode').textContent()).toContain('работает со своим реестром на этом компьютере');
    const card = desktopPage.getByTestId('transfer-to-server');
    await card.getByLabel('Адрес сервера отдела').fill(second.server.url);
    await card.getByLabel('Файл сертификата центра отдела').fill(tls.certFile);
    await card.getByLabel('Логин администратора').fill('admin');
    await card.getByLabel('Пароль').fill(PASSWORD);
    await card.getByRole('button', { name: 'Перенести реестр на сервер…' }).click();
    await desktopPage.getByTestId('transfer-confirm').getByRole('button', { name: 'Перенести', exact: true }).click();
    await expect.poll(() => card.getByTestId('transfer-result').textContent(), { timeout: 60_000 }).toContain('контрольные суммы совпадают');
    expect((await pgCounts(secondPool)).events).toBe(desktopHost.core()!.db.prepare('SELECT count(*) FROM events').pluck().get());
    await shot(desktopPage, 'desktop');

    await card.getByRole('button', { name: 'Подключиться к серверу отдела' }).click();
    // The window starts over on the department server: its login screen.
    await desktopPage.getByLabel('Логин').fill('admin');
    await desktopPage.getByLabel('Пароль').fill(PASSWORD);
    await desktopPage.getByRole('button', { name: 'Войти' }).click();
    await expect.poll(() => desktopPage.getByTestId('server-mode').textContent()).toContain(`работает с сервером отдела ${second.server.url}`);
    expect(desktop.settings()).toMatchObject({ mode: 'server', serverUrl: second.server.url });
    // On the server there is nothing of its own to move.
    expect(await desktopPage.getByTestId('transfer-to-server').count()).toBe(0);
    expect(problemsOf(desktopPage)).toEqual([]);
  }, 120_000);
});

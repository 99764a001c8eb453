// «Перенести реестр на сервер» in Chromium: the web mode as `reestr serve` starts it (its own register,
// the demo in it) sends the register to a real department server (PostgreSQL, TLS) from Настройки:
// the form, the question, the result with rows per table; then the same again is refused, in Russian.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve } from '../../electron/cli/serve';
import { startHost, type Host } from '../../electron/core/host';
import { loadDemo } from '../../electron/core/services/demo';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { tableCounts } from '../../electron/core/transfer/to-pg';
import { addAccount } from '../../electron/server/accounts/accounts';
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
    await page.screenshot({ path: join(ARTIFACTS, 'register-to-server-question.png'), fullPage: true });
    await question.getByRole('button', { name: 'Перенести', exact: true }).click();

    const result = card.getByTestId('transfer-result');
    await expect.poll(() => result.textContent(), { timeout: 60_000 }).toContain('контрольные суммы совпадают');
    expect(await result.textContent()).toContain(`Реестр перенесён на сервер отдела ${dept.server.url}`);
    const eventsRow = result.getByRole('row', { name: /^Мероприятия/ });
    expect(await eventsRow.textContent()).toBe(`Мероприятия${events.toLocaleString('ru-RU')}`);
    // No offer to switch: a browser tab cannot (the desktop's window can).
    expect(await card.getByRole('button', { name: 'Подключиться к серверу отдела' }).count()).toBe(0);
    expect((await tableCounts(pg.pool)).events).toBe(events);
    await page.screenshot({ path: join(ARTIFACTS, 'register-to-server-done.png'), fullPage: true });
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

// The department server's backups in Chromium: an administrator sees the server's copies on the accounts
// page, with the folder and how to restore, and makes a copy now, which lands in the folder and the list.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { createServerBackups, type ServerBackups } from '../../electron/server/department/backups';
import { tempDir } from '../helpers';
import { usePostgres } from '../support/postgres';
import { startDepartment, type DepartmentUnderTest } from '../support/department';
import { ARTIFACTS, launch, problemsOf } from './browser';

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const pg = usePostgres();
const folder = join(tempDir(), 'копии сервера');
let backups: ServerBackups;
let dept: DepartmentUnderTest;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'admin', 'admin', 'пароль-администратора');
  // Last night's copy made at last night's time; the one the page asks for, now.
  let clock: () => Date = () => {
    const night = new Date();
    night.setDate(night.getDate() - 1);
    night.setHours(2, 0, 0, 0);
    return night;
  };
  backups = createServerBackups({ pool: pg.pool, folder, keep: 14, dailyAt: { hour: 2, minute: 0 }, logError: () => {}, now: () => clock() });
  dept = await startDepartment(pg, { staticDir: RENDERER, backups });
  const token = await dept.login('admin', 'пароль-администратора');
  await dept.call('events.create', { title: 'Форум породнённых городов', startDate: '2026-10-01' }, token);
  await backups.scheduled();
  clock = () => new Date();
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  page.setDefaultTimeout(30_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await backups?.stop();
  await dept?.close();
});

async function shot(name: string): Promise<void> {
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: join(ARTIFACTS, `department-backups-${name}.png`), fullPage: true });
}

describe("the server's backups on the accounts page", () => {
  it('shows the copies, the folder and how to restore; makes a copy now', async () => {
    await page.goto(dept.server.url);
    await page.getByLabel('Логин').fill('admin');
    await page.getByLabel('Пароль').fill('пароль-администратора');
    await page.getByRole('button', { name: 'Войти' }).click();
    await page.getByRole('link', { name: 'Учётные записи' }).click();
    const section = page.getByRole('region', { name: 'Резервные копии сервера' });
    await expect.poll(() => section.getByRole('heading', { name: 'Резервные копии сервера' }).isVisible()).toBe(true);
    const table = section.getByRole('table', { name: 'Резервные копии сервера' });
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const [first] = readdirSync(folder);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(first);
    expect(await section.textContent()).toContain(`Папка копий на сервере: ${folder}`);
    expect(await section.textContent()).toContain('каждый день в 02:00 (по времени сервера) и хранит 14 последних копий');
    expect(await section.textContent()).toContain('reestr server import-sqlite ФАЙЛ --pg …');
    await section.scrollIntoViewIfNeeded();
    await shot('list');

    await section.getByRole('button', { name: 'Сделать копию сейчас' }).click();
    await expect.poll(() => page.getByText(/^Резервная копия сервера записана и проверена: «reestr-server-.*\.sqlite»\.$/).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const names = readdirSync(folder).sort().reverse();
    expect(names).toHaveLength(2);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(names[0]);
    expect(await table.getByRole('row').nth(1).textContent()).toContain('1');
    await shot('made');
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);
});

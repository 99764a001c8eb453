// Live refresh through the department server: two clerks signed in from two browsers; one's change
// shows in the other's list within seconds, her open card names who changed it, and a window whose
// session ended goes to the login screen by itself and stops asking.
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { usePostgres } from '../support/postgres';
import { startDepartment, type DepartmentUnderTest } from '../support/department';
import { ARTIFACTS, launch, problemsOf } from './browser';

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const pg = usePostgres();
let dept: DepartmentUnderTest;
let browser: Browser;
let anna: Page;
let boris: Page;
/** When Anna's window asked for the change counter. */
const asked: number[] = [];

const LIVE = { timeout: 20_000, interval: 250 };

async function signedIn(login: string, password: string): Promise<Page> {
  // Each in a context of its own: two browsers, two sessions.
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  page.setDefaultTimeout(30_000);
  await page.goto(dept.server.url);
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
  await page.getByLabel('Учётная запись').getByText(login).waitFor();
  return page;
}

async function search(page: Page, text: string): Promise<void> {
  await page.evaluate(() => { window.location.hash = '#/events'; });
  await page.getByRole('textbox', { name: 'Поиск' }).fill(text);
}

const rowsOf = (page: Page) => page.locator('[role="row"][data-loaded="true"]');

beforeAll(async () => {
  await migratePg(pg.pool);
  await addAccount(pg.pool, 'anna', 'clerk', 'пароль-анны');
  await addAccount(pg.pool, 'boris', 'clerk', 'пароль-бориса');
  dept = await startDepartment(pg, { staticDir: RENDERER });
  browser = await launch();
  anna = await signedIn('anna', 'пароль-анны');
  boris = await signedIn('boris', 'пароль-бориса');
  anna.on('request', (r) => r.url().endsWith('/api/changes.latest') && asked.push(Date.now()));
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dept?.close();
});

describe('live refresh through the department server', () => {
  it("shows one clerk's new event in the other's list, and names her in the other's open card", async () => {
    await search(anna, 'Семинар отдела');
    await expect.poll(() => anna.getByText(/^Всего: 0 /).isVisible()).toBe(true);

    // Boris adds an event in his window.
    await boris.evaluate(() => { window.location.hash = '#/events/new'; });
    await boris.getByRole('textbox', { name: 'Название' }).fill('Семинар отдела по грантам');
    await boris.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => boris.url()).toMatch(/#\/events$/);
    await expect.poll(() => rowsOf(anna).count(), LIVE).toBe(1);
    expect(await rowsOf(anna).first().innerText()).toContain('Семинар отдела по грантам');

    // Anna opens it and types; Boris changes it meanwhile.
    const token = await dept.login('boris', 'пароль-бориса');
    const list = await dept.call('events.list', { query: 'Семинар отдела' }, token);
    const [event] = (list.json?.value as { items: { id: number; version: number }[] }).items;
    await anna.evaluate((to) => { window.location.hash = to; }, `#/events/${event?.id}`);
    const annaTitle = anna.getByRole('textbox', { name: 'Название' });
    await expect.poll(() => annaTitle.inputValue()).toBe('Семинар отдела по грантам');
    await anna.getByLabel('Итоги').fill('Поданы три заявки');
    const saved = await dept.call('events.update', { id: event?.id, version: event?.version, input: { title: 'Семинар отдела по грантам 2026', startDate: '2026-12-05' } }, token);
    expect(saved.json).toMatchObject({ ok: true });

    const notice = anna.getByTestId('live-notice');
    await expect.poll(() => notice.isVisible(), LIVE).toBe(true);
    expect(await notice.innerText()).toMatch(/^Запись изменена другим сотрудником \(boris, \d{1,2} [а-я]+ \d{4} г\. в \d\d:\d\d\)/);
    expect(await anna.getByLabel('Итоги').inputValue()).toBe('Поданы три заявки');
    expect(await annaTitle.inputValue()).toBe('Семинар отдела по грантам');
    await anna.screenshot({ path: join(ARTIFACTS, 'live-refresh-server-notice.png') });
    expect(problemsOf(anna)).toEqual([]);
    expect(problemsOf(boris)).toEqual([]);
  }, 120_000);

  it('shows the login screen by itself once the session ends, and stops asking', async () => {
    await pg.pool.query('UPDATE sessions SET ended_at = now() WHERE ended_at IS NULL');
    // No click: the next ask of the counter is refused, and the login screen says why.
    await expect.poll(() => anna.getByRole('heading', { name: 'Вход в реестр отдела' }).isVisible(), LIVE).toBe(true);
    await expect.poll(() => anna.getByText('Сеанс истёк или завершён: войдите снова.').isVisible()).toBe(true);
    const before = asked.length;
    // Three polls' time: a window that kept polling would have asked again.
    await new Promise((resolve) => setTimeout(resolve, 9000));
    expect(asked.length).toBe(before);
    await anna.screenshot({ path: join(ARTIFACTS, 'live-refresh-server-ended.png') });
  }, 120_000);
});

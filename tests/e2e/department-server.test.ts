// The department server in Chromium: the login screen, a sign-in, an event created, the accounts page
// adding a reader, who then signs in and is refused a new event in Russian; the server's backups listed
// there for the administrator, who makes a copy now.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { createServerBackups, type ServerBackups } from '../../electron/server/department/backups';
import { usePostgres } from '../support/postgres';
import { startDepartment, type DepartmentUnderTest } from '../support/department';
import { ARTIFACTS, launch, problemsOf } from './browser';

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const pg = usePostgres();
// Its own folder for the file: the helpers' temporary folders go after each test.
const backupFolder = join(mkdtempSync(join(tmpdir(), 'reestr-e2e-')), 'копии сервера');
let backups: ServerBackups;
const backupFailures: unknown[] = [];
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
  backups = createServerBackups({ pool: pg.pool, folder: backupFolder, keep: 14, dailyAt: { hour: 2, minute: 0 }, logError: (e) => backupFailures.push(e), now: () => clock() });
  dept = await startDepartment(pg, { staticDir: RENDERER, backups });
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
  rmSync(join(backupFolder, '..'), { recursive: true, force: true });
});

async function shot(name: string): Promise<void> {
  // Notifications slide in: the picture waits until they stand still (no assertion rests on it).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: join(ARTIFACTS, `department-${name}.png`) });
}

async function signIn(login: string, password: string): Promise<void> {
  await page.getByLabel('Логин').fill(login);
  await page.getByLabel('Пароль').fill(password);
  await page.getByRole('button', { name: 'Войти' }).click();
}

async function newEvent(title: string): Promise<void> {
  await page.goto(`${dept.server.url}#/events`);
  await page.getByRole('button', { name: 'Новое мероприятие' }).click();
  await page.getByLabel('Название').fill(title);
  await page.getByRole('button', { name: 'Сохранить' }).click();
}

describe('the department server in the browser', () => {
  it('asks to sign in, and says so in Russian when the password is wrong', async () => {
    await page.goto(dept.server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в реестр отдела' }).isVisible()).toBe(true);
    await shot('login');
    await signIn('admin', 'не тот пароль');
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Неверный логин или пароль.');
    await shot('login-wrong');
  });

  it('signs in, shows who is signed in, and creates an event as that login', async () => {
    await signIn('admin', 'пароль-администратора');
    const footer = page.getByLabel('Учётная запись');
    await expect.poll(() => footer.textContent()).toContain('adminАдминистратор');
    await expect.poll(() => page.getByRole('button', { name: 'Выйти' }).isVisible()).toBe(true);
    await newEvent('Форум породнённых городов');
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    await expect.poll(() => page.getByText('Форум породнённых городов').first().isVisible()).toBe(true);
    await shot('events');
    const token = await dept.login('admin', 'пароль-администратора');
    const list = await dept.call('events.list', { query: 'Форум породнённых' }, token);
    const [event] = (list.json?.value as { items: { id: number }[] }).items;
    const history = await dept.call('history.list', { entity: 'event', id: event?.id }, token);
    expect(history.json).toMatchObject({ ok: true, value: [{ action: 'create', user: 'admin' }] });
  });

  it("shows the server's backups to the administrator, with the folder and how to restore, and makes a copy now", async () => {
    await page.getByRole('link', { name: 'Учётные записи' }).click();
    const section = page.getByRole('region', { name: 'Резервные копии сервера' });
    await expect.poll(() => section.getByRole('heading', { name: 'Резервные копии сервера' }).isVisible()).toBe(true);
    const table = section.getByRole('table', { name: 'Резервные копии сервера' });
    expect(backupFailures).toEqual([]);
    await expect.poll(() => table.getByRole('row').count()).toBe(2);
    const [night] = readdirSync(backupFolder);
    expect(await table.getByRole('row').nth(1).textContent()).toContain(night);
    expect(await section.textContent()).toContain(`Папка копий на сервере: ${backupFolder}`);
    expect(await section.textContent()).toContain('каждый день в 02:00 (по времени сервера) и хранит 14 последних копий');
    expect(await section.textContent()).toContain('reestr server import-sqlite ФАЙЛ --pg …');
    await section.getByRole('button', { name: 'Сделать копию сейчас' }).click();
    await expect.poll(() => page.getByText(/^Резервная копия сервера записана и проверена: «reestr-server-.*\.sqlite»\.$/).isVisible()).toBe(true);
    await expect.poll(() => table.getByRole('row').count()).toBe(3);
    const [newest] = readdirSync(backupFolder).sort().reverse();
    // The newest first, with the event the administrator made.
    expect(await table.getByRole('row').nth(1).locator('td').allTextContents()).toEqual([expect.any(String), newest, expect.stringMatching(/ МБ$/), '1']);
    await section.scrollIntoViewIfNeeded();
    await shot('backups');
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);

  it('adds a reader on the accounts page', async () => {
    await page.getByRole('link', { name: 'Учётные записи' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Учётные записи', level: 2 }).isVisible()).toBe(true);
    await page.getByLabel('Логин').fill('chitatel');
    await page.getByLabel('Пароль').fill('пароль-читателя');
    await page.getByRole('combobox', { name: 'Роль', exact: true }).click();
    await page.getByRole('option', { name: 'Читатель', exact: true }).click();
    await page.getByRole('button', { name: 'Добавить' }).click();
    await expect.poll(() => page.getByRole('table', { name: 'Учётные записи' }).getByText('chitatel').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Учётная запись «chitatel» добавлена: роль «Читатель».').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('button', { name: 'Добавить' }).getAttribute('data-loading')).toBe(null);
    await shot('accounts');
    await page.getByRole('button', { name: 'Выйти' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в реестр отдела' }).isVisible()).toBe(true);
    // The admin's notifications went with the admin.
    await expect.poll(() => page.getByText('Учётная запись «chitatel» добавлена: роль «Читатель».').count()).toBe(0);
  });

  it('lets the reader sign in and read, offers no new event (the address of one says who may), and hides the accounts page', async () => {
    await signIn('chitatel', 'пароль-читателя');
    await expect.poll(() => page.getByLabel('Учётная запись').textContent()).toContain('chitatelЧитатель');
    expect(await page.getByRole('link', { name: 'Учётные записи' }).count()).toBe(0);
    await page.goto(`${dept.server.url}#/events`);
    await expect.poll(() => page.getByText('Форум породнённых городов').first().isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Новое мероприятие' }).count()).toBe(0);
    await page.goto(`${dept.server.url}#/events/new`);
    await expect.poll(() => page.getByText('Добавлять мероприятия вам не разрешено. Доступно роли «Сотрудник» и выше.').isVisible()).toBe(true);
    expect(await page.getByLabel('Название').count()).toBe(0);
    await shot('reader-refused');
    const token = await dept.login('admin', 'пароль-администратора');
    const list = await dept.call('events.list', {}, token);
    expect((list.json?.value as { total: number }).total).toBe(1);
    expect(problemsOf(page)).toEqual([]);
  });

  it('returns to the login screen, saying why, when the session ends on the server', async () => {
    // A page whose one read has been answered: no call of the reader's is on its way when the session ends.
    await page.goto(`${dept.server.url}#/agreements`);
    await expect.poll(() => page.getByText('Соглашений не найдено.').isVisible()).toBe(true);
    await pg.pool.query('UPDATE sessions SET ended_at = now() WHERE ended_at IS NULL');
    // The reader's Импорт makes one call: a second refused at once would take the reason away (client.ts's sessionLost).
    await page.getByRole('link', { name: 'Импорт' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Вход в реестр отдела' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Сеанс истёк или завершён: войдите снова.').isVisible()).toBe(true);
    await shot('session-ended');
    await signIn('chitatel', 'пароль-читателя');
    await expect.poll(() => page.getByLabel('Учётная запись').textContent()).toContain('chitatelЧитатель');
    // Promoted meanwhile: the reopened page shows the role the server has now.
    const admin = await dept.login('admin', 'пароль-администратора');
    await dept.call('accounts.setRole', { login: 'chitatel', role: 'clerk' }, admin);
    await page.reload();
    await expect.poll(() => page.getByLabel('Учётная запись').textContent()).toContain('chitatelСотрудник');
    expect(problemsOf(page)).toEqual([]);
  });
});

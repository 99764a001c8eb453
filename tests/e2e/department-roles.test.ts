// Each role on the department server sees only what it may do: a reader a clean read-only app, a clerk
// the writing but not the coordinator's actions, a coordinator those too; and no page the roles open
// makes a call the server refuses (no 403 answered, no «Недостаточно прав» shown).
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePg } from '../../electron/core/store/pg/migrate';
import { addAccount } from '../../electron/server/accounts/accounts';
import { usePostgres } from '../support/postgres';
import { startDepartment, type DepartmentUnderTest } from '../support/department';
import { ARTIFACTS, launch, problemsOf } from './browser';

const RENDERER = join(import.meta.dirname, '..', '..', 'dist', 'renderer');
const pg = usePostgres();
const PASSWORD = 'пароль-для-проверки';
const TITLE = 'Встреча с делегацией Витебской области';
let dept: DepartmentUnderTest;
let browser: Browser;
let page: Page;
/** Every call the server refused for the role, as «method status». */
const refused: string[] = [];

beforeAll(async () => {
  await migratePg(pg.pool);
  for (const role of ['admin', 'reader', 'clerk', 'coordinator'] as const) await addAccount(pg.pool, role, role, PASSWORD);
  dept = await startDepartment(pg, { staticDir: RENDERER });
  // The register as the roles find it: an event changed once (a version to bring back) and an import (a batch to undo).
  const admin = await dept.login('admin', PASSWORD);
  const created = await dept.call('events.create', { title: TITLE, startDate: '2021-09-14', city: 'Витебск' }, admin);
  const event = created.json?.value as { id: number; version: number };
  await dept.call('events.update', { id: event.id, version: event.version, input: { title: TITLE, startDate: '2021-09-15', city: 'Витебск' } }, admin);
  const csv = ['Наименование мероприятия;Сроки;Место проведения;Формат;Сфера сотрудничества', 'Дни культуры;14.10.2021;г. Лепель;очно;Культура'].join('\r\n');
  const preview = await dept.call('import.analyze', { fileName: 'партнёр.csv', data: Buffer.from(csv).toString('base64') }, admin);
  const committed = await dept.call('import.commit', { fileId: (preview.json?.value as { fileId: string }).fileId }, admin);
  expect(committed.json).toMatchObject({ ok: true, value: { created: 1 } });
  browser = await launch();
  page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'ru-RU' });
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  (page as Page & { problems: string[] }).problems = problems;
  page.on('response', (response) => {
    if (response.status() === 403) refused.push(`${new URL(response.url()).pathname} ${response.status()}`);
  });
  page.setDefaultTimeout(30_000);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await dept?.close();
});

async function shot(name: string): Promise<void> {
  // Notifications slide in: the picture waits until they stand still (no assertion rests on it).
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  await page.screenshot({ path: join(ARTIFACTS, `roles-${name}.png`) });
}

async function signInAs(role: string, label: string): Promise<void> {
  await page.goto(dept.server.url);
  const out = page.getByRole('button', { name: 'Выйти' });
  await expect.poll(async () => (await out.isVisible()) || (await page.getByLabel('Логин').isVisible())).toBe(true);
  if (await out.isVisible()) await out.click();
  await page.getByLabel('Логин').fill(role);
  await page.getByLabel('Пароль').fill(PASSWORD);
  await page.getByRole('button', { name: 'Войти' }).click();
  await expect.poll(() => page.getByLabel('Учётная запись').textContent()).toContain(`${role}${label}`);
}

async function open(view: string, heading: string): Promise<void> {
  await page.goto(`${dept.server.url}#${view}`);
  await expect.poll(() => page.getByRole('heading', { name: heading, exact: true }).first().isVisible()).toBe(true);
}

const count = (locator: Locator) => locator.count();
const button = (name: string) => page.getByRole('button', { name, exact: true });

/** The page as the role left it: nothing refused, nothing saying so, no script error. */
async function nothingRefused(): Promise<void> {
  // The pages' reads are answered before their headings show; the last of them may still be on its way.
  await page.waitForLoadState('networkidle');
  expect(refused).toEqual([]);
  expect(await count(page.getByText(/Недостаточно прав/))).toBe(0);
  // Nor any other refusal: an alert on these pages would be a call that failed.
  expect(await page.getByRole('alert').allTextContents()).toEqual([]);
  expect(problemsOf(page)).toEqual([]);
}

async function openEventCard(): Promise<void> {
  await open('/events', 'Мероприятия');
  await page.getByRole('grid', { name: 'Мероприятия' }).getByText(TITLE).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Мероприятие', exact: true }).isVisible()).toBe(true);
}

/** The actions menu of a reference entry, open. */
async function refActions(name: string): Promise<Locator> {
  await page.getByRole('button', { name: `Действия: ${name}` }).click();
  const menu = page.getByRole('menu');
  await expect.poll(() => menu.isVisible()).toBe(true);
  return menu;
}

describe('what each role is offered on the department server', () => {
  it('gives a reader a read-only app: no write actions on any page', async () => {
    await signInAs('reader', 'Читатель');
    await open('/events', 'Мероприятия');
    const grid = page.getByRole('grid', { name: 'Мероприятия' });
    await expect.poll(() => grid.getByText(TITLE).isVisible()).toBe(true);
    expect(await count(button('Новое мероприятие'))).toBe(0);
    expect(await count(button('Экспорт в Excel'))).toBe(0);
    expect(await count(page.getByRole('checkbox', { name: /^Выбрать/ }))).toBe(0);
    expect(await count(page.getByRole('link', { name: 'Экспорт' }))).toBe(0);
    await shot('reader-events');
    await nothingRefused();

    await openEventCard();
    expect(await page.getByLabel('Название').getAttribute('readonly')).not.toBeNull();
    for (const name of ['Сохранить', 'Копировать', 'В корзину']) expect(await count(button(name)), name).toBe(0);
    await shot('reader-card');
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    expect(await count(button('Вернуть эту версию'))).toBe(0);
    await nothingRefused();

    await open('/import', 'Импорт');
    await expect.poll(() => page.getByTestId('import-history').getByText('партнёр.csv').isVisible()).toBe(true);
    expect(await count(button('Выбрать файл…'))).toBe(0);
    expect(await count(button('Отменить импорт'))).toBe(0);
    expect(await page.getByText('Импорт файлов доступен роли «Сотрудник» и выше.').isVisible()).toBe(true);
    await shot('reader-import');
    await nothingRefused();

    await open('/references/city', 'Справочники');
    await expect.poll(() => page.getByRole('cell', { name: 'Лепель' }).isVisible()).toBe(true);
    expect(await count(button('Добавить запись'))).toBe(0);
    expect(await count(page.getByRole('button', { name: /^Действия:/ }))).toBe(0);
    await shot('reader-references');
    await nothingRefused();

    await open('/settings', 'Настройки');
    const department = page.getByTestId('department-settings');
    await expect.poll(() => department.getByLabel('Наименование департамента').isVisible()).toBe(true);
    expect(await department.getByLabel('Наименование департамента').getAttribute('readonly')).not.toBeNull();
    expect(await count(button('Сохранить настройки департамента'))).toBe(0);
    expect(await department.textContent()).toContain('Доступно только роли «Администратор».');
    for (const heading of ['Где хранятся данные', 'Папка резервных копий', 'Резервные копии']) {
      expect(await count(page.getByRole('heading', { name: heading, exact: true })), heading).toBe(0);
    }
    await shot('reader-settings');
    await nothingRefused();

    await open('/agreements', 'Соглашения');
    expect(await count(button('Новое соглашение'))).toBe(0);
    await open('/reports', 'Отчёты и документы');
    await expect.poll(() => page.getByTestId('report-view').isVisible()).toBe(true);
    for (const name of ['Сохранить черновик', 'Экспорт', 'Собрать заново из реестра']) expect(await count(button(name)), name).toBe(0);
    await shot('reader-reports');
    await nothingRefused();
  });

  it('gives a clerk the writing, and shows the coordinator\'s undo of an import locked, naming who may', async () => {
    await signInAs('clerk', 'Сотрудник');
    await open('/events', 'Мероприятия');
    await expect.poll(() => page.getByRole('grid', { name: 'Мероприятия' }).getByText(TITLE).isVisible()).toBe(true);
    expect(await button('Новое мероприятие').isVisible()).toBe(true);
    expect(await button('Экспорт в Excel').isVisible()).toBe(true);
    expect(await count(page.getByRole('checkbox', { name: `Выбрать «${TITLE}»` }))).toBe(1);
    expect(await page.getByRole('link', { name: 'Экспорт' }).isVisible()).toBe(true);
    await nothingRefused();

    await openEventCard();
    expect(await page.getByLabel('Название').getAttribute('readonly')).toBeNull();
    for (const name of ['Сохранить', 'Копировать', 'В корзину']) expect(await button(name).isVisible(), name).toBe(true);
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    expect(await count(button('Вернуть эту версию'))).toBe(0);
    await nothingRefused();

    await open('/import', 'Импорт');
    expect(await button('Выбрать файл…').isVisible()).toBe(true);
    const undo = page.getByTestId('import-history').getByRole('button', { name: 'Отменить импорт' });
    await expect.poll(() => undo.getAttribute('aria-disabled')).toBe('true');
    await undo.hover();
    await expect.poll(() => page.getByRole('tooltip').textContent()).toBe('Доступно роли «Координатор» и выше.');
    await shot('clerk-import');
    await nothingRefused();

    await open('/references/city', 'Справочники');
    expect(await button('Добавить запись').isVisible()).toBe(true);
    const menu = await refActions('Лепель');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Изменить']);
    await menu.getByRole('menuitem', { name: 'Изменить' }).click();
    const dialog = page.getByRole('dialog', { name: 'Изменить запись' });
    await expect.poll(() => dialog.getByLabel('Название').getAttribute('readonly')).not.toBeNull();
    await shot('clerk-reference');
    await dialog.getByRole('button', { name: 'Отмена' }).click();
    await nothingRefused();

    await open('/settings', 'Настройки');
    await expect.poll(() => page.getByTestId('department-settings').getByLabel('Наименование департамента').isVisible()).toBe(true);
    for (const heading of ['Где хранятся данные', 'Папка резервных копий', 'Резервные копии']) {
      expect(await count(page.getByRole('heading', { name: heading, exact: true })), heading).toBe(0);
    }
    await nothingRefused();
  });

  it('gives a coordinator the merge, the undo of an import and the way back to a version', async () => {
    await signInAs('coordinator', 'Координатор');
    await open('/references/city', 'Справочники');
    const menu = await refActions('Лепель');
    expect(await menu.getByRole('menuitem').allTextContents()).toEqual(['Изменить', 'Объединить с…', 'Скрыть (используется)']);
    await page.keyboard.press('Escape');
    await nothingRefused();

    await open('/import', 'Импорт');
    const undo = page.getByTestId('import-history').getByRole('button', { name: 'Отменить импорт' });
    await expect.poll(() => undo.isVisible()).toBe(true);
    expect(await undo.getAttribute('aria-disabled')).toBeNull();
    await nothingRefused();

    await openEventCard();
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await expect.poll(() => button('Вернуть эту версию').count()).toBeGreaterThan(0);
    await shot('coordinator-history');
    await nothingRefused();

    // The server's register is no file: the app's folders, backups and restore are nobody's there.
    await open('/settings', 'Настройки');
    await expect.poll(() => page.getByTestId('department-settings').getByLabel('Наименование департамента').isVisible()).toBe(true);
    for (const heading of ['Где хранятся данные', 'Папка резервных копий', 'Резервные копии']) {
      expect(await count(page.getByRole('heading', { name: heading, exact: true })), heading).toBe(0);
    }
    await shot('coordinator-settings');
    await nothingRefused();
  });

  it("gives an administrator the department's settings, and points to the server's own backups", async () => {
    await signInAs('admin', 'Администратор');
    await open('/settings', 'Настройки');
    const department = page.getByTestId('department-settings');
    await expect.poll(() => department.getByLabel('Наименование департамента').isVisible()).toBe(true);
    expect(await department.getByLabel('Наименование департамента').getAttribute('readonly')).toBeNull();
    expect(await button('Сохранить настройки департамента').isVisible()).toBe(true);
    expect(await page.getByText('Резервные копии реестра отдела делает сервер: их список и копия по требованию — в разделе «Учётные записи».').isVisible()).toBe(true);
    expect(await count(page.getByRole('heading', { name: 'Где хранятся данные', exact: true }))).toBe(0);
    await shot('admin-settings');
    await nothingRefused();
  });
});

// Live refresh in Chromium: two windows on one register (the web mode), and a second clerk writing
// through the services. Window B sees others' changes within seconds without a reload; her open card
// keeps what she typed, says the record changed, and her save meets the conflict dialog.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { loadDemo } from '../../electron/core/services/demo';
import { createAgreement, getAgreement, saveAgreement } from '../../electron/core/services/agreements';
import { moveEvent } from '../../electron/core/services/calendar';
import { createEvent, getEvent, saveEvent } from '../../electron/core/services/events';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { eventInputOf, EventInputSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, openPage, problemsOf } from './browser';

const session = appInBrowser(loadDemo, '/events');
/** Window A: the same register in a second browser window. */
let other: Page;
/** When window B asked for the change counter. */
const asked: number[] = [];

beforeAll(async () => {
  session.page.on('request', (r) => r.url().endsWith('/api/changes.latest') && asked.push(Date.now()));
  other = await openPage(session.app.browser, session.app.server.url, '/events');
});
afterAll(async () => {
  await other?.close();
});

/** Another clerk's calls: the same services, under her own name. */
const petrova = (core: LocalCore): LocalCore => Object.create(core, { user: { value: 'petrova' } }) as LocalCore;

/** A change seen within seconds: far more than the poll's 3 s, for a busy machine. */
const LIVE = { timeout: 20_000, interval: 250 };

const rowsOf = (page: Page) => page.locator('[role="row"][data-loaded="true"]');

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => { window.location.hash = to; }, hash);
}

async function search(page: Page, text: string): Promise<void> {
  await goTo(page, '#/events');
  await page.getByRole('textbox', { name: 'Поиск' }).fill(text);
}

/** The window hidden or shown, as a minimised window or a tab in the background tells the page. */
async function setVisibility(page: Page, state: 'hidden' | 'visible'): Promise<void> {
  await page.evaluate((to) => {
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => to });
    document.dispatchEvent(new Event('visibilitychange'));
  }, state);
}

const title = (page: Page) => page.getByRole('textbox', { name: 'Название' });

describe('live refresh between windows on one register', () => {
  it('shows another window\'s new and edited event in the open list without a reload', async () => {
    const { page, app } = session;
    await search(page, 'Живой форум');
    await expect.poll(() => page.getByText(/^Всего: 0 /).isVisible()).toBe(true);
    expect(await rowsOf(page).count()).toBe(0);
    const loads = await page.evaluate(() => performance.getEntriesByType('navigation').length);

    // Another clerk adds an event: it appears in B's filtered list.
    const event = await createEvent(petrova(app.core), EventInputSchema.parse({ title: 'Живой форум регионов', startDate: '2021-10-14' }));
    await expect.poll(() => rowsOf(page).count(), LIVE).toBe(1);
    expect(await rowsOf(page).first().innerText()).toContain('Живой форум регионов');

    // Window A edits it in its card and saves: B's row shows the new title.
    await goTo(other, `#/events/${event.id}`);
    await expect.poll(() => title(other).inputValue()).toBe('Живой форум регионов');
    await title(other).fill('Живой форум регионов России и Беларуси');
    await other.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => other.url()).toMatch(/#\/events$/);
    await expect.poll(() => rowsOf(page).first().innerText(), LIVE).toContain('Живой форум регионов России и Беларуси');
    await page.screenshot({ path: join(ARTIFACTS, 'live-refresh-list.png') });

    // Never reloaded: the same document all along, the search still typed.
    expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(loads);
    expect(await page.getByRole('textbox', { name: 'Поиск' }).inputValue()).toBe('Живой форум');
    // The counter was asked at most once in 2 s.
    const gaps = asked.slice(1).map((at, i) => at - asked[i]!);
    expect(asked.length).toBeGreaterThan(1);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(1900);
    expect(problemsOf(page)).toEqual([]);
    expect(problemsOf(other)).toEqual([]);
  }, 120_000);

  it('reloads a clean card silently, and keeps typed text in a dirty one with a notice; her save brings the conflict dialog', async () => {
    const { page, app } = session;
    const event = await createEvent(app.core, EventInputSchema.parse({ title: 'Встреча с делегацией Могилёва', startDate: '2021-11-02', venue: 'Дом дружбы' }));
    await goTo(page, `#/events/${event.id}`);
    await expect.poll(() => title(page).inputValue()).toBe('Встреча с делегацией Могилёва');

    // Clean card: another clerk's change shows in it, with no notice.
    await saveEvent(petrova(app.core), { id: event.id, version: event.version, input: { ...eventInputOf(event), venue: 'Областная библиотека' } });
    await expect.poll(() => page.getByLabel('Место проведения (площадка)').inputValue(), LIVE).toBe('Областная библиотека');
    expect(await page.getByTestId('live-notice').count()).toBe(0);

    // Dirty card: B types, A changes the title in its own window.
    await page.getByLabel('Участники').fill('Делегация Могилёвского облисполкома — 8 человек');
    await goTo(other, `#/events/${event.id}`);
    await expect.poll(() => title(other).inputValue()).toBe('Встреча с делегацией Могилёва');
    await title(other).fill('Встреча с делегацией Могилёвской области');
    await other.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => other.url()).toMatch(/#\/events$/);

    const notice = page.getByTestId('live-notice');
    await expect.poll(() => notice.isVisible(), LIVE).toBe(true);
    expect(await notice.innerText()).toMatch(/Запись изменена другим сотрудником \(.+, \d{1,2} [а-я]+ \d{4} г\. в \d\d:\d\d\): сохраните, чтобы сравнить, или обновите\./);
    // What she typed, and the title as she opened it, are still hers.
    expect(await page.getByLabel('Участники').inputValue()).toBe('Делегация Могилёвского облисполкома — 8 человек');
    expect(await title(page).inputValue()).toBe('Встреча с делегацией Могилёва');
    await page.screenshot({ path: join(ARTIFACTS, 'live-refresh-notice.png') });

    // Her save: the conflict dialog, her participants beside the register's title.
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Сохранить выбранное' }).isVisible()).toBe(true);
    expect(await dialog.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['title', 'participants']);
    await page.screenshot({ path: join(ARTIFACTS, 'live-refresh-conflict.png') });
    await dialog.getByRole('radio', { name: 'Название: сейчас в реестре' }).check();
    await dialog.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    expect(await getEvent(app.core, event.id)).toMatchObject({
      title: 'Встреча с делегацией Могилёвской области',
      venue: 'Областная библиотека',
      participants: 'Делегация Могилёвского облисполкома — 8 человек',
      version: event.version + 3,
    });
    expect(problemsOf(page)).toEqual([]);
    expect(problemsOf(other)).toEqual([]);
  }, 120_000);

  it('shows a new event in the open calendar, and on its new day once moved', async () => {
    const { page, app } = session;
    await goTo(page, '#/calendar/month/2021-09');
    await expect.poll(() => page.getByRole('heading', { name: 'Сентябрь 2021' }).isVisible()).toBe(true);
    const chip = (day: string) => page.locator(`[data-date="${day}"] .reestr-event`, { hasText: 'Живая встреча в календаре' });
    const event = await createEvent(petrova(app.core), EventInputSchema.parse({ title: 'Живая встреча в календаре', startDate: '2021-09-15' }));
    await expect.poll(() => chip('2021-09-15').count(), LIVE).toBe(1);
    await moveEvent(petrova(app.core), event.id, '2021-09-22', '2021-09-22');
    await expect.poll(() => chip('2021-09-22').count(), LIVE).toBe(1);
    expect(await chip('2021-09-15').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'live-refresh-calendar.png') });
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);

  it('shows a new agreement in the list; its dirty card takes the register\'s version on «Обновить»', async () => {
    const { page, app } = session;
    await goTo(page, '#/agreements');
    await page.getByRole('textbox', { name: 'Поиск' }).fill('Живое соглашение');
    const input = AgreementInputSchema.parse({ title: 'Живое соглашение с Гродненской областью', parties: ['Гродненская область'], number: '7' });
    const agreement = await createAgreement(petrova(app.core), input);
    await expect.poll(() => page.getByText('Живое соглашение с Гродненской областью').isVisible(), LIVE).toBe(true);

    await goTo(page, `#/agreements/${agreement.id}`);
    await expect.poll(() => title(page).inputValue()).toBe('Живое соглашение с Гродненской областью');
    await page.getByLabel('Номер').fill('8-Г');
    await saveAgreement(petrova(app.core), { id: agreement.id, version: agreement.version, input: { ...input, notes: 'Продлено письмом' } });
    const notice = page.getByTestId('live-notice');
    await expect.poll(() => notice.isVisible(), LIVE).toBe(true);
    expect(await notice.innerText()).toContain('Запись изменена другим сотрудником (petrova, ');
    expect(await page.getByLabel('Номер').inputValue()).toBe('8-Г');

    // «Обновить» asks first: her number goes, the register's notes come.
    page.once('dialog', (dialog) => void dialog.accept());
    await notice.getByRole('button', { name: 'Обновить' }).click();
    await expect.poll(() => page.getByLabel('Примечание').inputValue()).toBe('Продлено письмом');
    expect(await page.getByLabel('Номер').inputValue()).toBe('7');
    expect(await notice.count()).toBe(0);
    expect(await getAgreement(app.core, agreement.id)).toMatchObject({ number: '7', notes: 'Продлено письмом', version: agreement.version + 1 });
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);

  it('asks nothing while the window is hidden, and catches up when it shows again', async () => {
    const { page, app } = session;
    await search(page, 'Скрытое окно');
    await expect.poll(() => rowsOf(page).count()).toBe(0);
    await setVisibility(page, 'hidden');
    // A poll already under way may still land; after it, none.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = asked.length;
    await createEvent(app.core, EventInputSchema.parse({ title: 'Скрытое окно: семинар', startDate: '2021-12-01' }));
    // Three polls' time: a hidden window that polled would have asked and shown the row.
    await new Promise((resolve) => setTimeout(resolve, 9000));
    expect(asked.length).toBe(before);
    expect(await rowsOf(page).count()).toBe(0);

    await setVisibility(page, 'visible');
    await expect.poll(() => rowsOf(page).count(), LIVE).toBe(1);
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);
});

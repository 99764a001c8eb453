// A clerk's day with events, in Chromium against the web mode: create, find, edit, trash, restore.
import { join } from 'node:path';
import type { Dialog, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { listEvents } from '../../electron/core/services/events';
import { EventFilterSchema } from '../../shared/schema/event';
import { ARTIFACTS, openPage, problemsOf, startApp, type AppUnderTest } from './browser';

let app: AppUnderTest;
let page: Page;

const rows = () => page.locator('[role="row"][data-loaded="true"]');
const findEvent = async (title: string) => (await listEvents(app.core, EventFilterSchema.parse({ query: title, limit: 5 }))).items.find((e) => e.title === title);

beforeAll(async () => {
  app = await startApp(loadDemo);
});

afterAll(async () => {
  await app?.close();
});

describe('events in the browser', () => {
  it('opens on the register with the demo events, the token gone from the address', async () => {
    page = await openPage(app.browser, app.server.url, '/events');
    await expect.poll(() => rows().count()).toBe(9);
    expect(page.url()).not.toContain('token');
    await expect.poll(() => page.getByText('Всего: 9 мероприятий').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('сентябрь–октябрь 2021').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'events-list.png') });
  });

  it('creates an event dated by month', async () => {
    await page.getByRole('button', { name: 'Новое мероприятие' }).click();
    await page.getByLabel('Название').fill('Дни белорусской культуры в Смоленской области');
    await page.getByRole('combobox', { name: 'Вид' }).fill('Дни культуры');
    await page.getByText('Месяцы', { exact: true }).click();
    await page.getByRole('combobox', { name: 'Город' }).fill('Смоленск');
    await page.screenshot({ path: join(ARTIFACTS, 'event-new.png'), fullPage: true });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    const saved = await findEvent('Дни белорусской культуры в Смоленской области');
    expect(saved).toMatchObject({ datePrecision: 'month', kind: 'Дни культуры', region: 'Смоленская область' });
    expect(saved?.startDate.endsWith('-01')).toBe(true);
  });

  it('shows a validation message next to the field and saves nothing', async () => {
    await page.getByRole('button', { name: 'Новое мероприятие' }).click();
    await page.getByLabel('Описание').focus();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText('Значение не может быть пустым', { exact: true }).isVisible()).toBe(true);
    // The first error is brought into view and focused, and a notice names its field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true');
    await expect.poll(() => page.getByText('Проверьте поле «Название»: Значение не может быть пустым').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'event-first-error.png') });
    await page.getByRole('button', { name: 'Закрыть' }).click();
    expect((await listEvents(app.core, EventFilterSchema.parse({}))).total).toBe(10);
  });

  it('finds it by search and edits it', async () => {
    await page.getByLabel('Поиск', { exact: true }).fill('белорусской культ');
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().click();
    await page.getByLabel('Название').fill('Дни белорусской культуры в Смоленске');
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(async () => (await findEvent('Дни белорусской культуры в Смоленске'))?.title).toBe('Дни белорусской культуры в Смоленске');
  });

  it('moves it to the trash and restores it', async () => {
    await page.getByLabel('Поиск', { exact: true }).fill('белорусской культуры');
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().click();
    await page.getByRole('button', { name: 'В корзину' }).click();
    await expect.poll(() => rows().count()).toBe(0);
    await page.getByRole('switch', { name: 'Корзина' }).click({ force: true });
    await expect.poll(() => rows().count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'events-trash.png') });
    await rows().first().click();
    await page.getByRole('button', { name: 'Восстановить из корзины' }).click();
    await expect.poll(async () => (await findEvent('Дни белорусской культуры в Смоленске'))?.deletedAt).toBeNull();
    await page.screenshot({ path: join(ARTIFACTS, 'event-editor.png'), fullPage: true });
  });

  it('keeps a card with unsaved changes until the clerk agrees to leave it', async () => {
    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await page.getByRole('switch', { name: 'Корзина' }).click({ force: true });
    await page.getByLabel('Поиск', { exact: true }).fill('автопробег');
    await expect.poll(async () => (await rows().count()) === 1 && (await rows().first().innerText()).includes('автопробег')).toBe(true);
    await rows().first().click();
    await page.getByLabel('Название').fill('Автопробег «Дорога памяти» (черновик)');
    // Every question the page asks is recorded and answered as planned.
    const questions: string[] = [];
    let answer: 'stay' | 'leave' = 'stay';
    const onDialog = (dialog: Dialog) => {
      questions.push(dialog.message());
      void (answer === 'leave' ? dialog.accept() : dialog.dismiss());
    };
    page.on('dialog', onDialog);
    await page.getByRole('link', { name: 'Соглашения' }).click();
    await expect.poll(() => questions.length).toBe(1);
    expect(questions[0]).toBe('Изменения не сохранены. Уйти без сохранения?');
    expect(await page.getByLabel('Название').inputValue()).toBe('Автопробег «Дорога памяти» (черновик)');
    expect(page.url()).toMatch(/#\/events\/\d+$/);
    answer = 'leave';
    await page.getByRole('link', { name: 'Соглашения' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/agreements$/);
    expect(await findEvent('Автопробег «Дорога памяти» (черновик)')).toBeUndefined();
    // Left for good: going on asks nothing more.
    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    expect(questions).toHaveLength(2);
    page.off('dialog', onDialog);
  });

  it('sorts by a column header and filters by format', async () => {
    await page.getByLabel('Поиск', { exact: true }).fill('');
    await page.getByRole('button', { name: /^Название/ }).click();
    await expect.poll(async () => (await rows().first().innerText()).includes('Волонтерское сопровождение')).toBe(true);
    await page.getByRole('combobox', { name: 'Формат' }).click();
    await page.getByRole('option', { name: 'дистанционно' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => rows().count()).toBe(1);
    await page.screenshot({ path: join(ARTIFACTS, 'events-filtered.png') });
  });

  it('takes dates typed as spoken and plans an event dated in the future', async () => {
    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await page.getByRole('button', { name: 'Новое мероприятие' }).click();
    await page.getByLabel('Название').fill('Дни Витебской области в Смоленске');
    const spoken = page.getByLabel('Сроки словами');
    await spoken.fill('сентябрь–октябрь 2022');
    await spoken.press('Enter');
    await expect.poll(() => page.getByText('Понято: с сентября по октябрь 2022 года, месяцы').isVisible()).toBe(true);
    await spoken.fill('14–18 июня 2035');
    await spoken.press('Enter');
    await expect.poll(() => page.getByText('Понято: с 14 по 18 июня 2035 года, точные даты').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('combobox', { name: 'Статус' }).inputValue()).toBe('запланировано');
    await spoken.fill('по мере необходимости');
    await spoken.press('Enter');
    await expect.poll(() => page.getByText(/Не удалось понять сроки/).isVisible()).toBe(true);
    await spoken.fill('сентябрь–октябрь 2022');
    await spoken.press('Enter');
    await page.screenshot({ path: join(ARTIFACTS, 'event-spoken-dates.png'), fullPage: true });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => findEvent('Дни Витебской области в Смоленске')).toMatchObject({
      startDate: '2022-09-01', endDate: '2022-10-31', datePrecision: 'month', status: 'held',
    });
  });

  it('asks before saving a range of months longer than a year', async () => {
    await page.getByRole('button', { name: 'Новое мероприятие' }).click();
    await page.getByLabel('Название').fill('Программа обменов');
    await page.getByLabel('Сроки словами').fill('сентябрь 2022 – октябрь 2026');
    await page.getByLabel('Сроки словами').press('Enter');
    const questions: string[] = [];
    const onDialog = (dialog: Dialog) => {
      questions.push(dialog.message());
      void dialog.dismiss();
    };
    page.on('dialog', onDialog);
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => questions).toEqual(['Мероприятие длится 50 месяцев: с сентября 2022 года по октябрь 2026 года, месяцы. Сохранить так?']);
    page.off('dialog', onDialog);
    expect(await findEvent('Программа обменов')).toBeUndefined();
    await page.getByLabel('Название').fill('');
    await page.getByRole('button', { name: 'Закрыть' }).click();
  });

  it('refuses an API call without the token', async () => {
    const status = await page.evaluate(async () => (await fetch('api/events.list', { method: 'POST', body: '{}' })).status);
    expect(status).toBe(401);
    expect(problemsOf(page).filter((p) => !/401/.test(p))).toEqual([]);
  });
});

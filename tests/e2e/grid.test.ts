// The register as a spreadsheet, in Chromium: edit in place, change many rows and undo, paste from Excel, columns and saved views.
import { inOrder } from '../../electron/core/in-order';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvents, getEvent } from '../../electron/core/services/events';
import { recordHistory } from '../../electron/core/services/history';
import { EventFilterSchema, EventInputSchema } from '../../shared/schema/event';
import { ARTIFACTS, openPage, problemsOf, startApp, type AppUnderTest } from './browser';

let app: AppUnderTest;
let page: Page;
let packIds: number[] = [];
let meetingId = 0;

const rows = () => page.locator('[role="row"][data-loaded="true"]');
const search = (text: string) => page.getByRole('textbox', { name: 'Поиск' }).fill(text);
const countOf = async (query: string) => (await app.core.events.rows(EventFilterSchema.parse({ query, limit: 1 }))).total;

beforeAll(async () => {
  app = await startApp(async (core) => {
    [meetingId] = await createEvents(core, [
      EventInputSchema.parse({ title: 'Заседание комиссии по сотрудничеству', kind: 'заседание', startDate: '2022-03-15', city: 'Витебск', format: 'in_person', status: 'held' }),
      EventInputSchema.parse({ title: 'Форум регионов Беларуси и России', kind: 'форум', startDate: '2022-06-28', endDate: '2022-07-01', city: 'Минск', status: 'held' }),
    ]) as [number];
    packIds = await createEvents(core, Array.from({ length: 50 }, (_, i) => EventInputSchema.parse({
      title: `Пакетная встреча № ${i + 1}`, kind: 'встреча', startDate: `2023-0${1 + (i % 9)}-1${i % 10}`, status: 'planned', partners: ['Китай'],
    })));
  });
  page = await openPage(app.browser, app.server.url, '/events');
  await rows().first().waitFor({ timeout: 20_000 });
}, 60_000);

afterAll(async () => {
  await app?.close();
});

describe('the events grid', () => {
  it('shows the whole default row at 1280×720 and at 1440×900, without a horizontal scroll bar', async () => {
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      const small = await openPage(app.browser, app.server.url, '/events');
      await small.setViewportSize({ width, height });
      await small.locator('[role="row"][data-loaded="true"]').first().waitFor({ timeout: 20_000 });
      const scroller = small.getByTestId('events-scroller');
      const overflow = await scroller.evaluate((el) => el.scrollWidth - el.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      const status = await small.getByRole('columnheader', { name: 'Статус' }).boundingBox();
      expect((status?.x ?? width) + (status?.width ?? 0)).toBeLessThanOrEqual(width);
      // The filters stay on one line: Вид and Статус at the same height.
      const kind = await small.locator('.mantine-MultiSelect-root').first().boundingBox();
      const state = await small.locator('.mantine-MultiSelect-root').last().boundingBox();
      expect(Math.abs((kind?.y ?? 0) - (state?.y ?? 1000))).toBeLessThan(4);
      await small.screenshot({ path: join(ARTIFACTS, `grid-${width}x${height}.png`) });
      expect(problemsOf(small)).toEqual([]);
      await small.close();
    }
  });

  it('edits a title in place, refuses a date it cannot read in Russian, and Ctrl+Z takes the edit back', async () => {
    await search('Заседание комиссии');
    await expect.poll(() => rows().count()).toBe(1);
    await rows().first().locator('[data-col="title"]').dblclick();
    const editor = page.getByRole('textbox', { name: 'Название: новое значение' });
    await editor.fill('Заседание совместной комиссии');
    await editor.press('Enter');
    await expect.poll(async () => (await getEvent(app.core, meetingId)).title).toBe('Заседание совместной комиссии');
    await expect.poll(() => rows().first().innerText()).toContain('Заседание совместной комиссии');
    expect((await recordHistory(app.core, 'event', meetingId))[0]?.changes.map((c) => c.field)).toEqual(['title']);

    await rows().first().locator('[data-col="dates"]').dblclick();
    const dates = page.getByRole('textbox', { name: 'Сроки: новое значение' });
    await dates.fill('когда-нибудь весной');
    await dates.press('Enter');
    await expect.poll(() => page.getByText('Сроки: не удалось разобрать дату «когда-нибудь весной».').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'grid-cell-error.png') });
    expect((await getEvent(app.core, meetingId)).startDate).toBe('2022-03-15');
    await dates.press('Escape');
    await expect.poll(() => dates.count()).toBe(0);

    // Dates typed as spoken are saved with their precision.
    await rows().first().locator('[data-col="dates"]').dblclick();
    await page.getByRole('textbox', { name: 'Сроки: новое значение' }).fill('сентябрь–октябрь 2022');
    await page.getByRole('textbox', { name: 'Сроки: новое значение' }).press('Enter');
    await expect.poll(async () => (await getEvent(app.core, meetingId)).datePrecision).toBe('month');
    expect([(await getEvent(app.core, meetingId)).startDate, (await getEvent(app.core, meetingId)).endDate]).toEqual(['2022-09-01', '2022-10-31']);
    // The row shows the save once the grid has it, and its undo with it.
    await expect.poll(() => rows().first().innerText()).toContain('сентябрь–октябрь 2022');

    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await getEvent(app.core, meetingId)).startDate).toBe('2022-03-15');
    await expect.poll(() => page.getByRole('status').innerText()).toBe('Отменено: изменение мероприятия «Заседание совместной комиссии».');
    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await getEvent(app.core, meetingId)).title).toBe('Заседание комиссии по сотрудничеству');
    // The register reloads its rows after an undo: the editor below starts from what the row shows.
    await expect.poll(() => rows().first().innerText()).toContain('Заседание комиссии по сотрудничеству');

    // From the keyboard: arrows move to a cell, Enter opens its editor, Esc leaves it unchanged.
    await page.getByTestId('events-scroller').focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    const keyed = page.getByRole('textbox', { name: 'Название: новое значение' });
    await expect.poll(() => keyed.inputValue()).toBe('Заседание комиссии по сотрудничеству');
    await keyed.press('Escape');
    await expect.poll(() => keyed.count()).toBe(0);
  });

  it('changes the status of 50 selected rows at once, and Ctrl+Z undoes them as one', async () => {
    await search('Пакетная');
    await expect.poll(() => page.getByText('Всего: 50 мероприятий').isVisible()).toBe(true);
    await page.getByTestId('events-scroller').focus();
    await page.keyboard.press('Control+A');
    await expect.poll(() => page.getByText('Выбрано: 50', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('combobox', { name: 'Новый статус' }).selectOption('cancelled');
    await page.getByRole('button', { name: 'Применить к выбранным' }).click();
    await expect.poll(async () => (await inOrder(packIds, (id) => getEvent(app.core, id))).every((e) => e.status === 'cancelled')).toBe(true);
    await expect.poll(() => rows().first().innerText()).toContain('отменено');
    expect((await recordHistory(app.core, 'event', packIds[3] as number))[0]?.changes.map((c) => c.field)).toEqual(['status']);
    await page.screenshot({ path: join(ARTIFACTS, 'grid-bulk.png') });

    await page.keyboard.press('Control+Z');
    await expect.poll(async () => (await inOrder(packIds, (id) => getEvent(app.core, id))).every((e) => e.status === 'planned')).toBe(true);
    await expect.poll(() => page.getByRole('status').innerText()).toContain('Отменено');

    // A Shift-click range selects the rows between, and they go to the trash together.
    await page.getByRole('button', { name: 'Снять выбор' }).click();
    await rows().nth(0).getByRole('checkbox').click();
    await rows().nth(4).getByRole('checkbox').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.getByText('Выбрано: 5', { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'В корзину' }).click();
    await expect.poll(() => countOf('Пакетная')).toBe(45);
    await page.keyboard.press('Control+Z');
    await expect.poll(() => countOf('Пакетная')).toBe(50);
  });

  it('pastes 10 rows copied from Excel as new events after asking', async () => {
    await search('');
    const tsv = Array.from({ length: 10 }, (_, i) => `${10 + i}.05.2024\tВставленный круглый стол № ${i + 1}\tкруглый стол\tГомель\tочно\tзапланировано`).join('\r\n');
    await page.getByTestId('events-scroller').focus();
    await page.evaluate((text) => {
      const data = new DataTransfer();
      data.setData('text/plain', text);
      document.activeElement?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, tsv);
    const dialog = page.getByRole('dialog', { name: 'Добавить 10 мероприятий?' });
    await dialog.getByRole('button', { name: 'Добавить 10 мероприятий' }).waitFor();
    // The dialog's opening transition, for a screenshot of it in full.
    await page.waitForTimeout(400);
    await page.screenshot({ path: join(ARTIFACTS, 'grid-paste.png') });
    await dialog.getByRole('button', { name: 'Добавить 10 мероприятий' }).click();
    await expect.poll(() => countOf('Вставленный')).toBe(10);
    const pasted = (await app.core.events.list(EventFilterSchema.parse({ query: 'Вставленный круглый стол № 3', limit: 1 }))).items[0];
    expect(pasted).toMatchObject({ startDate: '2024-05-12', kind: 'круглый стол', city: 'Гомель', format: 'in_person', status: 'planned' });
  });

  it('keeps the chosen columns after a reload', async () => {
    await page.getByRole('button', { name: 'Столбцы' }).click();
    await page.getByRole('checkbox', { name: 'Партнёр' }).check();
    await page.getByRole('button', { name: '«Партнёр» левее' }).click();
    await page.getByRole('checkbox', { name: 'Формат' }).uncheck();
    await page.getByRole('button', { name: 'Столбцы' }).click();
    await expect.poll(() => page.getByRole('checkbox', { name: 'Формат' }).count()).toBe(0);
    // Widen «Вид» by dragging the right edge of its header.
    const kindHeader = page.locator('[role="columnheader"][data-col="kind"]');
    const before = (await kindHeader.boundingBox())?.width ?? 0;
    const edge = await kindHeader.locator('div[aria-hidden]').boundingBox();
    await page.mouse.move((edge?.x ?? 0) + 4, (edge?.y ?? 0) + 8);
    await page.mouse.down();
    await page.mouse.move((edge?.x ?? 0) + 34, (edge?.y ?? 0) + 8, { steps: 5 });
    await page.mouse.move((edge?.x ?? 0) + 64, (edge?.y ?? 0) + 8, { steps: 5 });
    await page.mouse.up();
    await page.reload();
    await rows().first().waitFor({ timeout: 20_000 });
    const headers = await page.getByRole('columnheader').allInnerTexts();
    expect(headers.map((h) => h.replace(/[▲▼]/g, '').trim())).toEqual(['Сроки', 'Название', 'Вид', 'Место', 'Партнёр', 'Статус']);
    expect((await page.locator('[role="columnheader"][data-col="kind"]').boundingBox())?.width ?? 0).toBeCloseTo(before + 60, -1);
    await search('Пакетная встреча № 7');
    await expect.poll(() => rows().first().locator('[data-col="partners"]').innerText()).toBe('Китай');
    // The optional columns edit in place too: several partners separated by «;».
    await rows().first().locator('[data-col="partners"]').dblclick();
    await page.locator('input[aria-label="Партнёр: новое значение"]').fill('Китай; Вьетнам');
    await page.locator('input[aria-label="Партнёр: новое значение"]').press('Enter');
    await expect.poll(async () => (await getEvent(app.core, packIds[6] as number)).partners).toEqual(['Китай', 'Вьетнам']);
    await expect.poll(() => rows().first().locator('[data-col="partners"]').innerText()).toBe('Китай, Вьетнам');
  });

  it('saves a view and reopens it from the sidebar', async () => {
    await search('Вставленный');
    await expect.poll(() => rows().count()).toBe(10);
    await page.getByRole('button', { name: 'Виды' }).click();
    await page.getByRole('textbox', { name: 'Название вида' }).fill('Круглые столы');
    await page.getByRole('button', { name: 'Сохранить вид' }).click();
    await search('');
    await page.getByRole('button', { name: 'Столбцы' }).click();
    await page.getByRole('button', { name: 'Как было по умолчанию' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => rows().count()).toBeGreaterThan(10);
    await page.reload();
    await page.getByRole('link', { name: 'Вид «Круглые столы»' }).click();
    await expect.poll(() => rows().count()).toBe(10);
    await expect.poll(() => page.getByRole('textbox', { name: 'Поиск' }).inputValue()).toBe('Вставленный');
    await expect.poll(() => page.getByRole('columnheader', { name: 'Партнёр' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'grid-view.png') });
    expect(problemsOf(page)).toEqual([]);
  });
});

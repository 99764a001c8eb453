// Agreements and reference lists in Chromium: an agreement with an event under it, a merge of two entries,
// and a city's settlement type chosen in its dialog.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvent, getEvent } from '../../electron/core/services/events';
import { listRefs } from '../../electron/core/services/references';
import { EventInputSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo);

describe('agreements and reference lists in the browser', () => {
  it('creates an agreement and links an event to it', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Соглашения' }).click();
    await expect.poll(() => page.getByText('Договор о сотрудничестве между Постоянным Комитетом').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'agreements-list.png') });
    await page.getByRole('button', { name: 'Новое соглашение' }).click();
    await page.getByLabel('Название').fill('Соглашение о сотрудничестве между Администрацией Смоленской области и Витебским облисполкомом');
    await page.getByLabel('Номер').fill('15-С');
    await page.getByLabel('Подписано').fill('12.03.2024');
    await page.keyboard.press('Escape');
    await page.getByRole('checkbox', { name: 'Бессрочно' }).check();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.getByText('15-С').isVisible()).toBe(true);

    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await page.getByText('Российско-Белорусский молодежный патриотический форум').click();
    await page.getByRole('combobox', { name: 'Соглашение' }).click();
    await page.getByRole('option', { name: /15-С/ }).click();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);

    await page.getByRole('link', { name: 'Соглашения' }).click();
    await page.getByText('15-С').click();
    await expect.poll(() => page.getByRole('link', { name: 'Российско-Белорусский молодежный патриотический форум' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'agreement-editor.png'), fullPage: true });
  });

  it('merges a misspelt kind into the right one, moving its events', async () => {
    const { page } = session;
    const { id } = await createEvent(session.app.core, EventInputSchema.parse({ title: 'Форум молодых лидеров', kind: 'Форумм', startDate: '2024-05-15' }));
    await page.getByRole('link', { name: 'Справочники' }).click();
    // The notices of the previous steps close by themselves after a few seconds.
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 30_000 }).toBe(0);
    await expect.poll(() => page.locator('[data-ref="Форумм"]').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'references.png') });
    await page.getByRole('button', { name: 'Действия: Форумм' }).click();
    await page.getByRole('menuitem', { name: 'Объединить с…' }).click();
    await page.getByRole('combobox', { name: 'Оставить запись' }).fill('форум');
    await page.getByRole('option', { name: 'форум', exact: true }).click();
    await page.getByRole('button', { name: 'Объединить' }).click();
    await expect.poll(() => page.locator('[data-ref="Форумм"]').count()).toBe(0);
    expect((await getEvent(session.app.core, id)).kind).toBe('форум');
    expect((await listRefs(session.app.core, 'kind', true)).map((r) => r.name)).not.toContain('Форумм');
    expect(problemsOf(page)).toEqual([]);
  });

  it('adds a Belarusian agrotown with its settlement type, and changes a city\'s type', async () => {
    const { page } = session;
    await createEvent(session.app.core, EventInputSchema.parse({ title: 'Встреча с жителями', kind: 'встреча', startDate: '2024-06-01', city: 'Красный Бор' }));
    await page.getByRole('link', { name: 'Справочники' }).click();
    await page.getByRole('tab', { name: 'Города' }).click();
    // A seeded city is a town; one that came with an event has no type yet, and the filter finds it.
    await expect.poll(() => page.locator('[data-ref="Витебск"] [data-settlement]').textContent()).toBe('г. — город');
    await expect.poll(() => page.locator('[data-ref="Красный Бор"] [data-settlement]').textContent()).toBe('не указан');
    await page.getByRole('checkbox', { name: 'Только без типа населённого пункта' }).check();
    await expect.poll(() => page.locator('[data-ref="Витебск"]').count()).toBe(0);
    expect(await page.locator('[data-ref="Красный Бор"]').count()).toBe(1);
    await page.getByRole('checkbox', { name: 'Только без типа населённого пункта' }).uncheck();
    await expect.poll(() => page.locator('[data-ref="Витебск"]').count()).toBe(1);

    await page.getByRole('button', { name: 'Добавить запись' }).click();
    await page.getByRole('textbox', { name: 'Название' }).fill('Лесное');
    await page.getByRole('combobox', { name: 'Тип населённого пункта' }).click();
    await page.getByRole('option', { name: 'аг. — агрогородок (Беларусь)' }).click();
    await page.getByRole('textbox', { name: 'Предложный падеж (в ком? в чём?)' }).fill('Лесном');
    await page.screenshot({ path: join(ARTIFACTS, 'reference-city-dialog.png') });
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('[data-ref="Лесное"] [data-settlement]').textContent()).toBe('аг. — агрогородок (Беларусь)');
    const created = (await listRefs(session.app.core, 'city', true)).find((r) => r.name === 'Лесное');
    expect(created).toMatchObject({ settlement: 'аг.', locative: 'Лесном' });

    await page.getByRole('button', { name: 'Действия: Лесное' }).click();
    await page.getByRole('menuitem', { name: 'Изменить' }).click();
    await page.getByRole('combobox', { name: 'Тип населённого пункта' }).click();
    await page.getByRole('option', { name: 'г. п. — городской посёлок (Беларусь)' }).click();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.locator('[data-ref="Лесное"] [data-settlement]').textContent()).toBe('г. п. — городской посёлок (Беларусь)');
    expect((await listRefs(session.app.core, 'city', true)).find((r) => r.name === 'Лесное')?.settlement).toBe('г. п.');
    expect(problemsOf(page)).toEqual([]);
  });
});

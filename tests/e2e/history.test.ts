// The «История изменений» tab in Chromium: an event edited twice, its history read, the first version brought back.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgreement } from '../../electron/core/services/agreements';
import { createEvent, getEvent } from '../../electron/core/services/events';
import { AgreementInputSchema } from '../../shared/schema/agreement';
import { EventInputSchema } from '../../shared/schema/event';
import { ARTIFACTS, appInBrowser, problemsOf } from './browser';

let eventId = 0;
let agreementId = 0;

const session = appInBrowser(async (core) => {
  eventId = (await createEvent(core, EventInputSchema.parse({
    title: 'Дни белорусской культуры', kind: 'Дни культуры', startDate: '2021-09-08', city: 'Смоленск', outcomes: 'Подписан план мероприятий',
  }))).id;
  agreementId = (await createAgreement(core, AgreementInputSchema.parse({ title: 'Соглашение о сотрудничестве с Витебской областью', number: '7' }))).id;
}, '/events');

async function openCard(view: string) {
  const { page } = session;
  await page.evaluate((hash) => { window.location.hash = hash; }, view);
  await expect.poll(() => page.getByRole('tab', { name: 'История изменений' }).isVisible()).toBe(true);
}

async function editTitle(title: string, outcomes?: string) {
  const { page } = session;
  await openCard(`#/events/${eventId}`);
  await page.getByLabel('Название').fill(title);
  if (outcomes !== undefined) await page.getByLabel('Итоги').fill(outcomes);
  await page.getByRole('button', { name: 'Сохранить' }).click();
  await expect.poll(() => page.url()).toMatch(/#\/events$/);
}

describe('change history in the browser', () => {
  it('lists two edits of an event newest first, with who, when and what', async () => {
    const { page, app } = session;
    await editTitle('Дни культуры Республики Беларусь');
    await editTitle('Дни культуры Беларуси в Смоленске', '');
    await openCard(`#/events/${eventId}`);
    await page.getByRole('tab', { name: 'История изменений' }).click();
    const entries = page.getByTestId('history-entry');
    await expect.poll(() => entries.count()).toBe(3);
    await expect.poll(() => entries.nth(0).innerText()).toContain('Изменено');
    const newest = await entries.nth(0).innerText();
    expect(newest).toContain('текущая версия');
    expect(newest).toContain(app.core.user);
    expect(newest).toContain('Название: „Дни культуры Республики Беларусь“ → „Дни культуры Беларуси в Смоленске“');
    expect(newest).toContain('Итоги: „Подписан план мероприятий“ → пусто');
    expect(await entries.nth(2).innerText()).toContain('Создано');
    await page.screenshot({ path: join(ARTIFACTS, 'history-event.png'), fullPage: true });
  });

  it('brings back the first version after a confirmation, and the card shows it', async () => {
    const { page, app } = session;
    const first = page.getByTestId('history-entry').nth(2);
    await first.getByRole('button', { name: 'Вернуть эту версию' }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.innerText()).toContain('В мероприятии изменится:');
    expect(await dialog.innerText()).toContain('Название: „Дни культуры Беларуси в Смоленске“ → „Дни белорусской культуры“');
    await page.waitForTimeout(400); // the dialog's fade-in, for the picture only
    await page.screenshot({ path: join(ARTIFACTS, 'history-event-confirm.png') });
    await dialog.getByRole('button', { name: 'Вернуть эту версию' }).click();

    await expect.poll(() => page.getByLabel('Название').inputValue()).toBe('Дни белорусской культуры');
    expect(await page.getByLabel('Итоги').inputValue()).toBe('Подписан план мероприятий');
    expect(await getEvent(app.core, eventId)).toMatchObject({ title: 'Дни белорусской культуры', outcomes: 'Подписан план мероприятий' });
    await page.screenshot({ path: join(ARTIFACTS, 'history-event-reverted.png'), fullPage: true });

    await page.getByRole('tab', { name: 'История изменений' }).click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(4);
    expect(await page.getByTestId('history-entry').nth(0).innerText()).toMatch(/Возвращена версия от \d\d\.\d\d\.\d{4}, \d\d:\d\d/);
  });

  it('shows the history of an agreement too', async () => {
    const { page } = session;
    await openCard(`#/agreements/${agreementId}`);
    await page.getByLabel('Номер').fill('7-а');
    await page.getByRole('tab', { name: 'История изменений' }).click();
    // Unsaved edits in the card: no version can come back over them.
    await expect.poll(() => page.getByText('В карточке есть несохранённые изменения').isVisible()).toBe(true);
    await page.getByRole('tab', { name: 'Карточка' }).click();
    await page.getByRole('button', { name: 'Сохранить' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/agreements$/);
    await openCard(`#/agreements/${agreementId}`);
    await page.getByRole('tab', { name: 'История изменений' }).click();
    await expect.poll(() => page.getByTestId('history-entry').count()).toBe(2);
    expect(await page.getByTestId('history-entry').nth(0).innerText()).toContain('Номер: „7“ → „7-а“');
    expect(problemsOf(page)).toEqual([]);
  });
});

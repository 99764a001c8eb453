// No lost update in Chromium: a card saved after another clerk changed its record shows her values
// beside the register's, field by field; her choice is what gets saved, or she takes the register's.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { getAgreement, listAgreements, saveAgreement } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { getEvent, listEvents, saveEvent } from '../../electron/core/services/events';
import { recordHistory } from '../../electron/core/services/history';
import { AgreementFilterSchema, type AgreementInput } from '../../shared/schema/agreement';
import { EventFilterSchema, eventInputOf, type EventInput } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo, '/events');

/** The register as another clerk's call sees it: her saves go through the same services, under her own name. */
const ivanova = (core: LocalCore): LocalCore => Object.create(core, { user: { value: 'ivanova' } }) as LocalCore;

async function openCard(page: Page, hash: string, title: string): Promise<void> {
  await page.evaluate((to) => { window.location.hash = to; }, hash);
  await expect.poll(() => page.getByRole('textbox', { name: 'Название' }).inputValue()).toBe(title);
}

const demoEvent = async (core: LocalCore) => {
  const event = (await listEvents(core, EventFilterSchema.parse({ period: '2021-H2', limit: 1 }))).items[0];
  if (!event) throw new Error('no demo event');
  return event;
};

describe('a card saved after another clerk changed its record', () => {
  it('shows both values of each differing field, and saves the values chosen field by field', async () => {
    const { page, app } = session;
    const event = await demoEvent(app.core);
    const opened = event.version;
    await openCard(page, `#/events/${event.id}`, event.title);

    // The clerk edits the title, the participants and the outcomes in her card…
    await page.getByRole('textbox', { name: 'Название' }).fill(`${event.title} (уточнено)`);
    await page.getByLabel('Участники').fill('Делегация Витебского облисполкома — 12 человек');
    await page.getByLabel('Итоги').fill('Итоги по записке Петрова');
    // …while ivanova changes the venue, the participants and the outcomes in the register.
    const theirs: EventInput = { ...eventInputOf(event), venue: 'Дом дружбы', participants: 'Делегация — 10 человек', outcomes: 'Подписан план мероприятий на 2022 год' };
    await saveEvent(ivanova(app.core), { id: event.id, version: opened, input: theirs });

    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByText('Запись изменена, пока вы её редактировали').isVisible()).toBe(true);
    const text = await dialog.textContent();
    expect(text).toMatch(/Запись изменил\(а\) ivanova \d{1,2} [а-я]+ \d{4} г\. в \d\d:\d\d, после того как вы её открыли/);
    const row = (field: string) => dialog.locator(`tr[data-field="${field}"]`);
    // The fields that differ, each with the clerk's value beside the register's.
    expect(await dialog.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['title', 'venue', 'participants', 'outcomes']);
    expect(await row('title').textContent()).toContain(`${event.title} (уточнено)`);
    expect(await row('venue').textContent()).toContain('Дом дружбы');
    expect(await row('venue').textContent()).toContain(event.venue ?? '—');
    expect(await row('outcomes').textContent()).toContain('Итоги по записке Петрова');
    expect(await row('outcomes').textContent()).toContain('Подписан план мероприятий на 2022 год');
    expect(await row('outcomes').textContent()).toContain('изменили вы');
    expect(await row('outcomes').textContent()).toContain('изменено в реестре');
    // At first: her value where she changed it, the register's where only the register changed.
    expect(await dialog.getByRole('radio', { name: 'Название: ваше значение' }).isChecked()).toBe(true);
    expect(await dialog.getByRole('radio', { name: 'Место проведения (площадка): сейчас в реестре' }).isChecked()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'conflict-dialog.png') });

    // She keeps her venue and takes the register's outcomes.
    await dialog.getByRole('radio', { name: 'Место проведения (площадка): ваше значение' }).check();
    await dialog.getByRole('radio', { name: 'Итоги: сейчас в реестре' }).check();
    await dialog.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);

    expect(await getEvent(app.core, event.id)).toMatchObject({
      title: `${event.title} (уточнено)`,
      venue: event.venue,
      participants: 'Делегация Витебского облисполкома — 12 человек',
      outcomes: 'Подписан план мероприятий на 2022 год',
      version: opened + 2,
    });
    expect((await recordHistory(app.core, 'event', event.id)).slice(0, 2).map((e) => e.user)).toEqual([app.core.user, 'ivanova']);
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);

  it('«Отменить мои изменения» drops the clerk\'s edits and shows the record as the register has it', async () => {
    const { page, app } = session;
    const event = await demoEvent(app.core);
    await openCard(page, `#/events/${event.id}`, event.title);
    await page.getByRole('textbox', { name: 'Название' }).fill('Моё название');
    const theirs = await saveEvent(ivanova(app.core), { id: event.id, version: event.version, input: { ...eventInputOf(event), title: 'Название от Ивановой' } });

    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Отменить мои изменения' }).isVisible()).toBe(true);
    expect(await dialog.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['title']);
    await dialog.getByRole('button', { name: 'Отменить мои изменения' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Название' }).inputValue()).toBe('Название от Ивановой');
    expect(page.url()).toMatch(new RegExp(`#/events/${event.id}$`));
    expect(await getEvent(app.core, event.id)).toMatchObject({ title: 'Название от Ивановой', version: theirs.version });
    // The card now stands on the register's version: a save goes through.
    await page.getByLabel('Итоги').fill('Итоги после сверки');
    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    expect(await getEvent(app.core, event.id)).toMatchObject({ title: 'Название от Ивановой', outcomes: 'Итоги после сверки', version: theirs.version + 1 });
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);

  it('settles an agreement the same way', async () => {
    const { page, app } = session;
    const agreement = (await listAgreements(app.core, AgreementFilterSchema.parse({ limit: 1 }))).items[0];
    if (!agreement) throw new Error('no demo agreement');
    await openCard(page, `#/agreements/${agreement.id}`, agreement.title);
    await page.getByLabel('Номер').fill('15-м');
    const input: AgreementInput = {
      kind: agreement.kind, number: '14', title: agreement.title, parties: agreement.parties, signedOn: agreement.signedOn,
      validFrom: agreement.validFrom, validUntil: agreement.validUntil, autoProlongation: agreement.autoProlongation,
      status: agreement.status, spheres: agreement.spheres, department: agreement.department, notes: 'Продлено письмом',
    };
    await saveAgreement(ivanova(app.core), { id: agreement.id, version: agreement.version, input });

    await page.getByRole('button', { name: 'Сохранить', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await expect.poll(() => dialog.getByRole('button', { name: 'Сохранить выбранное' }).isVisible()).toBe(true);
    expect(await dialog.locator('tr[data-field]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-field')))).toEqual(['number', 'notes']);
    expect(await dialog.getByRole('radio', { name: 'Номер: ваше значение' }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: 'Номер: сейчас в реестре' }).check();
    await dialog.getByRole('button', { name: 'Сохранить выбранное' }).click();
    await expect.poll(() => page.url()).toMatch(/#\/agreements$/);
    expect(await getAgreement(app.core, agreement.id)).toMatchObject({ number: '14', notes: 'Продлено письмом', version: agreement.version + 2 });
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);

  it('refuses the grid\'s undo of an edit once another clerk changed that field, keeping her value', async () => {
    const { page, app } = session;
    const event = await demoEvent(app.core);
    await page.evaluate(() => { window.location.hash = '#/events'; });
    const rows = page.locator('[role="row"][data-loaded="true"]');
    await page.getByRole('textbox', { name: 'Поиск' }).fill(event.title);
    await expect.poll(() => rows.count()).toBe(1);
    await rows.first().locator('[data-col="title"]').dblclick();
    const editor = page.getByRole('textbox', { name: 'Название: новое значение' });
    await editor.fill(`${event.title} — правка в таблице`);
    await editor.press('Enter');
    await expect.poll(() => rows.first().innerText()).toContain('правка в таблице');
    const edited = await getEvent(app.core, event.id);
    await saveEvent(ivanova(app.core), { id: event.id, version: edited.version, input: { ...eventInputOf(edited), title: 'Название от Ивановой после правки' } });

    await page.keyboard.press('Control+Z');
    await expect.poll(() => page.getByText(/изменено после этого действия: отменить его нельзя/).isVisible()).toBe(true);
    expect(await getEvent(app.core, event.id)).toMatchObject({ title: 'Название от Ивановой после правки', version: edited.version + 1 });
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);
});

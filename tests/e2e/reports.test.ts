// The Отчёты section in Chromium: the 2021-H2 draft of the demo data, a paragraph edited, saved, exported as .docx;
// the check before export: paragraphs built from fields marked, a city with no settlement type fixed in one click.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvent } from '../../electron/core/services/events';
import { listRefs } from '../../electron/core/services/references';
import { EventInputSchema } from '../../shared/schema/event';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo);

function documentText(file: string): string {
  const data = readFileSync(file);
  const entry = zipEntries(data).find((e) => e.name === 'word/document.xml');
  return entry ? (readEntry(data, entry, 10_000_000)?.toString('utf8') ?? '') : '';
}

describe('the report in the browser', () => {
  it('drafts 2021-H2, keeps an edited paragraph, and exports it to .docx', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Отчёты' }).click();
    await page.getByRole('combobox', { name: 'Период' }).click();
    await page.getByRole('option', { name: 'II полугодие 2021' }).click();
    const first = page.getByRole('textbox', { name: 'Абзац 1', exact: true });
    await expect.poll(() => first.inputValue()).toBe('Во II полугодии 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь.');
    expect(await page.getByRole('textbox', { name: 'Абзац 3', exact: true }).inputValue()).toMatch(/^В период с 27 по 28 августа 2021 года в г.\sСмоленске прошел/);
    await page.screenshot({ path: join(ARTIFACTS, 'report-draft.png') });

    const edited = 'Во II полугодии 2021 года состоялись следующие мероприятия с участием представителей Республики Беларусь и Союзного государства.';
    await first.fill(edited);
    await page.getByRole('button', { name: 'Убрать абзац 2' }).click(); // «Поезд Победы» left out
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => page.getByText(/^Черновик сохранён/).isVisible()).toBe(true);

    // Saved per period: back from another section, the edit is there.
    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await page.getByRole('link', { name: 'Отчёты' }).click();
    await page.getByRole('combobox', { name: 'Период' }).click();
    await page.getByRole('option', { name: 'II полугодие 2021' }).click();
    await expect.poll(() => page.getByRole('textbox', { name: 'Абзац 1', exact: true }).inputValue()).toBe(edited);

    await page.getByRole('button', { name: 'Экспорт' }).click();
    const downloading = page.waitForEvent('download');
    await page.getByRole('menuitem', { name: 'Документ Word (.docx)' }).click();
    // The opening and closing paragraphs, counted from the register, may be marked for checking.
    const anyway = page.getByRole('button', { name: 'Выгрузить всё равно' });
    if ((await Promise.race([downloading.then(() => 'download'), anyway.waitFor({ state: 'visible' }).then(() => 'asked', () => 'none')])) === 'asked') await anyway.click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('Отчёт_II_полугодие_2021_года.docx');
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const xml = documentText(file);
    expect(xml).toContain('участием представителей Республики Беларусь и Союзного государства.');
    expect(xml).not.toContain('Поезд Победы');
    expect(xml).toContain('В период с 27 по 28 августа 2021 года');
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('marks paragraphs built from fields and fixes a city with no settlement type in one click', async () => {
    const { page, app } = session;
    await createEvent(app.core, EventInputSchema.parse({
      title: 'Встреча с жителями по вопросам приграничного сотрудничества',
      kind: 'встреча',
      startDate: '2022-03-10',
      city: 'Заболотье',
      partners: ['Республика Беларусь'],
      status: 'held',
    }));
    expect((await listRefs(app.core, 'city', true)).find((r) => r.name === 'Заболотье')?.settlement).toBeNull();
    await page.getByRole('link', { name: 'Мероприятия' }).click();
    await page.getByRole('link', { name: 'Отчёты' }).click();
    const field = page.getByRole('combobox', { name: 'Период' });
    await field.fill('I квартал 2022');
    await field.press('Enter');
    await expect.poll(() => page.getByRole('textbox', { name: 'Заголовок', exact: true }).inputValue()).toMatch(/I квартал 2022 года$/);

    const check = page.getByRole('region', { name: 'Проверка перед выгрузкой' });
    const gap = check.locator('[data-gap="Заболотье"][data-field="settlement"]');
    await expect.poll(() => gap.isVisible()).toBe(true);
    const marked = page.locator('[data-generated="true"]');
    expect(await marked.count()).toBeGreaterThan(0);
    expect(await marked.first().getByText('Составлено из полей записи — проверьте текст').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-check.png') });

    // Exporting with marks left asks once, and «Вернуться к проверке» exports nothing.
    const unchecked = await marked.count();
    await page.getByRole('button', { name: 'Экспорт' }).click();
    await page.getByRole('menuitem', { name: 'Документ Word (.docx)' }).click();
    const question = page.getByRole('dialog', { name: 'Не все абзацы проверены' });
    await expect.poll(() => question.getByText(`В документе ${unchecked} ${unchecked === 1 ? 'абзац не проверен' : unchecked < 5 ? 'абзаца не проверены' : 'абзацев не проверены'}.`).isVisible()).toBe(true);
    expect(await question.getByText('Выгрузить всё равно?').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'report-check-export.png') });
    await page.getByRole('button', { name: 'Вернуться к проверке' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // An edited paragraph is the clerk's own: its mark goes.
    const firstMarked = Number(await marked.first().getAttribute('data-paragraph'));
    const box = page.getByRole('textbox', { name: `Абзац ${firstMarked + 1}`, exact: true });
    await box.fill(`${await box.inputValue()} `);
    await expect.poll(() => page.locator(`[data-paragraph="${firstMarked}"]`).getAttribute('data-generated')).toBeNull();

    // The one-click fix: the village's type goes to the reference list; the draft holds an edit, so the
    // clerk is asked before it is built again with the fix.
    await check.getByRole('combobox', { name: 'Тип населённого пункта: Заболотье' }).click();
    await page.getByRole('option', { name: 'д. — деревня' }).click();
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.accept();
    });
    await check.getByRole('button', { name: 'Записать в справочник: Заболотье, Тип населённого пункта' }).click();
    await expect.poll(() => gap.count()).toBe(0);
    expect(asked).toContain('Ваши правки черновика будут заменены');
    expect((await listRefs(app.core, 'city', true)).find((r) => r.name === 'Заболотье')?.settlement).toBe('д.');
    const texts = async () => Promise.all((await page.getByRole('textbox', { name: /^Абзац \d+$/ }).all()).map((t) => t.inputValue()));
    await expect.poll(async () => (await texts()).join('\n')).toMatch(/в д\.\sЗаболотье/);
    expect((await texts()).join('\n')).not.toMatch(/в г\.\sЗаболотье/);
    await expect.poll(() => page.getByText('Черновик собран из реестра и ещё не сохранён.').isVisible()).toBe(true);

    // The marks are kept with the saved draft: after a reload they are still there to check.
    const stillMarked = await marked.count();
    expect(stillMarked).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await expect.poll(() => page.getByText(/^Черновик сохранён \d/).isVisible()).toBe(true);
    await page.reload();
    await field.fill('I квартал 2022');
    await field.press('Enter');
    await expect.poll(() => page.getByText(/^Черновик сохранён \d/).isVisible()).toBe(true);
    await expect.poll(() => marked.count()).toBe(stillMarked);

    // Each paragraph left is ticked «Проверено»; then no question at export.
    while ((await marked.count()) > 0) {
      const n = Number(await marked.first().getAttribute('data-paragraph'));
      await page.getByRole('checkbox', { name: `Абзац ${n + 1} проверен` }).click();
    }
    await expect.poll(() => page.getByText('Проверка: непроверенных абзацев нет, справочникам хватает данных.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Экспорт' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Документ Word (.docx)' }).click()]);
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    expect(documentText(file)).toMatch(/в д\.\sЗаболотье/);

    // The list shows the type the fix stored.
    await page.getByRole('button', { name: 'Сохранить черновик' }).click();
    await page.getByRole('link', { name: 'Справочники' }).click();
    await page.getByRole('tab', { name: 'Города' }).click();
    await expect.poll(() => page.locator('[data-ref="Заболотье"] [data-settlement]').textContent()).toBe('д. — деревня');
    await expect.poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 }).toBe(0);
    await page.locator('[data-ref="Заболотье"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(ARTIFACTS, 'references-settlement.png') });
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);
});

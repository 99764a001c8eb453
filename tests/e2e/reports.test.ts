// The Отчёты section in Chromium: the 2021-H2 draft of the demo data, a paragraph edited, saved, exported as .docx.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
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
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: 'Документ Word (.docx)' }).click()]);
    expect(download.suggestedFilename()).toBe('Отчёт_II_полугодие_2021_года.docx');
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const xml = documentText(file);
    expect(xml).toContain('участием представителей Республики Беларусь и Союзного государства.');
    expect(xml).not.toContain('Поезд Победы');
    expect(xml).toContain('В период с 27 по 28 августа 2021 года');
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);
});

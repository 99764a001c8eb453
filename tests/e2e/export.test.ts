// The Экспорт section in Chromium: the demo data for 2021-H2 saved as a workbook, read back here.
import { join } from 'node:path';
import ExcelJS from '../../electron/core/excel';
import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo);

describe('export in the browser', () => {
  it('saves the 2021-H2 events, agreements and summary as an Excel workbook', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Экспорт' }).click();
    const period = page.getByRole('combobox', { name: 'Период' });
    await period.click();
    await period.fill('2 полугодие 2021');
    await period.press('Enter');
    await page.getByRole('radiogroup', { name: 'Группировка' }).getByText('По сферам', { exact: true }).click();
    await expect.poll(() => page.getByText('II полугодие 2021 года: 9 мероприятий').isVisible()).toBe(true);
    await expect.poll(() => page.getByTestId('export-preview').locator('tbody tr').count()).toBe(9);
    await page.screenshot({ path: join(ARTIFACTS, 'export.png') });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Сохранить в Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Мероприятия_2021_II_полугодие.xlsx');
    const file = join(ARTIFACTS, download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Мероприятия', 'Соглашения', 'Сводка']);
    const sheet = workbook.getWorksheet('Мероприятия') as Worksheet;
    expect(sheet.getCell('A1').value).toBe('Информация о мероприятиях, проведенных в рамках сотрудничества с Республикой Беларусь за II\u00a0полугодие\u00a02021\u00a0года');
    expect(new Set((sheet.getRows(4, sheet.rowCount - 3) ?? []).filter((r) => typeof r.getCell(1).value === 'number').map((r) => r.getCell(11).value))).toEqual(new Set(['проведено']));
    const titles = (sheet.getRows(4, sheet.rowCount - 3) ?? []).filter((r) => typeof r.getCell(1).value === 'number').map((r) => r.getCell(3).value);
    expect(titles).toHaveLength(9);
    expect(titles).toContain('Встреча депутатов Парламентского Собрания с представителями Администрации Смоленской области');
    expect(problemsOf(page)).toEqual([]);
  }, 120_000);
});

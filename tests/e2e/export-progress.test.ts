// The Экспорт page runs the workbook as a job in Chromium: a real bar of events written, «Отменить» saves
// nothing and leaves the register as it was, and an export left to run still downloads its file.
import { join } from 'node:path';
import { createReadStream, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Download } from 'playwright-core';
import ExcelJS from '../../electron/core/excel';
import { createEvents } from '../../electron/core/services/events';
import { eventInput } from '../helpers';
import { ARTIFACTS, appInBrowser, problemsOf } from './browser';
import type { LocalCore } from '../../electron/core/core';

const EVENTS = 40_000;

/** A year of many events: its workbook takes seconds to write, long enough to see the bar and cancel. */
async function fill(core: LocalCore): Promise<void> {
  const inputs = Array.from({ length: EVENTS }, (_, i) =>
    eventInput({ title: `Рабочая встреча по плану сотрудничества № ${i + 1}`, startDate: `2024-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`, status: 'held', city: 'Витебск' }),
  );
  await createEvents(core, inputs);
}

const session = appInBrowser(fill);

function register(core: LocalCore) {
  const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { events: count('events'), log: count('change_log'), settings: count('settings') };
}

describe('export page: a long workbook', () => {
  it('shows events written of the total; cancelled, saves no file; left to run, downloads it', async () => {
    const { page, app } = session;
    const downloads: Download[] = [];
    page.on('download', (d) => downloads.push(d));
    const before = register(app.core);
    await page.getByRole('link', { name: 'Экспорт' }).click();
    const period = page.getByRole('combobox', { name: 'Период' });
    await period.click();
    await period.fill('2024');
    await period.press('Enter');
    await page.getByText(/^2024 год: 40\s000 мероприятий$/).waitFor({ timeout: 60_000 });

    await page.getByRole('button', { name: 'Сохранить в Excel' }).click();
    // The bar follows the worker: «Записано N из 40 000 мероприятий» with N above nought, then the clerk cancels.
    await page.getByText(/^Записано [1-9][\d\s]* из 40\s000 мероприятий$/).waitFor({ timeout: 120_000 });
    const bar = page.getByRole('progressbar', { name: 'Выгрузка' });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'export-progress.png') });
    await page.getByRole('button', { name: 'Отменить' }).click();

    const notice = page.getByRole('alert').filter({ hasText: 'Выгрузка отменена' });
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.textContent()).toContain('Файл не сохранён; реестр не изменён.');
    expect(await page.getByTestId('export-progress').count()).toBe(0);
    expect(downloads).toEqual([]);
    expect(register(app.core)).toEqual(before);
    await page.screenshot({ path: join(ARTIFACTS, 'export-cancelled.png') });

    // Left to run, the same export downloads its workbook.
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 180_000 }), page.getByRole('button', { name: 'Сохранить в Excel' }).click()]);
    expect(download.suggestedFilename()).toBe('Мероприятия_2024_год.xlsx');
    const file = join(ARTIFACTS, 'export-progress.xlsx');
    await download.saveAs(file);
    // The events sheet holds a numbered row per event.
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(createReadStream(file), { worksheets: 'emit', sharedStrings: 'cache', styles: 'ignore', hyperlinks: 'ignore', entries: 'ignore' });
    let numbered = 0;
    for await (const sheet of reader) {
      for await (const row of sheet) if (typeof row.getCell(1).value === 'number') numbered++;
      break;
    }
    expect(numbered).toBe(EVENTS);
    expect(downloads).toHaveLength(1);
    await expect.poll(() => page.getByTestId('export-progress').count()).toBe(0);
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(register(app.core)).toEqual(before);
    expect(problemsOf(page)).toEqual([]);
  }, 400_000);
});

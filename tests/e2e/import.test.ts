// The import wizard in Chromium: a two-row-header workbook in, one broken cell fixed, events in the list, undone;
// a workbook of one sheet per quarter grouped by sheet, a sheet of another table read on request, hidden rows.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listEvents } from '../../electron/core/services/events';
import { EventFilterSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const WORKBOOK = join(import.meta.dirname, '../fixtures/import/report-mogilev-2021.xlsx');
const fixture = (name: string) => join(import.meta.dirname, '../fixtures/import', name);

const session = appInBrowser();

const total = async () => (await listEvents(session.app.core, EventFilterSchema.parse({}))).total;

describe('import wizard', () => {
  it('imports a partner workbook with a corrected cell, shows its events, and undoes it', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.getByTestId('import-file').setInputFiles(WORKBOOK);

    // The table is found on the second sheet, under a header of two rows.
    const raw = page.getByTestId('raw-sheet');
    await expect.poll(() => raw.isVisible()).toBe(true);
    expect(await page.getByRole('combobox', { name: 'Лист' }).inputValue()).toBe('Мероприятия (12 стр.)');
    expect(await raw.locator('tr[data-part="header"]').count()).toBe(2);
    await page.screenshot({ path: join(ARTIFACTS, 'import-sheet.png') });

    await page.getByRole('button', { name: 'Далее: столбцы' }).click();
    expect(await page.getByRole('combobox', { name: 'Столбец C' }).inputValue()).toBe('Сроки (или дата начала)');
    expect(await page.getByRole('combobox', { name: 'Столбец D' }).inputValue()).toBe('Дата окончания');
    await page.screenshot({ path: join(ARTIFACTS, 'import-columns.png') });

    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    await page.getByText('ошибка (1)').click();
    const broken = page.locator('[data-row="9"]');
    await expect.poll(() => broken.getByText('Строка 9, столбец C: нет такой даты: «32.13.2021»').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-error-row.png') });
    const cell = broken.getByLabel('C: Период проведения: с');
    await cell.fill('26.10.2021');
    await cell.press('Enter');
    await expect.poll(() => page.getByText('ошибка (0)').isVisible()).toBe(true);
    await page.getByText('Все (', { exact: false }).click();
    await page.screenshot({ path: join(ARTIFACTS, 'import-rows.png') });

    expect(await total()).toBe(0); // nothing written before the commit
    await page.getByRole('button', { name: 'Импортировать 8 мероприятий' }).click();
    await expect.poll(() => page.getByText('Импорт завершён').isVisible()).toBe(true);
    expect(await total()).toBe(8);
    await page.screenshot({ path: join(ARTIFACTS, 'import-done.png') });

    await page.getByRole('button', { name: 'Показать импортированные' }).click();
    await expect.poll(() => page.getByText('Всего: 8 мероприятий').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Осенняя школа молодых исследователей').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-events.png') });

    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.getByRole('button', { name: 'Импортировать другой файл' }).click();
    await page.getByTestId('import-history').getByRole('button', { name: 'Отменить импорт' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Отменить импорт' }).click();
    await expect.poll(() => page.getByTestId('import-history').getByText(/^отменён/).isVisible()).toBe(true);
    expect(await total()).toBe(0);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'import-history.png') });
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);

  it('reads every sheet of a table grouped by sheet, a sheet of another table on request, and hidden rows when asked', async () => {
    const { page } = session;
    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.getByTestId('import-file').setInputFiles(fixture('quarters-grodno-2024.xlsx'));
    const read = page.getByTestId('read-sheets');
    await expect.poll(() => read.isVisible()).toBe(true);
    expect(await read.textContent()).toBe('Читаются листы: «I квартал», «II квартал», «III квартал». Ниже показан первый из них.');
    expect(await page.getByRole('combobox', { name: 'Лист' }).inputValue()).toBe('Все листы с этой таблицей');
    await page.screenshot({ path: join(ARTIFACTS, 'import-sheets.png') });

    await page.getByRole('button', { name: 'Далее: столбцы' }).click();
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    const headings = page.getByTestId('sheet-heading');
    await expect.poll(() => headings.count()).toBe(3);
    expect(await headings.allTextContents()).toEqual(['Лист «I квартал» · строк: 5', 'Лист «II квартал» · строк: 3', 'Лист «III квартал» · строк: 3']);
    expect(await page.locator('[data-sheet="II квартал"][data-row="2"]').textContent()).toContain('Семинар по развитию агроэкотуризма');
    await page.screenshot({ path: join(ARTIFACTS, 'import-sheets-rows.png') });

    for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Назад' }).click();
    await page.getByTestId('import-file').setInputFiles(fixture('plan-and-visits-2024.xlsx'));
    const others = page.getByTestId('other-sheets');
    await expect.poll(() => others.isVisible()).toBe(true);
    expect(await others.textContent()).toContain('«Визиты»: другая таблица («Наименование визита», «Дата», «Город», «Ответственный»)');
    await page.screenshot({ path: join(ARTIFACTS, 'import-other-sheets.png') });
    await page.getByRole('button', { name: 'Прочитать лист «Визиты» тоже' }).click();
    await expect.poll(() => read.textContent()).toBe('Читаются листы: «План», «Визиты». Ниже показан первый из них.');
    expect(await others.textContent()).not.toContain('Визиты');

    await page.getByRole('button', { name: 'Назад' }).click();
    await page.getByTestId('import-file').setInputFiles(fixture('plan-hidden-rows-2024.xlsx'));
    await expect.poll(() => page.getByTestId('raw-sheet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Далее: столбцы' }).click();
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    await expect.poll(() => page.getByText(/^Скрытых строк пропущено: 3\./).isVisible()).toBe(true);
    expect(await page.locator('[data-row="5"]').textContent()).toContain('скрытая строка');
    await page.screenshot({ path: join(ARTIFACTS, 'import-hidden-rows.png') });
    for (let i = 0; i < 2; i++) await page.getByRole('button', { name: 'Назад' }).click();
    await page.getByLabel('Читать скрытые строки и столбцы').check();
    await page.getByRole('button', { name: 'Далее: столбцы' }).click();
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Импортировать 6 мероприятий' }).isVisible()).toBe(true);
    expect(problemsOf(page)).toEqual([]);
  }, 90_000);
});

// The period field as a clerk uses it: a year, a half-year and a range of days typed, not hunted for.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo, '/events');

describe('the period field in the browser', () => {
  it('selects 2021, «II полугодие 2021» and «01.07.2021–15.09.2021» by typing', async () => {
    const { page } = session;
    const rows = () => page.locator('[role="row"][data-loaded="true"]');
    const field = page.getByRole('combobox', { name: 'Период' });
    const type = async (text: string) => {
      await field.click();
      await field.fill(text);
      await field.press('Enter');
    };

    await type('2021');
    await expect.poll(() => field.inputValue()).toBe('2021 год');
    await expect.poll(() => rows().count()).toBe(9);

    await type('II полугодие 2021');
    await expect.poll(() => field.inputValue()).toBe('II полугодие 2021 года');
    await expect.poll(() => page.getByText('Всего: 9 мероприятий').isVisible()).toBe(true);

    await field.click();
    await field.fill('01.07.2021–15.09.2021');
    await expect.poll(() => page.getByRole('option', { name: '01.07.2021–15.09.2021' }).isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'period-typed.png') });
    await field.press('Enter');
    await expect.poll(() => field.inputValue()).toBe('01.07.2021–15.09.2021');
    await expect.poll(() => rows().count()).toBe(6);

    // What names no period is said so, and the period chosen stays.
    await field.click();
    await field.fill('по мере необходимости');
    await field.press('Enter');
    await expect.poll(() => page.getByText(/Не удалось понять период «по мере необходимости»/).isVisible()).toBe(true);
    await field.press('Escape');
    await expect.poll(() => field.inputValue()).toBe('01.07.2021–15.09.2021');

    // The recent periods come first in the list.
    await field.click();
    await expect.poll(() => page.getByRole('option').first().textContent()).toBe('01.07.2021–15.09.2021');
    await page.screenshot({ path: join(ARTIFACTS, 'period-recent.png') });
    await field.press('Escape');
    expect(problemsOf(page)).toEqual([]);
  });
});

// The overview in Chromium: the demo's 2021-H2 counted by month and sphere, a bar opening its events.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const session = appInBrowser(loadDemo);

describe('the overview', () => {
  it('is the first screen, counts a period against the year before, and opens the events a bar counts', async () => {
    const { page } = session;
    await expect.poll(() => page.getByRole('heading', { name: 'Обзор' }).isVisible()).toBe(true);
    expect(page.url()).toMatch(/#\/overview$/);
    // The half-year under way is empty: the first screen shows where the events are instead of zeros.
    const field = page.getByRole('combobox', { name: 'Период обзора' });
    await expect.poll(() => field.inputValue()).toBe('II полугодие 2021 года');
    await field.click();
    await field.fill('2019');
    await field.press('Enter');
    await expect.poll(() => page.getByText('В 2019 году мероприятий в реестре нет.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Последние мероприятия — во II полугодии 2021 года.').isVisible()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'overview-empty-period.png') });
    await page.getByText('Показать II полугодие 2021 года').click();
    const total = page.getByText('Мероприятий за период', { exact: true }).locator('..');
    await expect.poll(() => total.textContent()).toMatch(/Мероприятий за период9годом раньше: 0 \(\+9\)/);
    await expect.poll(() => page.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(10);
    await page.screenshot({ path: join(ARTIFACTS, 'overview.png'), fullPage: true });

    // The months chart comes first: its third bar of the period is September, with four events.
    const september = page.locator('.recharts-bar').first().locator('.recharts-bar-rectangle').nth(2);
    await september.click();
    await expect.poll(() => page.url()).toMatch(/#\/events$/);
    await expect.poll(() => page.locator('[role="row"][data-loaded="true"]').count()).toBe(4);
    expect(await page.getByRole('combobox', { name: 'Период' }).inputValue()).toBe('Сентябрь 2021 года');
    expect(problemsOf(page)).toEqual([]);
  }, 60_000);
});

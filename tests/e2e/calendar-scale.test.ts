// The calendar over a busy register: a year of 10,000 events and a month of 2,000. Times are measured
// and written to artifacts/calendar-scale.json for the README, never asserted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate';
import { createEvents } from '../../electron/core/services/events';
import { addDays } from '../../shared/dates';
import { ARTIFACTS, openPage, startApp, type AppUnderTest } from './browser';

const YEAR_EVENTS = 10_000;
const MONTH_EVENTS = 2_000;
let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp(async (core) => {
    const batch = () => core.batches.insert({ fileName: 'scale', sheet: null, sha256: null, options: undefined, user: null, now: core.now() });
    await createEvents(core, generateEvents(YEAR_EVENTS, 21, 2030, 2030), await batch());
    // September 2031: 2,000 events of exact dates, a fifth of them over two or three days.
    const september = generateEvents(MONTH_EVENTS, 22, 2031, 2031).map((e, i) => {
      const startDate = `2031-09-${String(1 + (i % 28)).padStart(2, '0')}`;
      return { ...e, datePrecision: 'day' as const, startDate, endDate: addDays(startDate, i % 5 === 0 ? 1 + (i % 3) : 0) };
    });
    await createEvents(core, september, await batch());
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

/** From setting the address to the first frame painted after `ready` appears: the page's own clock. */
async function timeView(page: Page, hash: string, ready: string): Promise<number> {
  return Math.round(await page.evaluate(async ([address, selector]) => {
    const start = performance.now();
    window.location.hash = address as string;
    await new Promise<void>((resolve) => {
      const check = () => (document.querySelector(selector as string) ? requestAnimationFrame(() => resolve()) : requestAnimationFrame(check));
      check();
    });
    return performance.now() - start;
  }, [hash, ready]));
}

describe('the calendar at scale', () => {
  it('draws a year of 10,000 events and a month of 2,000, with «+N ещё» on busy days', async () => {
    const page = await openPage(app.browser, app.server.url, '/calendar/month/2029-01');
    await page.getByRole('heading', { name: 'Январь 2029' }).waitFor();

    const yearMs = await timeView(page, '#/calendar/year/2030', '[data-day="2030-12-31"].reestr-busy-4, [data-day="2030-12-31"].reestr-busy-3');
    // Every day of the year has events: 8,000 exact ones over 365 days.
    expect(await page.locator('[data-day^="2030-"].reestr-busy-0').count()).toBe(0);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-year-10k.png') });

    const monthMs = await timeView(page, '#/calendar/month/2031-09', '[data-date="2031-09-15"] .reestr-event');
    const more = page.getByText(/^\+\d+ ещё$/);
    await expect.poll(() => more.count()).toBeGreaterThan(25);
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-month-2000.png') });

    // Responsive while showing them: the next month and back, and a day's «+N ещё» list.
    const nextMs = await timeView(page, '#/calendar/month/2031-10', '[data-date="2031-11-09"]');
    const backMs = await timeView(page, '#/calendar/month/2031-09', '[data-date="2031-09-15"] .reestr-event');
    const popoverStart = Date.now();
    await page.locator('[data-date="2031-09-15"]').getByText(/^\+\d+ ещё$/).click();
    await page.getByRole('dialog').waitFor();
    const popoverMs = Date.now() - popoverStart;
    await page.screenshot({ path: join(ARTIFACTS, 'calendar-month-2000-more.png') });

    const figures = { yearEvents: YEAR_EVENTS, monthEvents: MONTH_EVENTS, yearMs, monthMs, nextMs, backMs, popoverMs };
    writeFileSync(join(ARTIFACTS, 'calendar-scale.json'), JSON.stringify(figures, null, 2));
    console.log(`calendar: year of ${YEAR_EVENTS} events in ${yearMs} ms; month of ${MONTH_EVENTS} in ${monthMs} ms; next month ${nextMs} ms, back ${backMs} ms; a day's list ${popoverMs} ms`);
  }, 180_000);
});

// The events table over 100,000 events: it opens, pages in as it scrolls, and every frame shows rows.
// Times are measured and written to artifacts/scale.json for the README, never asserted.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents } from '../../bench/generate';
import { createEvents } from '../../electron/core/services/events';
import { ARTIFACTS, openPage, startApp, type AppUnderTest } from './browser';

const TOTAL = 100_000;
let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp(async (core) => {
    const events = generateEvents(TOTAL, 11);
    for (let i = 0; i < TOTAL; i += 10_000) await createEvents(core, events.slice(i, i + 10_000), await core.batches.insert({ fileName: 'scale', sheet: null, sha256: null, options: undefined, user: null, now: core.now() }));
  });
}, 180_000);

afterAll(async () => {
  await app?.close();
});

describe('the events table at 100,000 events', () => {
  it('opens, and scrolls with rows in every frame', async () => {
    const page = await openPage(app.browser, app.server.url, '/events');
    await page.locator('[role="row"][data-loaded="true"]').first().waitFor();
    // The page's own clock: from the start of navigation to the first row with its data.
    const openMs = Math.round(await page.evaluate(() => performance.now()));
    await expect.poll(() => page.getByText('Всего: 100 000 мероприятий').isVisible()).toBe(true);

    // Count, in every animation frame while the list scrolls, the visible rows still without data.
    await page.evaluate(() => {
      const stats = { frames: 0, blankFrames: 0 };
      (window as unknown as { scrollStats: typeof stats }).scrollStats = stats;
      const scroller = document.querySelector('[data-testid="events-scroller"]') as HTMLElement;
      const sample = () => {
        const box = scroller.getBoundingClientRect();
        const visible = [...scroller.querySelectorAll('[role="row"]')].filter((row) => {
          const r = row.getBoundingClientRect();
          return r.bottom > box.top && r.top < box.bottom;
        });
        stats.frames++;
        if (visible.length === 0 || visible.some((row) => row.getAttribute('data-loaded') !== 'true')) stats.blankFrames++;
        requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    const box = await page.getByTestId('events-scroller').boundingBox();
    await page.mouse.move((box?.x ?? 0) + 200, (box?.y ?? 0) + 200);
    const scrollStarted = Date.now();
    for (let i = 0; i < 60; i++) {
      await page.mouse.wheel(0, 600);
      await page.waitForTimeout(16);
    }
    const scrollMs = Date.now() - scrollStarted;
    // Wherever the scroll stops, the rows on screen get their data.
    await expect.poll(() => page.locator('[role="row"][data-loaded="false"]').count(), { timeout: 30_000 }).toBe(0);
    const stats = await page.evaluate(() => (window as unknown as { scrollStats: { frames: number; blankFrames: number } }).scrollStats);
    await page.screenshot({ path: join(ARTIFACTS, 'events-100k.png') });
    writeFileSync(join(ARTIFACTS, 'scale.json'), JSON.stringify({ events: TOTAL, openMs, scrollMs, ...stats }, null, 2));
    console.log(`100,000 events: table open in ${openMs} ms; ${stats.frames} frames while scrolling 36,000 px, ${stats.blankFrames} with a row still loading`);
    expect(stats.frames).toBeGreaterThan(0);
  }, 120_000);
});

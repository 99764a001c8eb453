// The first start: an empty register offers the sample report's events, two clicks from opening the app.
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, openPage, problemsOf, startApp, type AppUnderTest } from './browser';

let app: AppUnderTest;

beforeAll(async () => {
  app = await startApp();
});

afterAll(async () => {
  await app?.close();
});

it('loads the sample events into an empty register with one click', async () => {
  const page = await openPage(app.browser, app.server.url);
  await expect.poll(() => page.getByText('В реестре пока нет мероприятий').isVisible()).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'first-start.png') });
  await page.getByRole('button', { name: 'Загрузить пример' }).click();
  await expect.poll(() => page.locator('[role="row"][data-loaded="true"]').count()).toBe(9);
  await expect.poll(() => page.getByText(/Загружено: 9 мероприятий и 1 соглашение/).isVisible()).toBe(true);
  expect(problemsOf(page)).toEqual([]);
});

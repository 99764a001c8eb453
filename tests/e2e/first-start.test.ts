// The first start: an empty register offers the sample report's events, two clicks from opening the app.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { closeCore, openCore, type Core } from '../../electron/core/core';
import type { RunningServer } from '../../electron/server/server';
import { ARTIFACTS, launch, openPage, problemsOf, serveApp } from './browser';

let browser: Browser;
let server: RunningServer;
let core: Core;

beforeAll(async () => {
  core = openCore(join(mkdtempSync(join(tmpdir(), 'reestr-e2e-')), 'reestr.sqlite'));
  server = await serveApp(core);
  browser = await launch();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  closeCore(core);
});

it('loads the sample events into an empty register with one click', async () => {
  const page = await openPage(browser, server.url);
  await expect.poll(() => page.getByText('В реестре пока нет мероприятий').isVisible()).toBe(true);
  await page.screenshot({ path: join(ARTIFACTS, 'first-start.png') });
  await page.getByRole('button', { name: 'Загрузить пример' }).click();
  await expect.poll(() => page.locator('[role="row"][data-loaded="true"]').count()).toBe(9);
  await expect.poll(() => page.getByText(/Загружено: 9 мероприятий и 1 соглашение/).isVisible()).toBe(true);
  expect(problemsOf(page)).toEqual([]);
});

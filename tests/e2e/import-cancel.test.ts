// The import wizard's commit as a job in Chromium: a real progress bar, and «Отменить» leaves the register as it was.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEvent } from '../../electron/core/services/events';
import { eventInput, tempDir } from '../helpers';
import { ARTIFACTS, appInBrowser, problemsOf } from './browser';
import type { LocalCore } from '../../electron/core/core';

const ROWS = 50_000;

/** A plan long enough that its commit is still writing when the clerk cancels it. */
function bigPlan(): string {
  const file = join(tempDir(), 'большой план.csv');
  const lines = ['Наименование мероприятия;Сроки проведения;Место проведения'];
  for (let i = 0; i < ROWS; i++) lines.push(`Семинар № ${i + 1};${String((i % 28) + 1).padStart(2, '0')}.${String((i % 12) + 1).padStart(2, '0')}.2025;г. Витебск`);
  writeFileSync(file, `${lines.join('\r\n')}\r\n`);
  return file;
}

const session = appInBrowser((core) => void createEvent(core, eventInput({ title: 'Форум регионов', startDate: '2024-06-27' })));

function register(core: LocalCore) {
  const count = (table: string) => (core.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { events: count('events'), refs: count('refs'), batches: count('import_batches'), log: count('change_log') };
}

describe('import wizard: a long analysis', () => {
  it('reads and checks the file in a job with its progress; cancelled, the wizard stays at the file and nothing is written', async () => {
    const { page, app } = session;
    const before = register(app.core);
    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.getByTestId('import-file').setInputFiles(bigPlan());
    const bar = page.getByRole('progressbar', { name: 'Разбор файла' });
    await bar.waitFor({ timeout: 60_000 });
    await page.getByText(/^(Чтение файла…|Прочитано строк: 50\s001\. Проверка строк и поиск дубликатов…)$/).waitFor({ timeout: 60_000 });
    await page.screenshot({ path: join(ARTIFACTS, 'import-analysis.png') });
    await page.getByRole('button', { name: 'Отменить' }).click();

    const notice = page.getByRole('alert').filter({ hasText: 'Разбор файла отменён' });
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.textContent()).toContain('Разбор файла остановлен: ничего не записано.');
    expect(await bar.count()).toBe(0);
    await expect.poll(() => page.getByRole('button', { name: 'Выбрать файл…' }).isEnabled()).toBe(true);
    expect(register(app.core)).toEqual(before);
  }, 300_000);
});

describe('import wizard: a long commit', () => {
  it('shows rows written of the total and, cancelled, writes nothing', async () => {
    const { page, app } = session;
    const before = register(app.core);
    await page.getByRole('link', { name: 'Импорт' }).click();
    await page.getByTestId('import-file').setInputFiles(bigPlan());
    await page.getByRole('button', { name: 'Далее: столбцы' }).click({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
    await page.getByRole('button', { name: /^Импортировать 50\s000 мероприятий$/ }).click({ timeout: 60_000 });

    // The bar follows the worker's rows: «Записано N из 50 000» with N above nought, then the clerk cancels.
    const written = page.getByText(/^Записано [1-9][\d\s]* из 50\s000$/);
    await written.waitFor({ timeout: 120_000 });
    const bar = page.getByRole('progressbar', { name: 'Запись в реестр' });
    expect(Number(await bar.getAttribute('aria-valuenow'))).toBeGreaterThan(0);
    await page.screenshot({ path: join(ARTIFACTS, 'import-progress.png') });
    await page.getByRole('button', { name: 'Отменить' }).click();

    const notice = page.getByRole('alert').filter({ hasText: 'Импорт отменён' });
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.textContent()).toContain('В реестр ничего не записано: он остался таким, каким был до импорта.');
    expect(register(app.core)).toEqual(before);
    expect(before.events).toBe(1);
    // Back at the rows, the file can be committed again.
    await expect.poll(() => page.getByRole('button', { name: /^Импортировать 50\s000 мероприятий$/ }).isEnabled()).toBe(true);
    await page.screenshot({ path: join(ARTIFACTS, 'import-cancelled.png') });
    expect(problemsOf(page)).toEqual([]);
  }, 300_000);
});

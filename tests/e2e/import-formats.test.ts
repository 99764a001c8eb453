// Plans as partner offices send them, through the wizard and the CLI: a table in a Word document,
// an old Excel 97–2003 workbook and an OpenDocument sheet, each event's title, dates and precision right.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../electron/cli/main';
import { listBatches, undoBatch } from '../../electron/core/services/imports';
import { listEvents } from '../../electron/core/services/events';
import { EventFilterSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';
import { tempDir } from '../helpers';

const fixture = (name: string) => join(import.meta.dirname, '../fixtures/import', name);

interface Expected {
  events: { title: string; startDate: string; endDate: string; datePrecision: string }[];
}
const expectedOf = (name: string) => JSON.parse(readFileSync(fixture(`${name}.expected.json`), 'utf8')) as Expected;
const dated = (e: Expected['events'][number]) => ({ title: e.title, startDate: e.startDate, endDate: e.endDate, datePrecision: e.datePrecision });

const FILES = ['plan-grodno-2024.docx', 'plan-minsk-2024-merged.xls', 'plan-minsk-2024-merged.ods'];

const session = appInBrowser();

describe('plans in Word, old Excel and OpenDocument', () => {
  for (const name of FILES) {
    it(`imports ${name} through the wizard with every event as the plan has it`, async () => {
      const { page, app } = session;
      const expected = expectedOf(name).events;
      await page.getByRole('link', { name: 'Импорт' }).click();
      const another = page.getByRole('button', { name: 'Импортировать другой файл' });
      if (await another.isVisible()) await another.click();
      await page.getByTestId('import-file').setInputFiles(fixture(name));
      await expect.poll(() => page.getByTestId('raw-sheet').isVisible()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `import-${name}-sheet.png`) });
      await page.getByRole('button', { name: 'Далее: столбцы' }).click();
      await page.getByRole('button', { name: 'Далее: проверка строк' }).click();
      const commit = page.getByRole('button', { name: `Импортировать ${expected.length} мероприятий` });
      await expect.poll(() => commit.isVisible()).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, `import-${name}-rows.png`) });
      await commit.click();
      await expect.poll(() => page.getByText('Импорт завершён').isVisible()).toBe(true);

      const batch = (await listBatches(app.core))[0];
      expect(batch?.fileName).toBe(name);
      const events = (await listEvents(app.core, EventFilterSchema.parse({ batchId: batch?.id, limit: 1000, sort: 'startDate', order: 'asc' }))).items;
      const byRow = (a: { startDate: string; title: string }, b: { startDate: string; title: string }) =>
        a.startDate.localeCompare(b.startDate) || a.title.localeCompare(b.title);
      expect(events.map(dated).sort(byRow)).toEqual(expected.map(dated).sort(byRow));
      // The same plan comes again in the next format: take this one back first.
      await undoBatch(app.core, batch!.id);
      expect(problemsOf(page)).toEqual([]);
    });
  }

  it('reads each of them with reestr import --dry-run --json the same way', { timeout: 120_000 }, async () => {
    const db = join(tempDir(), 'r.sqlite');
    for (const name of FILES) {
      let out = '';
      const code = await main(['import', fixture(name), '--dry-run', '--json', '--db', db], { out: (t) => (out += t), err: () => {} });
      expect(code).toBe(0);
      const rows = (JSON.parse(out) as { rows: { status: string; event: Expected['events'][number] | null }[] }).rows;
      const events = rows.filter((r) => r.status === 'new').map((r) => dated(r.event!));
      expect(events).toEqual(expectedOf(name).events.map(dated));
    }
  });
});

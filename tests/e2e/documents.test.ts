// The documents besides the report in Chromium: each kind drafted, a paragraph and a table edited,
// saved, found again after a reload, exported as .docx and opened by LibreOffice.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { loadDemo } from '../../electron/core/services/demo';
import { createEvents } from '../../electron/core/services/events';
import { EventInputSchema } from '../../shared/schema/event';
import { appInBrowser, ARTIFACTS, problemsOf } from './browser';

const run = promisify(execFile);

/** The demo's 2021 and a plan for 2022: three events planned in Smolensk, Vitebsk and Minsk. */
async function fill(core: LocalCore): Promise<void> {
  await loadDemo(core);
  const planned = [
    { title: 'Заседание рабочей группы по межрегиональному сотрудничеству', kind: 'заседание', startDate: '2022-03-15', city: 'Смоленск', organizer: 'Департамент внешних связей' },
    { title: 'Фестиваль «Славянское единство»', kind: 'фестиваль', startDate: '2022-06-24', endDate: '2022-06-26', city: 'Витебск', organizer: 'Департамент культуры' },
    { title: 'Бизнес-миссия предприятий Смоленской области', kind: 'бизнес-миссия', startDate: '2022-10-05', city: 'Минск', organizer: 'Департамент экономики' },
  ];
  await createEvents(core, planned.map((e) => EventInputSchema.parse({ ...e, status: 'planned', partners: ['Республика Беларусь'] })));
}

const session = appInBrowser(fill);
// The smallest screen the office has: the page must work there.
beforeAll(async () => session.page.setViewportSize({ width: 1280, height: 720 }));

function documentXml(file: string): string {
  const data = readFileSync(file);
  const entry = zipEntries(data).find((e) => e.name === 'word/document.xml');
  return entry ? (readEntry(data, entry, 10_000_000)?.toString('utf8') ?? '') : '';
}

/** LibreOffice opens the file and prints it; the PDF's text. */
async function pdfText(docx: string): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'reestr-doc-'));
  await run('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 180_000 });
  const pdf = join(dir, docx.replace(/^.*\//, '').replace(/\.docx$/, '.pdf'));
  expect(existsSync(pdf)).toBe(true);
  const { stdout } = await run('pdftotext', [pdf, '-']);
  return stdout.replace(/\s+/g, ' ');
}

async function openDocument(page: Page, label: string, period: string, title: RegExp): Promise<void> {
  await page.getByRole('link', { name: 'Отчёты' }).click();
  await page.getByText(label, { exact: true }).click();
  const field = page.getByRole('combobox', { name: 'Период' });
  await field.fill(period);
  await field.press('Enter');
  await expect.poll(() => page.getByRole('textbox', { name: 'Заголовок', exact: true }).inputValue(), { timeout: 15_000 }).toMatch(title);
}

/** Exports through the menu; asked about marks or blanks left, exports anyway. The file saved in the artifacts. */
async function exportAs(page: Page, item: string, fileName: string): Promise<string> {
  await page.getByRole('button', { name: 'Экспорт' }).click();
  const downloading = page.waitForEvent('download');
  await page.getByRole('menuitem', { name: item }).click();
  const anyway = page.getByRole('button', { name: 'Выгрузить всё равно' });
  const first = await Promise.race([downloading.then(() => 'download'), anyway.waitFor({ state: 'visible' }).then(() => 'asked', () => 'none')]);
  if (first === 'asked') await anyway.click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(fileName);
  const file = join(ARTIFACTS, download.suggestedFilename());
  await download.saveAs(file);
  return file;
}

interface Case {
  kind: string;
  label: string;
  period: string;
  title: RegExp;
  file: string;
  /** A table cell edited: table, row, column name. */
  cell?: { table: number; row: number; column: string };
}

const CASES: Case[] = [
  { kind: 'plan', label: 'План мероприятий', period: '2022', title: /^План мероприятий.* на 2022 год$/, file: 'План_мероприятий_на_2022_год.docx', cell: { table: 1, row: 2, column: 'Место проведения' } },
  { kind: 'spravka', label: 'Справка', period: 'III квартал 2021', title: /^Справка о мероприятиях.* за III квартал 2021 года$/, file: 'Справка_за_III_квартал_2021_года.docx', cell: { table: 1, row: 1, column: 'Сфера сотрудничества' } },
  { kind: 'agreements', label: 'Отчёт о соглашениях', period: 'II полугодие 2021', title: /^Отч[её]т о реализации соглашений.* за II полугодие 2021 года$/, file: 'Отчёт_о_реализации_соглашений_за_II_полугодие_2021_года.docx' },
  { kind: 'letter', label: 'Сопроводительное письмо', period: 'II полугодие 2021', title: /^О направлении отч[её]та.* за II полугодие 2021 года$/, file: 'Сопроводительное_письмо_к_отчёту_за_II_полугодие_2021_года.docx' },
];

describe('the documents in the browser', () => {
  for (const c of CASES) {
    it(`drafts, edits, saves, reloads and exports: ${c.label}`, async () => {
      const { page } = session;
      await openDocument(page, c.label, c.period, c.title);
      await page.screenshot({ path: join(ARTIFACTS, `document-${c.kind}.png`), fullPage: true });

      const mark = `Правка исполнителя: ${c.label}.`;
      const first = page.getByRole('textbox', { name: 'Абзац 1', exact: true });
      await first.fill(mark);
      let cellText = '';
      const at = c.cell;
      const cellBox = () => (at ? page.getByRole('textbox', { name: `Таблица ${at.table}, строка ${at.row}: ${at.column}`, exact: true }) : null);
      if (at) {
        const cell = cellBox()!;
        cellText = `${await cell.inputValue()} (уточнено)`;
        await cell.fill(cellText);
        // A row added and filled, another added and removed again.
        const rows = await page.locator(`[data-table="${at.table - 1}"] tbody tr`).count();
        await page.locator(`[data-table="${at.table - 1}"]`).getByRole('button', { name: 'Добавить строку' }).click();
        await page.getByRole('textbox', { name: `Таблица ${at.table}, строка ${rows + 1}: ${at.column}`, exact: true }).fill('Новая строка исполнителя');
        await page.locator(`[data-table="${at.table - 1}"]`).getByRole('button', { name: 'Добавить строку' }).click();
        await page.getByRole('button', { name: `Таблица ${at.table}: убрать строку ${rows + 2}` }).click();
        await expect.poll(() => page.locator(`[data-table="${at.table - 1}"] tbody tr`).count()).toBe(rows + 1);
      }
      await page.getByRole('button', { name: 'Сохранить черновик' }).click();
      await expect.poll(() => page.getByText(/^Черновик сохранён \d/).isVisible()).toBe(true);

      // After a reload the document chosen is still there, and the saved draft with it.
      await page.reload();
      await page.getByRole('link', { name: 'Отчёты' }).click();
      await expect.poll(() => page.getByRole('radio', { name: c.label }).isChecked()).toBe(true);
      await openDocument(page, c.label, c.period, c.title);
      await expect.poll(() => page.getByRole('textbox', { name: 'Абзац 1', exact: true }).inputValue()).toBe(mark);
      const box = cellBox();
      if (box) await expect.poll(() => box.inputValue()).toBe(cellText);
      await page.screenshot({ path: join(ARTIFACTS, `document-${c.kind}-saved.png`) });

      for (const [item, ext] of [['Текст (.txt)', 'txt'], ['Markdown (.md)', 'md']] as const) {
        const plain = readFileSync(await exportAs(page, item, c.file.replace(/docx$/, ext)), 'utf8');
        expect(plain).toContain(mark);
        if (c.cell) expect(plain).toContain('Новая строка исполнителя');
      }
      const file = await exportAs(page, 'Документ Word (.docx)', c.file);
      const xml = documentXml(file);
      expect(xml).toContain(mark);
      const text = await pdfText(file);
      expect(text).toContain(mark);
      if (c.cell) expect(text).toContain('Новая строка исполнителя');
      expect(problemsOf(page)).toEqual([]);
    }, 240_000);
  }
});

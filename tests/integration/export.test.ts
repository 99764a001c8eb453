// The period workbook as a reader upstairs gets it: three sheets in the official layout, real date
// cells, no formulas whatever the text, and LibreOffice printing it on A4 landscape with the header
// on every page.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '../../electron/core/excel';
import type { Worksheet } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { exportPeriodFile } from '../../electron/core/services/exports';
import { createEvents } from '../../electron/core/services/events';
import { loadDemo } from '../../electron/core/services/demo';
import { periodFileName } from '../../electron/core/export/period-workbook';
import { parsePeriod, type Period } from '../../shared/period';
import { EventInputSchema } from '../../shared/schema/event';
import { tempCore, tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const ARTIFACTS = join(import.meta.dirname, '../e2e/artifacts');
const H2 = parsePeriod('2021-H2') as Period;

function sheetXml(file: string): string {
  const data = readFileSync(file);
  return zipEntries(data).filter((e) => e.name.startsWith('xl/worksheets/')).map((e) => readEntry(data, e, 50_000_000)?.toString('utf8') ?? '').join('\n');
}

describe('the period workbook', () => {
  it('names the file and its sheets in Russian', () => {
    expect(periodFileName(parsePeriod('2021-Q3') as Period)).toBe('Мероприятия_2021_III_квартал.xlsx');
    expect(periodFileName(H2)).toBe('Мероприятия_2021_II_полугодие.xlsx');
    expect(periodFileName(parsePeriod('2021') as Period)).toBe('Мероприятия_2021_год.xlsx');
    expect(periodFileName(parsePeriod('2021-09') as Period)).toBe('Мероприятия_2021_сентябрь.xlsx');
  });

  it('holds the events, the agreements register and a summary, laid out as official sheets', async () => {
    const core = tempCore();
    loadDemo(core);
    createEvents(core, [EventInputSchema.parse({ title: '=СУММ(A1:A2) и +7 -3 @ссылка', startDate: '2021-12-01', city: 'Орша' })]);
    const file = join(tempDir(), 'out.xlsx');
    expect(await exportPeriodFile(core, { period: H2, groupBy: 'sphere' }, file)).toEqual({ events: 10 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Мероприятия', 'Соглашения', 'Сводка']);
    const events = workbook.getWorksheet('Мероприятия') as Worksheet;
    expect(events.getCell('A1').value).toBe('Информация о мероприятиях, проведенных в рамках сотрудничества с Республикой Беларусь за II полугодие 2021 года');
    expect(events.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(events.getCell('J1').isMerged).toBe(true);
    expect((events.getRow(3).values as unknown[]).slice(1)).toEqual(['№ п/п', 'Сроки проведения', 'Наименование мероприятия', 'Место проведения', 'Формат', 'Участники', 'Сфера', 'Итоги', 'Ответственный', 'Соглашение']);
    expect(events.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(events.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToWidth: 1, printTitlesRow: '3:3' });
    expect(events.autoFilter).toBeTruthy();
    const rows = events.getRows(4, events.rowCount - 3) ?? [];
    const numbered = rows.filter((r) => typeof r.getCell(1).value === 'number');
    expect(numbered.map((r) => r.getCell(1).value)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const groups = rows.filter((r) => typeof r.getCell(1).value === 'string').map((r) => r.getCell(1).value);
    expect(groups[0]).toBe('Промышленность и торговля');
    const meeting = numbered.find((r) => String(r.getCell(3).value).startsWith('Встреча депутатов'));
    expect(meeting?.getCell(2).value).toEqual(new Date(Date.UTC(2021, 8, 8)));
    expect(meeting?.getCell(2).numFmt).toBe('DD.MM.YYYY');
    expect(numbered.find((r) => String(r.getCell(3).value).startsWith('Российско-Белорусский'))?.getCell(2).value).toBe('27–28.08.2021');
    expect(numbered.find((r) => String(r.getCell(3).value).startsWith('=СУММ'))?.getCell(3).value).toBe('=СУММ(A1:A2) и +7 -3 @ссылка');
    expect(sheetXml(file)).not.toMatch(/<f[ >]/);

    const agreements = workbook.getWorksheet('Соглашения') as Worksheet;
    expect(agreements.getCell('C4').value).toMatch(/^Договор о сотрудничестве между Постоянным Комитетом/);
    expect(agreements.getCell('K4').value).toBe(1);
    expect(agreements.getCell('H4').value).toBe('срок истёк');
    const summary = workbook.getWorksheet('Сводка') as Worksheet;
    expect([summary.getCell('A4').value, summary.getCell('B4').value]).toEqual(['Всего мероприятий', 10]);
  });

  it('prints on A4 landscape through LibreOffice with the header on every page', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
    run('demo');
    for (let i = 0; i < 4; i++) expect(run('events', 'add', '--json', JSON.stringify({ title: `Совместный семинар специалистов № ${i + 1} по вопросам приграничного сотрудничества и развития туризма`, startDate: `2021-10-${10 + i}`, city: 'Витебск', participants: 'Специалисты департаментов, представители туроператоров и общественных объединений двух областей'.repeat(2) })).status).toBe(0);
    const out = run('export', '--period', '2021-H2', '--out', join(dir, 'Мероприятия.xlsx'));
    expect(out.stdout).toMatch(/Выгрузка записана в .*13 мероприятий/);
    expect(run('export', '--period', '2021-H2', '--out', join(dir, 'x.csv')).stderr).toMatch(/\.xlsx/);

    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'Мероприятия.xlsx')], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(dir, 'Мероприятия.pdf');
    const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    expect(pages).toBeGreaterThanOrEqual(4); // the events over two pages or more, then the register and the summary
    const second = spawnSync('pdftotext', ['-f', '2', '-l', '2', '-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
    expect(second).toContain('Наименование мероприятия');
    mkdirSync(ARTIFACTS, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(dir, 'sheet')]);
    const png = readdirSync(dir).find((f) => /^sheet-\d+\.png$/.test(f));
    expect(png).toBeDefined();
    copyFileSync(join(dir, png as string), join(ARTIFACTS, 'export-page-1.png'));
  }, 120_000);

  it('writes the events table as CSV for Russian Excel, which the import reads back', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
    run('demo');
    expect(run('events', 'add', '--json', JSON.stringify({ title: '=ГИПЕРССЫЛКА("x"); «форум»', startDate: '2021-12-01', city: 'Орша' })).status).toBe(0);
    expect(run('export', '--csv', '--period', '2021-H2', '--out', join(dir, 't.csv')).stdout).toMatch(/10 мероприятий/);
    const bytes = readFileSync(join(dir, 't.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toBe('Сроки;Название;Вид;Место;Формат;Статус');
    expect(text).toContain('27–28.08.2021;Российско-Белорусский молодежный патриотический форум;форум;Смоленск, Смоленская область, Российская Федерация;очно;проведено');
    expect(text).toContain(`"'=ГИПЕРССЫЛКА(""x""); «форум»"`);
    const back = JSON.parse(run('import', join(dir, 't.csv'), '--dry-run', '--json').stdout);
    expect(back.summary).toMatchObject({ error: 0, duplicate: 10 });
  });
});

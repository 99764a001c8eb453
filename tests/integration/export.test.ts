// The period workbook as a reader upstairs gets it: sheets in the official layout, real date cells, no
// formulas whatever the text, held events apart from the others and counted as the report counts them,
// and LibreOffice printing it on A4 at 100% (no text under 10 pt, no line cut) with the header on every page.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from '../../electron/core/excel';
import type { Worksheet } from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readEntry, zipEntries } from '../../electron/core/import/zip';
import { exportPeriodFile } from '../../electron/core/services/exports';
import { createEvents } from '../../electron/core/services/events';
import { loadDemo } from '../../electron/core/services/demo';
import { periodFileName, place, registerDate, sheetDates } from '../../electron/core/export/period-workbook';
import { linesOf, PRINTABLE_WIDTH } from '../../electron/core/export/official';
import { buildReport } from '../../electron/core/services/reports';
import { ReportInputSchema } from '../../shared/schema/report';
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
    await loadDemo(core);
    await createEvents(core, [EventInputSchema.parse({ title: '=СУММ(A1:A2) и +7 -3 @ссылка', startDate: '2021-12-01', city: 'Орша' })]);
    const file = join(tempDir(), 'out.xlsx');
    expect(await exportPeriodFile(core, { period: H2, groupBy: 'sphere' }, file)).toEqual({ events: 10, held: 10, notHeld: 0 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Мероприятия', 'Соглашения', 'Сводка']);
    const events = workbook.getWorksheet('Мероприятия') as Worksheet;
    expect(events.getCell('A1').value).toBe('Информация о мероприятиях, проведенных в рамках сотрудничества с Республикой Беларусь за II\u00a0полугодие\u00a02021\u00a0года');
    expect(events.getCell('A1').font).toMatchObject({ name: 'Times New Roman', size: 14, bold: true });
    expect(events.getCell('K1').isMerged).toBe(true);
    expect((events.getRow(3).values as unknown[]).slice(1)).toEqual(['№ п/п', 'Сроки проведения', 'Наименование мероприятия', 'Вид', 'Место проведения', 'Участники', 'Сфера', 'Итоги', 'Ответственный', 'Соглашение', 'Статус']);
    expect(events.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(events.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, scale: 100, printTitlesRow: '3:3' });
    expect(events.pageSetup.fitToPage).toBeFalsy();
    expect(events.getCell('A4').font).toMatchObject({ name: 'Times New Roman' });
    expect(Number(events.getCell('C5').font?.size)).toBeGreaterThanOrEqual(10);
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
    // As of the period's end, not of today: the term ending on 31.12.2021 was still running then.
    expect(agreements.getCell('A1').value).toBe('Реестр соглашений о сотрудничестве по состоянию на 31.12.2021');
    expect(agreements.getCell('H4').value).toBe('истекает 31.12.2021');
    const summary = workbook.getWorksheet('Сводка') as Worksheet;
    expect([summary.getCell('A4').value, summary.getCell('B4').value]).toEqual(['Всего проведено мероприятий', 10]);
    expect(summary.pageSetup).toMatchObject({ orientation: 'portrait', scale: 100 });
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
    expect(second).toMatch(/Наименование[^]*Ответственный/);
    mkdirSync(ARTIFACTS, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf, join(dir, 'sheet')]);
    const png = readdirSync(dir).find((f) => /^sheet-\d+\.png$/.test(f));
    expect(png).toBeDefined();
    copyFileSync(join(dir, png as string), join(ARTIFACTS, 'export-page-1.png'));
  }, 120_000);

  it('lists only held events as held, the others on their own sheet, and counts in «Сводка» what the report counts', async () => {
    const core = tempCore();
    await loadDemo(core);
    const q3 = parsePeriod('2021-Q3') as Period;
    await createEvents(core, [
      EventInputSchema.parse({ title: 'Отмененный семинар по туризму', startDate: '2021-08-10', city: 'Витебск', kind: 'семинар', status: 'cancelled' }),
      EventInputSchema.parse({ title: 'Запланированное совещание по образованию', startDate: '2021-09-20', format: 'videoconference', kind: 'совещание', status: 'planned' }),
      EventInputSchema.parse({ title: 'Перенесенная выставка', startDate: '2021-09-25', city: 'Гомель', status: 'postponed' }),
      EventInputSchema.parse({ title: 'Онлайн-семинар по экспорту', startDate: '2021-09-15', format: 'remote', kind: 'семинар' }),
    ]);
    const file = join(tempDir(), 'q3.xlsx');
    const result = await exportPeriodFile(core, { period: q3 }, file);
    const reported = (await buildReport(core, ReportInputSchema.parse({ period: '2021-Q3' }))).paragraphs.filter((p) => p.eventId !== null).length;
    expect(result).toEqual({ events: reported + 3, held: reported, notHeld: 3 });

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Мероприятия', 'Не проведенные', 'Соглашения', 'Сводка']);
    const rowsOf = (name: string) => ((workbook.getWorksheet(name) as Worksheet).getRows(4, 200) ?? []).filter((r) => typeof r.getCell(1).value === 'number');
    const held = rowsOf('Мероприятия');
    expect(held).toHaveLength(reported);
    expect(new Set(held.map((r) => r.getCell(11).value))).toEqual(new Set(['проведено']));
    expect(held.map((r) => r.getCell(3).value)).not.toContain('Отмененный семинар по туризму');
    const online = held.find((r) => r.getCell(3).value === 'Онлайн-семинар по экспорту');
    expect([online?.getCell(4).value, online?.getCell(5).value]).toEqual(['семинар', 'дистанционно']);
    const other = rowsOf('Не проведенные');
    expect(other.map((r) => [r.getCell(3).value, r.getCell(5).value, r.getCell(11).value])).toEqual([
      ['Отмененный семинар по туризму', 'г. Витебск, Витебская область, Республика Беларусь', 'отменено'],
      ['Запланированное совещание по образованию', 'в формате ВКС', 'запланировано'],
      ['Перенесенная выставка', 'г. Гомель, Гомельская область, Республика Беларусь', 'перенесено'],
    ]);
    expect((workbook.getWorksheet('Не проведенные') as Worksheet).getCell('A1').value).toMatch(/^Информация о мероприятиях, запланированных в рамках сотрудничества .* за III\u00a0квартал\u00a02021\u00a0года и не проведенных$/);
    const summary = workbook.getWorksheet('Сводка') as Worksheet;
    expect(summary.getCell('B4').value).toBe(reported);
    expect(summary.getCell('A1').value).toBe('Сводные данные о мероприятиях, проведенных за III\u00a0квартал\u00a02021\u00a0года');
    expect((workbook.getWorksheet('Соглашения') as Worksheet).getCell('A1').value).toBe('Реестр соглашений о сотрудничестве по состоянию на 30.09.2021');

    // A choice of statuses keeps only those: the planned ones alone, titled so.
    const planned = join(tempDir(), 'planned.xlsx');
    expect(await exportPeriodFile(core, { period: q3, statuses: ['planned'] }, planned)).toEqual({ events: 1, held: 0, notHeld: 1 });
    const only = new ExcelJS.Workbook();
    await only.xlsx.readFile(planned);
    expect(only.worksheets.map((s) => s.name)).toEqual(['Мероприятия', 'Соглашения', 'Сводка']);
    const sheet = only.getWorksheet('Мероприятия') as Worksheet;
    expect(sheet.getCell('A1').value).toMatch(/^Информация о мероприятиях, запланированных/);
    expect(sheet.getCell('C4').value).toBe('Запланированное совещание по образованию');
    expect(sheet.getCell('C5').value).toBeNull();
    // Chosen statuses with no event still say what the sheet would list.
    const none = join(tempDir(), 'none.xlsx');
    await exportPeriodFile(core, { period: parsePeriod('2021-Q1') as Period, statuses: ['cancelled'] }, none);
    const empty = new ExcelJS.Workbook();
    await empty.xlsx.readFile(none);
    expect((empty.getWorksheet('Мероприятия') as Worksheet).getCell('A1').value).toMatch(/^Информация о мероприятиях, запланированных .* и не проведенных$/);
  });

  it('says the format where the place is, and dates the register at the period end or today', () => {
    expect(place({ venue: null, city: null, region: null, country: null, format: 'remote' })).toBe('дистанционно');
    expect(place({ venue: null, city: 'Минск', region: null, country: 'Республика Беларусь', format: 'videoconference' })).toBe('г. Минск, Республика Беларусь (в формате ВКС)');
    expect(place({ venue: null, city: 'Минск', region: null, country: null, format: 'in_person' })).toBe('г. Минск');
    expect(registerDate(parsePeriod('2021-Q3') as Period, '2026-12-05')).toBe('2021-09-30');
    expect(registerDate(parsePeriod('2026-Q4') as Period, '2026-12-05')).toBe('2026-12-05');
    expect(registerDate(undefined, '2026-12-05')).toBe('2026-12-05');
  });

  it('writes dates known to the month or quarter with «г.», a range broken after its dash', () => {
    expect(sheetDates('III квартал 2021', 'quarter')).toBe('III\u00a0квартал 2021\u00a0г.');
    expect(sheetDates('IV квартал 2021 – I квартал 2022', 'quarter')).toBe('IV\u00a0квартал 2021\u00a0г.\u00a0– I\u00a0квартал 2022\u00a0г.');
    expect(sheetDates('I–II кварталы 2021', 'quarter')).toBe('I–II\u00a0кварталы 2021\u00a0г.');
    expect(sheetDates('сентябрь–октябрь 2021', 'month')).toBe('сентябрь–октябрь 2021\u00a0г.');
    expect(sheetDates('2021 год', 'year')).toBe('2021 год');
    expect(sheetDates('27–28.08.2021', 'day')).toBe('27–28.08.2021');
  });

  it('estimates wrapped lines from the text and the width, never fewer than a word-by-word wrap needs', () => {
    expect(linesOf('короткий', 20, 10)).toBe(1);
    expect(linesOf('а б', 3, 10)).toBe(2);
    expect(linesOf('первая строка\nвторая', 40, 10)).toBe(2);
    expect(linesOf('сверхдлинноеслово', 6, 10)).toBeGreaterThanOrEqual(4);
    fc.assert(fc.property(fc.array(fc.stringMatching(/^[а-я]{1,14}$/), { minLength: 1, maxLength: 40 }), fc.integer({ min: 16, max: 40 }), (words, width) => {
      // LibreOffice puts at most one character of 10 pt text per width unit (measured: ~0.95): a greedy wrap at that.
      const perLine = width;
      let lines = 1;
      let used = 0;
      for (const w of words) {
        if (used && used + 1 + w.length > perLine) { lines++; used = w.length; } else used = used ? used + 1 + w.length : w.length;
      }
      expect(linesOf(words.join(' '), width, 10)).toBeGreaterThanOrEqual(lines);
    }), { numRuns: 200 });
  });

  it('prints a quarter in LibreOffice at 100%: body text of 10 pt or more, no cut line, the held sheet first', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
    run('demo');
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Отмененный семинар по туризму', startDate: '2021-08-10', city: 'Витебск', status: 'cancelled' })).status).toBe(0);
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Запланированное совещание', startDate: '2021-09-20', format: 'videoconference', status: 'planned' })).status).toBe(0);
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Семинар по экспорту', startDate: '2021-09-15', format: 'remote', outcomes: 'Достигнуты договоренности о проведении совместной выставки-ярмарки, обмене делегациями и подготовке проекта дорожной карты сотрудничества на 2022–2023 годы'.repeat(2) })).status).toBe(0);
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Программа обменов', startDate: '2021-07-01', endDate: '2022-03-31', datePrecision: 'quarter' })).status).toBe(0);
    const xlsx = join(dir, 'Квартал.xlsx');
    expect(run('export', '--period', '2021-Q3', '--out', xlsx).stdout).toMatch(/11 мероприятий \(проведено — 9, не проведено — 2\)/);
    expect(run('export', '--period', '2021-Q3', '--statuses', 'запланировано', '--out', join(dir, 'planned.xlsx')).stdout).toMatch(/1 мероприятие \(не проведено — 1\)/);
    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, xlsx], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(dir, 'Квартал.pdf');

    // Word boxes: Liberation Serif (Times New Roman) at s pt is 1.3·s high; a sheet fitted to the page width came out at 6–7 pt.
    const bbox = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
    const heights = [...bbox.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => Number(m[2]) - Number(m[1]));
    expect(heights.length).toBeGreaterThan(200);
    expect(Math.min(...heights) / 1.3).toBeGreaterThanOrEqual(9.9);

    // Every cell's text is printed whole: LibreOffice leaves out the lines a row is too low for.
    const printed = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout;
    const squeezed = printed.replace(/\s+/g, '');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsx);
    const texts: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => {
      if (typeof cell.value === 'string') texts.push(cell.value);
    })));
    expect(texts.length).toBeGreaterThan(100);
    expect(texts.filter((t) => !squeezed.includes(t.replace(/\s+/g, '')))).toEqual([]);
    // No word of a header or a status broken across lines.
    const words = new Set(printed.split(/\s+/));
    for (const word of ['Наименование', 'мероприятия', 'Ответственный', 'Соглашение', 'Статус', 'проведено', 'запланировано', 'отменено', 'Мероприятий', 'подразделение', 'патриотическое']) expect(words, word).toContain(word);
    expect(printed).toMatch(/III[ \u00a0]квартал[ \u00a0]2021[ \u00a0]года/); // kept on one line

    for (const sheet of workbook.worksheets) {
      const width = (sheet.columns ?? []).reduce((sum, c) => sum + (c.width ?? 0), 0);
      expect(width, sheet.name).toBeLessThanOrEqual(PRINTABLE_WIDTH[sheet.pageSetup.orientation === 'portrait' ? 'portrait' : 'landscape']);
    }
    mkdirSync(ARTIFACTS, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '80', pdf, join(dir, 'quarter')]);
    for (const png of readdirSync(dir).filter((f) => /^quarter-\d+\.png$/.test(f))) copyFileSync(join(dir, png), join(ARTIFACTS, `export-${png}`));
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

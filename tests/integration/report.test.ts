// The half-year report drafted from the demo register: the sample report's paragraphs, its counts,
// and the .docx opened by LibreOffice Writer.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport } from '../../electron/core/services/reports';
import { loadDemo } from '../../electron/core/services/demo';
import { ReportInputSchema } from '../../shared/schema/report';
import { tempCore, tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const ARTIFACTS = join(import.meta.dirname, '../e2e/artifacts');
/** The report the department wrote by hand for 2021-H2 (../shared/samples). */
const SAMPLE = readFileSync(join(import.meta.dirname, '../fixtures/report/half-year-report-2021-h2.txt'), 'utf8')
  .split('\n').map((line) => line.replace(/\s+/g, ' ').trim()).filter(Boolean);
const plain = (text: string) => text.replace(/\s+/g, ' ');

describe('the half-year report', () => {
  it('gives the opening and the nine paragraphs of the sample report for the demo data', async () => {
    const core = tempCore();
    await loadDemo(core);
    const report = await buildReport(core, ReportInputSchema.parse({ period: '2021-H2' }));
    const texts = report.paragraphs.map((p) => plain(p.text));
    expect(report.title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области за II полугодие 2021 года');
    expect(texts.slice(0, 10)).toEqual(SAMPLE.slice(0, 10));
    expect(report.paragraphs.slice(1, 10).every((p) => p.eventId !== null)).toBe(true);
    expect(texts[10]).toBe('На протяжении II полугодия 2021 года органами исполнительной власти Смоленской области осуществлялось сотрудничество, в том числе межпарламентское и приграничное, с организациями Республики Беларусь в сферах промышленности и торговли, культуры, молодежной политики и гражданско-патриотического воспитания, а также социальной сфере.');
    // The programme of sanatorium treatment is not a kind of event: six kinds, no «и т. д.».
    expect(texts[11]).toBe('Всего за отчетный период состоялось девять мероприятий (форумы, заседания, встречи, автопробеги, акции, служебные командировки), проведенных на территории Смоленской области, а также на территории Республики Беларусь.');
    expect(report.paragraphs.some((p) => p.generated)).toBe(false); // every demo event has the clerk's own text
    expect(texts).toHaveLength(12); // two of nine held remotely: no closing about it
  });

  it('narrows to one partner and says so in its genitive; an empty period says there was nothing', async () => {
    const core = tempCore();
    await loadDemo(core);
    const vitebsk = await buildReport(core, ReportInputSchema.parse({ period: '2021-H2', partner: 'Витебская область' }));
    expect(vitebsk.paragraphs[0]?.text).toBe('Во II полугодии 2021 года состоялись следующие мероприятия с участием представителей Витебской области.');
    expect(vitebsk.paragraphs.filter((p) => p.eventId).length).toBe(3);
    expect(vitebsk.title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области с Витебской областью за II полугодие 2021 года');
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2021-H2', partner: 'Республика Беларусь' }))).title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области с Республикой Беларусь за II полугодие 2021 года');
    expect((await buildReport(core, ReportInputSchema.parse({ period: '2021-H2' }))).title).toBe('Информация о международном и межрегиональном сотрудничестве Смоленской области за II полугодие 2021 года');
    const empty = await buildReport(core, ReportInputSchema.parse({ period: '2019-Q1' }));
    expect(empty.paragraphs.map((p) => p.text)).toEqual(['В I квартале 2019 года мероприятий с участием представителей регионов-партнеров не проводилось.']);
  });

  it('builds a paragraph from the record when the clerk wrote no report text', () => {
    const core = tempCore();
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', core.file, ...args], { encoding: 'utf8' });
    core.db.close();
    expect(run('events', 'add', '--json', JSON.stringify({
      title: 'Дни культуры Витебской области в Смоленской области', kind: 'Дни культуры', startDate: '2022-04-01', datePrecision: 'quarter',
      city: 'Вязьма', participants: 'Творческие коллективы Витебской области', outcomes: 'Достигнуты договоренности о гастролях в 2023 году',
      partners: ['Витебская область'],
    })).status).toBe(0);
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Круглый стол «Туризм без границ»', kind: 'круглый стол', startDate: '2022-05-12', city: 'Лепель', region: 'Витебская область', format: 'videoconference' })).status).toBe(0);
    expect(run('agreements', 'add', '--json', JSON.stringify({ kind: 'agreement', title: 'Соглашение о сотрудничестве между Администрацией Смоленской области и Витебским облисполкомом', signedOn: '2020-03-12' })).status).toBe(0);
    expect(run('events', 'add', '--json', JSON.stringify({ title: 'Встреча глав администраций', kind: 'встреча', startDate: '2022-06-02', city: 'Смоленск', agreementId: 1 })).status).toBe(0);
    const text = run('report', '--period', '2022-H1').stdout;
    expect(text).toContain('2 июня 2022 года в г.\u00a0Смоленске состоялась встреча глав администраций в рамках соглашения о сотрудничестве между Администрацией Смоленской области и Витебским облисполкомом от 12 марта 2020 года.');
    expect(text).toContain('Во II квартале 2022 года в г.\u00a0Вязьме прошли Дни культуры Витебской области в Смоленской области. В мероприятии приняли участие творческие коллективы Витебской области. В рамках мероприятия достигнуты договоренности о гастролях в 2023 году.');
    expect(text).toContain('12 мая 2022 года в г.\u00a0Лепеле (Витебская область, Республика Беларусь) состоялся круглый стол «Туризм без границ» (в формате видео-конференц-связи).');
    expect(text).toContain('Всего за отчетный период состоялись три мероприятия (встречи, круглые столы, Дни культуры), проведенных на территории Смоленской области, а также на территории Республики Беларусь.');
    expect(text).toMatch(/^Информация о международном и межрегиональном сотрудничестве Смоленской области за I полугодие 2022 года\n/);
  });

  it('is written as .txt and .docx by the CLI, and LibreOffice reads the .docx as an A4 document', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
    run('demo');
    expect(run('report', '--period', '2021-H2', '--out', join(dir, 'r.txt')).stdout).toMatch(/Отчёт записан в .*r\.txt.*12 абзацев/);
    const lines = readFileSync(join(dir, 'r.txt'), 'utf8').split('\n').filter(Boolean);
    expect(lines.map(plain).slice(1, 11)).toEqual(SAMPLE.slice(0, 10));
    expect(run('report', '--period', '2021-H2', '--out', join(dir, 'r.docx')).status).toBe(0);
    expect(run('report', '--period', '2021-H2', '--out', join(dir, 'r.pdf')).stderr).toMatch(/\.docx, \.txt или \.md/);

    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const info = spawnSync('pdfinfo', [join(dir, 'r.pdf')], { encoding: 'utf8' }).stdout;
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(Number(/Pages:\s+(\d+)/.exec(info)?.[1])).toBeGreaterThanOrEqual(2);
    mkdirSync(ARTIFACTS, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '2', join(dir, 'r.pdf'), join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f)).sort();
    expect(pages).toHaveLength(2);
    pages.forEach((page, i) => copyFileSync(join(dir, page), join(ARTIFACTS, `report-page-${i + 1}.png`)));
  }, 120_000);
});

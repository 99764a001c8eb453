// The report's .docx as other office suites read it: LibreOffice's PDF of it has a line pitch of at least
// 1.15 × 14 pt and is Russian; the file carries ru-RU, automatic hyphenation and the executor's «Исп.» mark.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../electron/core/services/demo';
import { setDepartmentSettings } from '../../electron/core/services/department';
import { exportReport, reportDraft } from '../../electron/core/services/reports';
import { executorMark, renderReport } from '../../electron/core/report/render';
import { ReportDraftInputSchema } from '../../shared/schema/report';
import { tempCore, tempDir } from '../helpers';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const ARTIFACTS = join(import.meta.dirname, '../e2e/artifacts');
const BODY_PT = 14;
const NAME = 'М.П. Иванова';
const PHONE = '+7 (4812) 29-10-45';
/** The mark as written: «тел.» and the phone's own spaces do not break. */
const MARK = `Исп. ${NAME}, тел.\u00a0${PHONE.replace(/ /g, '\u00a0')}`;

/** The parts of a .docx a test reads. */
function docxParts(file: Buffer): { document: string; styles: string; settings: string } {
  const zip = unzipSync(new Uint8Array(file));
  const part = (name: string) => {
    const data = zip[`word/${name}.xml`];
    if (!data) throw new Error(`no word/${name}.xml in the .docx`);
    return strFromU8(data);
  };
  return { document: part('document'), styles: part('styles'), settings: part('settings') };
}

interface Word { page: number; yMin: number; yMax: number; text: string }

/** Every word of the PDF with its box, as `pdftotext -bbox` gives them (points, from the page's top). */
function pdfWords(pdf: string): Word[] {
  const html = spawnSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' }).stdout;
  const words: Word[] = [];
  let page = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) page += 1;
    const m = /<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) words.push({ page, yMin: Number(m[1]), yMax: Number(m[2]), text: m[3] ?? '' });
  }
  return words;
}

/**
 * The distances between consecutive lines of body text (the words of the body's box height), page by page,
 * measured between the bottoms of their boxes: the same font's baselines are the same offset above.
 */
function bodyPitches(words: Word[]): number[] {
  const height = (w: Word) => Math.round((w.yMax - w.yMin) * 10) / 10;
  const counts = new Map<number, number>();
  for (const w of words) counts.set(height(w), (counts.get(height(w)) ?? 0) + 1);
  const bodyHeight = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  const pitches: number[] = [];
  for (const page of new Set(words.map((w) => w.page))) {
    const bottoms = words.filter((w) => w.page === page && height(w) === bodyHeight).map((w) => w.yMax).sort((a, b) => a - b);
    // Words of one line share their bottom (within half a point).
    const lines = bottoms.filter((y, i) => i === 0 || y - (bottoms[i - 1] ?? 0) > 0.5);
    lines.slice(1).forEach((y, i) => pitches.push(y - (lines[i] ?? 0)));
  }
  return pitches;
}

describe('the report .docx in other office suites', () => {
  it('writes «Исп.» with the name and the phone that are set, and nothing when neither is', () => {
    expect(executorMark({ responsibleName: NAME, responsiblePhone: PHONE })).toBe(MARK);
    expect(executorMark({ responsibleName: NAME, responsiblePhone: null })).toBe(`Исп. ${NAME}`);
    expect(executorMark({ responsibleName: null, responsiblePhone: '29-10-45' })).toBe('Исп. тел.\u00a029-10-45');
    expect(executorMark({ responsibleName: '  ', responsiblePhone: null })).toBeNull();
    expect(executorMark(undefined)).toBeNull();
  });

  it('carries the department\'s responsible person into the exported .docx only, left out once cleared', async () => {
    const core = tempCore();
    await loadDemo(core);
    const input = ReportDraftInputSchema.parse({ period: '2021-H2' });
    const { report } = await reportDraft(core, input);
    const docx = async () => docxParts(Buffer.from((await exportReport(core, report, input.period, 'docx')).data, 'base64')).document;

    expect(await docx()).not.toContain('Исп.');
    await setDepartmentSettings(core, { homeRegion: 'Смоленская область', departmentName: null, responsibleName: NAME, responsiblePhone: PHONE });
    const document = await docx();
    expect(document).toContain(`<w:t xml:space="preserve">${MARK}</w:t>`);
    // After the report's last paragraph: the mark ends the document.
    expect(document.indexOf(MARK)).toBeGreaterThan(document.indexOf('Всего за отчетный период'));
    const settings = { responsibleName: NAME, responsiblePhone: PHONE };
    expect((await renderReport(report, 'txt', settings)).toString('utf8')).not.toContain('Исп.');
    expect((await renderReport(report, 'md', settings)).toString('utf8')).not.toContain('Исп.');
    await setDepartmentSettings(core, { homeRegion: 'Смоленская область', departmentName: null, responsibleName: null, responsiblePhone: null });
    expect(await docx()).not.toContain('Исп.');
  });

  it('is read by LibreOffice as Russian with lines 1.15 × 14 pt apart or more, and ends with «Исп.»', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });
    expect(run('demo').status).toBe(0);
    expect(run('settings', 'set', '--responsible', NAME, '--phone', PHONE).status).toBe(0);
    const out = run('report', '--period', '2021-H2', '--out', join(dir, 'r.docx'));
    expect(out.status, out.stderr).toBe(0);

    const { document, styles, settings } = docxParts(readFileSync(join(dir, 'r.docx')));
    expect(styles).toMatch(/<w:rPrDefault><w:rPr>.*<w:lang w:val="ru-RU"\/>.*<\/w:rPr><\/w:rPrDefault>/);
    expect(settings).toMatch(/<w:autoHyphenation(\/>| w:val="(true|1|on)"\/>)/);
    // Every line spacing is a multiple of the font's line, never LibreOffice's default of an exact pitch.
    const spacings = [...`${styles}${document}`.matchAll(/<w:spacing [^>]*w:line="\d+"[^>]*\/>/g)].map((m) => m[0]);
    expect(spacings.length).toBeGreaterThan(10);
    for (const spacing of spacings) expect(spacing).toContain('w:lineRule="auto"');
    expect(document).toContain(MARK);

    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, join(dir, 'r.docx')], { encoding: 'utf8', timeout: 120_000 });
    expect(convert.status, convert.stderr).toBe(0);
    const pdf = join(dir, 'r.pdf');
    // LibreOffice writes the document's language into the PDF's catalogue: it read ru-RU.
    expect(readFileSync(pdf).toString('latin1')).toContain('/Lang(ru-RU)');

    const words = pdfWords(pdf);
    const pitches = bodyPitches(words);
    expect(pitches.length).toBeGreaterThan(40);
    expect(Math.min(...pitches)).toBeGreaterThanOrEqual(1.15 * BODY_PT);

    // The mark: the last line of the last page, in a smaller type than the body's.
    const last = Math.max(...words.map((w) => w.page));
    const lastLine = words.filter((w) => w.page === last).sort((a, b) => a.yMax - b.yMax).at(-1);
    const markWords = words.filter((w) => w.page === last && lastLine && Math.abs(w.yMax - lastLine.yMax) < 0.5);
    expect(markWords.map((w) => w.text).join(' ')).toBe(`Исп. ${NAME}, тел. ${PHONE}`);
    const bodyWord = words.find((w) => w.text === 'Всего');
    expect(bodyWord).toBeDefined();
    expect((markWords[0]?.yMax ?? 0) - (markWords[0]?.yMin ?? 0)).toBeLessThan((bodyWord?.yMax ?? 0) - (bodyWord?.yMin ?? 0));

    mkdirSync(ARTIFACTS, { recursive: true });
    spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, 'first')]);
    copyFileSync(join(dir, 'first.png'), join(ARTIFACTS, 'report-docx-page-1.png'));
  }, 120_000);
});

// The plan, the справка, the agreements report and the letter as `reestr report --kind … --out F.docx` writes
// them from a real register, opened by LibreOffice: A4 pages (landscape for the wide tables), the text and every
// table cell in the PDF, the letter's sheets count the report's own; and the command's Russian refusals.
import { inOrder } from '../../electron/core/in-order';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { closeCore, openCore } from '../../electron/core/core';
import { setDepartmentSettings } from '../../electron/core/services/department';
import { buildDocument } from '../../electron/core/services/reports';
import { ReportInputSchema, type DocumentKind } from '../../shared/schema/report';
import { tempDir } from '../helpers';
import { documentsRegister } from './documents-register';

const BIN = join(import.meta.dirname, '../../bin/reestr.js');
const ARTIFACTS = join(import.meta.dirname, '../e2e/artifacts');
const A4 = { short: 595.3, long: 841.9 };

/** The text with no spaces, line ends or hyphens: LibreOffice breaks lines and words in cells as it likes. */
const squeezed = (text: string) => text.replace(/[\s\u00a0\u00ad\-‐]+/g, '');

function pdfPages(pdf: string): { width: number; height: number }[] {
  const info = spawnSync('pdfinfo', ['-f', '1', '-l', '100', pdf], { encoding: 'utf8' }).stdout;
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({ width: Number(m[1]), height: Number(m[2]) }));
}

const DOCUMENTS: { kind: DocumentKind; period: string; landscape: boolean; says: RegExp }[] = [
  { kind: 'plan', period: '2022', landscape: true, says: /^План мероприятий записан в «.*plan\.docx»: 1 абзац, 7 строк в таблицах\.$/ },
  { kind: 'spravka', period: '2022-Q2', landscape: false, says: /^Справка записана в «.*spravka\.docx»: 8 абзацев, 6 строк в таблицах\.$/ },
  { kind: 'agreements', period: '2022-H1', landscape: true, says: /^Отчёт о соглашениях записан в «.*agreements\.docx»: 3 абзаца, 3 строки в таблицах\.$/ },
  { kind: 'letter', period: '2021-H2', landscape: false, says: /^Сопроводительное письмо записано в «.*letter\.docx»: 7 абзацев\.$/ },
  { kind: 'report', period: '2021-H2', landscape: false, says: /^Отчёт записан в «.*report\.docx»: 12 абзацев\.$/ },
];

describe('documents as .docx from the command line, read by LibreOffice', () => {
  it('writes each kind as A4 pages with its text and every table cell, and a letter counting the report\'s sheets', async () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const core = openCore(db);
    await documentsRegister(core);
    await setDepartmentSettings(core, { homeRegion: 'Смоленская область', departmentName: 'Департамент Смоленской области по внешнеэкономическим связям', responsibleName: 'М.П. Иванова', responsiblePhone: '+7 (4812) 29-10-45' });
    const expected = new Map(await inOrder(DOCUMENTS, async (d) => [d.kind, await buildDocument(core, ReportInputSchema.parse({ kind: d.kind, period: d.period }))] as const));
    closeCore(core);

    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 120_000 });
    for (const d of DOCUMENTS) {
      const out = run('report', ...(d.kind === 'report' ? [] : ['--kind', d.kind]), '--period', d.period, '--out', join(dir, `${d.kind}.docx`));
      expect(out.status, out.stderr).toBe(0);
      expect(out.stdout.trim()).toMatch(d.says);
    }
    const convert = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, ...DOCUMENTS.map((d) => join(dir, `${d.kind}.docx`))], { encoding: 'utf8', timeout: 240_000 });
    expect(convert.status, convert.stderr).toBe(0);

    mkdirSync(ARTIFACTS, { recursive: true });
    for (const d of DOCUMENTS) {
      const pdf = join(dir, `${d.kind}.pdf`);
      expect(existsSync(pdf), d.kind).toBe(true);
      const pages = pdfPages(pdf);
      expect(pages.length, d.kind).toBeGreaterThan(0);
      for (const page of pages) {
        const [w, h] = d.landscape ? [A4.long, A4.short] : [A4.short, A4.long];
        expect(Math.abs(page.width - w), d.kind).toBeLessThan(1);
        expect(Math.abs(page.height - h), d.kind).toBeLessThan(1);
      }
      // Without the page numbers of the header, which fall between a paragraph's lines.
      const lines = spawnSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).stdout.split('\n');
      const text = squeezed(lines.filter((l) => !/^\s*\d+\s*$/.test(l)).join('\n'));
      const report = expected.get(d.kind);
      if (!report) throw new Error(`no ${d.kind}`);
      expect(text, d.kind).toContain(squeezed(report.title));
      for (const p of report.paragraphs) for (const line of p.text.split(/[\n\t]/)) expect(text, d.kind).toContain(squeezed(line));
      for (const table of report.tables) {
        for (const cell of [...table.columns, ...table.rows.flat()]) for (const line of cell.split('\n')) expect(text, `${d.kind}: ${line}`).toContain(squeezed(line));
      }
      expect(text, d.kind).toContain(squeezed('Исп. М.П. Иванова, тел. +7 (4812) 29-10-45'));
      spawnSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdf, join(dir, `${d.kind}-1`)]);
      copyFileSync(join(dir, `${d.kind}-1.png`), join(ARTIFACTS, `document-${d.kind}-page-1.png`));
    }

    // The letter's executor mark stands at the foot of its page, as ГОСТ Р 7.0.97-2016 places it.
    const bbox = spawnSync('pdftotext', ['-bbox', join(dir, 'letter.pdf'), '-'], { encoding: 'utf8' }).stdout;
    const markTop = Number(/<word xMin="[\d.]+" yMin="([\d.]+)"[^>]*>Исп\.<\/word>/.exec(bbox)?.[1]);
    expect(markTop).toBeGreaterThan(A4.long * 0.85);
    // The letter's «Приложение» counts the sheets LibreOffice sets the report on.
    const reportPages = pdfPages(join(dir, 'report.pdf')).length;
    expect(expected.get('letter')?.paragraphs[5]?.text).toBe(`Приложение: отчет за II полугодие 2021 года на ${reportPages} л. в 1 экз.`);
  }, 300_000);

  it('refuses an unknown kind in Russian and writes nothing; prints a kind\'s text without --out', () => {
    const dir = tempDir();
    const db = join(dir, 'r.sqlite');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 120_000 });
    expect(run('demo').status).toBe(0);
    const bad = run('report', '--kind', 'memo', '--period', '2021', '--out', join(dir, 'memo.docx'));
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toBe('');
    expect(bad.stderr.split('\n')[0]).toBe('Ошибка: Неизвестный вид документа «memo» в параметре «--kind». Укажите один из видов: report (отчёт), plan (план мероприятий), spravka (справка), agreements (отчёт о соглашениях), letter (сопроводительное письмо).');
    expect(existsSync(join(dir, 'memo.docx'))).toBe(false);
    const noPeriod = run('report', '--kind', 'plan');
    expect(noPeriod.status).not.toBe(0);
    expect(noPeriod.stderr).toMatch(/^Ошибка: Укажите период: --period 2022\./);

    const screen = run('report', '--kind', 'spravka', '--period', '2021-H2');
    expect(screen.status, screen.stderr).toBe(0);
    expect(screen.stdout.split('\n')[0]).toBe('Справка о мероприятиях международного сотрудничества Смоленской области за II полугодие 2021 года');
    expect(screen.stdout).toContain('Во II полугодии 2021 года состоялось девять мероприятий');
    expect(screen.stdout).toMatch(/^1\.\tМолодежная политика\t4$/m);
    const help = run('--help');
    expect(help.stdout).toMatch(/report \[--kind ВИД\] --period P/);
    expect(help.stdout).toMatch(/--kind plan\s+план мероприятий ровно на указанный период/);
    // The report stays the default kind.
    expect(run('report', '--period', '2021-H2').stdout.split('\n')[0]).toBe(run('report', '--kind', 'report', '--period', '2021-H2').stdout.split('\n')[0]);
  }, 120_000);
});

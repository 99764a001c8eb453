// Importing as a whole: broken files refused, duplicates found, corrections and decisions honoured,
// one undoable batch, the mapping remembered, the CLI's JSON; the register left as it was where it must be.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import type { Core } from '../../electron/core/core';
import { inOrder } from '../../electron/core/in-order';
import { describeBackends } from '../support/backends';
import { analyze } from '../../electron/core/import/analyze';
import { commitPreview, readImportSource, undoBatch } from '../../electron/core/services/imports';
import { listEvents, getEvent } from '../../electron/core/services/events';
import { listRefs } from '../../electron/core/services/references';
import { listAgreements } from '../../electron/core/services/agreements';
import { loadDemo } from '../../electron/core/services/demo';
import { AppError } from '../../shared/errors';
import { EventFilterSchema } from '../../shared/schema/event';
import { AgreementFilterSchema } from '../../shared/schema/agreement';
import type { ImportOptions } from '../../shared/schema/import';
import { tempDir } from '../helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const BIN = join(import.meta.dirname, '../../bin/reestr.js');

async function preview(core: Core, name: string, data: Buffer, options: ImportOptions = {}) {
  return analyze(core, await readImportSource(name, data), options);
}

async function refusal(name: string, data: Buffer): Promise<string> {
  try {
    await readImportSource(name, data);
  } catch (e) {
    expect(e).toBeInstanceOf(AppError);
    return (e as AppError).message;
  }
  throw new Error(`${name} was read`);
}

/** Everything an undo must give back: events, agreements, reference lists. */
async function snapshot(core: Core) {
  const kinds = ['kind', 'sphere', 'department', 'city', 'country', 'region', 'organisation'] as const;
  return {
    events: (await listEvents(core, EventFilterSchema.parse({ limit: 100_000 }))).items.map(({ updatedAt: _u, ...e }) => e),
    trash: (await listEvents(core, EventFilterSchema.parse({ limit: 100_000, deleted: true }))).total,
    agreements: (await listAgreements(core, AgreementFilterSchema.parse({ limit: 1000 }))).items,
    refs: await inOrder(kinds, (kind) => listRefs(core, kind, true)),
  };
}

const CSV = [
  'Наименование мероприятия;Сроки;Место проведения;Формат;Сфера сотрудничества',
  'Фестиваль «Лепельские зори»;12.06.2023;г. Лепель;очно;Краеведение',
  'Встреча молодёжи Смоленщины и Витебщины;II квартал 2023;Витебск;ВКС;Молодёжная политика',
  'Семинар библиотекарей;32.13.2023;Орша;очно;Культура',
].join('\r\n');

describe('hostile and broken files', () => {
  it.each([
    ['not-a-spreadsheet.xlsx', /не является книгой Excel/],
    ['truncated.xlsx', /повреждён или обрезан/],
    ['zip-bomb.xlsx', /распаковывается в 1\s431 МБ/],
    ['password.xlsx', /защищена паролем/],
    ['old-word.doc', /Word 97–2003 \(\.doc\).*«Сохранить как» → «Документ Word \(\.docx\)»/],
  ])('%s is refused in Russian', async (file, message) => {
    const started = performance.now();
    expect(await refusal(file, readFileSync(join(FIXTURES, file)))).toMatch(message);
    expect(performance.now() - started).toBeLessThan(10_000);
  });

  it('refuses a sheet of 1,000,000 rows without reading it all', async () => {
    const file = join(tempDir(), 'million.xlsx');
    const made = spawnSync('python3', [join(FIXTURES, 'make_million_rows.py'), file], { encoding: 'utf8' });
    expect(made.status, made.stderr).toBe(0);
    expect(await refusal('million.xlsx', readFileSync(file))).toMatch(/больше 200\s000 строк/);
  }, 120_000);

  it('reads a workbook without writing any of it to disk', async () => {
    // LibreOffice puts the sheet before the shared strings in the zip, as Excel does: a reader that
    // parks it in the temporary folder fails when that is not a folder.
    const notAFolder = join(tempDir(), 'файл');
    writeFileSync(notAFolder, '');
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = notAFolder;
    try {
      const source = await readImportSource('gomel-libreoffice.xlsx', readFileSync(join(FIXTURES, 'gomel-libreoffice.xlsx')));
      expect(source.workbook.sheets[0]?.rows.length).toBeGreaterThan(5);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
  });

  it('refuses empty, binary and unknown files', async () => {
    expect(await refusal('пусто.csv', Buffer.alloc(0))).toMatch(/пуст/);
    expect(await refusal('данные.csv', Buffer.from([0, 1, 2, 3, 0, 0, 7]))).toMatch(/двоичные данные/);
    expect(await refusal('отчёт.docx', Buffer.from('просто текст'))).toMatch(/не является документом Word или OpenDocument/);
    expect(await refusal('отчёт.pdf', Buffer.from('просто текст'))).toMatch(/\.xlsx, \.xls, \.ods и \.csv и таблицы документов \.docx и \.odt/);
  });

  it('leaves the register untouched: the CLI exits with the message and writes nothing', () => {
    const db = join(tempDir(), 'r.sqlite');
    const run = spawnSync(process.execPath, [BIN, '--db', db, 'import', join(FIXTURES, 'truncated.xlsx')], { encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^Ошибка: Файл «truncated.xlsx» повреждён или обрезан/);
    const list = spawnSync(process.execPath, [BIN, '--db', db, 'events', 'list', '--json'], { encoding: 'utf8' });
    expect(JSON.parse(list.stdout).total).toBe(0);
  });
});

describeBackends('an import', (backend) => {
  it('reads a Windows-1251 CSV, names the broken cell, and is undone as a whole', async () => {
    const core = await backend.core();
    await loadDemo(core);
    const before = await snapshot(core);
    const data = iconv.encode(CSV, 'win1251');
    const p = await preview(core, 'лепель.csv', data);
    expect(p.summary).toEqual({ new: 2, duplicate: 0, error: 1, skipped: 0 });
    expect(p.rows[2]?.errors).toEqual(['Строка 4, столбец B: нет такой даты: «32.13.2023»']);
    expect(p.rows[1]?.event).toMatchObject({ title: 'Встреча молодёжи Смоленщины и Витебщины', startDate: '2023-04-01', endDate: '2023-06-30', datePrecision: 'quarter', format: 'videoconference', spheres: ['молодежная политика'] });

    const result = await commitPreview(core, p, {});
    expect(result).toMatchObject({ created: 2, updated: 0, errors: 1 });
    const batchId = result.batchId as number;
    const imported = (await listEvents(core, EventFilterSchema.parse({ batchId }))).items;
    expect(imported.map((e) => [e.title, e.city, e.region, e.spheres])).toEqual([
      ['Фестиваль «Лепельские зори»', 'Лепель', null, ['краеведение']],
      ['Встреча молодёжи Смоленщины и Витебщины', 'Витебск', 'Витебская область', ['молодежная политика']],
    ].reverse()); // latest first
    expect((await listRefs(core, 'city')).map((r) => r.name)).toContain('Лепель');

    await undoBatch(core, batchId);
    expect(await snapshot(core)).toEqual(before);
    const log = await backend.pluck(core, 'SELECT action FROM change_log WHERE batch_id = ? ORDER BY id', [batchId]);
    expect(log).toEqual(['import', 'undo']);
    await expect(undoBatch(core, batchId)).rejects.toThrow(/уже отменён/);
  });

  it('applies corrected cells before anything is written', async () => {
    const core = await backend.core();
    const p = await preview(core, 'лепель.csv', iconv.encode(CSV, 'win1251'), { edits: { '4': { '1': '15.05.2023' } } });
    expect(p.summary.error).toBe(0);
    expect(p.rows[2]?.event).toMatchObject({ startDate: '2023-05-15', endDate: '2023-05-15' });
    expect(p.rows[2]?.cells['1']).toBe('15.05.2023');
    expect((await listEvents(core, EventFilterSchema.parse({}))).total).toBe(0);
  });

  it('finds the demo events again as duplicates, warns of a file imported before, and updates on request', async () => {
    const core = await backend.core();
    await loadDemo(core);
    const file = [
      'Мероприятие;Даты;Город',
      'Российско-белорусский молодёжный патриотический форум;27-28.08.2021;Смоленск',
      '"Патриотический форум, молодежный (российско-белорусский)";28.08.2021;Смоленск',
      'Совсем новое мероприятие;01.02.2021;Смоленск',
    ].join('\n');
    const data = Buffer.from(file, 'utf8');
    const first = await preview(core, 'повтор.csv', data);
    expect(first.rows.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'new']);
    const existing = first.rows[0]?.duplicateOf;
    expect(existing?.title).toBe('Российско-Белорусский молодежный патриотический форум');
    expect(first.rows[1]?.duplicateOf?.id).toBe(existing?.id);

    const options: ImportOptions = { decisions: { '2': 'update' } };
    const result = await commitPreview(core, await preview(core, 'повтор.csv', data, options), options);
    expect(result).toMatchObject({ created: 1, updated: 1, skipped: 1 });
    const updated = await getEvent(core, existing?.id as number);
    expect(updated.title).toBe('Российско-белорусский молодёжный патриотический форум');
    expect(updated.spheres.length).toBeGreaterThan(0); // kept: the row had none

    const again = await preview(core, 'повтор.csv', data);
    expect(again.warnings[0]).toMatch(/^Этот файл уже импортирован .* \(пакет № \d+, «повтор.csv»\)/);
    expect(again.summary).toEqual({ new: 0, duplicate: 3, error: 0, skipped: 0 });
    expect(await commitPreview(core, again, {})).toEqual({ batchId: null, created: 0, updated: 0, skipped: 3, errors: 0, agreements: 0 });

    await undoBatch(core, result.batchId as number);
    expect((await getEvent(core, existing?.id as number)).title).toBe(existing?.title);
  });

  it('remembers a corrected mapping for the next file with the same header', async () => {
    const core = await backend.core();
    const data = Buffer.from('Название;Когда;Примечание\nФорум;12.06.2023;Орша\n', 'utf8');
    const detected = await preview(core, 'a.csv', data);
    expect(detected.columns.map((c) => c.field)).toEqual(['title', 'startDate', 'description']);
    const options: ImportOptions = { mapping: { title: 0, startDate: 1, city: 2 } };
    const corrected = await preview(core, 'a.csv', data, options);
    expect(corrected.rows[0]?.event).toMatchObject({ city: 'Орша', description: null });
    await commitPreview(core, corrected, options);

    const next = await preview(core, 'b.csv', Buffer.from('Название;Когда;Примечание\nВыставка;13.06.2023;Витебск\n', 'utf8'));
    expect(next.mappingSource).toBe('profile');
    expect(next.profileName).toBe('a.csv');
    expect(next.rows[0]?.event).toMatchObject({ title: 'Выставка', city: 'Витебск' });
  });
});

describe('reestr import', () => {
  it('prints the preview as the JSON the issue describes, commits new rows, lists and undoes batches', () => {
    const db = join(tempDir(), 'r.sqlite');
    const file = join(FIXTURES, 'plan-vitebsk-2022.xlsx');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8' });

    const dry = run('import', file, '--dry-run', '--json');
    expect(dry.status, dry.stderr).toBe(0);
    const json = JSON.parse(dry.stdout);
    expect(json).toMatchObject({ file: 'plan-vitebsk-2022.xlsx', sheet: 'План', headerRow: 4, summary: { new: 11, duplicate: 0, error: 0, skipped: 4 } });
    expect(json.columns).toMatchObject({ title: 'Наименование мероприятия', startDate: 'Срок проведения', city: 'Место проведения', format: 'Формат' });
    expect(json.rows[1]).toMatchObject({ row: 7, status: 'new', errors: [], event: { title: 'Дни культуры Смоленской области в Витебской области', datePrecision: 'month' } });
    expect(json.batchId).toBeUndefined();

    const commit = run('import', file);
    expect(commit.stdout).toMatch(/Импортировано 11 мероприятий \(пакет № 1\)/);
    expect(run('import', file, '--json').stdout).toMatch(/"status": "duplicate"/);
    expect(run('imports', 'list').stdout).toMatch(/plan-vitebsk-2022\.xlsx \(План\)\s+11/);
    expect(run('imports', 'undo', '1').stdout).toMatch(/Импорт № 1 .* отменён/);
    expect(JSON.parse(run('events', 'list', '--json').stdout).total).toBe(0);
  });

  it('takes the year of dates without one from --year', () => {
    const dir = tempDir();
    const file = join(dir, 'без года.csv');
    writeFileSync(file, 'Мероприятие;Сроки\nФорум;сентябрь\n');
    const run = (...args: string[]) => spawnSync(process.execPath, [BIN, '--db', join(dir, 'r.sqlite'), ...args], { encoding: 'utf8' });
    expect(JSON.parse(run('import', file, '--dry-run', '--json').stdout).rows[0].errors).toEqual(['Строка 2, столбец B: не указан год: «сентябрь»']);
    expect(JSON.parse(run('import', file, '--dry-run', '--json', '--year', '2024').stdout).rows[0].event).toMatchObject({ startDate: '2024-09-01', endDate: '2024-09-30' });
    // The encoding it chose is said, as the wizard says it.
    expect(JSON.parse(run('import', file, '--dry-run', '--json', '--year', '2024').stdout).encoding).toBe('utf-8');
    expect(run('import', file, '--dry-run', '--year', '2024').stdout).toMatch(/^Кодировка файла: UTF-8\.$/m);
  });
});

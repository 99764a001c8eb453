// Workbooks of several sheets, noise under the table and hidden rows (fixtures written by openpyxl):
// sheets of one table read together with sections per sheet, other tables named and readable on request,
// signatures and notes skipped with reasons, hidden rows and columns left out unless asked; the CLI's --map.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { LocalCore } from '../../electron/core/core';
import { analyze } from '../../electron/core/import/analyze';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import type { ImportOptions, ImportPreview } from '../../shared/schema/import';
import { tempCore, tempDir } from '../helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');
const BIN = join(import.meta.dirname, '../../bin/reestr.js');

async function preview(core: LocalCore, file: string, options: ImportOptions = {}): Promise<ImportPreview> {
  return analyze(core, await readImportSource(file, readFileSync(join(FIXTURES, file))), options);
}

async function commit(core: LocalCore, file: string, options: ImportOptions = {}) {
  const source = await readImportSource(file, readFileSync(join(FIXTURES, file)));
  return commitPreview(core, await analyze(core, source, options), options, source);
}

/** `sheet!row` of each row with an event: where each came from, in the preview's order. */
const eventPlaces = (p: ImportPreview) => p.rows.filter((r) => r.event).map((r) => `${r.sheet}!${r.row}`);

describe('a workbook with one sheet per quarter', () => {
  const QUARTERS = 'quarters-grodno-2024.xlsx';

  it('reads every sheet with the same header, rows grouped by sheet, sections per sheet', async () => {
    const p = await preview(tempCore(), QUARTERS);
    expect(p.readSheets).toEqual(['I квартал', 'II квартал', 'III квартал']);
    // The empty fourth sheet is neither read nor named.
    expect(p.otherSheets).toEqual([]);
    expect(p.rows.map((r) => r.sheet)).toEqual([...Array(5).fill('I квартал'), ...Array(3).fill('II квартал'), ...Array(3).fill('III квартал')]);
    expect(eventPlaces(p)).toEqual(['I квартал!5', 'I квартал!6', 'I квартал!8', 'II квартал!2', 'II квартал!4', 'III квартал!3', 'III квартал!5']);
    const spheres = Object.fromEntries(p.rows.filter((r) => r.event).map((r) => [`${r.sheet}!${r.row}`, r.event?.spheres]));
    // «Спорт» closing sheet 1 does not reach sheet 2's first row, nor «Образование и наука» sheet 3's.
    expect(spheres).toEqual({
      'I квартал!5': ['культура'], 'I квартал!6': ['культура'], 'I квартал!8': ['спорт'],
      'II квартал!2': [], 'II квартал!4': ['образование и наука'],
      'III квартал!3': [], 'III квартал!5': ['туризм'],
    });
    // Sheet 2 has no title: the year of the first sheet's title stands for its dates too.
    expect(p.rows.find((r) => r.key === '2:2')?.event).toMatchObject({ startDate: '2024-04-01', endDate: '2024-04-30' });
    expect(p.rows.filter((r) => r.event).map((r) => r.key)).toEqual(['5', '6', '8', '2:2', '2:4', '3:3', '3:5']);
    expect(p.summary).toEqual({ new: 7, duplicate: 0, error: 0, skipped: 4 });
  });

  it('names rows by sheet in edits and decisions, and commits every sheet as one batch', async () => {
    const core = tempCore();
    // Row 2 of sheet 2 corrected: row 2 of no other sheet changes.
    const edited = await preview(core, QUARTERS, { edits: { '2:2': { '1': 'Семинар по сельскому туризму' } } });
    expect(edited.rows.filter((r) => r.event?.title === 'Семинар по сельскому туризму').map((r) => r.key)).toEqual(['2:2']);

    const result = await commit(core, QUARTERS);
    expect(result).toMatchObject({ created: 7, errors: 0 });
    expect((await core.batches.get(result.batchId as number))?.sheet).toBe('I квартал, II квартал, III квартал');

    // Read again: duplicates on every sheet; the decision for row 4 of sheet 2 touches that row alone.
    const again = await preview(core, QUARTERS, { decisions: { '2:4': 'new' } });
    expect(again.summary).toEqual({ new: 0, duplicate: 7, error: 0, skipped: 4 });
    expect(again.rows.filter((r) => r.decision === 'new').map((r) => r.key)).toEqual(['2:4']);
    expect(again.rows.find((r) => r.key === '4')).toMatchObject({ status: 'skipped', decision: null });
  });

  it('reads exactly one sheet when one is chosen', async () => {
    const p = await preview(tempCore(), QUARTERS, { sheet: 'II квартал', year: 2024 });
    expect(p.readSheets).toEqual(['II квартал']);
    expect(eventPlaces(p)).toEqual(['II квартал!2', 'II квартал!4']);
    expect(p.rows.map((r) => r.key)).toEqual(['2', '3', '4']);
    expect(p.otherSheets.map((s) => s.name)).toEqual(['I квартал', 'III квартал']);
    expect(p.otherSheets[0]?.reason).toBe('выбран один лист «II квартал»');
  });
});

describe('a workbook with a sheet of another table', () => {
  const FILE = 'plan-and-visits-2024.xlsx';

  it('names the sheets it did not read and why', async () => {
    const p = await preview(tempCore(), FILE);
    expect(p.readSheets).toEqual(['План']);
    expect(p.otherSheets).toEqual([
      { name: 'Визиты', reason: 'другая таблица («Наименование визита», «Дата», «Город», «Ответственный»)' },
      { name: 'Справка', reason: 'не найдена строка заголовков таблицы мероприятий' },
    ]);
    expect(eventPlaces(p)).toEqual(['План!3', 'План!4']);
  });

  it('reads a sheet of another table with its own header when asked to', async () => {
    const p = await preview(tempCore(), FILE, { sheets: ['Визиты'] });
    expect(p.readSheets).toEqual(['План', 'Визиты']);
    expect(p.otherSheets.map((s) => s.name)).toEqual(['Справка']);
    expect(eventPlaces(p)).toEqual(['План!3', 'План!4', 'Визиты!2', 'Визиты!3']);
    expect(p.rows.find((r) => r.key === '2:3')?.event).toMatchObject({
      title: 'Визит делегации Смоленской области в Гродно', startDate: '2024-06-05', city: 'Гродно',
    });
  });

  it('says so when a sheet asked for has no table or is not there', async () => {
    const p = await preview(tempCore(), FILE, { sheets: ['Справка', 'Отчёт'] });
    expect(p.warnings).toContain('На листе «Справка» не найдена строка заголовков таблицы: строки листа не прочитаны.');
    expect(p.warnings).toContain('Листа «Отчёт» в файле нет.');
    expect(eventPlaces(p)).toEqual(['План!3', 'План!4']);
  });
});

describe('rows under the table', () => {
  it('skips totals, notes, signatures, the stamp and who prepared it, each with its reason', async () => {
    const p = await preview(tempCore(), 'plan-signatures-2024.xlsx');
    expect(p.summary).toEqual({ new: 3, duplicate: 0, error: 0, skipped: 8 });
    expect(Object.fromEntries(p.rows.filter((r) => r.status === 'skipped').map((r) => [r.row, r.note]))).toEqual({
      6: 'строка итогов',
      8: 'примечание к таблице',
      10: 'подпись под таблицей',
      11: 'подпись под таблицей',
      12: 'место печати (М.П.)',
      13: 'сведения об исполнителе',
      14: 'сведения об исполнителе',
      15: 'строка под подписью таблицы',
    });
  });
});

describe('hidden rows and columns', () => {
  const FILE = 'plan-hidden-rows-2024.xlsx';

  it('are marked, skipped and counted by default', async () => {
    const p = await preview(tempCore(), FILE);
    expect(p.rows.filter((r) => r.hidden).map((r) => [r.row, r.status, r.note])).toEqual([
      [5, 'skipped', 'скрытая строка'], [7, 'skipped', 'скрытая строка'], [8, 'skipped', 'скрытая строка'],
    ]);
    expect(eventPlaces(p)).toEqual(['План!3', 'План!4', 'План!6']);
    expect(p.warnings.some((w) => w.startsWith('Скрытых строк пропущено: 3.'))).toBe(true);
    // The hidden column of formats is left unmapped, and said.
    expect(p.columns.find((c) => c.letter === 'E')).toMatchObject({ header: 'Формат проведения', field: null });
    expect(p.warnings.some((w) => w.startsWith('Скрытые столбцы не сопоставлены: E.'))).toBe(true);
    expect(p.rows.find((r) => r.row === 3)?.event?.format).toBeNull();
  });

  it('are read when asked for, still marked', async () => {
    const p = await preview(tempCore(), FILE, { includeHidden: true });
    expect(eventPlaces(p)).toEqual(['План!3', 'План!4', 'План!5', 'План!6', 'План!7', 'План!8']);
    expect(p.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual([5, 7, 8]);
    expect(p.columns.find((c) => c.letter === 'E')?.field).toBe('format');
    expect(p.rows.map((r) => r.event?.format)).toEqual(['in_person', 'videoconference', 'in_person', 'in_person', 'in_person', 'videoconference']);
    expect(p.warnings.filter((w) => w.includes('Скрыт'))).toEqual([]);
  });
});

describe('reestr import over sheets and with --map', () => {
  const run = (db: string, ...args: string[]) =>
    spawnSync(process.execPath, [BIN, '--db', db, ...args], { encoding: 'utf8', timeout: 120_000 });

  it('reads every sheet of the table, names the sheet of every row, warns of the others; --sheet picks one', () => {
    const db = join(tempDir(), 'r.sqlite');
    const quarters = run(db, 'import', join(FIXTURES, 'quarters-grodno-2024.xlsx'), '--dry-run', '--json');
    expect(quarters.status, quarters.stderr).toBe(0);
    const json = JSON.parse(quarters.stdout);
    expect(json.sheets).toEqual(['I квартал', 'II квартал', 'III квартал']);
    expect(json.rows.filter((r: { event: unknown }) => r.event).map((r: { sheet: string; row: number }) => `${r.sheet}!${r.row}`))
      .toEqual(['I квартал!5', 'I квартал!6', 'I квартал!8', 'II квартал!2', 'II квартал!4', 'III квартал!3', 'III квартал!5']);

    const visits = run(db, 'import', join(FIXTURES, 'plan-and-visits-2024.xlsx'), '--dry-run');
    expect(visits.status, visits.stderr).toBe(0);
    expect(visits.stdout).toContain('Внимание: Лист «Визиты» не прочитан: другая таблица («Наименование визита», «Дата», «Город», «Ответственный»). Укажите --sheet «Визиты», чтобы прочитать его.');
    const one = JSON.parse(run(db, 'import', join(FIXTURES, 'plan-and-visits-2024.xlsx'), '--dry-run', '--json', '--sheet', 'Визиты').stdout);
    expect(one.sheets).toEqual(['Визиты']);
    expect(one.rows.map((r: { sheet: string; event: { startDate: string } }) => [r.sheet, r.event.startDate])).toEqual([['Визиты', '2024-04-22'], ['Визиты', '2024-06-05']]);
    expect(one.warnings.join(' ')).not.toContain('не прочитан');
  });

  it('maps columns by letter or by header text, and names a wrong field or column', () => {
    const db = join(tempDir(), 'r.sqlite');
    const file = join(FIXTURES, 'plan-unknown-header.xlsx');
    const unmapped = JSON.parse(run(db, 'import', file, '--dry-run', '--json').stdout);
    expect(unmapped.summary.new).toBe(0);
    expect(unmapped.warnings).toContain('Строка заголовков таблицы не распознана: укажите её номер и сопоставьте столбцы вручную.');

    const expected = [
      { sheet: 'Лист1', row: 2, event: { title: 'Встреча с делегацией Гродненской области', startDate: '2024-05-17', datePrecision: 'day', city: 'Смоленск' } },
      { sheet: 'Лист1', row: 3, event: { title: 'Выставка «Мастера Поозерья»', startDate: '2024-06-01', datePrecision: 'month', city: 'Гродно' } },
    ];
    for (const map of ['title=B,startDate=C,city=D', 'title=Графа 2 (что), startDate=графа 3, city=Графа 4 (где)']) {
      const result = run(db, 'import', file, '--dry-run', '--json', '--map', map);
      expect(result.status, result.stderr).toBe(0);
      const json = JSON.parse(result.stdout);
      expect(json.columns).toEqual({ title: 'Графа 2 (что)', startDate: 'Графа 3 (когда)', city: 'Графа 4 (где)' });
      expect(json.rows).toMatchObject(expected);
      expect(json.warnings).toEqual([]);
    }

    const field = run(db, 'import', file, '--dry-run', '--map', 'name=B');
    expect(field.status).not.toBe(0);
    expect(field.stderr).toContain('--map: неизвестное поле «name». Поля: title, kind, startDate');
    const column = run(db, 'import', file, '--dry-run', '--map', 'title=Наименование');
    expect(column.status).not.toBe(0);
    expect(column.stderr).toContain('--map: столбца «Наименование» (поле title) нет: это не буква столбца и не текст заголовка в строке 1 листа «Лист1». Заголовки: A «Графа 1», B «Графа 2 (что)»');
    const ambiguous = run(db, 'import', file, '--dry-run', '--map', 'title=Графа');
    expect(ambiguous.stderr).toContain('«Графа» (поле title) подходит к нескольким столбцам: A «Графа 1», B «Графа 2 (что)»');
  });
});

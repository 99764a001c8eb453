// Partner files of every kind, written by LibreOffice, openpyxl and by hand (tests/fixtures/import):
// each event's fields as the expected file says, sections and totals skipped, broken rows named.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze } from '../../electron/core/import/analyze';
import { commitPreview, readImportSource } from '../../electron/core/services/imports';
import { nameKey } from '../../shared/ru/normalize';
import { tempCore } from '../helpers';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');

interface Expected {
  sheet: string | null;
  headerRow: number;
  /** Every sheet read, when a workbook's table spans several. */
  sheets?: string[];
  /** The sheets named as not read. */
  otherSheets?: string[];
  /** An event's `sheet`, when given, is the sheet its row is on. */
  events: ({ row: number; sheet?: string } & Record<string, unknown>)[];
  errors: { row: number; contains: string }[];
  skipped?: number[];
  /** Why skipped rows are skipped, by row. */
  notes?: Record<string, string>;
  /** The rows marked hidden. */
  hidden?: number[];
  /** The year taken for dates without one. */
  year?: number;
  /** The preview's warnings, exactly. */
  warnings?: string[];
  /** Fields whose Latin look-alikes were folded, by row. */
  folded?: Record<string, string[]>;
}

const files = readdirSync(FIXTURES).filter((f) => f.endsWith('.expected.json')).map((f) => f.replace(/\.expected\.json$/, ''));

describe('partner files', () => {
  it('are all here', () => {
    expect(files.sort()).toEqual(['brest-1251.csv', 'errors-and-formulas.xlsx', 'gomel-libreoffice.xlsx', 'plan-vitebsk-2022.xlsx', 'report-mogilev-2021.xlsx', 'utf8-bom.csv', 'utf8.csv',
      'quarters-grodno-2024.xlsx', 'plan-and-visits-2024.xlsx', 'plan-signatures-2024.xlsx', 'plan-hidden-rows-2024.xlsx',
      'old-format.xls', 'plan-minsk-2024-merged.xlsx', 'plan-minsk-2024-merged.xls', 'plan-minsk-2024-merged.ods', 'plan-grodno-2024.docx', 'plan-grodno-2024.odt',
      'plan-protocol-year-2024.xlsx', 'plan-year-mismatch.xlsx', 'dates-as-written-2024.xlsx', 'plan-belarusian-2024.xlsx', 'plan-lookalikes-2024.xlsx'].sort());
  });

  it.each(files)('%s imports as expected', async (file) => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, `${file}.expected.json`), 'utf8')) as Expected;
    const core = tempCore();
    const preview = await analyze(core, await readImportSource(file, readFileSync(join(FIXTURES, file))), {});
    expect(preview.sheet).toBe(expected.sheet);
    expect(preview.headerRow).toBe(expected.headerRow);

    if (expected.sheets) expect(preview.readSheets).toEqual(expected.sheets);
    if (expected.otherSheets) expect(preview.otherSheets.map((s) => s.name)).toEqual(expected.otherSheets);
    const events = preview.rows.filter((r) => r.event);
    expect(events.map((r) => r.row)).toEqual(expected.events.map((e) => e.row));
    for (const [i, { row, sheet, ...fields }] of expected.events.entries()) {
      const found = events[i];
      if (sheet !== undefined) expect(found?.sheet, `row ${row}`).toBe(sheet);
      expect(found?.event, `row ${row}`).toMatchObject(fields);
    }
    const errors = preview.rows.filter((r) => r.status === 'error');
    expect(errors.map((r) => r.row)).toEqual(expected.errors.map((e) => e.row));
    for (const { row, contains } of expected.errors) {
      const messages = errors.find((r) => r.row === row)?.errors.join(' ') ?? '';
      expect(messages).toContain(contains);
      expect(messages).toMatch(new RegExp(`^Строка ${row}(, столбец [A-Z]+)?: `));
    }
    if (expected.skipped) expect(preview.rows.filter((r) => r.status === 'skipped').map((r) => r.row)).toEqual(expected.skipped);
    for (const [row, note] of Object.entries(expected.notes ?? {})) expect(preview.rows.find((r) => r.row === Number(row))?.note, `row ${row}`).toBe(note);
    if (expected.hidden) expect(preview.rows.filter((r) => r.hidden).map((r) => r.row)).toEqual(expected.hidden);
    if (expected.year !== undefined) expect(preview.year).toBe(expected.year);
    if (expected.warnings) expect(preview.warnings).toEqual(expected.warnings);
    if (expected.folded) {
      expect(Object.fromEntries(preview.rows.filter((r) => r.folded).map((r) => [String(r.row), r.folded]))).toEqual(expected.folded);
    }
  });

  it('adds no second city for one typed with a Latin look-alike letter', async () => {
    const file = 'plan-lookalikes-2024.xlsx';
    const core = tempCore();
    const source = await readImportSource(file, readFileSync(join(FIXTURES, file)));
    const cities = async () => (await core.refs.list('city', true, false)).filter((c) => nameKey(c.name) === 'гомель').map((c) => c.name);
    expect(await cities()).toEqual(['Гомель']);
    expect((await commitPreview(core, await analyze(core, source, {}), {}, source)).created).toBe(4);
    expect(await cities()).toEqual(['Гомель']);
    expect((await core.refs.list('city', true, false)).map((c) => c.name)).not.toContain('Гомeль');
  });

  it('lets the clerk’s year beat the title’s', async () => {
    const file = 'plan-year-mismatch.xlsx';
    const preview = await analyze(tempCore(), await readImportSource(file, readFileSync(join(FIXTURES, file))), { year: 2024 });
    expect([preview.year, preview.yearSource, preview.warnings]).toEqual([2024, 'user', []]);
    expect(preview.rows.find((r) => r.row === 5)?.event).toMatchObject({ startDate: '2024-06-01', endDate: '2024-06-30' });
  });
});

// Cells pasted from Excel: the tab-separated text read back cell for cell, and rows read as new events.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTsv, pastedEvents } from '../../renderer/features/events/pasteRows';
import { DEFAULT_COLUMNS } from '../../renderer/features/events/gridColumns';

/** How Excel writes a block to the clipboard: a cell with a tab, line break or quote in quotes, quotes doubled. */
const excelText = (rows: string[][]) => rows.map((row) => row.map((cell) => (/[\t\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)).join('\t')).join('\r\n');

describe('pasting from Excel', () => {
  it('reads back every cell of any block Excel writes', () => {
    const cell = fc.string({ unit: fc.constantFrom('а', 'b', ' ', '\t', '\n', '"', '1', '.'), maxLength: 8 });
    const row = (width: number) => fc.array(cell, { minLength: width, maxLength: width }).filter((r) => r.some((c) => c.trim() !== ''));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 }).chain((width) => fc.array(row(width), { minLength: 1, maxLength: 6 })), (rows) => {
        expect(parseTsv(excelText(rows))).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('reads rows in the shown columns’ order, leaves out a header row and plans what has not ended', () => {
    const rows = parseTsv('Сроки\tНазвание\tВид\tМесто\tФормат\tСтатус\n14–18 июня 2022\tФорум\tфорум\tМинск\tочно\t\nсентябрь 2030\tВыставка\t\t\t\t');
    const { inputs, errors } = pastedEvents(rows, DEFAULT_COLUMNS, '2026-12-04');
    expect(errors).toEqual([]);
    expect(inputs).toEqual([
      { startDate: '2022-06-14', endDate: '2022-06-18', datePrecision: 'day', title: 'Форум', kind: 'форум', city: 'Минск', format: 'in_person', status: 'held' },
      { startDate: '2030-09-01', endDate: '2030-09-30', datePrecision: 'month', title: 'Выставка', status: 'planned' },
    ]);
  });

  it('names the row and column of each cell it cannot read, in Russian', () => {
    const { inputs, errors } = pastedEvents(parseTsv('вчера\tВстреча\t\t\tпо телефону\tсостоялось\n01.02.2022\t\t\t\t\t'), DEFAULT_COLUMNS, '2026-12-04');
    expect(inputs).toEqual([]);
    expect(errors).toEqual([
      'Строка 1, «Сроки»: не удалось разобрать дату «вчера».',
      'Строка 1, «Формат»: неизвестный формат «по телефону» (очно, дистанционно, видео-конференц-связь, смешанный).',
      'Строка 1, «Статус»: неизвестный статус «состоялось» (запланировано, проведено, отменено, перенесено).',
      'Строка 1: нет сроков.',
      'Строка 2: нет названия.',
    ]);
  });
});

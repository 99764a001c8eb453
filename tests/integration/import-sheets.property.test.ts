// Sheets of one table read together are read as each alone: the same events, spheres from each sheet's
// own sections, keys that tell the sheets apart; and rows under a table with a date stay events.
import { inOrder } from '../../electron/core/in-order';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyze, type ImportSource } from '../../electron/core/import/analyze';
import type { Cell, Sheet } from '../../electron/core/import/sheet';
import type { ImportOptions } from '../../shared/schema/import';
import { tempCore } from '../helpers';

const HEADER: Cell[] = ['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения'];
const SECTIONS = ['1. Культура', 'Спорт', 'Раздел III. Туризм', 'Образование и наука'];
const SPHERES: Record<string, string> = { '1. Культура': 'культура', Спорт: 'спорт', 'Раздел III. Туризм': 'туризм', 'Образование и наука': 'образование и наука' };
const MONTHS = ['январь', 'март', 'июнь', 'сентябрь', 'ноябрь'];

type Line = { section: string } | { month: string };

function source(sheets: Sheet[]): ImportSource {
  return { fileName: 'план.xlsx', fileId: 'a'.repeat(64), workbook: { sheets } };
}

/** A sheet of the table: a title block of `above` rows, the header, then the lines (events numbered from `first`). */
function sheetOf(name: string, above: number, lines: readonly Line[], first: number): Sheet {
  let n = first;
  const rows: Cell[][] = [...Array.from({ length: above }, (): Cell[] => ['План мероприятий']), HEADER];
  for (const line of lines) {
    rows.push('section' in line ? [line.section] : [n, `Встреча рабочей группы № ${n++}`, line.month, 'г. Смоленск']);
  }
  return { name, rows };
}

const line = fc.oneof(
  fc.constantFrom(...SECTIONS).map((section): Line => ({ section })),
  fc.constantFrom(...MONTHS).map((month): Line => ({ month })),
);

describe('sheets of one table', () => {
  const options: ImportOptions = { year: 2024 };

  it('read together give what each gives alone, sections kept within their sheet', async () => {
    const core = tempCore();
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ above: fc.integer({ min: 0, max: 3 }), lines: fc.array(line, { minLength: 1, maxLength: 6 }) }), { minLength: 1, maxLength: 4 }), async (specs) => {
        let first = 1;
        const sheets = specs.map(({ above, lines }, i) => {
          const sheet = sheetOf(`Лист ${i + 1}`, above, lines, first);
          first += lines.filter((l) => 'month' in l).length;
          return sheet;
        });
        const together = await analyze(core, source(sheets), options);
        expect(together.readSheets).toEqual(sheets.map((s) => s.name));
        expect(new Set(together.rows.map((r) => r.key)).size).toBe(together.rows.length);

        const alone = (await inOrder(sheets, async (s) => (await analyze(core, source(sheets), { ...options, sheet: s.name as string })).rows)).flat();
        expect(together.rows.map(({ key: _key, ...r }) => r)).toEqual(alone.map(({ key: _key, ...r }) => r));

        // Each event's sphere is that of the last section above it on its own sheet.
        const expected = specs.flatMap(({ lines }) => {
          let sphere: string[] = [];
          return lines.flatMap((l) => ('section' in l ? ((sphere = [SPHERES[l.section] as string]), []) : [sphere]));
        });
        expect(together.rows.filter((r) => r.event).map((r) => r.event?.spheres)).toEqual(expected);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a row under the table that has a date as an event, whatever its first words', async () => {
    const core = tempCore();
    const sheet: Sheet = {
      name: 'План',
      rows: [
        HEADER,
        [1, 'Заместитель губернатора А.Б. Петров примет делегацию Гродненской области', 'май', 'г. Смоленск'],
        [2, 'Примечание к соглашению: подписание протокола', '12.06.2024', 'г. Гродно'],
        [null, 'Председатель комитета', null, 'А.Б. Петров'],
      ],
    };
    const p = await analyze(core, source([sheet]), options);
    expect(p.rows.map((r) => [r.row, r.status, r.note])).toEqual([[2, 'new', null], [3, 'new', null], [4, 'skipped', 'подпись под таблицей']]);
  });
});

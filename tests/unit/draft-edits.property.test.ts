// The clerk's edits of a document draft keep paragraphs and tables where they stood relative to each
// other: checked against a model that edits the page as one flat sequence of blocks.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addRow, editParagraph, insertParagraph, markChecked, moveParagraph, placeholders, removeParagraph, removeRow,
} from '../../renderer/features/reports/draftEdits';
import type { Report } from '../../shared/schema/report';

type Block = `P${string}` | `T${number}`;

/** The page as the editor shows it: before paragraph n, the tables that follow the first n paragraphs. */
function blocks(report: Report): Block[] {
  const out: Block[] = [];
  const n = report.paragraphs.length;
  const tablesAt = (k: number) => report.tables.flatMap((t) => (t.after === k || (k === n && t.after > n) ? [`T${Number(t.caption)}` as const] : []));
  report.paragraphs.forEach((p, k) => out.push(...tablesAt(k), `P${p.text}`));
  out.push(...tablesAt(n));
  return out;
}

type Op =
  | { op: 'remove'; at: number }
  | { op: 'insert'; at: number }
  | { op: 'insertAfterTable'; table: number }
  | { op: 'move'; from: number; down: boolean };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ op: fc.constant('remove' as const), at: fc.nat(8) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(8) }),
  fc.record({ op: fc.constant('insertAfterTable' as const), table: fc.nat(3) }),
  fc.record({ op: fc.constant('move' as const), from: fc.nat(8), down: fc.boolean() }),
);

const reportArb = fc.record({ paragraphs: fc.nat(6), afters: fc.array(fc.nat(6), { maxLength: 4 }) }).map(({ paragraphs, afters }): Report => ({
  title: 'Документ',
  paragraphs: Array.from({ length: paragraphs }, (_, i) => ({ eventId: null, text: String(i), generated: i % 2 === 0 })),
  // Tables in the order of their places, each named by its index (kept in the caption).
  tables: afters.map((a) => Math.min(a, paragraphs)).sort((a, b) => a - b).map((after, i) => ({ caption: String(i), columns: ['№ п/п', 'Наименование'], rows: [], after })),
  gaps: [],
}));

describe('draft edits', () => {
  it('keep every table between the same paragraphs as the flat page model says', () => {
    fc.assert(
      fc.property(reportArb, fc.array(opArb, { maxLength: 12 }), (start, ops) => {
        let report = start;
        let model = blocks(start);
        let fresh = 0;
        for (const o of ops) {
          const n = report.paragraphs.length;
          const pIndex = (k: number) => model.filter((b) => b.startsWith('P')).map((b) => model.indexOf(b))[k];
          if (o.op === 'remove') {
            if (o.at >= n) continue;
            model.splice(pIndex(o.at)!, 1);
            report = removeParagraph(report, o.at);
          } else if (o.op === 'insert') {
            const at = Math.min(o.at, n);
            const name = `Pnew${fresh++}` as const;
            // Right after the paragraph before it: ahead of the tables that followed that paragraph.
            model.splice(at === 0 ? 0 : pIndex(at - 1)! + 1, 0, name);
            report = insertParagraph(report, at);
            report = editParagraph(report, at, name.slice(1));
          } else if (o.op === 'insertAfterTable') {
            const table = report.tables[o.table];
            if (!table) continue;
            const at = Math.min(table.after, n);
            const name = `Pnew${fresh++}` as const;
            model.splice(model.indexOf(`T${o.table}`) + 1, 0, name);
            report = insertParagraph(report, at, o.table);
            report = editParagraph(report, at, name.slice(1));
          } else {
            const to = o.down ? o.from + 1 : o.from - 1;
            if (o.from >= n || to < 0 || to >= n) continue;
            const a = pIndex(o.from)!;
            const b = pIndex(to)!;
            [model[a], model[b]] = [model[b]!, model[a]!];
            report = moveParagraph(report, o.from, to);
          }
          expect(blocks(report)).toEqual(model);
          model = blocks(report);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('clear the check mark when the clerk edits or ticks a paragraph, and only that one', () => {
    const report: Report = {
      title: 'Т',
      paragraphs: [{ eventId: 1, text: 'а', generated: true }, { eventId: 2, text: 'б', generated: true }],
      tables: [],
      gaps: [],
    };
    expect(editParagraph(report, 0, 'а!').paragraphs.map((p) => p.generated)).toEqual([false, true]);
    expect(markChecked(report, 1).paragraphs.map((p) => p.generated)).toEqual([true, false]);
  });

  it('number a new row and renumber after a removal as the table writes its numbers', () => {
    const report: Report = {
      title: 'План',
      paragraphs: [],
      tables: [{ caption: null, columns: ['№ п/п', 'Наименование'], rows: [['1.', 'а'], ['2.', 'б'], ['3.', 'в']], after: 0 }],
      gaps: [],
    };
    expect(addRow(report, 0).tables[0]!.rows.at(-1)).toEqual(['4.', '']);
    expect(removeRow(report, 0, 0).tables[0]!.rows).toEqual([['1.', 'б'], ['2.', 'в']]);
    // Numbers the clerk wrote otherwise are left alone.
    const own: Report = { ...report, tables: [{ ...report.tables[0]!, rows: [['1', 'а'], ['1а', 'б'], ['2', 'в']] }] };
    expect(removeRow(own, 0, 0).tables[0]!.rows).toEqual([['1а', 'б'], ['2', 'в']]);
  });

  it('find the bracketed fields a template leaves to fill, each once', () => {
    const report: Report = {
      title: 'О направлении отчета',
      paragraphs: [{ eventId: null, text: '[Должность адресата]\n[И.О. Фамилия]', generated: false }, { eventId: null, text: 'Уважаемый(ая) [Имя Отчество]! [И.О. Фамилия]', generated: false }],
      tables: [],
      gaps: [],
    };
    expect(placeholders(report)).toEqual(['[Должность адресата]', '[И.О. Фамилия]', '[Имя Отчество]']);
    expect(placeholders({ ...report, paragraphs: [] })).toEqual([]);
  });
});

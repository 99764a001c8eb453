// The .xlsx sheet reader against sheets written every way the format allows: cells inline or shared,
// with references or without, pretty-printed or not, elements prefixed or not; and the forms some
// writers use that exceljs's reader misread (several runs of an inline string, formula results).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../electron/core/import/read-xlsx';
import { FORMULA_WITHOUT_VALUE, LIMITS, type Cell } from '../../electron/core/import/sheet';
import { xlsx } from '../support/hostile-files';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text as a writer escapes it for XML; a carriage return as a character reference, as XML would fold it. */
const xmlText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\r/g, '&#13;');

const column = (index: number) => {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** A date as Excel's serial day number (1900 system). */
const serial = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000 + 25569;

type Layout = { refs: boolean; pretty: boolean; prefix: boolean; shared: boolean };

/** The workbook of `rows` written with `layout`; style 1 of the test workbook is a date format. */
function workbook(rows: readonly (readonly Cell[])[], layout: Layout): Buffer {
  const p = layout.prefix ? 'x:' : '';
  const gap = layout.pretty ? '\n    ' : '';
  const strings: string[] = [];
  const cellXml = (cell: Cell, ref: string): string => {
    const r = layout.refs ? ` r="${ref}"` : '';
    if (cell === null) return layout.refs ? '' : `<${p}c/>`;
    if (typeof cell === 'string') {
      if (layout.shared) return `<${p}c${r} t="s">${gap}<${p}v>${strings.push(cell) - 1}</${p}v>${gap}</${p}c>`;
      return `<${p}c${r} t="inlineStr">${gap}<${p}is><${p}t xml:space="preserve">${xmlText(cell)}</${p}t></${p}is>${gap}</${p}c>`;
    }
    if (typeof cell === 'number') return `<${p}c${r}>${gap}<${p}v>${cell}</${p}v>${gap}</${p}c>`;
    if (typeof cell === 'boolean') return `<${p}c${r} t="b"><${p}v>${cell ? 1 : 0}</${p}v></${p}c>`;
    if ('date' in cell) return `<${p}c${r} s="1"><${p}v>${serial(cell.date)}</${p}v></${p}c>`;
    return `<${p}c${r} t="e"><${p}v>${cell.error}</${p}v></${p}c>`;
  };
  const body = rows.map((cells, i) => `<${p}row${layout.refs ? ` r="${i + 1}"` : ''}>${gap}${cells.map((cell, c) => cellXml(cell, `${column(c)}${i + 1}`)).join(gap)}${gap}</${p}row>`);
  const ns = layout.prefix ? `xmlns:x="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheet = `${XML}<${p}worksheet ${ns}>${gap}<${p}sheetData>${gap}${body.join(gap)}${gap}</${p}sheetData>${gap}</${p}worksheet>`;
  const sharedStrings = `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t xml:space="preserve">${xmlText(s)}</t></si>`).join('')}</sst>`;
  return xlsx({ sheets: [sheet], ...(strings.length ? { sharedStrings } : {}) });
}

/** What the reader gives back for `rows`: each row without its empty cells at the end. */
function expected(rows: readonly (readonly Cell[])[]): Cell[][] {
  return rows.map((cells) => {
    const row = [...cells];
    while (row.length && row[row.length - 1] === null) row.pop();
    return row;
  });
}

const text = fc.string({ unit: fc.constantFrom(...'Форум «Славянский базар» № 12 in Vitebsk, & < > " \' \n\r\t—'.split('')), minLength: 1, maxLength: 30 });
const cell: fc.Arbitrary<Cell> = fc.oneof(
  text,
  fc.integer({ min: -1_000_000, max: 1_000_000 }),
  fc.double({ min: -1e9, max: 1e9, noNaN: true }).map((n) => (Object.is(n, -0) ? 0 : n)),
  fc.date({ min: new Date('1950-01-01'), max: new Date('2090-12-31') }).map((d) => ({ date: d.toISOString().slice(0, 10) })),
  fc.boolean(),
  fc.constantFrom({ error: '#N/A' }, { error: '#DIV/0!' }),
  fc.constant(null),
);
const layout = fc.record({ refs: fc.boolean(), pretty: fc.boolean(), prefix: fc.boolean(), shared: fc.boolean() });

describe('the .xlsx sheet reader', () => {
  it('reads back every cell however the sheet is written', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(cell, { maxLength: 8 }), { minLength: 1, maxLength: 12 }), layout, async (rows, how) => {
        const [sheet] = (await readXlsx(workbook(rows, how), 'plan.xlsx')).sheets;
        expect(sheet?.rows).toEqual(expected(rows));
      }),
      { numRuns: 150 },
    );
  });

  it('joins the runs of an inline string and leaves out its phonetic reading', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is>`
      + '<r><rPr><b/></rPr><t>Форум </t></r><r><t xml:space="preserve">«Славянский базар»</t></r><rPh sb="0" eb="1"><t>ふぉーらむ</t></rPh>'
      + '</is></c></row></sheetData></worksheet>';
    const [read] = (await readXlsx(xlsx({ sheets: [sheet] }), 'plan.xlsx')).sheets;
    expect(read?.rows).toEqual([['Форум «Славянский базар»']]);
  });

  it('takes a formula cell by the value its writer computed: a date by its format, a formula without one or with an error as such', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1">`
      + '<c r="A1" s="1"><f>B1+1</f><v>45455</v></c>'
      + '<c r="B1" t="b"><f>TRUE()</f><v>1</v></c>'
      + '<c r="C1" t="str"><f>"а"&amp;"б"</f><v>аб</v></c>'
      + '<c r="D1" t="e"><f>1/0</f><v>#DIV/0!</v></c>'
      + '<c r="E1"><f>SUM(A1:A2)</f></c>'
      + '<c r="F1" t="d"><v>2024-06-12</v></c>'
      + '</row></sheetData></worksheet>';
    const [read] = (await readXlsx(xlsx({ sheets: [sheet] }), 'plan.xlsx')).sheets;
    expect(read?.rows).toEqual([[{ date: '2024-06-12' }, true, 'аб', { error: FORMULA_WITHOUT_VALUE }, { error: FORMULA_WITHOUT_VALUE }, '2024-06-12']]);
  });

  it('refuses a workbook of more shared strings than any, read fast or by saxes (a comment sends it there)', async () => {
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c></row></sheetData></worksheet>`;
    const many = '<si/>'.repeat(LIMITS.sharedStrings + 1);
    for (const comment of ['', '<!-- Excel -->']) {
      const sharedStrings = `${XML}<sst xmlns="${MAIN}">${comment}${many}</sst>`;
      await expect(readXlsx(xlsx({ sheets: [sheet], sharedStrings }), 'раздутая.xlsx')).rejects.toThrow(
        `Книгу «раздутая.xlsx» Reestr не читает: в ней больше ${LIMITS.sharedStrings.toLocaleString('ru-RU')} разных текстов.`,
      );
    }
  }, 60_000);

  it('counts dates from 1904 when the workbook says so, and folds a line break written as CR LF', async () => {
    const workbookXml = `${XML}<workbook xmlns="${MAIN}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">`
      + '<workbookPr date1904="1"/><sheets><sheet name="План" sheetId="1" r:id="rId1"/></sheets></workbook>';
    const sheet = `${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" s="1"><v>43993</v></c>`
      + '<c r="B1" t="inlineStr"><is><t>Форум\r\nв Орше</t></is></c></row></sheetData></worksheet>';
    const [read] = (await readXlsx(xlsx({ sheets: [sheet], workbook: workbookXml }), 'plan.xlsx')).sheets;
    expect(read?.name).toBe('План');
    expect(read?.rows).toEqual([[{ date: '2024-06-12' }, 'Форум\nв Орше']]);
  });
});

// Every format a partner office sends, read into the same sheet model: old Excel (.xls), OpenDocument
// (.ods, .odt) and Word tables (.docx) from files LibreOffice, openpyxl and python-docx wrote; merged
// cells copied into every row they cover and marked; hidden rows and columns recorded; .doc refused
// with the way out; and, for any table, each reader giving the cells as the writer laid them out.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readSpreadsheet } from '../../electron/core/import/read-file';
import { cellText, type Sheet } from '../../electron/core/import/sheet';
import { AppError } from '../../shared/errors';
import { sheetXml, xlsx } from '../support/hostile-files';
import { makeZip } from '../support/zip-writer';
import { docx, odf, odfContentXml, odfParagraph, odfTable, plainRows, wordDocumentXml, wordParagraph, wordTable, xls, xlsWithRecords, type Table } from '../support/office-files';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');

async function read(file: string) {
  return readSpreadsheet(file, readFileSync(join(FIXTURES, file)));
}

async function refusal(file: string, data: Buffer): Promise<string> {
  try {
    await readSpreadsheet(file, data);
  } catch (e) {
    if (e instanceof AppError) return e.message;
    throw e;
  }
  throw new Error(`${file} was read`);
}

function texts(sheet: Sheet): string[][] {
  return sheet.rows.map((row) => row.map((cell) => cellText(cell)));
}

describe('the plan with merged cells (openpyxl, then LibreOffice to .xls and .ods)', () => {
  // C4:C6 a date, D5:D6 a place, E4:E7 and E8:E9 the responsible office.
  const INHERITED = ['5:2', '6:2', '6:3', '5:4', '6:4', '7:4', '9:4'];

  it.each([['xlsx'], ['xls'], ['ods']])('.%s: every covered row holds the merged value, and is marked', async (ext) => {
    const book = await read(`plan-minsk-2024-merged.${ext}`);
    expect(book.format).toBe(ext);
    expect(book.sheets.map((s) => s.name)).toEqual(['План']);
    const sheet = book.sheets[0] as Sheet;
    expect([...(sheet.inherited ?? [])].sort()).toEqual([...INHERITED].sort());
    for (const row of [4, 5, 6]) expect(sheet.rows[row - 1]?.[2]).toEqual({ date: '2024-05-15' });
    expect(sheet.rows[6]?.[2]).toBe('16.05.2024'); // below the merge: its own date
    for (const row of [4, 5, 6, 7]) expect(sheet.rows[row - 1]?.[4]).toBe('Министерство культуры Смоленской области');
    expect(sheet.rows[5]?.[3]).toBe('г. Смоленск, Смоленский музей-заповедник');
    // The title merged over five columns stays in its first cell.
    expect(sheet.rows[0]).toEqual(['ПЛАН совместных мероприятий Смоленской области и Минской области на 2024 год']);
    expect(sheet.hiddenRows).toBeUndefined();
  });
});

describe('the Word plan (python-docx, then LibreOffice to .odt)', () => {
  it.each([['docx'], ['odt']])('.%s: each table a sheet, the paragraphs above it its title rows, merges inherited', async (ext) => {
    const book = await read(`plan-grodno-2024.${ext}`);
    expect(book.format).toBe(ext);
    expect(book.sheets.map((s) => [s.name, s.kind])).toEqual([['Таблица 1', 'table'], ['Таблица 2', 'table']]);
    const [plan, contacts] = book.sheets as [Sheet, Sheet];
    expect(texts(plan).slice(0, 4)).toEqual([
      ['УТВЕРЖДАЮ'],
      ['ПЛАН совместных мероприятий Смоленской области и Гродненской области на 2024 год'],
      ['№ п/п', 'Наименование мероприятия', 'Срок проведения', 'Место проведения', 'Ответственные исполнители'],
      ['1. Культура'], // merged over five columns: the text in the first
    ]);
    expect([...(plan.inherited ?? [])].sort()).toEqual(['6:2', '7:2', '7:3', '6:4', '7:4', '8:4', '10:4'].sort());
    expect(texts(plan)[6]).toEqual(['3', 'Концерт творческих коллективов Гродненской области', '15.05.2024', 'г. Смоленск, Смоленский музей-заповедник', 'Министерство культуры Смоленской области']);
    // The paragraphs between the two tables are the second one's title; the signature line is below any table.
    expect(texts(contacts)).toEqual([['Контактные лица'], ['Фамилия, имя, отчество', 'Телефон'], ['Иванова Мария Петровна', '+375 152 00-00-00']]);
  });

  it('.doc (Word 97–2003) is refused with the one step that helps', async () => {
    const message = await refusal('old-word.doc', readFileSync(join(FIXTURES, 'old-word.doc')));
    expect(message).toMatch(/^Файл «old-word\.doc» — документ Word 97–2003 \(\.doc\)/);
    expect(message).toContain('«Сохранить как» → «Документ Word (.docx)»');
  });

  it('a cut or damaged document is named a document, with the program that resaves it', async () => {
    const file = readFileSync(join(FIXTURES, 'plan-grodno-2024.docx'));
    expect(await refusal('план.docx', file.subarray(0, file.length - 100))).toBe('Файл «план.docx» повреждён или обрезан: оглавление документа Word не найдено. Откройте его в Word или LibreOffice и сохраните заново.');
    const odt = readFileSync(join(FIXTURES, 'plan-grodno-2024.odt'));
    expect(await refusal('план.odt', odt.subarray(0, odt.length - 100))).toMatch(/оглавление документа не найдено\. Откройте его в LibreOffice Writer/);
  });

  it('a «.doc» saved as RTF and an HTML table saved as «.xls» are named for what they are, with the way out', async () => {
    expect(await refusal('план.doc', Buffer.from('{\\rtf1\\ansi\\ansicpg1251 {\\fonttbl} План}'))).toMatch(/^Файл «план\.doc» — документ RTF: .*«Сохранить как» → «Документ Word \(\.docx\)»/);
    expect(await refusal('выгрузка.xls', Buffer.from('<html><body><table><tr><td>Форум</td></tr></table></body></html>'))).toMatch(/^Файл «выгрузка\.xls» — веб-страница \(HTML\), сохранённая под именем книги Excel/);
  });

  it('an .xls protected with a password says so, as an .xlsx does', async () => {
    const filePass = Buffer.alloc(54);
    filePass.writeUInt16LE(1, 0);
    filePass.writeUInt16LE(1, 2);
    filePass.writeUInt16LE(1, 4);
    const locked = await xlsWithRecords(await xls([['Наименование мероприятия', 'Сроки'], ['Форум', '12.06.2023']]), { type: 0x002f, length: 54, count: 1, data: filePass, afterBof: true });
    expect(await refusal('план.xls', locked)).toMatch(/^Книга «план\.xls» защищена паролем/);
  });

  it('a zip named .docx that holds no document is not called a workbook', async () => {
    const zip = makeZip([{ name: 'word/media/image1.png', data: 'PNG' }, { name: 'readme.txt', data: 'текст' }]);
    expect(await refusal('план.docx', zip)).toMatch(/^Файл «план\.docx» — архив, но не документ Word или OpenDocument/);
  });

  it('a document without a table is a document, not a workbook, in the message', async () => {
    const message = await refusal('письмо.docx', docx(wordDocumentXml(wordParagraph('Направляем план мероприятий на 2024 год.'))));
    expect(message).toMatch(/^В документе «письмо\.docx» нет ни одной таблицы с данными/);
    expect(await refusal('письмо.odt', odf('odt', odfContentXml('odt', odfParagraph('Направляем план.'))))).toMatch(/^В документе «письмо\.odt»/);
  });
});

describe('hidden rows and columns', () => {
  it.each([['xlsx'], ['xls'], ['ods']])('.%s: rows 3 and 5 and column D are recorded as hidden, their cells still read', async (ext) => {
    const sheet = (await read(`hidden-rows-grodno.${ext}`)).sheets[0] as Sheet;
    expect([...(sheet.hiddenRows ?? [])].sort()).toEqual([3, 5]);
    expect([...(sheet.hiddenColumns ?? [])]).toEqual([3]);
    expect(texts(sheet)[2]).toEqual(['Отменённый семинар', '14.03.2024', 'Лида', 'отменён']);
  });

  it('a Word row marked hidden is recorded; hidden, deleted and fallback text is not shown text', async () => {
    const fallback = '<mc:AlternateContent xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><mc:Choice Requires="wps"><w:r><w:t> (рамка)</w:t></w:r></mc:Choice>'
      + '<mc:Fallback><w:pict><w:tbl><w:tr><w:tc><w:p><w:r><w:t>копия</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:pict></mc:Fallback></mc:AlternateContent>';
    const body = `<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Наименование</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>скрыто</w:t></w:r>${fallback}</w:p></w:tc></w:tr>`
      + '<w:tr><w:trPr><w:hidden/></w:trPr><w:tc><w:p><w:r><w:t>Черновик</w:t></w:r><w:del><w:r><w:delText>удалено</w:delText></w:r></w:del></w:p></w:tc></w:tr></w:tbl>';
    const sheet = (await readSpreadsheet('план.docx', docx(wordDocumentXml(body)))).sheets[0] as Sheet;
    expect(texts(sheet)).toEqual([['Наименование (рамка)'], ['Черновик']]);
    expect([...(sheet.hiddenRows ?? [])]).toEqual([2]);
  });
});

describe('Word layouts python-docx does not write', () => {
  it('places cells by the grid: gridBefore, old-style hMerge, tabs and line breaks, a nested table', async () => {
    const p = (t: string) => `<w:p><w:r><w:t>${t}</w:t></w:r></w:p>`;
    const body = '<w:tbl>'
      + `<w:tr><w:tc>${p('А')}</w:tc><w:tc>${p('Б')}</w:tc><w:tc>${p('В')}</w:tc></w:tr>`
      + `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr><w:tc>${p('Б2')}</w:tc><w:tc>${p('В2')}</w:tc></w:tr>`
      + `<w:tr><w:tc><w:tcPr><w:hMerge w:val="restart"/></w:tcPr>${p('А3')}</w:tc><w:tc><w:tcPr><w:hMerge/></w:tcPr>${p('лишнее')}</w:tc><w:tc>${p('В3')}</w:tc></w:tr>`
      + '<w:tr><w:tc><w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr><w:r><w:t>12</w:t><w:tab/><w:t>мая</w:t><w:br/><w:t>2024</w:t></w:r></w:p></w:tc>'
      + `<w:tc><w:tbl><w:tr><w:tc>${p('вложенная')}</w:tc></w:tr></w:tbl>${p('')}</w:tc><w:tc>${p('В4')}</w:tc></w:tr>`
      + '</w:tbl>';
    const book = await readSpreadsheet('план.docx', docx(wordDocumentXml(body)));
    expect(book.sheets.length).toBe(1); // the nested table is text of its cell, not a table of its own
    expect(texts(book.sheets[0] as Sheet)).toEqual([['А', 'Б', 'В'], ['', 'Б2', 'В2'], ['А3', '', 'В3'], ['12\tмая\n2024', 'вложенная', 'В4']]);
  });
});

describe('an .xlsx merged vertically (the existing reader)', () => {
  it('copies a merge into the rows it covers, not into rows with nothing else', async () => {
    const sheet = sheetXml([
      ['Наименование мероприятия', 'Сроки проведения', 'Место проведения'],
      ['Форум', '12.06.2023', 'Орша'],
      ['Семинар', null, null],
      [null, null, null],
    ]).replace('</sheetData>', '</sheetData><mergeCells count="2"><mergeCell ref="B2:B4"/><mergeCell ref="C2:C3"/></mergeCells>');
    const read = (await readSpreadsheet('план.xlsx', xlsx({ sheets: [sheet] }))).sheets[0] as Sheet;
    expect(texts(read)).toEqual([['Наименование мероприятия', 'Сроки проведения', 'Место проведения'], ['Форум', '12.06.2023', 'Орша'], ['Семинар', '12.06.2023', 'Орша'], []]);
    expect([...(read.inherited ?? [])].sort()).toEqual(['3:1', '3:2']);
  });
});

/** A table of random words with random vertical and horizontal merges; column A never merged. */
const tables = fc.integer({ min: 2, max: 5 }).chain((width) =>
  fc.array(fc.array(fc.tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 3 }), fc.constantFrom('Форум', 'Орша', '12.05.2024', 'март', 'г. Лида')), { minLength: width, maxLength: width }), { minLength: 2, maxLength: 8 })
    .map((choices) => {
      const covered = new Set<string>();
      const table: Table = choices.map((row, r) => {
        const cells: Table[number] = [];
        for (let c = 0; c < width; c++) {
          if (covered.has(`${r}:${c}`)) {
            cells.push(null);
            continue;
          }
          const [down, across, word] = row[c] as [number, number, string];
          const rows = c === 0 ? 1 : Math.min(down, choices.length - r);
          // A cell spans across only where nothing covers the cells to its right, and never both ways.
          let span = 1;
          if (rows === 1) while (span < across && c + span < width && !covered.has(`${r}:${c + span}`)) span++;
          for (let k = 1; k < rows; k++) covered.add(`${r + k}:${c}`);
          cells.push({ text: `${word} ${r + 1}.${c + 1}`, ...(span > 1 ? { span } : {}), ...(rows > 1 ? { rows } : {}) });
          c += span - 1;
        }
        return cells;
      });
      return { width, table };
    }));

/** What a reader must give: the plain cells, each covered cell of a vertical merge holding its first cell's text. */
function expected(table: Table): { rows: string[][]; inherited: string[] } {
  const rows = plainRows(table);
  const inherited: string[] = [];
  table.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      if (cell?.rows) {
        for (let k = 1; k < cell.rows; k++) {
          (rows[r + k] as string[])[c] = cell.text;
          inherited.push(`${r + k + 1}:${c}`);
        }
      }
      c += cell?.span ?? 1;
    }
  });
  return { rows: rows.map((row) => trimEnd(row)), inherited: inherited.sort() };
}

function trimEnd(row: string[]): string[] {
  const out = [...row];
  while (out.length && out[out.length - 1] === '') out.pop();
  return out;
}

describe('any table with merged cells', () => {
  it('reads the same from Word, OpenDocument text and spreadsheet, and .xls', async () => {
    await fc.assert(fc.asyncProperty(tables, async ({ table }) => {
      const want = expected(table);
      const merges = table.flatMap((row, r) => {
        let c = 0;
        return row.flatMap((cell) => {
          const at = c;
          c += cell?.span ?? 1;
          return cell && ((cell.rows ?? 1) > 1 || (cell.span ?? 1) > 1) ? [{ s: { r, c: at }, e: { r: r + (cell.rows ?? 1) - 1, c: at + (cell.span ?? 1) - 1 } }] : [];
        });
      });
      const files: [string, Buffer][] = [
        ['план.docx', docx(wordDocumentXml(wordTable(table)))],
        ['план.odt', odf('odt', odfContentXml('odt', odfTable(table)))],
        ['план.ods', odf('ods', odfContentXml('ods', odfTable(table)))],
        ['план.xls', await xls(plainRows(table), { merges })],
      ];
      for (const [name, data] of files) {
        const sheet = (await readSpreadsheet(name, data)).sheets[0] as Sheet;
        expect(texts(sheet).map(trimEnd), name).toEqual(want.rows);
        expect([...(sheet.inherited ?? [])].sort(), name).toEqual(want.inherited);
      }
    }), { numRuns: 40 });
  }, 120_000);
});

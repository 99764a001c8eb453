// The CSV reader: cells written with proper quoting come back as they were, in any encoding, with any
// delimiter and cut into pieces anywhere; whatever the bytes, it reads them or refuses in Russian;
// the encoding is chosen by the share of valid UTF-8; limits are named with the row they were hit in.
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { CSV_LIMITS, detectEncoding, readCsv, readCsvText, utf8Counts } from '../../electron/core/import/read-csv';
import { readSpreadsheet } from '../../electron/core/import/read-file';
import { LIMITS, type Cell } from '../../electron/core/import/sheet';
import { AppError } from '../../shared/errors';
import { messageProblems } from '../support/hostile-run';

const DELIMITERS = [';', ',', '\t'] as const;
/** Letters Windows-1251 writes as bytes C0–FF: never valid UTF-8 next to each other or to ASCII. */
const CYRILLIC = 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';

/** Cells rich in what quoting must carry: delimiters, quotes, line breaks, spaces. */
const cellText = fc.array(
  fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...CYRILLIC, 'a', 'Z', '7', ' ') },
    { weight: 2, arbitrary: fc.constantFrom(';', ',', '\t', '"', '""', '\n', '\r\n', '\r', ' ') },
  ),
  { maxLength: 12 },
).map((parts) => parts.join(''));
const header = fc.array(fc.stringMatching(/^[а-яА-Яa-z0-9]{1,8}$/), { minLength: 2, maxLength: 6 });
const table = fc.tuple(header, fc.array(fc.array(cellText, { minLength: 1, maxLength: 7 }), { maxLength: 12 })).map(([head, rows]) => [head, ...rows]);

type Encoding = 'utf-8' | 'utf-8 BOM' | 'windows-1251' | 'utf-16le BOM';

function encode(text: string, encoding: Encoding): Buffer {
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8 BOM') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le BOM') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  return iconv.encode(text, 'windows-1251');
}

/** As a careful program writes CSV: a cell holding the delimiter, a quote or a line break is quoted. */
function csvText(rows: readonly (readonly string[])[], delimiter: string, eol: string, trailing: boolean): string {
  const field = (cell: string) => (cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return rows.map((row) => row.map(field).join(delimiter)).join(eol) + (trailing ? eol : '');
}

/** What the reader makes of written rows: blank cells empty, trailing empty cells dropped. */
function expectedRows(rows: readonly (readonly string[])[], trailing: boolean): Cell[][] {
  const out = rows.map((row) => {
    const cells: Cell[] = row.map((cell) => (cell.trim() === '' ? null : cell));
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  // Without a final line break, a last line with nothing on it is no line.
  const last = rows[rows.length - 1];
  if (!trailing && last && last.length === 1 && last[0] === '') out.pop();
  return out;
}

/** The text cut at the given places (sorted, within it). */
function cut(text: string, at: readonly number[]): string[] {
  const points = [...new Set(at.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  return [...points, text.length].map((end, i) => text.slice(i === 0 ? 0 : points[i - 1], end));
}

/** Throws unless `e` is a refusal a clerk can read, naming the file. */
function expectRefusal(e: unknown, fileName: string): void {
  expect(e).toBeInstanceOf(AppError);
  expect(messageProblems((e as AppError).message, fileName)).toEqual([]);
}

describe('the CSV reader, given cells written with proper quoting', () => {
  it('gives back every cell as it was, in each encoding, with each delimiter and line ending', () => {
    fc.assert(
      fc.property(
        table,
        fc.constantFrom(...DELIMITERS),
        fc.constantFrom('\r\n', '\n'),
        fc.boolean(),
        fc.constantFrom<Encoding>('utf-8', 'utf-8 BOM', 'windows-1251', 'utf-16le BOM'),
        (rows, delimiter, eol, trailing, encoding) => {
          const data = encode(csvText(rows, delimiter, eol, trailing), encoding);
          const { sheet, encoding: detected } = readCsv(data, 'план.csv');
          expect(sheet.rows).toEqual(expectedRows(rows, trailing));
          // Plain ASCII reads the same in either; any Cyrillic letter tells them apart.
          const ascii = rows.every((row) => row.every((cell) => !/[^\x00-\x7f]/.test(cell))); // eslint-disable-line no-control-regex -- ASCII is the range
          if (!(ascii && encoding === 'windows-1251')) expect(detected).toBe(encoding.replace(' BOM', ''));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reads the same whatever pieces the text comes in (a quote, CR or LF at a cut included)', () => {
    fc.assert(
      fc.property(table, fc.constantFrom(...DELIMITERS), fc.constantFrom('\r\n', '\n', '\r'), fc.array(fc.nat(), { maxLength: 8 }), (rows, delimiter, eol, at) => {
        const text = csvText(rows, delimiter, eol, true);
        expect(readCsvText(cut(text, at), 'план.csv', delimiter)).toEqual(readCsvText([text], 'план.csv', delimiter));
        expect(readCsvText([text], 'план.csv', delimiter)).toEqual(expectedRows(rows, true));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the CSV reader, given any text or bytes', () => {
  const messy = fc.array(
    fc.oneof(
      fc.constantFrom('"', '""', ';', ',', '\t', '\r', '\n', '\r\n', '\0', '\u202e', '\ufeff', '\ud800', 'Форум', '12.06.2023', ' ', 'ё', '№'),
      fc.string({ maxLength: 6 }),
    ),
    { maxLength: 40 },
  ).map((parts) => parts.join(''));
  const bytes = fc.oneof(
    fc.tuple(messy, fc.constantFrom<Encoding>('utf-8', 'utf-8 BOM', 'windows-1251', 'utf-16le BOM')).map(([text, encoding]) => encode(text, encoding)),
    fc.uint8Array({ maxLength: 300 }).map((a) => Buffer.from(a)),
    // Text with random bytes written over it.
    fc.tuple(messy, fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 6 })).map(([text, flips]) => {
      const data = Buffer.from(text, 'utf8');
      for (const [at, value] of flips) if (data.length) data[at % data.length] = value;
      return data;
    }),
  );

  it('reads it within the limits or refuses it in Russian, naming the file; nothing else is thrown', async () => {
    await fc.assert(
      fc.asyncProperty(bytes, fc.constantFrom('данные.csv', 'данные.txt', 'данные.tsv'), async (data, fileName) => {
        try {
          const workbook = await readSpreadsheet(fileName, data);
          for (const sheet of workbook.sheets) {
            for (const row of sheet.rows) {
              expect(row.length).toBeLessThanOrEqual(LIMITS.columns);
              for (const cell of row) if (typeof cell === 'string') expect(cell).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e\ufeff]/); // eslint-disable-line no-control-regex -- what cells may not keep
            }
          }
          // (Bytes that happen to start as a zip are a workbook, read without an encoding.)
          if (!data.subarray(0, 2).equals(Buffer.from('PK'))) expect(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']).toContain(workbook.encoding);
        } catch (e) {
          expectRefusal(e, fileName);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('refuses a quote never closed, naming the cell', () => {
    fc.assert(
      fc.property(fc.array(fc.stringMatching(/^[а-я]{0,5}$/), { minLength: 1, maxLength: 4 }), fc.stringMatching(/^[а-я ;\n]{0,30}$/), (before, after) => {
        const text = `${before.join(';')};"${after}`;
        const where = `${String.fromCharCode(65 + before.length)}${1}`;
        // The line breaks inside the quotes are part of the cell: it starts in row 1.
        expect(() => readCsvText([text], 'план.csv', ';')).toThrow(new RegExp(`ячейка ${where} начинается с кавычки`));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the CSV reader’s limits', () => {
  function refusal(fn: () => unknown): string {
    try {
      fn();
    } catch (e) {
      expectRefusal(e, 'план.csv');
      return (e as AppError).message;
    }
    throw new Error('was read, not refused');
  }

  it(`refuses a record of more than ${CSV_LIMITS.columns} fields, naming the row, and keeps ${LIMITS.columns} of one within`, () => {
    const wide = Array.from({ length: CSV_LIMITS.columns }, (_, i) => `к${i}`).join(';');
    const rows = readCsvText([`а;б\n${wide}\n`], 'план.csv', ';');
    expect(rows[1]?.length).toBe(LIMITS.columns);
    expect(refusal(() => readCsvText([`а;б\nв;г\n${wide};лишний\n`], 'план.csv', ';'))).toMatch(/В строке 3 файла «план\.csv» больше 16\s384 столбцов/);
  });

  it(`refuses a file of more than ${CSV_LIMITS.cells.toLocaleString('en')} cells, empty ones too, naming the row it was passed in`, () => {
    const line = `${';'.repeat(99)}\n`; // 100 empty cells
    const rows = CSV_LIMITS.cells / 100;
    expect(readCsvText([line.repeat(rows)], 'план.csv', ';').length).toBe(rows);
    expect(refusal(() => readCsvText([line.repeat(rows), 'x'], 'план.csv', ';'))).toMatch(new RegExp(`больше 5\\s000\\s000 ячеек \\(предел превышен в строке ${(rows + 1).toLocaleString('ru-RU')}\\)`));
  });

  it(`refuses a cell of more than ${LIMITS.cellChars.toLocaleString('en')} characters, naming it, and suspects a quote in a quoted one`, () => {
    const long = 'я'.repeat(LIMITS.cellChars);
    expect(readCsvText([`а;${long}`], 'план.csv', ';')[0]?.[1]).toBe(long);
    expect(refusal(() => readCsvText([`а;б\nв;${long}я`], 'план.csv', ';'))).toMatch(/ячейка B2 длиннее 100\s000 знаков/);
    expect(refusal(() => readCsvText(['а;б\nв;"', long, long], 'план.csv', ';'))).toMatch(/ячейка B2 длиннее 100\s000 знаков: скорее всего, в ней не закрыта кавычка/);
  });

  it(`refuses more than ${LIMITS.rows.toLocaleString('en')} rows, empty ones too`, () => {
    expect(readCsvText(['\n'.repeat(LIMITS.rows)], 'план.csv', ';').length).toBe(LIMITS.rows);
    expect(refusal(() => readCsvText(['\n'.repeat(LIMITS.rows), 'x'], 'план.csv', ';'))).toMatch(/больше 200\s000 строк/);
  });
});

describe('the CSV file’s encoding', () => {
  const text = 'Наименование мероприятия;Сроки проведения\r\nФестиваль «Лепельские зори»;12.06.2023\r\nВстреча молодёжи Смоленщины;II квартал 2023\r\n';

  it('is UTF-8 when a stray byte sits among many valid UTF-8 letters: the rest reads right, the byte as «\ufffd»', () => {
    const utf8 = Buffer.from(text, 'utf8');
    const at = utf8.indexOf(Buffer.from('зори', 'utf8'));
    const data = Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe7]), utf8.subarray(at)]);
    expect(utf8Counts(data)).toEqual({ valid: [...text].filter((c) => c > '\x7f').length, invalid: 1 });
    const { sheet, encoding } = readCsv(data, 'план.csv');
    expect(encoding).toBe('utf-8');
    expect(sheet.rows[1]).toEqual(['Фестиваль «Лепельские \ufffdзори»', '12.06.2023']);
    expect(sheet.rows[2]).toEqual(['Встреча молодёжи Смоленщины', 'II квартал 2023']);
  });

  it('is Windows-1251 for Russian text saved by Excel, even with a few bytes that happen to form UTF-8', () => {
    const data = iconv.encode(`${text}Рёбра;Р»\r\n`, 'windows-1251');
    expect(utf8Counts(data).valid).toBeGreaterThan(0);
    expect(detectEncoding(data)).toBe('windows-1251');
    expect(readCsv(data, 'план.csv').sheet.rows[3]).toEqual(['Рёбра', 'Р»']);
  });

  it('is decided by the share: nine valid UTF-8 sequences in ten make UTF-8', () => {
    const letters = (count: number) => Buffer.from('ж'.repeat(count), 'utf8');
    const stray = (count: number) => Buffer.alloc(count, 0xff);
    expect(detectEncoding(Buffer.concat([letters(9), stray(1)]))).toBe('utf-8');
    expect(detectEncoding(Buffer.concat([letters(8), stray(1)]))).toBe('windows-1251');
    expect(detectEncoding(Buffer.concat([Buffer.from('abc'), stray(1)]))).toBe('windows-1251');
    // Overlong forms and surrogates are not valid UTF-8.
    expect(utf8Counts(Buffer.from([0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80]))).toEqual({ valid: 0, invalid: 12 });
  });
});

// Broken, hostile and odd files for the import, generated at run time (nothing big is committed):
// random bytes, cut and damaged zips, zip bombs, entity expansion, huge sheets, odd text and dates.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { random } from '../../bench/generate';
import { readEntry, zipEntries, type ZipEntry } from '../../electron/core/import/zip';
import { docx, odf, odfContentXml, odfParagraph, odfTable, wordDocumentXml, wordParagraph, wordTable, xls, xlsWithRecords } from './office-files';
import { deflatedRepeat, makeZip, type ZipPart } from './zip-writer';

/** What the import must do with a file: refuse it, read it, or either (but safely). */
export type Expected = 'refuse' | 'read' | 'either';

export interface HostileCase {
  name: string;
  group: string;
  /** The file's name as the user picked it. */
  fileName: string;
  make: () => Buffer | Promise<Buffer>;
  expected: Expected;
  /** Too big or too slow to run beside the others: run in a child process with a small heap. */
  heavy?: boolean;
  /** For files that are read: the titles the preview must hold as events, in order. */
  titles?: string[];
  /** For files that are read: the number of rows that must come out as errors. */
  errorRows?: number;
}

/** Bytes from a fixed seed, so a failing case is the same file on every run. */
function randomBytes(size: number, seed: number): Buffer {
  const next = random(seed);
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = Math.floor(next() * 256);
  return bytes;
}

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** Cells given as text are inline strings; numbers are numbers; `{ xml }` is written as it is. */
export type XmlCell = string | number | null | { xml: string };

export function rowXml(cells: readonly XmlCell[], row: number): string {
  const body = cells.map((cell, i) => {
    const ref = `${columnName(i)}${row}`;
    if (cell === null) return '';
    if (typeof cell === 'number') return `<c r="${ref}"><v>${cell}</v></c>`;
    if (typeof cell === 'object') return `<c r="${ref}"${cell.xml}</c>`;
    return `<c r="${ref}" t="inlineStr"><is><t xml:space="preserve">${escapeXml(cell)}</t></is></c>`;
  });
  return `<row r="${row}">${body.join('')}</row>`;
}

export function sheetXml(rows: readonly (readonly XmlCell[])[], prolog = XML): string {
  return `${prolog}<worksheet xmlns="${MAIN}"><sheetData>${rows.map((r, i) => rowXml(r, i + 1)).join('')}</sheetData></worksheet>`;
}

const STYLES = `${XML}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts>`
  + '<fonts count="1"><font/></fonts><fills count="1"><fill/></fills><borders count="1"><border/></borders>'
  + '<cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs></styleSheet>';

export interface WorkbookParts {
  /** Sheet XML, or the zip part itself (a bomb). One sheet per item. */
  sheets: (string | ZipPart)[];
  sheetNames?: string[];
  sharedStrings?: string | ZipPart;
  workbook?: string | ZipPart;
  styles?: string | ZipPart;
  extra?: ZipPart[];
}

/** A workbook as Excel lays it out, but with any part replaced. */
export function xlsx(parts: WorkbookParts): Buffer {
  const names = parts.sheets.map((_, i) => parts.sheetNames?.[i] ?? `Лист${i + 1}`);
  const part = (name: string, value: string | ZipPart): ZipPart => (typeof value === 'string' ? { name, data: value } : { ...value, name });
  const workbook = `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets>${names
    .map((n, i) => `<sheet name="${escapeXml(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
    .join('')}</sheets></workbook>`;
  const rels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
    .map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`)
    .join('')}<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>${
    parts.sharedStrings ? `<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` : ''}</Relationships>`;
  const types = `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`
    + '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    + '<Default Extension="xml" ContentType="application/xml"/>'
    + '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    + names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`).join('')
    + '</Types>';
  const rootRels = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">`
    + `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
  return makeZip([
    { name: '[Content_Types].xml', data: types },
    { name: '_rels/.rels', data: rootRels },
    part('xl/workbook.xml', parts.workbook ?? workbook),
    { name: 'xl/_rels/workbook.xml.rels', data: rels },
    part('xl/styles.xml', parts.styles ?? STYLES),
    ...(parts.sharedStrings ? [part('xl/sharedStrings.xml', parts.sharedStrings)] : []),
    ...parts.sheets.map((s, i) => part(`xl/worksheets/sheet${i + 1}.xml`, s)),
    ...(parts.extra ?? []),
  ]);
}

/** The same zip with every part stored, not deflated: a byte changed in it still unpacks. */
function storedCopy(zip: Buffer): Buffer {
  return makeZip(zipEntries(zip).map((e) => ({ name: e.name, data: readEntry(zip, e, 64 * 1024 * 1024) as Buffer, method: 0 })));
}

export const HEADER = ['Наименование мероприятия', 'Сроки проведения', 'Место проведения'];

/** A plan with the header and the given rows, as a one-sheet workbook. */
export function planXlsx(rows: readonly (readonly XmlCell[])[]): Buffer {
  return xlsx({ sheets: [sheetXml([HEADER, ...rows])] });
}

/** The same with every text in sharedStrings.xml, as Excel writes it (control characters as _xHHHH_). */
export function sharedPlanXlsx(rows: readonly (readonly string[])[]): Buffer {
  const strings: string[] = [];
  const table = [HEADER, ...rows].map((row) => row.map((text): XmlCell => ({ xml: ` t="s"><v>${strings.push(text) - 1}</v>` })));
  // eslint-disable-next-line no-control-regex -- control characters are what Excel escapes
  const escaped = strings.map((text) => escapeXml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`));
  return xlsx({ sheets: [sheetXml(table)], sharedStrings: sharedStringsXml(escaped) });
}

/** The same as a CSV file in UTF-8 with `;`. */
export function planCsv(rows: readonly (readonly string[])[]): Buffer {
  const field = (t: string) => (/[";\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t);
  return Buffer.from([HEADER, ...rows].map((r) => r.map(field).join(';')).join('\r\n'), 'utf8');
}

/** A sound plan of five rows, written in full. */
export const SOUND_ROWS = [
  ['Фестиваль «Лепельские зори»', '12.06.2023', 'г. Лепель'],
  ['Встреча молодёжи Смоленщины и Витебщины', 'II квартал 2023', 'Витебск'],
  ['Семинар библиотекарей', '14.03.2023', 'Орша'],
  ['Выставка народных промыслов', 'май 2023', 'Смоленск'],
  ['Форум «Беларусь — Смоленщина»', '21–22.09.2023', 'Смоленск'],
];

/** A zip bomb part: `unit` repeated until it unpacks to about `bytes`, between head and tail. */
function bomb(name: string, head: string, unit: string, bytes: number, tail: string, lie: boolean): ZipPart {
  const raw = deflatedRepeat(head, unit, Math.floor(bytes / Buffer.byteLength(unit)), tail);
  return { name, data: '', raw, ...(lie ? { declaredSize: 4096 } : {}) };
}

const GB = 1024 ** 3;
const MB = 1024 ** 2;

const LAUGHS = (root: string) =>
  `${XML}<!DOCTYPE ${root} [<!ENTITY lol "lol">`
  + Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('')
  + ']>';
const EXTERNAL = (root: string) => `${XML}<!DOCTYPE ${root} [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>`;
const without = (xml: string) => xml.replace(XML, '');

function sharedStringsXml(strings: readonly string[]): string {
  return `${XML}<sst xmlns="${MAIN}" count="${strings.length}" uniqueCount="${strings.length}">${strings.map((s) => `<si><t>${s}</t></si>`).join('')}</sst>`;
}

/** A workbook whose cells point into sharedStrings.xml. */
function sharedXlsx(sharedStrings: string | ZipPart, rows = 3): Buffer {
  const sheet = sheetXml(Array.from({ length: rows }, (_, r) => [0, 1].map((i) => ({ xml: ` t="s"><v>${r * 2 + i}</v>` }))));
  return xlsx({ sheets: [sheet], sharedStrings });
}

const MAGIC: [string, Buffer][] = [
  ['PNG', Buffer.concat([Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'), randomBytes(300, 11)])],
  ['PDF', Buffer.from('%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')],
  ['JPEG', Buffer.concat([Buffer.from('ffd8ffe000104a464946', 'hex'), randomBytes(500, 12)])],
  ['GIF', Buffer.concat([Buffer.from('GIF89a'), randomBytes(200, 13)])],
  ['gzip', Buffer.concat([Buffer.from('1f8b0800000000000003', 'hex'), randomBytes(200, 14)])],
  ['7z', Buffer.concat([Buffer.from('377abcaf271c', 'hex'), randomBytes(200, 15)])],
  ['RAR', Buffer.concat([Buffer.from('Rar!\x1a\x07\x01\x00', 'latin1'), randomBytes(200, 16)])],
  ['ELF', Buffer.concat([Buffer.from('7f454c46020101', 'hex'), randomBytes(400, 17)])],
  ['EXE', Buffer.concat([Buffer.from('MZ\x90\x00', 'latin1'), randomBytes(400, 18)])],
];

export function hostileCases(): HostileCase[] {
  const cases: HostileCase[] = [];
  const add = (group: string, name: string, fileName: string, expected: Expected, make: HostileCase['make'], more: Partial<HostileCase> = {}) =>
    cases.push({ group, name: `${group}: ${name}`, fileName, expected, make, ...more });

  // Random bytes of many sizes under spreadsheet names; and random bytes behind a zip signature.
  const sizes = [1, 2, 3, 4, 7, 16, 22, 100, 512, 1000, 4096, 65_536, 1_000_000];
  for (const size of sizes) {
    for (const ext of ['xlsx', 'xls', 'csv', 'docx', 'ods', 'doc']) {
      // A CSV of random bytes may read as a line of junk text: then it must hold no event.
      add('random bytes', `${size} B .${ext}`, `данные-${size}.${ext}`, ext === 'csv' ? 'either' : 'refuse', () => randomBytes(size, size * 3 + ext.length), { titles: [] });
    }
    add('random bytes', `${size} B behind «PK»`, `книга-${size}.xlsx`, 'refuse', () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), randomBytes(size, size + 7)]));
  }

  // A sound workbook cut short at many places, and damaged in the middle.
  const sound = planXlsx(SOUND_ROWS);
  const cuts = [1, 2, 3, 4, 10, 29, 30, 31, 100, 500, 1000];
  for (let i = 1; i <= 24; i++) cuts.push(Math.floor((sound.length * i) / 25));
  cuts.push(sound.length - 23, sound.length - 22, sound.length - 21, sound.length - 2, sound.length - 1);
  for (const cut of [...new Set(cuts)]) add('cut zip', `first ${cut} of ${sound.length} bytes`, `план-${cut}.xlsx`, 'refuse', () => sound.subarray(0, cut));
  for (let i = 1; i <= 16; i++) {
    const at = Math.floor((sound.length * i) / 17);
    add('damaged zip', `64 random bytes at ${at}`, `план-повреждён-${at}.xlsx`, 'either', () => {
      const copy = Buffer.from(sound);
      randomBytes(64, at).copy(copy, at);
      return copy;
    }, { titles: SOUND_ROWS.map((r) => r[0] as string) });
  }
  // Damage no size check sees: bytes changed in place (the CRC tells), a part named twice (one program
  // reads the first, another the second).
  const stored = storedCopy(sound);
  for (const [i, part] of ['xl/workbook.xml', 'xl/worksheets/sheet1.xml', 'xl/styles.xml'].entries()) {
    add('damaged zip', `a byte changed in the stored ${part}`, `план-crc-${i}.xlsx`, 'refuse', () => {
      const entry = zipEntries(stored).find((e) => e.name === part) as ZipEntry;
      const copy = Buffer.from(stored);
      const at = entry.localOffset + 30 + copy.readUInt16LE(entry.localOffset + 26) + Math.floor(entry.size / 2);
      copy[at] = (copy[at] as number) ^ 0x20;
      return copy;
    });
  }
  const twice = (name: string, second: string, data: string) => {
    const parts = zipEntries(sound).map((e) => ({ name: e.name, data: readEntry(sound, e, MB) as Buffer }));
    return makeZip([...parts, { name: second, data: data || (parts.find((p) => p.name === name)?.data as Buffer) }]);
  };
  add('damaged zip', 'a sheet named twice, the second another table', 'план-дважды.xlsx', 'refuse', () =>
    twice('xl/worksheets/sheet1.xml', 'xl/worksheets/sheet1.xml', sheetXml([HEADER, ['Подложный форум', '01.01.2023', 'Орша']])));
  add('damaged zip', 'the workbook named twice, the same bytes', 'план-дважды-книга.xlsx', 'refuse', () => twice('xl/workbook.xml', 'xl/workbook.xml', ''));
  add('damaged zip', 'a sheet named twice, in capitals', 'план-дважды-регистр.xlsx', 'refuse', () =>
    twice('xl/worksheets/sheet1.xml', 'XL/Worksheets/Sheet1.xml', sheetXml([HEADER, ['Подложный форум', '01.01.2023', 'Орша']])));

  // Zip bombs: sheets, strings, workbook and styles that unpack to gigabytes, honest about it or lying.
  const cell = '<row><c t="inlineStr"><is><t>Форум</t></is></c></row>';
  const sheetHead = `${XML}<worksheet xmlns="${MAIN}"><sheetData>`;
  const sheetTail = '</sheetData></worksheet>';
  for (const lie of [false, true]) {
    const how = lie ? 'declaring 4 KB' : 'declared';
    add('zip bomb', `sheet of 3 GB of spaces, ${how}`, 'бомба-пробелы.xlsx', 'refuse', () => xlsx({ sheets: [bomb('', sheetHead, ' ', 3 * GB, sheetTail, lie)] }), { heavy: true });
    add('zip bomb', `sheet of 1 GB of rows, ${how}`, 'бомба-строки.xlsx', 'refuse', () => xlsx({ sheets: [bomb('', sheetHead, cell, GB, sheetTail, lie)] }), { heavy: true });
    add('zip bomb', `one cell of 1.5 GB, ${how}`, 'бомба-ячейка.xlsx', 'refuse', () =>
      xlsx({ sheets: [bomb('', `${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'Ф', 1.5 * GB, `</t></is></c></row>${sheetTail}`, lie)] }), { heavy: true });
    add('zip bomb', `sharedStrings of 2 GB, ${how}`, 'бомба-строки-общие.xlsx', 'refuse', () =>
      sharedXlsx(bomb('', `${XML}<sst xmlns="${MAIN}">`, '<si><t>Форум</t></si>', 2 * GB, '</sst>', lie)), { heavy: true });
    add('zip bomb', `workbook.xml of 1 GB, ${how}`, 'бомба-книга.xlsx', 'refuse', () =>
      xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], workbook: bomb('', `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets>`, '<definedNames/>', GB, '</workbook>', lie) }), { heavy: true });
    add('zip bomb', `styles.xml of 1 GB, ${how}`, 'бомба-стили.xlsx', 'refuse', () =>
      xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], styles: bomb('', `${XML}<styleSheet xmlns="${MAIN}"><fonts>`, '<font><b/></font>', GB, '</fonts></styleSheet>', lie) }), { heavy: true });
  }
  // Honestly declared and under the limit of what a workbook may unpack to (600 MB): just under it
  // in `npm run test:stress`, 150 MB (enough for every limit the reader keeps) in `npm test`.
  const stress = process.env.REESTR_STRESS === '1' || process.env.npm_lifecycle_event === 'test:stress';
  const under = stress ? 590 * MB : 150 * MB;
  add('zip bomb', `sheet of ${under / MB} MB of spaces`, 'почти-пробелы.xlsx', 'refuse', () => xlsx({ sheets: [bomb('', `${sheetHead}<row r="1">`, ' ', under, `</row>${sheetTail}`, false)] }), { heavy: true });
  add('zip bomb', `sheet of ${under / MB} MB of unknown tags`, 'почти-теги.xlsx', 'refuse', () => xlsx({ sheets: [bomb('', sheetHead, '<x/>', under, sheetTail, false)] }), { heavy: true });
  add('zip bomb', `sharedStrings of ${under / MB} MB of short strings`, 'почти-строки.xlsx', 'refuse', () =>
    sharedXlsx(bomb('', `${XML}<sst xmlns="${MAIN}">`, '<si><t>Ф</t></si>', under, '</sst>', false)), { heavy: true });
  add('zip bomb', `styles.xml of ${under / MB} MB of fonts`, 'почти-стили.xlsx', 'refuse', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], styles: bomb('', `${XML}<styleSheet xmlns="${MAIN}"><fonts>`, '<font><b/></font>', under, '</fonts></styleSheet>', false) }), { heavy: true });
  add('zip bomb', `a cell of ${under / MB} MB`, 'почти-ячейка.xlsx', 'refuse', () =>
    xlsx({ sheets: [bomb('', `${sheetHead}<row r="1"><c r="A1" t="inlineStr"><is><t>`, 'a', under, `</t></is></c></row>${sheetTail}`, false)] }), { heavy: true });
  add('zip bomb', 'a second bomb in a part nobody reads', 'бомба-вложение.xlsx', 'refuse', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], extra: [bomb('xl/media/image1.bin', '', '\0', 3 * GB, '', true)] }), { heavy: true });
  add('zip bomb', 'a zip bomb inside the workbook (nested)', 'бомба-внутри.xlsx', 'either', () => {
    const inner = xlsx({ sheets: [bomb('', sheetHead, cell, GB, sheetTail, true)] });
    return xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], extra: [{ name: 'xl/embeddings/Microsoft_Excel_Worksheet1.xlsx', data: inner, method: 0 }] });
  }, { heavy: true, titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('zip bomb', 'a zip of a zip of a bomb, named .xlsx', 'архив.xlsx', 'refuse', () =>
    makeZip([{ name: 'inner.zip', data: makeZip([bomb('bomb.xml', '', ' ', GB, '', false)]), method: 0 }]));
  add('zip bomb', '20,000 entries', 'много-частей.xlsx', 'refuse', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], extra: Array.from({ length: 20_000 }, (_, i) => ({ name: `xl/media/p${i}.xml`, data: '<a/>' })) }), { heavy: true });
  add('zip bomb', '2,000 sheets', 'много-листов.xlsx', 'refuse', () =>
    xlsx({ sheets: Array.from({ length: 2000 }, () => sheetXml([HEADER, ...SOUND_ROWS])) }), { heavy: true });

  // Entity expansion and external entities in every part that is parsed.
  add('entities', 'billion laughs in the sheet', 'смех-лист.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, ['&lol9;', '12.06.2023', 'Орша']], LAUGHS('worksheet')).replace('&amp;lol9;', '&lol9;')] }), { titles: [] });
  add('entities', 'billion laughs in sharedStrings', 'смех-строки.xlsx', 'either', () =>
    sharedXlsx(`${LAUGHS('sst')}${without(sharedStringsXml(['Наименование мероприятия', 'Сроки', '&lol9;', '12.06.2023', 'Форум', 'май 2023']))}`), { titles: [] });
  add('entities', 'billion laughs in workbook.xml', 'смех-книга.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], workbook: `${LAUGHS('workbook')}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="&lol9;" sheetId="1" r:id="rId1"/></sheets></workbook>` }));
  add('entities', 'billion laughs in styles.xml', 'смех-стили.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], styles: `${LAUGHS('styleSheet')}${without(STYLES).replace('<numFmt numFmtId="164" formatCode="dd.mm.yyyy"/>', '<numFmt numFmtId="164" formatCode="&lol9;"/>')}` }));
  add('entities', 'quadratic blow-up (one 100 KB entity used 100,000 times)', 'раздувание.xlsx', 'either', () => {
    const head = `${XML}<!DOCTYPE worksheet [<!ENTITY a "${'a'.repeat(100_000)}">]>`;
    return xlsx({ sheets: [`${head}<worksheet xmlns="${MAIN}"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${'&a;'.repeat(100_000)}</t></is></c></row></sheetData></worksheet>`] });
  });
  add('entities', 'external entity in the sheet', 'внешняя-лист.xlsx', 'either', () =>
    xlsx({ sheets: [`${EXTERNAL('worksheet')}${without(sheetXml([HEADER, [{ xml: ' t="inlineStr"><is><t>&xxe;</t></is>' }, '12.06.2023', 'Орша']]))}`] }), { titles: [] });
  add('entities', 'external entity in sharedStrings', 'внешняя-строки.xlsx', 'either', () =>
    sharedXlsx(`${EXTERNAL('sst')}${without(sharedStringsXml(['Наименование мероприятия', 'Сроки', '&xxe;', '12.06.2023', 'Форум', 'май 2023']))}`), { titles: [] });
  add('entities', 'external entity in workbook.xml', 'внешняя-книга.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], workbook: `${EXTERNAL('workbook')}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="&xxe;" sheetId="1" r:id="rId1"/></sheets></workbook>` }));
  add('entities', 'parameter entity fetching a URL', 'внешняя-сеть.xlsx', 'either', () =>
    xlsx({ sheets: [`${XML}<!DOCTYPE worksheet [<!ENTITY % dtd SYSTEM "http://127.0.0.1:9/evil.dtd"> %dtd;]>${without(sheetXml([HEADER, ...SOUND_ROWS]))}`] }));

  // Many rows, many columns, big cells.
  // CSV limits checked while reading: a file of separators is one record of a hundred million cells.
  add('size', '99 MB of «;» (one record of 104 million empty cells)', 'разделители-99.csv', 'refuse', () => Buffer.alloc(99 * MB, ';'), { heavy: true });
  add('size', '99 MB of «,» and line breaks', 'запятые-99.csv', 'refuse', () => Buffer.from(`${','.repeat(1023)}\n`.repeat(99 * 1024)), { heavy: true });
  add('size', '200,000 rows × 500 columns of CSV', 'строки-столбцы.csv', 'refuse', () => Buffer.from(`${';'.repeat(499)}\n`.repeat(200_000)), { heavy: true });
  add('size', 'a CSV row of 20,000 cells', 'длинная-строка.csv', 'refuse', () => Buffer.concat([planCsv(SOUND_ROWS), Buffer.from(`\r\n${'Форум;'.repeat(20_000)}`)]));
  add('size', 'a CSV quote never closed, 1 MB after it', 'кавычка.csv', 'refuse', () => Buffer.concat([planCsv(SOUND_ROWS), Buffer.from(`\r\n"Форум;${'Ф'.repeat(MB)}`)]));
  add('size', 'a CSV quote never closed to the end', 'кавычка-конец.csv', 'refuse', () => Buffer.concat([planCsv(SOUND_ROWS), Buffer.from('\r\n"Форум;12.06.2023;Орша')]));
  add('size', 'CSV of 1,000,000 rows', 'миллион.csv', 'refuse', () => {
    const line = 'Мероприятие;12.06.2023;Орша\n';
    return Buffer.concat([Buffer.from(`${HEADER.join(';')}\n`), Buffer.from(line.repeat(1_000_000))]);
  }, { heavy: true });
  add('size', 'a row numbered 1,048,576', 'последняя-строка.xlsx', 'refuse', () =>
    xlsx({ sheets: [`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(HEADER, 1)}${rowXml(['Форум', '12.06.2023'], 1_048_576)}</sheetData></worksheet>`] }));
  add('size', 'one cell at XFD1048576', 'последняя-ячейка.xlsx', 'refuse', () =>
    xlsx({ sheets: [`${XML}<worksheet xmlns="${MAIN}"><sheetData><row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`] }));
  const wide = Array.from({ length: 16_384 }, (_, i) => (i < 3 ? (HEADER[i] as string) : `Столбец ${i + 1}`));
  add('size', '16,384 columns in a workbook', 'широкая.xlsx', 'read', () =>
    xlsx({ sheets: [sheetXml([wide, ...SOUND_ROWS.map((r) => [...r, ...Array.from({ length: 16_381 }, (_, i) => i)])])] }),
  { heavy: true, titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('size', '16,384 columns in a CSV', 'широкая.csv', 'read', () =>
    Buffer.from([wide, ...SOUND_ROWS.map((r) => [...r, ...Array.from({ length: 16_381 }, (_, i) => String(i))])].map((r) => r.join(';')).join('\n')),
  { heavy: true, titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('size', 'a single cell at column XFD', 'дальняя-ячейка.xlsx', 'either', () =>
    xlsx({ sheets: [`${XML}<worksheet xmlns="${MAIN}"><sheetData>${rowXml(HEADER, 1)}<row r="2"><c r="XFD2" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>`] }), { titles: [] });
  const megabyte = 'Очень длинное название. '.repeat(Math.ceil(MB / 24)).slice(0, MB);
  add('size', 'a 1 MB title in a workbook', 'длинная-ячейка.xlsx', 'refuse', () => planXlsx([[megabyte, '12.06.2023', 'Орша'], ...SOUND_ROWS]));
  add('size', 'a 1 MB title in sharedStrings', 'длинная-общая.xlsx', 'refuse', () => sharedPlanXlsx([[megabyte, '12.06.2023', 'Орша'], ...SOUND_ROWS]));
  add('size', 'a 99,000-character description is read', 'длинное-описание.csv', 'read', () => Buffer.from(`Наименование мероприятия;Сроки проведения;Описание\nФорум;12.06.2023;${'а'.repeat(99_000)}`), { titles: [], errorRows: 1 });
  add('size', 'a 1 MB title in a CSV', 'длинная-ячейка.csv', 'refuse', () => planCsv([[megabyte, '12.06.2023', 'Орша'], ...SOUND_ROWS]));
  add('size', 'forty 1 MB cells', 'много-длинных.xlsx', 'refuse', () => planXlsx(Array.from({ length: 40 }, () => [megabyte, '12.06.2023', 'Орша'])), { heavy: true });
  add('size', 'a 1 MB date and a 1 MB place', 'длинные-даты.csv', 'refuse', () => planCsv([['Форум', megabyte, megabyte], ...SOUND_ROWS]));
  add('size', 'one cell of 60 MB', 'огромная-ячейка.xlsx', 'refuse', () => planXlsx([['Ф'.repeat(30 * MB), '12.06.2023', 'Орша']]), { heavy: true });
  add('size', '5,000 sheets of nothing', 'пустые-листы.xlsx', 'refuse', () => xlsx({ sheets: Array.from({ length: 5000 }, () => sheetXml([])) }), { heavy: true });
  add('size', '1,000 sheets of nothing', 'тысяча-листов.xlsx', 'refuse', () => xlsx({ sheets: Array.from({ length: 1000 }, () => sheetXml([])) }), { heavy: true });

  // Dates that are no dates, in text and as numbers.
  const badDates = ['32.13.2021', '0000-00-00', '30 февраля 2021', '29.02.2021', '31.04.2022', '00.00.0000', '2021-02-30', '31.06.2023',
    '99.99.9999', '12.06.20233', '1.1.1', 'вчера', '—', '-1', '1e308', '15.07.1812', '01.01.10000', '\u0661\u0662.06.2023'];
  for (const [i, date] of badDates.entries()) {
    const rows = [['Форум', date, 'Орша'], ...SOUND_ROWS];
    add('dates', `«${date}» in a CSV`, `даты-${i}.csv`, 'read', () => planCsv(rows), { titles: SOUND_ROWS.map((r) => r[0] as string), errorRows: 1 });
    add('dates', `«${date}» in a workbook`, `даты-${i}.xlsx`, 'read', () => planXlsx(rows), { titles: SOUND_ROWS.map((r) => r[0] as string), errorRows: 1 });
  }
  for (const [i, serial] of ['-5', '0', '1e308', '99999999', '2958466', 'NaN', 'abc', '1e-300'].entries()) {
    add('dates', `date cell holding ${serial}`, `даты-число-${i}.xlsx`, 'read', () =>
      planXlsx([['Форум', { xml: ` s="1"><v>${serial}</v>` }, 'Орша'], ...SOUND_ROWS]), { titles: SOUND_ROWS.map((r) => r[0] as string), errorRows: 1 });
  }
  add('dates', 'a typed date cell of 30 February', 'даты-тип.xlsx', 'read', () =>
    planXlsx([['Форум', { xml: ' t="d"><v>2021-02-30</v>' }, 'Орша'], ...SOUND_ROWS]), { titles: SOUND_ROWS.map((r) => r[0] as string), errorRows: 1 });
  // A sound typed date cell beside it is read as its date.
  add('dates', 'a typed date cell of 20 September', 'даты-тип-верная.xlsx', 'read', () =>
    planXlsx([['Форум', { xml: ' t="d"><v>2021-09-20T00:00:00</v>' }, 'Орша'], ...SOUND_ROWS]), { titles: ['Форум', ...SOUND_ROWS.map((r) => r[0] as string)], errorRows: 0 });

  // Control characters, direction marks and invisible characters in text.
  // What each title must read as: the invisible and control characters gone, the text kept.
  const odd: [string, string, string][] = [
    ['C0 controls', 'Фо\u0001рум\u0007 \u001b[31mкрасный\u001b[0m', 'Форум [31mкрасный[0m'],
    ['DEL and C1 controls', 'Фо\u007fрум\u0085\u009b', 'Форум'],
    // The Latin «o» typed inside a Cyrillic word is folded to Cyrillic on import.
    ['right-to-left override', '\u202eмурoФ\u202c Форум', 'муроФ Форум'],
    ['right-to-left and left-to-right marks', '\u200fФорум\u200e молодёжи', 'Форум молодёжи'],
    ['isolates', '\u2067Форум\u2069 \u2066молодёжи\u2069', 'Форум молодёжи'],
    ['zero-width characters', 'Фо\u200bрум\u200c мо\u200dлодёжи\u2060\ufeff', 'Форум молодёжи'],
    ['line and paragraph separators', 'Форум\u2028молодёжи\u2029', 'Форум молодёжи'],
  ];
  for (const [i, [what, title, clean]] of odd.entries()) {
    add('odd text', `${what} in a CSV title`, `знаки-${i}.csv`, 'read', () => planCsv([[title, '12.06.2023', 'Орша']]), { titles: [clean] });
    add('odd text', `${what} in a workbook title`, `знаки-${i}.xlsx`, 'read', () => sharedPlanXlsx([[title, '12.06.2023', 'Орша']]), { titles: [clean] });
  }
  add('odd text', 'a lone surrogate written as UTF-8 can write it', 'знаки-суррогат.csv', 'read', () => planCsv([['Форум \ud800 молодёжи', '12.06.2023', 'Орша']]), { titles: ['Форум \ufffd молодёжи'] });
  add('odd text', 'a control character as a character reference', 'знаки-ссылка.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, [{ xml: ' t="inlineStr"><is><t>Фо&#1;рум&#x1b;</t></is>' }, '12.06.2023', 'Орша']])] }), { titles: ['Форум'] });
  add('odd text', 'a NUL byte in the middle of a CSV', 'знаки-нуль.csv', 'either', () =>
    Buffer.concat([planCsv(SOUND_ROWS), Buffer.from('\r\nФо\0рум;12.06.2023;Орша')]), { titles: [...SOUND_ROWS.map((r) => r[0] as string), 'Форум'] });
  add('odd text', 'a direction-mark sheet name', 'знаки-лист.xlsx', 'read', () => xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS])], sheetNames: ['\u202eтсил\u202c'] }), { titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('odd text', 'HTML and script in cells', 'разметка.csv', 'read', () =>
    planCsv([['<img src=x onerror=alert(1)>Форум', '12.06.2023', '<script>alert(1)</script>']]), { titles: ['<img src=x onerror=alert(1)>Форум'] });

  // Empty and nearly empty files.
  for (const ext of ['xlsx', 'xls', 'csv']) add('empty', `0 bytes .${ext}`, `пусто.${ext}`, 'refuse', () => Buffer.alloc(0));
  add('empty', 'only a BOM', 'бом.csv', 'refuse', () => Buffer.from([0xef, 0xbb, 0xbf]));
  add('empty', 'only line breaks', 'строки.csv', 'refuse', () => Buffer.from('\r\n'.repeat(1000)));
  add('empty', 'only separators', 'разделители.csv', 'refuse', () => Buffer.from(';;;;\n'.repeat(100)));
  add('empty', 'only spaces', 'пробелы.csv', 'refuse', () => Buffer.from(' \t '.repeat(1000)));
  add('empty', 'a workbook without sheets', 'без-листов.xlsx', 'refuse', () => xlsx({ sheets: [] }));
  add('empty', 'a workbook with an empty sheet', 'пустой-лист.xlsx', 'refuse', () => xlsx({ sheets: [sheetXml([])] }));
  add('empty', 'a zip with no entries', 'пустой-архив.xlsx', 'refuse', () => makeZip([]));
  add('empty', 'a zip with one empty entry', 'пустая-часть.xlsx', 'refuse', () => makeZip([{ name: 'xl/workbook.xml', data: '' }]));
  add('empty', 'a sheet part that is not XML', 'не-xml.xlsx', 'refuse', () => xlsx({ sheets: ['это не XML <<<'] }));
  add('empty', 'a sheet part that is not closed', 'незакрытый.xlsx', 'refuse', () => xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS]).slice(0, -30)] }), { titles: [] });

  // Text in encodings nobody expects.
  const text = [HEADER, ...SOUND_ROWS].map((r) => r.join(';')).join('\r\n');
  add('encoding', 'UTF-16LE without a BOM', 'utf16le.csv', 'either', () => Buffer.from(text, 'utf16le'), { titles: [] });
  add('encoding', 'UTF-16BE without a BOM', 'utf16be.csv', 'either', () => Buffer.from(text, 'utf16le').swap16(), { titles: [] });
  add('encoding', 'UTF-16LE with a BOM', 'utf16le-bom.csv', 'read', () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), { titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('encoding', 'UTF-32LE', 'utf32.csv', 'either', () => {
    const codes = [...text].map((c) => c.codePointAt(0) as number);
    const out = Buffer.alloc(codes.length * 4);
    codes.forEach((c, i) => out.writeUInt32LE(c, i * 4));
    return out;
  }, { titles: [] });
  add('encoding', 'Windows-1251 as Excel saves it', 'win1251.csv', 'read', () => iconv.encode(text, 'windows-1251'), { titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('encoding', 'UTF-8 with one stray byte', 'utf8-байт.csv', 'read', () => {
    const utf8 = Buffer.from(text, 'utf8');
    const at = utf8.lastIndexOf(Buffer.from('Лепель', 'utf8')); // in the place, not the title
    return Buffer.concat([utf8.subarray(0, at), Buffer.from([0xff]), utf8.subarray(at)]);
  }, { titles: SOUND_ROWS.map((r) => r[0] as string) });
  add('encoding', 'KOI8-R', 'koi8.csv', 'either', () => iconv.encode(text, 'koi8-r'), { titles: [] });
  add('encoding', 'CP866', 'cp866.csv', 'either', () => iconv.encode(text, 'cp866'), { titles: [] });
  add('encoding', 'UTF-8 and Windows-1251 lines mixed', 'смесь.csv', 'either', () =>
    Buffer.concat([Buffer.from(`${HEADER.join(';')}\r\nФорум;12.06.2023;Орша\r\n`), Buffer.from([0xd4, 0xee, 0xf0, 0xf3, 0xec, 0x3b, 0x31, 0x32, 0x2e, 0x30, 0x36, 0x2e, 0x32, 0x30, 0x32, 0x33])]));
  add('encoding', 'an overlong UTF-8 sequence', 'длинная-последовательность.csv', 'either', () =>
    Buffer.concat([planCsv(SOUND_ROWS), Buffer.from([0x0d, 0x0a, 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0x3b, 0x31])]));
  add('encoding', 'a workbook declaring UTF-16 but written in UTF-8', 'кодировка.xlsx', 'either', () =>
    xlsx({ sheets: [sheetXml([HEADER, ...SOUND_ROWS], '<?xml version="1.0" encoding="UTF-16"?>\n')] }));
  add('encoding', 'a workbook in Windows-1251', 'кодировка-1251.xlsx', 'either', () =>
    xlsx({ sheets: [Buffer.from(sheetXml([HEADER, ...SOUND_ROWS], '<?xml version="1.0" encoding="windows-1251"?>\n'), 'latin1').toString('latin1')] }));

  // Files of other kinds under a spreadsheet's name.
  for (const [kind, bytes] of MAGIC) {
    add('wrong type', `${kind} named .xlsx`, `картинка-${kind}.xlsx`, 'refuse', () => bytes);
    add('wrong type', `${kind} named .csv`, `картинка-${kind}.csv`, 'either', () => bytes, { titles: [] });
  }
  const docx = () => makeZip([
    { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>` },
    { name: 'word/document.xml', data: `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>Отчёт</w:t></w:r></w:p></w:body></w:document>` },
  ]);
  add('wrong type', 'a Word document named .xlsx', 'отчёт.xlsx', 'refuse', docx);
  add('wrong type', 'a Word document named .csv', 'отчёт.csv', 'refuse', docx);
  add('wrong type', 'an OpenDocument sheet named .xlsx', 'таблица.xlsx', 'refuse', () =>
    makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }, { name: 'content.xml', data: '<office:document-content/>' }]));
  add('wrong type', 'an HTML page named .xls', 'выгрузка.xls', 'refuse', () => Buffer.from('<html><body><table><tr><td>Форум</td></tr></table></body></html>'));
  add('wrong type', 'an XML Spreadsheet 2003 named .xls', 'таблица-2003.xls', 'refuse', () =>
    Buffer.from(`${XML}<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet><Table><Row><Cell><Data>Форум</Data></Cell></Row></Table></Worksheet></Workbook>`));
  add('wrong type', 'an OLE file that is no workbook', 'старый.xls', 'refuse', () => Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), randomBytes(2000, 21)]));
  add('wrong type', 'a shell script named .csv', 'скрипт.csv', 'either', () => Buffer.from('#!/bin/sh\nrm -rf / --no-preserve-root\n'), { titles: [] });
  documentCases(add);
  return cases;
}

/** The sound plan as a table of cells. */
const SOUND_TABLE = [HEADER, ...SOUND_ROWS].map((row) => row.map((text) => ({ text })));
const SOUND_TITLES = SOUND_ROWS.map((r) => r[0] as string);

/** A cut at each of these fractions of a file, and near its end. */
function cutsOf(file: Buffer): number[] {
  const cuts = [1, 4, 30, 100];
  for (let i = 1; i <= 9; i++) cuts.push(Math.floor((file.length * i) / 10));
  cuts.push(file.length - 22, file.length - 1);
  return [...new Set(cuts)];
}

type Add = (group: string, name: string, fileName: string, expected: Expected, make: HostileCase['make'], more?: Partial<HostileCase>) => void;

/** Word, OpenDocument and old Excel files: cut, damaged, bombs, entities, sizes, odd text, other types. */
function documentCases(add: Add): void {
  const word = docx(wordDocumentXml(wordParagraph('План мероприятий на 2023 год') + wordTable(SOUND_TABLE)));
  const ods = odf('ods', odfContentXml('ods', odfTable(SOUND_TABLE)));
  const odt = odf('odt', odfContentXml('odt', odfParagraph('План мероприятий на 2023 год') + odfTable(SOUND_TABLE)));
  const oldExcel = () => xls([HEADER, ...SOUND_ROWS]);
  add('odd text', 'a sound Word plan is read', 'план.docx', 'read', () => word, { titles: SOUND_TITLES });
  add('odd text', 'a sound OpenDocument sheet is read', 'план.ods', 'read', () => ods, { titles: SOUND_TITLES });
  add('odd text', 'a sound OpenDocument text plan is read', 'план.odt', 'read', () => odt, { titles: SOUND_TITLES });
  add('odd text', 'a sound .xls plan is read', 'план.xls', 'read', oldExcel, { titles: SOUND_TITLES });
  const oddTitle = [[{ text: '\u202eмуроФ\u202c Фо\u200bрум' }, { text: '12.06.2023' }, { text: 'Орша' }]];
  add('odd text', 'direction marks and zero-width characters in a Word title', 'знаки.docx', 'read', () => docx(wordDocumentXml(wordTable([...SOUND_TABLE.slice(0, 1), ...oddTitle]))), { titles: ['муроФ Форум'] });
  add('odd text', 'direction marks and zero-width characters in an .ods title', 'знаки.ods', 'read', () => odf('ods', odfContentXml('ods', odfTable([...SOUND_TABLE.slice(0, 1), ...oddTitle]))), { titles: ['муроФ Форум'] });

  for (const [kind, file] of [['docx', word], ['ods', ods], ['odt', odt]] as const) {
    for (const cut of cutsOf(file)) add('cut zip', `.${kind}: first ${cut} of ${file.length} bytes`, `план-${cut}.${kind}`, 'refuse', () => file.subarray(0, cut));
    for (let i = 1; i <= 6; i++) {
      const at = Math.floor((file.length * i) / 7);
      add('damaged zip', `.${kind}: 64 random bytes at ${at}`, `план-повреждён-${at}.${kind}`, 'either', () => {
        const copy = Buffer.from(file);
        randomBytes(64, at + 5).copy(copy, at);
        return copy;
      }, { titles: SOUND_TITLES });
    }
  }
  for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) {
    add('cut zip', `.xls: the first ${fraction * 100} %`, `план-${fraction}.xls`, 'refuse', async () => {
      const file = await oldExcel();
      return file.subarray(0, Math.floor(file.length * fraction));
    });
  }
  add('damaged zip', '.xls: random bytes over its sector table', 'план-сектора.xls', 'either', async () => {
    const file = Buffer.from(await oldExcel());
    randomBytes(512, 99).copy(file, 512);
    return file;
  }, { titles: SOUND_TITLES });

  // Bombs in the parts the document readers parse.
  const wordHead = `${XML}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
  const odsHead = odfContentXml('ods', '').split('<office:spreadsheet>')[0] as string;
  for (const lie of [false, true]) {
    const how = lie ? 'declaring 4 KB' : 'declared';
    add('zip bomb', `word/document.xml of 2 GB of spaces, ${how}`, 'бомба.docx', 'refuse', () => docx(bomb('', wordHead, ' ', 2 * GB, '</w:body></w:document>', lie)), { heavy: true });
    add('zip bomb', `content.xml of 1 GB of rows, ${how}`, 'бомба.ods', 'refuse', () =>
      odf('ods', bomb('', `${odsHead}<office:spreadsheet><table:table table:name="Лист1">`, '<table:table-row><table:table-cell office:value-type="string"><text:p>Форум</text:p></table:table-cell></table:table-row>', GB, '</table:table></office:spreadsheet></office:body></office:document-content>', lie)), { heavy: true });
  }
  add('zip bomb', 'a Word table cell of 1 GB', 'бомба-ячейка.docx', 'refuse', () =>
    docx(bomb('', `${wordHead}<w:tbl><w:tr><w:tc><w:p><w:r><w:t>`, 'Ф', GB, '</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:body></w:document>', true)), { heavy: true });
  add('zip bomb', 'a Word table of 1 GB of empty paragraphs in one cell', 'бомба-абзацы.docx', 'refuse', () =>
    docx(bomb('', `${wordHead}<w:tbl><w:tr><w:tc>`, '<w:p/>', GB, '</w:tc></w:tr></w:tbl></w:body></w:document>', false)), { heavy: true });

  // Entities: refused outright in a document, whatever they would expand to.
  add('entities', 'billion laughs in word/document.xml', 'смех.docx', 'refuse', () =>
    docx(`${LAUGHS('w:document')}${without(wordDocumentXml(wordTable([...SOUND_TABLE, [{ text: '&lol9;' }, { text: '12.06.2023' }]]))).replace('&amp;lol9;', '&lol9;')}`));
  add('entities', 'billion laughs in an .ods content.xml', 'смех.ods', 'refuse', () =>
    odf('ods', `${LAUGHS('office:document-content')}${without(odfContentXml('ods', odfTable([...SOUND_TABLE, [{ text: '&lol9;' }]]))).replace('&amp;lol9;', '&lol9;')}`));
  add('entities', 'billion laughs in an .odt content.xml', 'смех.odt', 'refuse', () =>
    odf('odt', `${LAUGHS('office:document-content')}${without(odfContentXml('odt', odfTable(SOUND_TABLE)))}`));
  add('entities', 'external entity in word/document.xml', 'внешняя.docx', 'refuse', () =>
    docx(`${EXTERNAL('w:document')}${without(wordDocumentXml(wordTable([...SOUND_TABLE, [{ text: '&xxe;' }]]))).replace('&amp;xxe;', '&xxe;')}`));
  add('entities', 'an undeclared entity in content.xml', 'сущность.odt', 'refuse', () =>
    odf('odt', odfContentXml('odt', odfTable([...SOUND_TABLE, [{ text: '&nbsp;' }]])).replace('&amp;nbsp;', '&nbsp;')));

  // Sizes: repeats and spans that would make a billion rows or cells, long tables and cells.
  const odsRows = (rows: string) => odf('ods', odfContentXml('ods', `<table:table table:name="Лист1">${rows}</table:table>`));
  const odsRow = (cells: string, attributes = '') => `<table:table-row${attributes}>${cells}</table:table-row>`;
  const odsCell = (text: string, attributes = '') => `<table:table-cell office:value-type="string"${attributes}><text:p>${escapeXml(text)}</text:p></table:table-cell>`;
  const odsHeader = odsRow(HEADER.map((h) => odsCell(h)).join(''));
  add('size', 'an .ods row repeated a billion times', 'повтор-строк.ods', 'refuse', () =>
    odsRows(odsHeader + odsRow(SOUND_ROWS[0]?.map((t) => odsCell(t)).join('') ?? '', ' table:number-rows-repeated="1000000000"')));
  add('size', 'an .ods cell repeated a billion times', 'повтор-ячеек.ods', 'read', () =>
    odsRows(odsHeader + odsRow(`${odsCell('Форум')}${odsCell('12.06.2023')}${odsCell('Орша', ' table:number-columns-repeated="1000000000"')}`)), { titles: ['Форум'] });
  add('size', 'an .ods with a million empty rows, then one', 'далёкая-строка.ods', 'refuse', () =>
    odsRows(`${odsHeader}${odsRow('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="1048000"')}${odsRow(odsCell('Форум') + odsCell('12.06.2023'))}`));
  add('size', 'an .ods with the million empty rows LibreOffice writes at the end', 'хвост.ods', 'read', () =>
    odsRows(`${odsHeader}${SOUND_ROWS.map((r) => odsRow(r.map((t) => odsCell(t)).join(''))).join('')}${odsRow('<table:table-cell table:number-columns-repeated="1024"/>', ' table:number-rows-repeated="1048570"')}`), { titles: SOUND_TITLES });
  add('size', 'a merge over a billion rows', 'слияние.ods', 'read', () =>
    odsRows(odsHeader + odsRow(`${odsCell('Форум')}${odsCell('12.06.2023', ' table:number-rows-spanned="1000000000"')}`)), { titles: ['Форум'] });
  add('size', '20,000 rows each with a cell merged over a billion rows (overlapping merges)', 'слияния.ods', 'either', () =>
    odsRows(odsHeader + Array.from({ length: 20_000 }, (_, i) => odsRow(`${odsCell(`Форум ${i}`)}${odsCell('12.06.2023', ' table:number-rows-spanned="1000000000"')}`)).join('')));
  add('size', 'a Word table of 200,001 rows', 'длинная.docx', 'refuse', () =>
    docx(wordDocumentXml(`<w:tbl>${'<w:tr><w:tc><w:p><w:r><w:t>Форум</w:t></w:r></w:p></w:tc></w:tr>'.repeat(200_001)}</w:tbl>`)), { heavy: true });
  add('size', 'a Word cell spanning a billion columns', 'широкая.docx', 'read', () =>
    docx(wordDocumentXml(wordTable(SOUND_TABLE).replace('</w:tbl>', '<w:tr><w:tc><w:p><w:r><w:t>Форум</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>12.06.2023</w:t></w:r></w:p></w:tc><w:tc><w:tcPr><w:gridSpan w:val="1000000000"/></w:tcPr><w:p><w:r><w:t>Орша</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>лишнее</w:t></w:r></w:p></w:tc></w:tr></w:tbl>'))), { titles: [...SOUND_TITLES, 'Форум'], errorRows: 0 });
  const megabyte = 'Очень длинное название. '.repeat(Math.ceil(MB / 24)).slice(0, MB);
  add('size', 'a 1 MB title in a Word table', 'длинная-ячейка.docx', 'refuse', () => docx(wordDocumentXml(wordTable([...SOUND_TABLE, [{ text: megabyte }, { text: '12.06.2023' }]]))));
  add('size', 'a 1 MB title in an .ods', 'длинная-ячейка.ods', 'refuse', () => odf('ods', odfContentXml('ods', odfTable([...SOUND_TABLE, [{ text: megabyte }, { text: '12.06.2023' }]]))));
  add('size', 'a 1 MB paragraph above a Word table (dropped, not a title)', 'длинный-абзац.docx', 'read', () =>
    docx(wordDocumentXml(wordParagraph(megabyte.slice(0, 99_000)) + wordParagraph(megabyte.slice(0, 99_000)) + wordTable(SOUND_TABLE))), { titles: SOUND_TITLES });
  // An .xls is parsed whole into memory: refused by the cells and sheets its records declare, before that.
  add('size', 'an .xls declaring 2.05 million blank cells (500 MULBLANK records)', 'много-ячеек.xls', 'refuse', async () =>
    xlsWithRecords(await oldExcel(), { type: 0x00be, length: 8224, count: 500 }));
  add('size', 'an .xls declaring 1,001 sheets', 'много-листов.xls', 'refuse', async () => xlsWithRecords(await oldExcel(), { type: 0x0085, length: 8, count: 1001 }));
  add('size', '2,000 tables in a Word document', 'много-таблиц.docx', 'refuse', () => docx(wordDocumentXml(wordTable(SOUND_TABLE).repeat(2000))));
  add('size', '2,000 sheets in an .ods', 'много-листов.ods', 'refuse', () => odf('ods', odfContentXml('ods', odfTable(SOUND_TABLE).repeat(2000))));

  // Empty documents and documents of other kinds.
  add('empty', 'a Word document without a table', 'письмо.docx', 'refuse', () => docx(wordDocumentXml(wordParagraph('Направляем план мероприятий.'))));
  add('empty', 'a Word document with an empty table', 'пустая-таблица.docx', 'refuse', () => docx(wordDocumentXml('<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl>')));
  add('empty', 'an .odt without a body', 'пустой.odt', 'refuse', () => odf('odt', `${XML}<office:document-content/>`));
  add('empty', 'an .ods whose content.xml is not XML', 'не-xml.ods', 'refuse', () => odf('ods', 'это не XML <<<'));
  add('empty', 'a Word document.xml not closed', 'незакрытый.docx', 'refuse', () => docx(wordDocumentXml(wordTable(SOUND_TABLE)).slice(0, -40)));
  add('wrong type', 'an OpenDocument file without content.xml', 'без-содержимого.ods', 'refuse', () =>
    makeZip([{ name: 'mimetype', data: 'application/vnd.oasis.opendocument.spreadsheet', method: 0 }]));
  add('wrong type', 'an OpenDocument file protected with a password', 'пароль.ods', 'refuse', () =>
    odf('ods', odfContentXml('ods', odfTable(SOUND_TABLE)), [{ name: 'META-INF/manifest.xml', data: '<manifest:manifest><manifest:encryption-data/></manifest:manifest>' }]));
  // FILEPASS right after the workbook's BOF, as Excel writes a password-protected .xls (RC4, version 1.1).
  const filePass = Buffer.alloc(54);
  filePass.writeUInt16LE(1, 0);
  filePass.writeUInt16LE(1, 2);
  filePass.writeUInt16LE(1, 4);
  add('wrong type', 'an .xls protected with a password', 'пароль.xls', 'refuse', async () => xlsWithRecords(await oldExcel(), { type: 0x002f, length: 54, count: 1, data: filePass, afterBof: true }));
  add('wrong type', 'a Word 97–2003 document', 'старый.doc', 'refuse', () => readFileSync(join(import.meta.dirname, '../fixtures/import/old-word.doc')));
  add('wrong type', 'a Word 97–2003 document named .xls', 'старый-документ.xls', 'refuse', () => readFileSync(join(import.meta.dirname, '../fixtures/import/old-word.doc')));
}

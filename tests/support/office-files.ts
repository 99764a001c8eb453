// Word (.docx), OpenDocument (.odt, .ods) and old Excel (.xls) files built in tests: a table with
// merged cells as each format writes it, and any part replaced, for the readers' tests and the
// hostile-input suite.
import { escapeXml } from './hostile-files';
import { makeZip, type ZipPart } from './zip-writer';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A cell of a generated table: its text, and how it is merged with its neighbours. */
export interface TableCell {
  text: string;
  /** Columns the cell spans (its first one holds the text). */
  span?: number;
  /** Rows the cell spans downwards (the rows below have a continuing cell in its place). */
  rows?: number;
}

/** A table of rows of cells; `null` is a cell covered by a merge above (left out by the writers). */
export type Table = (TableCell | null)[][];

export function wordParagraph(text: string): string {
  return `<w:p><w:r><w:t xml:space="preserve">${escapeXml(text)}</w:t></w:r></w:p>`;
}

/** A Word table: gridSpan for columns, vMerge restart/continue for rows. */
export function wordTable(table: Table): string {
  const width = Math.max(...table.map((row) => row.reduce((n, c) => n + (c?.span ?? 1), 0)));
  /** For each column, the rows a merge above still covers and its span. */
  const covering = new Map<number, { left: number; span: number }>();
  const rows = table.map((row) => {
    let col = 0;
    const cells: string[] = [];
    let next = 0;
    while (col < width) {
      const cover = covering.get(col);
      if (cover && cover.left > 0) {
        cover.left--;
        cells.push(`<w:tc><w:tcPr>${cover.span > 1 ? `<w:gridSpan w:val="${cover.span}"/>` : ''}<w:vMerge/></w:tcPr><w:p/></w:tc>`);
        col += cover.span;
        continue;
      }
      let cell = row[next++];
      while (cell === null) cell = row[next++];
      if (cell === undefined) break;
      const span = cell.span ?? 1;
      const props = `${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}${(cell.rows ?? 1) > 1 ? '<w:vMerge w:val="restart"/>' : ''}`;
      if ((cell.rows ?? 1) > 1) covering.set(col, { left: (cell.rows ?? 1) - 1, span });
      cells.push(`<w:tc>${props ? `<w:tcPr>${props}</w:tcPr>` : ''}${cell.text.split('\n').map(wordParagraph).join('')}</w:tc>`);
      col += span;
    }
    return `<w:tr>${cells.join('')}</w:tr>`;
  });
  return `<w:tbl><w:tblGrid>${'<w:gridCol/>'.repeat(width)}</w:tblGrid>${rows.join('')}</w:tbl>`;
}

export function wordDocumentXml(body: string, prolog = XML): string {
  return `${prolog}<w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`;
}

/** A .docx with `document` as word/document.xml (a string, or a part such as a bomb). */
export function docx(document: string | ZipPart, extra: ZipPart[] = []): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>` },
    { name: '_rels/.rels', data: `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>` },
    typeof document === 'string' ? { name: 'word/document.xml', data: document } : { ...document, name: 'word/document.xml' },
    ...extra,
  ]);
}

const ODF_NS = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"';

export function odfParagraph(text: string): string {
  return `<text:p>${escapeXml(text)}</text:p>`;
}

/** An OpenDocument table: number-columns-spanned and number-rows-spanned, covered cells in their places. */
export function odfTable(table: Table, name = 'Лист1'): string {
  const width = Math.max(...table.map((row) => row.reduce((n, c) => n + (c?.span ?? 1), 0)));
  const covered = new Map<number, number>();
  const rows = table.map((row) => {
    let col = 0;
    let next = 0;
    const cells: string[] = [];
    while (col < width) {
      const left = covered.get(col) ?? 0;
      if (left > 0) {
        covered.set(col, left - 1);
        cells.push('<table:covered-table-cell/>');
        col++;
        continue;
      }
      let cell = row[next++];
      while (cell === null) cell = row[next++];
      if (cell === undefined) break;
      const span = cell.span ?? 1;
      const down = cell.rows ?? 1;
      for (let c = col; c < col + span; c++) if (down > 1) covered.set(c, down - 1);
      cells.push(`<table:table-cell${span > 1 ? ` table:number-columns-spanned="${span}"` : ''}${down > 1 ? ` table:number-rows-spanned="${down}"` : ''} office:value-type="string">${cell.text.split('\n').map(odfParagraph).join('')}</table:table-cell>`);
      for (let c = 1; c < span; c++) cells.push('<table:covered-table-cell/>');
      col += span;
    }
    return `<table:table-row>${cells.join('')}</table:table-row>`;
  });
  return `<table:table table:name="${escapeXml(name)}"><table:table-column table:number-columns-repeated="${width}"/>${rows.join('')}</table:table>`;
}

export function odfContentXml(kind: 'ods' | 'odt', body: string, prolog = XML): string {
  const element = kind === 'ods' ? 'office:spreadsheet' : 'office:text';
  return `${prolog}<office:document-content ${ODF_NS} office:version="1.3"><office:body><${element}>${body}</${element}></office:body></office:document-content>`;
}

/** An .ods or .odt with `content` as content.xml. */
export function odf(kind: 'ods' | 'odt', content: string | ZipPart, extra: ZipPart[] = []): Buffer {
  const type = kind === 'ods' ? 'application/vnd.oasis.opendocument.spreadsheet' : 'application/vnd.oasis.opendocument.text';
  return makeZip([
    { name: 'mimetype', data: type, method: 0 },
    typeof content === 'string' ? { name: 'content.xml', data: content } : { ...content, name: 'content.xml' },
    { name: 'META-INF/manifest.xml', data: `${XML}<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="${type}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>` },
    ...extra,
  ]);
}

/** The plain rows of a table as a sheet shows them: text in a merge's first cell, the rest empty. */
export function plainRows(table: Table): string[][] {
  return table.map((row) => row.flatMap((cell) => (cell === null ? [''] : [cell.text, ...Array.from({ length: (cell.span ?? 1) - 1 }, () => '')])));
}

/** An .xls (BIFF8) of the rows, merges given as 0-based ranges, hidden rows 1-based, written by SheetJS. */
export async function xls(rows: readonly (readonly (string | number | null)[])[], options: { merges?: { s: { r: number; c: number }; e: { r: number; c: number } }[]; hiddenRows?: number[] } = {}): Promise<Buffer> {
  const X = await import('@e965/xlsx');
  const sheet = X.utils.aoa_to_sheet(rows.map((r) => [...r]));
  if (options.merges) sheet['!merges'] = options.merges;
  if (options.hiddenRows) sheet['!rows'] = Array.from({ length: rows.length }, (_, i) => ({ hidden: options.hiddenRows?.includes(i + 1) ?? false }));
  const book = X.utils.book_new();
  X.utils.book_append_sheet(book, sheet, 'Лист1');
  return X.write(book, { type: 'buffer', bookType: 'biff8' }) as Buffer;
}

/**
 * The .xls with `records` (BIFF type and data length, zeros, `count` times) appended to its Workbook
 * stream, or (`afterBof`) the given data as one record right after the stream's first BOF record.
 */
export async function xlsWithRecords(file: Buffer, records: { type: number; length: number; count: number; data?: Buffer; afterBof?: boolean }): Promise<Buffer> {
  const X = await import('@e965/xlsx');
  const CFB = X.CFB as unknown as {
    read(data: Buffer, options: { type: 'buffer' }): unknown;
    find(cfb: unknown, path: string): { content: Uint8Array; size: number } | null;
    write(cfb: unknown, options: { type: 'buffer' }): Buffer;
  };
  const cfb = CFB.read(file, { type: 'buffer' });
  const stream = CFB.find(cfb, 'Workbook');
  if (!stream) throw new Error('no Workbook stream');
  const record = Buffer.alloc(4 + records.length);
  record.writeUInt16LE(records.type, 0);
  record.writeUInt16LE(records.length, 2);
  records.data?.copy(record, 4);
  const content = Buffer.from(stream.content);
  const bof = 4 + content.readUInt16LE(2);
  stream.content = records.afterBof
    ? Buffer.concat([content.subarray(0, bof), record, content.subarray(bof)])
    : Buffer.concat([content, ...Array.from({ length: records.count }, () => record)]);
  stream.size = stream.content.length;
  return Buffer.from(CFB.write(cfb, { type: 'buffer' }));
}

// The documents as files: .docx in the style of Russian official documents (ГОСТ Р 7.0.97-2016), text, Markdown;
// paragraphs and tables for every kind, a letter's form (sender, addressee, signature) for the covering letter.
import type { DepartmentSettings } from '../../../shared/schema/department';
import type { DocumentKind, Report, ReportFormat, ReportTable } from '../../../shared/schema/report';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
/** Tables are set a size smaller than the body, as official tables are (12 pt). */
const TABLE_SIZE = 24;
/** The executor's mark is set smaller than the body (ГОСТ Р 7.0.97-2016, 5.1). */
const MARK_SIZE = 20; // 10 pt
/**
 * 1.15 lines, as a multiple of the font's own line (`lineRule="auto"`): without the rule LibreOffice, Р7-Офис and
 * МойОфис read 240 as an exact 12 pt pitch and 14 pt lines touch.
 */
const LINE = 276;
/** A table with this many columns or more is set on a landscape page. */
const LANDSCAPE_COLUMNS = 5;

const MM = 56.6929; // twips in a millimetre
const PAGE = { width: 210, height: 297, top: 20, bottom: 20, left: 20, right: 10 } as const;

/** Who prepared the document: the department's responsible person from Настройки. */
export type Executor = Pick<DepartmentSettings, 'responsibleName' | 'responsiblePhone'>;

/** «Исп. И.О. Фамилия, тел. …»; null when neither is known. */
export function executorMark(executor: Executor | undefined): string | null {
  const name = executor?.responsibleName?.trim();
  const phone = executor?.responsiblePhone?.trim();
  if (!name && !phone) return null;
  // The phone stays on one line: its spaces do not break.
  const tel = phone ? `тел.\u00a0${phone.replace(/ /g, '\u00a0')}` : null;
  return `Исп. ${[name, tel].filter(Boolean).join(', ')}`;
}

/** A piece of a document in reading order: a paragraph (by index) or a table. */
type Block = { paragraph: number } | { table: ReportTable };

/** The paragraphs with each table after its first `after` of them (past the end: at the end). */
function blocks(report: Report): Block[] {
  const out: Block[] = [];
  const tablesAfter = (n: number) => report.tables.filter((t) => Math.min(t.after, report.paragraphs.length) === n).map((table) => ({ table }));
  out.push(...tablesAfter(0));
  report.paragraphs.forEach((_, i) => out.push({ paragraph: i }, ...tablesAfter(i + 1)));
  return out;
}

/** A cell's text on one line, for the text and Markdown forms. */
const oneLine = (text: string) => text.replace(/\s*\n\s*/g, ' ');

function tableText(table: ReportTable): string {
  const lines = [...(table.caption ? [table.caption] : []), table.columns.join('\t'), ...table.rows.map((row) => row.map(oneLine).join('\t'))];
  return lines.join('\n');
}

/** The letter's title (its subject line) follows the sender and addressee; every other title comes first. */
function titleFirst(kind: DocumentKind): boolean {
  return kind !== 'letter';
}

export function reportText(report: Report, kind: DocumentKind = 'report'): string {
  const body = blocks(report).map((b) => ('table' in b ? tableText(b.table) : (report.paragraphs[b.paragraph]?.text ?? '')));
  const parts = titleFirst(kind) ? [report.title, '', ...body] : [...body.slice(0, 2), report.title, ...body.slice(2)];
  return parts.join('\n') + '\n';
}

export function reportMarkdown(report: Report, kind: DocumentKind = 'report'): string {
  // Markdown's own characters in the text stay text.
  const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');
  const cells = (row: readonly string[]) => `| ${row.map((c) => escape(oneLine(c))).join(' | ')} |`;
  const table = (t: ReportTable) => [
    ...(t.caption ? [`${escape(t.caption)}\n`] : []),
    [cells(t.columns), `|${t.columns.map(() => ' --- ').join('|')}|`, ...t.rows.map(cells)].join('\n'),
  ].join('\n');
  const body = blocks(report).map((b) => ('table' in b ? table(b.table) : escape(report.paragraphs[b.paragraph]?.text ?? '').replace(/\n/g, '  \n')));
  const title = `# ${escape(report.title)}`;
  const parts = titleFirst(kind) ? [title, ...body] : [...body.slice(0, 2), title, ...body.slice(2)];
  return parts.join('\n\n') + '\n';
}

/** Whether the document is set on landscape pages: a table of many columns reads better so. */
export function isLandscape(report: Report): boolean {
  return report.tables.some((t) => t.columns.length >= LANDSCAPE_COLUMNS);
}

/** The width of the text on the page, in millimetres. */
function textWidth(landscape: boolean): number {
  return (landscape ? PAGE.height : PAGE.width) - PAGE.left - PAGE.right;
}

/** Average width of a character of Times New Roman in running text (Cyrillic with its spaces, justified), in millimetres per point of size. */
const CHAR_MM_PER_PT = 0.178;
/** The width a character of a long word may take (wide letters such as «ж», «ш», «щ», «ю» among them): a column fits its longest word. */
const WORD_CHAR_MM_PER_PT = 0.2;
/** A cell's padding on both sides together (100 twips each), with a margin for the borders, in millimetres. */
const CELL_PADDING_MM = 4.5;
/** A column whose cells are all this short (numbers, counts) gets only the width its header and cells need. */
const NARROW_CELL = 6;

/**
 * Column widths (twips) in proportion to what the columns hold, never narrower than the longest word
 * of a column at the table's size (the header's in bold), so that no word breaks mid-way; columns of
 * numbers only as wide as they need.
 */
export function columnWidths(table: ReportTable, totalMm: number): number[] {
  const charMm = WORD_CHAR_MM_PER_PT * (TABLE_SIZE / 2);
  const cells = (j: number) => table.rows.map((r) => r[j] ?? '');
  const longestWord = (texts: string[]) => Math.max(0, ...texts.flatMap((t) => t.split(/\s+/).map((w) => w.length)));
  const n = table.columns.length;
  const mins = Array.from({ length: n }, (_, j) => Math.max(longestWord([table.columns[j] ?? '']) * 1.08, longestWord(cells(j))) * charMm + CELL_PADDING_MM);
  const narrow = Array.from({ length: n }, (_, j) => cells(j).every((c) => c.length <= NARROW_CELL));
  const weights = Array.from({ length: n }, (_, j) => {
    const texts = cells(j).length ? cells(j) : [table.columns[j] ?? ''];
    // Less than in proportion: a column of long names gives some of its width to the shorter ones.
    return Math.max(Math.min(texts.reduce((a, t) => a + t.length, 0) / texts.length, 200), 4) ** 0.75;
  });
  const fixedMm = mins.reduce((a, m, j) => a + (narrow[j] ? m : 0), 0);
  const sum = weights.reduce((a, w, j) => a + (narrow[j] ? 0 : w), 0);
  let widths = weights.map((w, j) => (narrow[j] ? (mins[j] ?? 0) : sum ? (w / sum) * (totalMm - fixedMm) : 0));
  // Columns under their minimum get it; the others give it up in proportion.
  const short = widths.map((w, j) => narrow[j] || w < (mins[j] ?? 0));
  const fixed = widths.reduce((a, _w, j) => a + (short[j] ? (mins[j] ?? 0) : 0), 0);
  const free = widths.reduce((a, w, j) => a + (short[j] ? 0 : w), 0);
  if (fixed < totalMm && free > 0) widths = widths.map((w, j) => (short[j] ? (mins[j] ?? 0) : (w * (totalMm - fixed)) / free));
  // Every column narrow: they share the width in proportion to their needs.
  const total = widths.reduce((a, b) => a + b, 0);
  if (total < totalMm - 1 && !widths.some((_w, j) => !short[j])) widths = widths.map((w) => (w * totalMm) / total);
  return widths.map((w) => Math.round(w * MM));
}

/**
 * How many A4 sheets the document takes as the .docx sets it: lines of 14 pt text at 1.15 spacing, tables'
 * rows by their tallest cell. An estimate for a letter's «Приложение: … на N л.»; the clerk checks it.
 */
export function estimatePages(report: Report): number {
  const landscape = isLandscape(report);
  const width = textWidth(landscape);
  const height = (landscape ? PAGE.width : PAGE.height) - PAGE.top - PAGE.bottom;
  // The pitch of 1.15 lines of 14 pt Times New Roman as LibreOffice sets it (41 lines to an A4 page).
  const lineMm = (size: number) => size * 0.3528 * 1.15 * 1.1;
  const linesOf = (text: string, mm: number, size: number, indent = 0) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil((line.length * CHAR_MM_PER_PT * size + indent) / mm)), 0);
  // The title with the space after it, and the executor's mark with the space before it.
  let used = lineMm(14) * linesOf(report.title, width * 0.9, 14) + 4 + 17;
  for (const b of blocks(report)) {
    if ('table' in b) {
      const widths = columnWidths(b.table, width).map((w) => w / MM - CELL_PADDING_MM);
      const rowMm = (row: readonly string[]) => Math.max(...row.map((c, j) => linesOf(c, widths[j] ?? width, 12))) * lineMm(12) * 0.87 + 1.5;
      used += (b.table.caption ? lineMm(14) * 1.5 : 0) + [b.table.columns, ...b.table.rows].reduce((sum, r) => sum + rowMm(r), 0) + lineMm(14) * 0.5;
    } else used += lineMm(14) * linesOf(report.paragraphs[b.paragraph]?.text ?? '', width, 14, 12.5);
  }
  return Math.max(1, Math.ceil(used / height));
}

export async function reportDocx(report: Report, executor?: Executor, kind: DocumentKind = 'report'): Promise<Buffer> {
  // docx is loaded here, when a .docx is made: the commands and the app's start that make none skip it.
  const {
    AlignmentType, BorderStyle, convertMillimetersToTwip, Document, Footer, Header, LineRuleType, Packer, PageNumber, PageOrientation,
    Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, VerticalAlign, WidthType,
  } = await import('docx');
  const INDENT = convertMillimetersToTwip(12.5);
  const spacing = { line: LINE, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  const single = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  const landscape = isLandscape(report);
  const textTwips = convertMillimetersToTwip(textWidth(landscape));
  const mark = executorMark(executor);
  const letter = kind === 'letter';

  /** A text's lines as runs: a line end in the text is a line break in the paragraph. */
  const runs = (text: string, options: { bold?: boolean; size?: number } = {}) =>
    text.split('\n').map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, font: FONT, size: options.size ?? SIZE, bold: options.bold }));

  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const line = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
  const table = (t: ReportTable) => {
    const widths = columnWidths(t, textWidth(landscape));
    const cell = (text: string, j: number, header: boolean) => new TableCell({
      width: { size: widths[j] ?? 0, type: WidthType.DXA },
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      margins: { left: 100, right: 100, top: 30, bottom: 30 },
      children: text.split('\n').map((l) => new Paragraph({
        // Numbers and short counts centred, words to the left.
        alignment: header || /^[\d.]+$/.test(l.trim()) ? AlignmentType.CENTER : AlignmentType.LEFT,
        spacing: single,
        children: [new TextRun({ text: l, font: FONT, size: TABLE_SIZE, bold: header })],
      })),
    });
    return [
      // The caption above the table, or a little air between the text and the table.
      t.caption
        ? new Paragraph({ alignment: AlignmentType.LEFT, keepNext: true, spacing: { ...spacing, before: 240, after: 120 }, children: runs(t.caption) })
        : new Paragraph({ keepNext: true, spacing: { ...single, after: 0 }, children: [] }),
      new Table({
        layout: TableLayoutType.FIXED,
        width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
        columnWidths: widths,
        borders: { top: line, bottom: line, left: line, right: line, insideHorizontal: line, insideVertical: line },
        rows: [
          // The header repeats on every page the table runs over.
          new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, j) => cell(c, j, true)) }),
          ...t.rows.map((row) => new TableRow({ cantSplit: row.join('').length < 600, children: t.columns.map((_, j) => cell(row[j] ?? '', j, false)) })),
        ],
      }),
      // Air after the table before the text goes on.
      new Paragraph({ spacing: single, children: [] }),
    ];
  };

  const title = new Paragraph({
    alignment: letter ? AlignmentType.LEFT : AlignmentType.CENTER,
    spacing: { ...spacing, before: letter ? 240 : 0, after: letter ? 480 : 240 },
    children: runs(report.title, { bold: !letter }),
  });

  const body = (i: number, last: boolean) => {
    const text = report.paragraphs[i]?.text ?? '';
    // The mark never stands alone on a last page.
    const keepNext = mark !== null && last;
    if (letter && /^Уважаем/.test(text)) {
      return new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, after: 240 }, children: runs(text) });
    }
    if (letter && /^Приложени[ея]:/.test(text)) {
      return new Paragraph({ alignment: AlignmentType.JUSTIFIED, spacing: { ...spacing, before: 240 }, indent: { left: INDENT * 1.7, hanging: INDENT * 1.7 }, children: runs(text) });
    }
    if (letter && last) {
      // The signature: the position on the left, the name at the right margin.
      return new Paragraph({
        alignment: AlignmentType.LEFT,
        keepNext,
        spacing: { ...spacing, before: 720 },
        tabStops: [{ type: TabStopType.RIGHT, position: textTwips }],
        children: runs(text),
      });
    }
    // A paragraph that opens a list («…:») stays on the page of the list's first item.
    return new Paragraph({ alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing, keepNext: keepNext || /:$/.test(text.trim()), children: runs(text) });
  };

  const children: (InstanceType<typeof Paragraph> | InstanceType<typeof Table>)[] = [];
  const all = blocks(report);
  if (letter) {
    // The form's head: the department and the registration blanks on the left, the addressee on the right.
    const half = Math.round(textTwips / 2);
    const headCell = (i: number, alignment: (typeof AlignmentType)[keyof typeof AlignmentType], bold: boolean) => new TableCell({
      width: { size: half, type: WidthType.DXA },
      borders: { top: none, bottom: none, left: none, right: none },
      children: (report.paragraphs[i]?.text ?? '').split('\n').map((l, k) => new Paragraph({
        alignment,
        spacing: { ...spacing, before: k === 1 && i === 0 ? 240 : 0 },
        children: [new TextRun({ text: l, font: FONT, size: SIZE, bold: bold && k === 0 })],
      })),
    });
    children.push(new Table({
      layout: TableLayoutType.FIXED,
      width: { size: half * 2, type: WidthType.DXA },
      columnWidths: [half, half],
      borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
      rows: [new TableRow({ children: [headCell(0, AlignmentType.CENTER, true), headCell(1, AlignmentType.LEFT, false)] })],
    }));
    children.push(title);
  } else children.push(title);
  const lastParagraph = report.paragraphs.length - 1;
  for (const b of all) {
    if ('table' in b) children.push(...table(b.table));
    else if (!letter || b.paragraph > 1) children.push(body(b.paragraph, b.paragraph === lastParagraph));
  }
  // A letter of one sheet carries the executor's mark where ГОСТ Р 7.0.97-2016 puts it, at the foot of the
  // page (its first page's footer); any other document after its text, never alone on a last page.
  const markInFooter = mark !== null && letter && estimatePages(report) === 1;
  const markParagraph = (before: number) => new Paragraph({
    alignment: AlignmentType.LEFT,
    spacing: { line: 240, lineRule: LineRuleType.AUTO, before, after: 0 },
    keepLines: true,
    children: [new TextRun({ text: mark ?? '', font: FONT, size: MARK_SIZE })],
  });
  if (mark && !markInFooter) children.push(markParagraph(720));

  const document = new Document({
    creator: 'Реестр сотрудничества',
    title: report.title,
    // Russian for spell-check and hyphenation in every office suite.
    styles: { default: { document: { run: { font: FONT, size: SIZE, language: { value: 'ru-RU' } }, paragraph: { spacing } } } },
    hyphenation: { autoHyphenation: true },
    sections: [{
      properties: {
        titlePage: true, // no number on the first page
        page: {
          size: {
            width: convertMillimetersToTwip(PAGE.width),
            height: convertMillimetersToTwip(PAGE.height),
            orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
          },
          margin: {
            top: convertMillimetersToTwip(PAGE.top), bottom: convertMillimetersToTwip(PAGE.bottom),
            left: convertMillimetersToTwip(PAGE.left), right: convertMillimetersToTwip(PAGE.right),
            header: convertMillimetersToTwip(10), footer: convertMillimetersToTwip(10),
          },
        },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE })] })] }),
        first: new Header({ children: [] }),
      },
      ...(markInFooter ? { footers: { first: new Footer({ children: [markParagraph(0)] }) } } : {}),
      children,
    }],
  });
  return Packer.toBuffer(document);
}

/** The executor's mark goes into the .docx only: the text and Markdown are the document's words alone. */
export async function renderReport(report: Report, format: ReportFormat, executor?: Executor, kind: DocumentKind = 'report'): Promise<Buffer> {
  if (format === 'docx') return reportDocx(report, executor, kind);
  return Buffer.from(format === 'md' ? reportMarkdown(report, kind) : reportText(report, kind), 'utf8');
}

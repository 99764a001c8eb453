// The report as files: .docx in the style of Russian official documents (ГОСТ Р 7.0.97-2016), text, Markdown.
import type { DepartmentSettings } from '../../../shared/schema/department';
import type { Report, ReportFormat } from '../../../shared/schema/report';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt
/** The executor's mark is set smaller than the body (ГОСТ Р 7.0.97-2016, 5.1). */
const MARK_SIZE = 20; // 10 pt
/**
 * 1.15 lines, as a multiple of the font's own line (`lineRule="auto"`): without the rule LibreOffice, Р7-Офис and
 * МойОфис read 240 as an exact 12 pt pitch and 14 pt lines touch.
 */
const LINE = 276;

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

export function reportText(report: Report): string {
  return [report.title, '', ...report.paragraphs.map((p) => p.text)].join('\n') + '\n';
}

export function reportMarkdown(report: Report): string {
  // Markdown's own characters in the text stay text.
  const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');
  return [`# ${escape(report.title)}`, ...report.paragraphs.map((p) => escape(p.text))].join('\n\n') + '\n';
}

export async function reportDocx(report: Report, executor?: Executor): Promise<Buffer> {
  // docx is loaded here, when a .docx is made: the commands and the app's start that make none skip it.
  const { AlignmentType, convertMillimetersToTwip, Document, Header, LineRuleType, Packer, PageNumber, Paragraph, TextRun } = await import('docx');
  const INDENT = convertMillimetersToTwip(12.5);
  const spacing = { line: LINE, lineRule: LineRuleType.AUTO, before: 0, after: 0 };
  const mark = executorMark(executor);
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
          size: { width: convertMillimetersToTwip(210), height: convertMillimetersToTwip(297) },
          margin: {
            top: convertMillimetersToTwip(20), bottom: convertMillimetersToTwip(20),
            left: convertMillimetersToTwip(20), right: convertMillimetersToTwip(10),
            header: convertMillimetersToTwip(10),
          },
        },
      },
      headers: {
        default: new Header({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: SIZE })] })] }),
        first: new Header({ children: [] }),
      },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { ...spacing, after: 240 }, children: [new TextRun({ text: report.title, bold: true, font: FONT, size: SIZE })] }),
        ...report.paragraphs.map((p, i) => new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          spacing,
          // The mark never stands alone on a last page.
          keepNext: mark !== null && i === report.paragraphs.length - 1,
          children: [new TextRun({ text: p.text, font: FONT, size: SIZE })],
        })),
        // The executor's mark: left, small, set apart from the text.
        ...(mark ? [new Paragraph({
          alignment: AlignmentType.LEFT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 720, after: 0 },
          keepLines: true,
          children: [new TextRun({ text: mark, font: FONT, size: MARK_SIZE })],
        })] : []),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

/** The executor's mark goes into the .docx only: the text and Markdown are the report's words alone. */
export async function renderReport(report: Report, format: ReportFormat, executor?: Executor): Promise<Buffer> {
  if (format === 'docx') return reportDocx(report, executor);
  return Buffer.from(format === 'md' ? reportMarkdown(report) : reportText(report), 'utf8');
}

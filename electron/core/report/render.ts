// The report as files: .docx in the style of Russian official documents (ГОСТ Р 7.0.97-2016), text, Markdown.
import type { Report, ReportFormat } from '../../../shared/schema/report';

const FONT = 'Times New Roman';
const SIZE = 28; // half-points: 14 pt

export function reportText(report: Report): string {
  return [report.title, '', ...report.paragraphs.map((p) => p.text)].join('\n') + '\n';
}

export function reportMarkdown(report: Report): string {
  // Markdown's own characters in the text stay text.
  const escape = (text: string) => text.replace(/([\\`*_[\]#<>|])/g, '\\$1').replace(/^(\d+)\. /, '$1\\. ');
  return [`# ${escape(report.title)}`, ...report.paragraphs.map((p) => escape(p.text))].join('\n\n') + '\n';
}

export async function reportDocx(report: Report): Promise<Buffer> {
  // docx is loaded here, when a .docx is made: the commands and the app's start that make none skip it.
  const { AlignmentType, convertMillimetersToTwip, Document, Header, Packer, PageNumber, Paragraph, TextRun } = await import('docx');
  const INDENT = convertMillimetersToTwip(12.5);
  const document = new Document({
    creator: 'Реестр сотрудничества',
    title: report.title,
    styles: { default: { document: { run: { font: FONT, size: SIZE } } } },
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
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 240 }, children: [new TextRun({ text: report.title, bold: true, font: FONT, size: SIZE })] }),
        ...report.paragraphs.map((p) => new Paragraph({
          alignment: AlignmentType.JUSTIFIED,
          indent: { firstLine: INDENT },
          spacing: { line: 240, before: 0, after: 0 },
          children: [new TextRun({ text: p.text, font: FONT, size: SIZE })],
        })),
      ],
    }],
  });
  return Packer.toBuffer(document);
}

export async function renderReport(report: Report, format: ReportFormat): Promise<Buffer> {
  if (format === 'docx') return reportDocx(report);
  return Buffer.from(format === 'md' ? reportMarkdown(report) : reportText(report), 'utf8');
}

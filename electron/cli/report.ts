// `reestr report [--kind K] --period P`: a drafted document (the report, the plan, the справка, the agreements
// report, the covering letter) on the screen or in a .docx, .txt or .md file.
import { writeFile } from 'node:fs/promises';
import type { Core } from '../core/core';
import { buildDocument } from '../core/services/reports';
import { departmentSettings } from '../core/services/department';
import { renderReport, reportText } from '../core/report/render';
import { AppError } from '../../shared/errors';
import { DocumentKindSchema, ReportFormatSchema, ReportInputSchema, type DocumentKind } from '../../shared/schema/report';
import { parseOrThrow } from '../../shared/schema/messages';
import { DOCUMENT_KIND_LABELS } from '../../shared/ru/documents';
import { countOf } from '../../shared/ru/plural';
import { periodArg, type ParsedArgs } from './args';

const PARAGRAPH_FORMS = ['абзац', 'абзаца', 'абзацев'] as const;
const ROW_FORMS = ['строка', 'строки', 'строк'] as const;

/** «записан», «записана», «записано» after the document's name. */
const WRITTEN: Record<DocumentKind, string> = { report: 'записан', plan: 'записан', spravka: 'записана', agreements: 'записан', letter: 'записано' };

function kindArg(text: string | undefined): DocumentKind {
  if (text === undefined) return 'report';
  const kind = DocumentKindSchema.safeParse(text.trim().toLowerCase()).data;
  if (!kind) {
    const known = DocumentKindSchema.options.map((k) => `${k} (${DOCUMENT_KIND_LABELS[k].toLowerCase()})`).join(', ');
    throw new AppError('bad_request', `Неизвестный вид документа «${text}» в параметре «--kind». Укажите один из видов: ${known}.`);
  }
  return kind;
}

export async function writeReport(core: Core, p: ParsedArgs, io: { out: (text: string) => void }): Promise<void> {
  const value = (name: string) => p.values[name]?.at(-1);
  const kind = kindArg(value('kind'));
  if (value('period') === undefined) throw new AppError('bad_request', `Укажите период: --period ${kind === 'plan' ? '2022' : '2021-H2'}.`);
  const input = parseOrThrow(ReportInputSchema, { kind, period: periodArg(value('period')), partner: value('partner'), rounded: p.flags.has('rounded') });
  const report = await buildDocument(core, input);
  const out = value('out');
  if (!out) {
    io.out(reportText(report, kind));
    return;
  }
  const format = ReportFormatSchema.safeParse(/\.([^.]+)$/.exec(out)?.[1]?.toLowerCase()).data;
  if (!format) throw new AppError('bad_request', `Файл документа должен называться .docx, .txt или .md, а не «${out}».`);
  try {
    await writeFile(out, await renderReport(report, format, await departmentSettings(core), kind));
  } catch (e) {
    throw new AppError('internal', `Не удалось записать «${out}» (${(e as NodeJS.ErrnoException).code ?? String(e)}): проверьте папку и права на запись.`);
  }
  const rows = report.tables.reduce((sum, t) => sum + t.rows.length, 0);
  const contents = [countOf(report.paragraphs.length, PARAGRAPH_FORMS), ...(report.tables.length ? [`${countOf(rows, ROW_FORMS)} в таблицах`] : [])].join(', ');
  io.out(`${DOCUMENT_KIND_LABELS[kind]} ${WRITTEN[kind]} в «${out}»: ${contents}.`);
}

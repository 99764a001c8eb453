// `reestr report --period P`: the drafted report on the screen or in a .docx, .txt or .md file.
import { writeFile } from 'node:fs/promises';
import type { Core } from '../core/core';
import { buildReport } from '../core/report/build';
import { departmentSettings } from '../core/services/department';
import { renderReport, reportText } from '../core/report/render';
import { AppError } from '../../shared/errors';
import { ReportFormatSchema, ReportInputSchema } from '../../shared/schema/report';
import { parseOrThrow } from '../../shared/schema/messages';
import { countOf } from '../../shared/ru/plural';
import { periodArg, type ParsedArgs } from './args';

const PARAGRAPH_FORMS = ['абзац', 'абзаца', 'абзацев'] as const;

export async function writeReport(core: Core, p: ParsedArgs, io: { out: (text: string) => void }): Promise<void> {
  const value = (name: string) => p.values[name]?.at(-1);
  if (value('period') === undefined) throw new AppError('bad_request', 'Укажите период: --period 2021-H2.');
  const report = buildReport(core, parseOrThrow(ReportInputSchema, { period: periodArg(value('period')), partner: value('partner'), rounded: p.flags.has('rounded') }));
  const out = value('out');
  if (!out) {
    io.out(reportText(report));
    return;
  }
  const format = ReportFormatSchema.safeParse(/\.([^.]+)$/.exec(out)?.[1]?.toLowerCase()).data;
  if (!format) throw new AppError('bad_request', `Файл отчёта должен называться .docx, .txt или .md, а не «${out}».`);
  try {
    await writeFile(out, await renderReport(report, format, departmentSettings(core)));
  } catch (e) {
    throw new AppError('internal', `Не удалось записать «${out}» (${(e as NodeJS.ErrnoException).code ?? String(e)}): проверьте папку и права на запись.`);
  }
  io.out(`Отчёт записан в «${out}»: ${countOf(report.paragraphs.length, PARAGRAPH_FORMS)}.`);
}

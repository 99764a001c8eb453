// Document drafts: built from the register, edited and saved by the clerk per kind, period and partner, exported.
import type { Core } from '../core';
import { buildDocument as draftDocument, draftKey } from '../report/documents';
import { buildReport as draftReport } from '../report/build';
import { renderReport } from '../report/render';
import { departmentSettings } from './department';
import { reportSource } from './report-sources';
import type { Period } from '../../../shared/period';
import type { DocumentKind, Report, ReportDraft, ReportFormat, ReportInput } from '../../../shared/schema/report';
import { documentFileStem } from '../../../shared/ru/documents';

/** The document of the input's kind, drafted from the register as it is now. */
export async function buildDocument(core: Core, input: ReportInput): Promise<Report> {
  return draftDocument(await reportSource(core), input);
}

/** The report of a period (the kind «report»), drafted from the register as it is now. */
export async function buildReport(core: Core, input: ReportInput): Promise<Report> {
  return draftReport(await reportSource(core), input);
}

/** The saved draft of the kind and period, or (`fresh`, or none saved) a new one from the register. */
export async function reportDraft(core: Core, input: ReportInput & { fresh: boolean }): Promise<ReportDraft> {
  const saved = input.fresh ? undefined : await core.drafts.get(draftKey(input));
  return saved ?? { report: await buildDocument(core, input), savedAt: null };
}

export async function saveReport(core: Core, input: ReportInput & { report: Report }): Promise<ReportDraft> {
  const now = core.now();
  await core.drafts.save(draftKey(input), { partner: input.partner ?? null, rounded: input.rounded }, input.report, now);
  return { report: input.report, savedAt: now };
}

/** Forgets the saved draft of the kind; the next one is built from the register again («Собрать заново»). */
export async function discardReport(core: Core, input: ReportInput): Promise<ReportDraft> {
  await core.drafts.discard(draftKey(input));
  return reportDraft(core, { ...input, fresh: true });
}

/** «Отчёт_II_полугодие_2021_года.docx», «План_мероприятий_на_2022_год.docx», «Справка_за_III_квартал_2021_года.docx». */
export function reportFileName(period: Period, format: ReportFormat, kind: DocumentKind = 'report'): string {
  return `${documentFileStem(kind, period).replace(/[\s.–]+/g, '_').replace(/_+$/, '')}.${format}`;
}

/** The document as a file; `kind` names the file and lays it out (the report's when left out). */
export async function exportReport(core: Core, report: Report, period: Period, format: ReportFormat, kind: DocumentKind = 'report'): Promise<{ fileName: string; data: string }> {
  const data = await renderReport(report, format, await departmentSettings(core), kind);
  return { fileName: reportFileName(period, format, kind), data: data.toString('base64') };
}

// Report drafts: built from the register, edited and saved by the clerk per period and partner, exported.
import type { Core } from '../core';
import { buildReport } from '../report/build';
import { renderReport } from '../report/render';
import { departmentSettings } from './department';
import type { Period } from '../../../shared/period';
import type { Report, ReportDraft, ReportFormat, ReportInput } from '../../../shared/schema/report';
import { nameKey } from '../../../shared/ru/normalize';
import { periodTitle } from '../../../shared/ru/periods';

function draftKey(input: ReportInput): [period: string, partner: string] {
  return [`${input.period.start}..${input.period.end}`, nameKey(input.partner ?? '')];
}

/** The saved draft of the period, or (`fresh`, or none saved) a new one from the register. */
export function reportDraft(core: Core, input: ReportInput & { fresh: boolean }): ReportDraft {
  const saved = input.fresh ? undefined : core.drafts.get(...draftKey(input));
  return saved ?? { report: buildReport(core, input), savedAt: null };
}

export function saveReport(core: Core, input: ReportInput & { report: Report }): ReportDraft {
  const now = core.now();
  core.drafts.save(...draftKey(input), { partner: input.partner ?? null, rounded: input.rounded }, input.report, now);
  return { report: input.report, savedAt: now };
}

/** Forgets the saved draft; the next one is built from the register again. */
export function discardReport(core: Core, input: ReportInput): ReportDraft {
  core.drafts.discard(...draftKey(input));
  return reportDraft(core, { ...input, fresh: true });
}

/** «Отчёт_II_полугодие_2021_года.docx». */
export function reportFileName(period: Period, format: ReportFormat): string {
  return `Отчёт_${periodTitle(period).replace(/[\s.–]+/g, '_')}.${format}`;
}

export async function exportReport(core: Core, report: Report, period: Period, format: ReportFormat): Promise<{ fileName: string; data: string }> {
  return { fileName: reportFileName(period, format), data: (await renderReport(report, format, departmentSettings(core))).toString('base64') };
}

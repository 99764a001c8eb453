// The documents drafted from the register, one module a kind: the report (report/build.ts), the plan,
// the справка, the agreements report and the covering letter of the report.
import type { DraftKey } from '../../store/types';
import { buildReport } from '../build';
import { estimatePages } from '../render';
import type { ReportSource } from '../sources';
import type { Report, ReportInput } from '../../../../shared/schema/report';
import { nameKey } from '../../../../shared/ru/normalize';
import { buildAgreementsReport } from './agreements';
import { buildLetter } from './letter';
import { buildPlan } from './plan';
import { buildSpravka } from './spravka';

/** One saved draft per kind, period and partner. */
export function draftKey(input: ReportInput): DraftKey {
  return { kind: input.kind, period: `${input.period.start}..${input.period.end}`, partnerKey: nameKey(input.partner ?? '') };
}

/** The report the letter covers: the clerk's saved draft of the period if there is one, else the register's. */
async function attachedReport(source: ReportSource, input: ReportInput): Promise<Report> {
  const report = { ...input, kind: 'report' as const };
  return await source.savedReport(report) ?? await buildReport(source, report);
}

export async function buildDocument(source: ReportSource, input: ReportInput): Promise<Report> {
  switch (input.kind) {
    case 'report':
      return buildReport(source, input);
    case 'plan':
      return buildPlan(source, input);
    case 'spravka':
      return buildSpravka(source, input);
    case 'agreements':
      return buildAgreementsReport(source, input);
    case 'letter':
      return buildLetter(source, input, estimatePages(await attachedReport(source, input)));
  }
}

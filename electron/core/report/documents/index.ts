// The documents drafted from the register, one module a kind: the report (report/build.ts), the plan,
// the справка, the agreements report and the covering letter of the report.
import type { Core } from '../../core';
import type { DraftKey } from '../../db/report-drafts';
import { buildReport } from '../build';
import { estimatePages } from '../render';
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
function attachedReport(core: Core, input: ReportInput): Report {
  const report = { ...input, kind: 'report' as const };
  return core.drafts.get(draftKey(report))?.report ?? buildReport(core, report);
}

export function buildDocument(core: Core, input: ReportInput): Report {
  switch (input.kind) {
    case 'report':
      return buildReport(core, input);
    case 'plan':
      return buildPlan(core, input);
    case 'spravka':
      return buildSpravka(core, input);
    case 'agreements':
      return buildAgreementsReport(core, input);
    case 'letter':
      return buildLetter(core, input, estimatePages(attachedReport(core, input)));
  }
}

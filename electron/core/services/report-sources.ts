// The read model the documents of report/ are drafted from, over the open register.
import type { Core } from '../core';
import type { ReportSource } from '../report/sources';
import { draftKey } from '../report/documents';
import { getAgreement } from './agreements';
import { departmentSettings, homeOf } from './department';
import { refForms } from './ref-forms';

export function reportSource(core: Core): ReportSource {
  const forms = refForms(core);
  return {
    events: (filter) => core.events.getMany(core.events.allIds(filter)),
    agreements: () => core.agreements.all(),
    agreement: (id) => getAgreement(core, id),
    refForms: forms,
    home: homeOf(core, forms),
    department: () => departmentSettings(core),
    savedReport: (input) => core.drafts.get(draftKey(input))?.report,
    today: core.now().slice(0, 10),
  };
}

// The read model the documents of report/ are drafted from, over the open register.
import type { Core } from '../core';
import type { ReportSource } from '../report/sources';
import { draftKey } from '../report/documents';
import { getAgreement } from './agreements';
import { departmentSettings, homeOf } from './department';
import { refForms } from './ref-forms';

export async function reportSource(core: Core): Promise<ReportSource> {
  const forms = await refForms(core);
  return {
    events: async (filter) => core.events.getMany(await core.events.allIds(filter)),
    agreements: () => core.agreements.all(),
    agreement: (id) => getAgreement(core, id),
    refForms: forms,
    home: await homeOf(core, forms),
    department: () => departmentSettings(core),
    savedReport: async (input) => (await core.drafts.get(draftKey(input)))?.report,
    today: core.now().slice(0, 10),
  };
}

// The read models the workbooks of export/ are written from, over the open register.
import type { Core } from '../core';
import type { FullSource, PeriodSource } from '../export/sources';
import { listEvents } from './events';
import { listRefs } from './references';
import { refForms } from './ref-forms';
import { homeOf } from './department';
import { EventFilterSchema } from '../../../shared/schema/event';

export async function periodSource(core: Core): Promise<PeriodSource> {
  const forms = await refForms(core);
  return {
    eventIds: (filter) => core.events.allIds(filter),
    events: (ids) => core.events.getMany(ids, true),
    partnerNames: (ids) => core.events.partnerNames(ids),
    agreements: () => core.agreements.all(),
    refForms: forms,
    homeCountryId: (await homeOf(core, forms)).countryRef?.id,
  };
}

export function fullSource(core: Core): FullSource {
  return {
    events: async (offset, limit) => (await listEvents(core, EventFilterSchema.parse({ sort: 'startDate', order: 'asc', limit, offset }))).items,
    agreements: () => core.agreements.all(),
    refs: (kind) => listRefs(core, kind, true, false),
  };
}

// The demo register: the events and agreement of the sample half-year report, loaded as one undoable batch.
import type { Core } from '../core';
import data from '../../../resources/demo-data.json';
import { AgreementInputSchema } from '../../../shared/schema/agreement';
import { EventInputSchema } from '../../../shared/schema/event';
import { createAgreement } from './agreements';
import { insertEvents } from './events';

export const DEMO_BATCH_NAME = 'Демонстрационные данные';

export interface DemoResult {
  batchId: number;
  events: number;
  agreements: number;
  /** True when an earlier run had loaded them and nothing was written now. */
  alreadyLoaded: boolean;
}

export async function loadDemo(core: Core): Promise<DemoResult> {
  return core.transaction(async (core): Promise<DemoResult> => {
    // Loaded once: events of it the clerk has since moved to the trash stay there.
    const previous = await core.settings.get<number>('demoBatchId');
    if (previous !== undefined) return { batchId: previous, events: 0, agreements: 0, alreadyLoaded: true };
    const batchId = await core.batches.insert({ fileName: DEMO_BATCH_NAME, sheet: null, sha256: null, options: undefined, user: core.user, now: core.now() });
    const agreement = await createAgreement(core, AgreementInputSchema.parse(data.agreement), batchId);
    const inputs = data.events.map(({ linkToAgreement, ...event }) =>
      EventInputSchema.parse({ ...event, agreementId: linkToAgreement ? agreement.id : null }),
    );
    const ids = await insertEvents(core, inputs, batchId);
    const summary = { events: ids.length, agreements: 1 };
    await core.batches.setSummary(batchId, summary);
    await core.settings.set('demoBatchId', batchId);
    return { batchId, ...summary, alreadyLoaded: false };
  });
}

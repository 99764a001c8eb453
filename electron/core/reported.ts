// What a report of a period counts, one rule for the report (report/build.ts) and the export's «Сводка»
// (export/period-workbook.ts), so the two always count the same events.
import type { EventFilter } from '../../shared/schema/event';

/** The held events among those a filter selects. */
export function reportedEvents(filter: EventFilter): EventFilter {
  return { ...filter, statuses: ['held'] };
}

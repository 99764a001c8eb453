// What the workbooks read, handed in by the services (services/export-sources.ts): export/ writes
// files from these read models and never calls a service or the database itself.
import type { Agreement } from '../../../shared/schema/agreement';
import type { Event, EventFilter } from '../../../shared/schema/event';
import type { Ref, RefKind } from '../../../shared/schema/reference';
import type { RefForms } from '../ref-forms';

/** The period workbook's reads. */
export interface PeriodSource {
  /** Ids of the live events of the filter, in its order. */
  eventIds(filter: EventFilter): Promise<number[]>;
  /** The events of the ids without their descriptions (the sheet has no such column), in the ids' order. */
  events(ids: readonly number[]): Promise<Event[]>;
  /** The distinct partner names of the events. */
  partnerNames(ids: readonly number[]): Promise<string[]>;
  /** Every live agreement, in the register's order. */
  agreements(): Promise<Agreement[]>;
  refForms: RefForms;
  /** The department's own country: titles name the partners abroad only. */
  homeCountryId: number | undefined;
}

/** The full export's reads. */
export interface FullSource {
  /** A page of the live events by start date. */
  events(offset: number, limit: number): Promise<Event[]>;
  /** Every live agreement. */
  agreements(): Promise<Agreement[]>;
  /** A reference list with hidden entries, sorted by name. */
  refs(kind: RefKind): Promise<Ref[]>;
}

// What the documents are drafted from, handed in by the services (services/report-sources.ts): report/
// writes texts from these read models and never calls a service or the database itself.
import type { Agreement } from '../../../shared/schema/agreement';
import type { DepartmentSettings } from '../../../shared/schema/department';
import type { Event, EventFilter } from '../../../shared/schema/event';
import type { Ref } from '../../../shared/schema/reference';
import type { Report, ReportInput } from '../../../shared/schema/report';
import type { RefForms } from '../ref-forms';

/** Where the department is: the one rule every text about «here» reads (reports, sheet titles). */
export interface Home {
  region: string;
  country: string;
  regionRef: Ref | undefined;
  countryRef: Ref | undefined;
}

/** The documents' reads. */
export interface ReportSource {
  /** Every live event the filter selects, in its order (the page size aside). */
  events(filter: EventFilter): Promise<Event[]>;
  /** Every live agreement, in the register's order. */
  agreements(): Promise<Agreement[]>;
  /** One agreement an event names. */
  agreement(id: number): Promise<Agreement>;
  refForms: RefForms;
  home: Home;
  /** The department's card (the letter's signature). */
  department(): Promise<DepartmentSettings>;
  /** The clerk's saved draft of the input's kind, period and partner, if there is one. */
  savedReport(input: ReportInput): Promise<Report | undefined>;
  /** Today's date (ISO) by the register's clock. */
  today: string;
}

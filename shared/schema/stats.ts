// The overview: counts of a period beside the same period a year before, agreements to watch, what is next.
import { z } from 'zod';
import { IdSchema, IsoDateSchema, PeriodSchema } from './common';
import { EventSummarySchema } from './event';

export const OverviewInputSchema = z.strictObject({
  period: PeriodSchema,
  /** «Today» for the agreements' terms and the coming events; the computer's date when left out. */
  today: IsoDateSchema.optional(),
});

export const CountSchema = z.object({
  /** What a click filters the events by: a month code, a name, a format code; '' for «not given». */
  key: z.string(),
  label: z.string(),
  count: z.int(),
  /** The same in the period a year before. */
  previous: z.int(),
});
export type Count = z.infer<typeof CountSchema>;

export const AgreementBriefSchema = z.object({ id: IdSchema, title: z.string(), number: z.string().nullable(), validUntil: z.string().nullable() });

export const OverviewSchema = z.object({
  /** Events in the whole register: none means a new, empty one. */
  registerTotal: z.int(),
  total: z.int(),
  previousTotal: z.int(),
  /** The period a year before, as a code («2020-H2»). */
  previousPeriod: z.string(),
  months: z.array(CountSchema),
  spheres: z.array(CountSchema),
  kinds: z.array(CountSchema),
  formats: z.array(CountSchema),
  regions: z.array(CountSchema),
  /** Agreements in force at some time in the period. */
  agreementsInForce: z.int(),
  /** Active agreements ending within 90 days of today. */
  expiring: z.array(AgreementBriefSchema),
  /** Agreements in force in the period with no event under them in it. */
  withoutEvents: z.array(AgreementBriefSchema),
  upcoming: z.array(EventSummarySchema),
  /** The half-year of the register's latest events up to today («2021-H2»): where an empty period points; null when there are none. */
  latestHalf: z.string().nullable(),
});
export type Overview = z.infer<typeof OverviewSchema>;

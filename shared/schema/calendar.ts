// The calendar: what a view asks for (its dates and the events table's filters), what it gets, what it remembers.
import { z } from 'zod';
import { dayNumber, isIsoDate } from '../dates';
import { IdSchema, IsoDateSchema, NameSchema, QuerySchema, TextSchema } from './common';
import { AgreementStatusSchema } from './agreement';
import { EventFilterSchema, EventSummarySchema } from './event';

/** The filters of the events table, the period aside: the view's dates are the period. */
export const CalendarFiltersSchema = EventFilterSchema.pick({ kinds: true, spheres: true, partners: true, formats: true, statuses: true });
export type CalendarFilters = z.output<typeof CalendarFiltersSchema>;

/** Longest range one view may ask for: ten years of an agenda. */
const MAX_DAYS = 3660;

export const CalendarQuerySchema = z
  .strictObject({
    start: IsoDateSchema,
    end: IsoDateSchema,
    filters: CalendarFiltersSchema.default({}),
    /** Words whose events are marked, not filtered: the others stay in view. */
    highlight: QuerySchema.optional(),
  })
  .refine((q) => q.start <= q.end, { message: 'конец диапазона раньше его начала', path: ['end'] })
  // Object checks run even when a date failed its own: only two real dates are measured.
  .refine((q) => !isIsoDate(q.start) || !isIsoDate(q.end) || q.start > q.end || dayNumber(q.end) - dayNumber(q.start) <= MAX_DAYS, {
    message: 'слишком длинный диапазон: не больше десяти лет',
    path: ['end'],
  });
export type CalendarQuery = z.output<typeof CalendarQuerySchema>;

/** An event in a view: its summary and the first of its spheres, for the colour. */
export const CalendarEventSchema = EventSummarySchema.extend({ sphere: z.string().nullable() });
export type CalendarEvent = z.infer<typeof CalendarEventSchema>;

/** The day an agreement ends, the day 90 days before it that warns of it, or a round anniversary of its signing. */
export const DeadlineSchema = z.object({
  agreementId: IdSchema,
  title: z.string(),
  number: z.string().nullable(),
  validUntil: z.string().nullable(),
  date: z.string(),
  kind: z.enum(['ends', 'warning', 'anniversary']),
  /** Years since the signing, for an anniversary. */
  years: z.int().positive().nullable(),
  /** What the agreement's state today follows from (shared/agreement-term.ts). */
  status: AgreementStatusSchema,
  autoProlongation: z.boolean(),
});
export type Deadline = z.infer<typeof DeadlineSchema>;

export const CalendarDataSchema = z.object({
  events: z.array(CalendarEventSchema),
  deadlines: z.array(DeadlineSchema),
  /** Ids of the events the highlight words find; null when there are no words. */
  matches: z.array(IdSchema).nullable(),
});
export type CalendarData = z.infer<typeof CalendarDataSchema>;

export const CalendarViewSchema = z.enum(['month', 'week', 'year', 'list']);
export type CalendarView = z.infer<typeof CalendarViewSchema>;

export const ColorBySchema = z.enum(['sphere', 'kind', 'status']);
export type ColorBy = z.infer<typeof ColorBySchema>;

/** What the calendar remembers between sessions. */
export const CalendarPrefsSchema = z.strictObject({
  /** The last view as its address («month/2021-09»), where the calendar reopens. */
  place: TextSchema.trim().max(40).nullable().default(null),
  colorBy: ColorBySchema.default('sphere'),
  deadlines: z.boolean().default(true),
  filters: z.strictObject({
    kinds: z.array(NameSchema).default([]),
    spheres: z.array(NameSchema).default([]),
    partners: z.array(NameSchema).default([]),
    formats: CalendarFiltersSchema.shape.formats.unwrap().default([]),
    statuses: CalendarFiltersSchema.shape.statuses.unwrap().default([]),
  }).default({ kinds: [], spheres: [], partners: [], formats: [], statuses: [] }),
});
export type CalendarPrefs = z.output<typeof CalendarPrefsSchema>;

export const EventMoveSchema = z
  .strictObject({ id: IdSchema, startDate: IsoDateSchema, endDate: IsoDateSchema })
  .refine((m) => m.startDate <= m.endDate, { message: 'дата окончания раньше даты начала', path: ['endDate'] });

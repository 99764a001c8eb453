// Events: the input a clerk or an import gives, the stored record, and the filters of the list.
import { z } from 'zod';
import { precisionRange } from '../dates';
import {
  DatePrecisionSchema,
  IdSchema,
  IsoDateSchema,
  NameListSchema,
  NameSchema,
  PageSchema,
  PeriodSchema,
  QuerySchema,
  TitleSchema,
  TimestampSchema,
  optionalName,
  optionalText,
} from './common';
import { GenderSchema } from './reference';

/** A record's version: see EventSchema.version. */
export const VersionSchema = z.int().min(1).max(Number.MAX_SAFE_INTEGER);

export const EventFormatSchema = z.enum(['in_person', 'remote', 'videoconference', 'hybrid']);
export type EventFormat = z.infer<typeof EventFormatSchema>;

export const EventStatusSchema = z.enum(['planned', 'held', 'cancelled', 'postponed']);
export type EventStatus = z.infer<typeof EventStatusSchema>;

const PRECISION_WORD = { day: 'день', month: 'месяц', quarter: 'квартал', year: 'год' } as const;

export const EventInputObject = z.strictObject({
  title: TitleSchema,
  kind: optionalName,
  startDate: IsoDateSchema,
  endDate: IsoDateSchema.nullish(),
  datePrecision: DatePrecisionSchema.default('day'),
  city: optionalName,
  region: optionalName,
  country: optionalName,
  venue: optionalText(2000),
  format: EventFormatSchema.nullish().transform((v) => v ?? null),
  spheres: NameListSchema,
  partners: NameListSchema,
  participants: optionalText(20_000),
  organizer: optionalName,
  outcomes: optionalText(20_000),
  description: optionalText(50_000),
  status: EventStatusSchema.default('held'),
  agreementId: IdSchema.nullish().transform((v) => v ?? null),
});

/**
 * What a clerk or an import gives for one event. `endDate` may be left out: it is then the
 * end of the day, month, quarter or year that `startDate` lies in.
 */
export const EventInputSchema = EventInputObject.extend({
  /** Not a field of the event: the gender for `kind` when this save adds it to the list (or its entry has none). */
  newKindGender: GenderSchema.optional(),
}).transform((input, ctx) => {
  const { datePrecision: precision } = input;
  const endDate = input.endDate ?? precisionRange(input.startDate, precision).end;
  if (endDate < input.startDate) {
    ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'дата окончания раньше даты начала' });
    return z.NEVER;
  }
  if (precision !== 'day') {
    const word = PRECISION_WORD[precision];
    if (precisionRange(input.startDate, precision).start !== input.startDate) {
      ctx.addIssue({ code: 'custom', path: ['startDate'], message: `при точности «${word}» дата начала должна быть первым днём периода` });
      return z.NEVER;
    }
    if (precisionRange(endDate, precision).end !== endDate) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: `при точности «${word}» дата окончания должна быть последним днём периода` });
      return z.NEVER;
    }
  }
  return { ...input, endDate };
});
export type EventInput = z.output<typeof EventInputSchema>;
export type EventInputRaw = z.input<typeof EventInputSchema>;

export const EventSchema = z.object({
  id: IdSchema,
  title: z.string(),
  kind: z.string().nullable(),
  startDate: z.string(),
  endDate: z.string(),
  datePrecision: DatePrecisionSchema,
  city: z.string().nullable(),
  region: z.string().nullable(),
  country: z.string().nullable(),
  venue: z.string().nullable(),
  format: EventFormatSchema.nullable(),
  spheres: z.array(z.string()),
  partners: z.array(z.string()),
  participants: z.string().nullable(),
  organizer: z.string().nullable(),
  outcomes: z.string().nullable(),
  description: z.string().nullable(),
  status: EventStatusSchema,
  agreementId: IdSchema.nullable(),
  agreementTitle: z.string().nullable(),
  batchId: IdSchema.nullable(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  /** 1 when created, one more with each change the change log records: a save names the version it started from. */
  version: VersionSchema,
});
export type Event = z.infer<typeof EventSchema>;

export const EventSortSchema = z.enum(['startDate', 'title', 'kind', 'updatedAt']);

export const EventFilterSchema = z.strictObject({
  period: PeriodSchema.optional(),
  query: QuerySchema.optional(),
  kinds: z.array(NameSchema).optional(),
  spheres: z.array(NameSchema).optional(),
  /** Countries, regions or organisations: an event matches one of them or anything under it. */
  partners: z.array(NameSchema).optional(),
  formats: z.array(EventFormatSchema).optional(),
  statuses: z.array(EventStatusSchema).optional(),
  agreementId: IdSchema.optional(),
  /** The events of one import batch. */
  batchId: IdSchema.optional(),
  /** The trash instead of the register. */
  deleted: z.boolean().default(false),
  sort: EventSortSchema.default('startDate'),
  order: z.enum(['asc', 'desc']).default('asc'),
  ...PageSchema,
});
export type EventFilter = z.output<typeof EventFilterSchema>;

export const EventPageSchema = z.object({ items: z.array(EventSchema), total: z.int() });
export type EventPage = z.infer<typeof EventPageSchema>;

/** An edit of the card: `version` is the one the clerk opened; a record changed since is refused (`conflict`). */
export const EventUpdateSchema = z.strictObject({ id: IdSchema, version: VersionSchema, input: EventInputSchema });
export type EventUpdate = z.output<typeof EventUpdateSchema>;


/** What a calendar needs of an event. */
export const EventSummarySchema = EventSchema.pick({
  id: true,
  title: true,
  kind: true,
  startDate: true,
  endDate: true,
  datePrecision: true,
  format: true,
  status: true,
  city: true,
});
export type EventSummary = z.infer<typeof EventSummarySchema>;

/** A row of the events table: a calendar's summary with the whole place and the trash mark. */
export const EventRowSchema = EventSummarySchema.extend(EventSchema.pick({ region: true, country: true, deletedAt: true, version: true }).shape);
export type EventRow = z.infer<typeof EventRowSchema>;

export const EventRowPageSchema = z.object({ items: z.array(EventRowSchema), total: z.int() });
export type EventRowPage = z.infer<typeof EventRowPageSchema>;

/** The input that gives an event's fields again (undoing an import's update of it). */
export function eventInputOf(event: Event): EventInput {
  const input = Object.fromEntries(EventInputObject.keyof().options.map((key) => [key, event[key]]));
  return EventInputSchema.parse(input);
}

// The grid's changes of many events at once.

/** A list a bulk change sets; left out, the events keep theirs (no default to an empty list). */
const BulkNameListSchema = z.array(NameSchema).max(100).transform((names) => [...new Set(names)]);

/** The fields a change of many events sets, each to one value for all of them (lists replaced). */
export const EventBulkPatchSchema = z
  .strictObject({
    status: EventStatusSchema.optional(),
    kind: optionalName.optional(),
    spheres: BulkNameListSchema.optional(),
    partners: BulkNameListSchema.optional(),
    organizer: optionalName.optional(),
  });
export type EventBulkPatch = z.output<typeof EventBulkPatchSchema>;

const BulkIdsSchema = z.array(IdSchema).min(1, 'не выбрано ни одного мероприятия').max(10_000);

export const EventBulkUpdateSchema = z
  .strictObject({ ids: BulkIdsSchema, patch: EventBulkPatchSchema })
  .refine(({ patch }) => Object.values(patch).some((v) => v !== undefined), 'Не выбрано, какое поле изменить у выбранных мероприятий.');
export const EventBulkDeleteSchema = z.strictObject({ ids: BulkIdsSchema });

/** One change of many events in the change log: its rows from `first` to `last`, undone together. */
export const BulkActionSchema = z.strictObject({ first: IdSchema, last: IdSchema });
export type BulkAction = z.infer<typeof BulkActionSchema>;

export const BulkResultSchema = z.object({ count: z.int(), action: BulkActionSchema.nullable() });
export type BulkResult = z.infer<typeof BulkResultSchema>;

export const EventCreateManySchema = z.strictObject({ inputs: z.array(EventInputSchema).min(1, 'нет строк для добавления').max(5000) });
export const EventCreateManyResultSchema = z.object({ ids: z.array(IdSchema) });

/** What the grid's optional columns show beyond a row: partners, spheres, the responsible, the agreement, participants. */
export const EventDetailsSchema = EventSchema.pick({ id: true, partners: true, spheres: true, organizer: true, agreementTitle: true, participants: true });
export type EventDetails = z.infer<typeof EventDetailsSchema>;
export const EventDetailsInputSchema = z.strictObject({ ids: z.array(IdSchema).max(500) });

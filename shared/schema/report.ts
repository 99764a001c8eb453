// The half-year report: what is asked for and the draft the register gives, paragraph by paragraph.
import { z } from 'zod';
import { IdSchema, NameSchema, PeriodSchema } from './common';

export const ReportInputSchema = z.strictObject({
  period: PeriodSchema,
  /** A partner country, region or organisation: only events with it (or anything under it). */
  partner: NameSchema.optional(),
  /** «более 30 мероприятий» instead of the exact count. */
  rounded: z.boolean().default(false),
});
export type ReportInput = z.output<typeof ReportInputSchema>;

export const ReportParagraphSchema = z.object({
  /** The event a paragraph tells of; null for the opening and closing ones. */
  eventId: IdSchema.nullable(),
  text: z.string(),
});
export type ReportParagraph = z.infer<typeof ReportParagraphSchema>;

export const ReportSchema = z.object({
  title: z.string(),
  paragraphs: z.array(ReportParagraphSchema),
});
export type Report = z.infer<typeof ReportSchema>;

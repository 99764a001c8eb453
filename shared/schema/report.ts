// The half-year report: what is asked for and the draft the register gives, paragraph by paragraph.
import { z } from 'zod';
import { IdSchema, NameSchema, PeriodSchema, TextSchema } from './common';

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
  text: TextSchema.max(100_000),
});
export type ReportParagraph = z.infer<typeof ReportParagraphSchema>;

export const ReportSchema = z.object({
  title: TextSchema.max(1000),
  paragraphs: z.array(ReportParagraphSchema).max(100_000),
});
export type Report = z.infer<typeof ReportSchema>;

/** The draft of a period: the one the clerk saved, or a new one from the register. */
export const ReportDraftSchema = z.object({
  report: ReportSchema,
  /** When the clerk saved it; null for a draft just built. */
  savedAt: z.string().nullable(),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;

export const ReportDraftInputSchema = ReportInputSchema.extend({
  /** Build anew from the register even when a saved draft exists. */
  fresh: z.boolean().default(false),
});

export const ReportSaveSchema = ReportInputSchema.extend({ report: ReportSchema });

export const ReportFormatSchema = z.enum(['docx', 'txt', 'md']);
export type ReportFormat = z.infer<typeof ReportFormatSchema>;

export const ReportExportSchema = z.strictObject({ report: ReportSchema, format: ReportFormatSchema, period: PeriodSchema });


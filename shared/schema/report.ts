// The half-year report: what is asked for and the draft the register gives, paragraph by paragraph.
import { z } from 'zod';
import { IdSchema, NameSchema, PeriodSchema, TextSchema } from './common';
import { RefKindSchema } from './reference';

/**
 * The documents drafted from the register: the half-year (or any period's) report, the year's plan of
 * events, the quarterly справка, the report on agreements in force and a covering letter.
 */
export const DocumentKindSchema = z.enum(['report', 'plan', 'spravka', 'agreements', 'letter']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const ReportInputSchema = z.strictObject({
  /** Which document; the report by default. */
  kind: DocumentKindSchema.default('report'),
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
  /** Built from the record's fields by the generator (not the clerk's own text): the draft marks it for checking. */
  generated: z.boolean().default(false),
});
export type ReportParagraph = z.infer<typeof ReportParagraphSchema>;

/** What a reference entry lacks for the generator to write it surely: a kind's gender, a partner's forms, a city's settlement type. */
export const ReportGapSchema = z.object({
  refId: IdSchema,
  refKind: RefKindSchema,
  name: z.string(),
  /** The field of the entry that would settle it. */
  field: z.enum(['gender', 'genitive', 'instrumental', 'locative', 'settlement']),
  /** The generator's guess, written in the draft meanwhile; the one-click fix stores it. */
  guess: z.string().nullable(),
  /** The Russian sentence the draft shows: what is unsure and where. */
  message: z.string(),
});
export type ReportGap = z.infer<typeof ReportGapSchema>;

/** A table of a document (the plan's events, the справка's counts), placed after its first `after` paragraphs. */
export const ReportTableSchema = z.object({
  caption: TextSchema.max(1000).nullable().default(null),
  columns: z.array(TextSchema.max(300)).min(1).max(20),
  rows: z.array(z.array(TextSchema.max(10_000)).max(20)).max(100_000),
  after: z.int().min(0),
});
export type ReportTable = z.infer<typeof ReportTableSchema>;

export const ReportSchema = z.object({
  title: TextSchema.max(1000),
  paragraphs: z.array(ReportParagraphSchema).max(100_000),
  tables: z.array(ReportTableSchema).max(20).default([]),
  /** What the generator could not decide from the reference lists (empty for a saved draft's text). */
  gaps: z.array(ReportGapSchema).max(10_000).default([]),
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

export const ReportExportSchema = z.strictObject({ kind: DocumentKindSchema.default('report'), report: ReportSchema, format: ReportFormatSchema, period: PeriodSchema });


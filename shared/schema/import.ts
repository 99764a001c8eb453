// Importing partner spreadsheets: what the wizard and the CLI ask, and the preview and batches they get.
import { z } from 'zod';
import { IdSchema, NameSchema, TextSchema, TimestampSchema } from './common';
import { EventInputSchema } from './event';

/** The `EventInput` fields a column can fill. */
export const ImportFieldSchema = z.enum([
  'title', 'kind', 'startDate', 'endDate', 'city', 'region', 'country', 'venue', 'format',
  'spheres', 'partners', 'participants', 'organizer', 'outcomes', 'description', 'status', 'datePrecision', 'agreementId',
]);
export type ImportField = z.infer<typeof ImportFieldSchema>;

export const RowStatusSchema = z.enum(['new', 'duplicate', 'error', 'skipped']);
export type RowStatus = z.infer<typeof RowStatusSchema>;

/** What to do with a row that duplicates an existing event. */
export const DuplicateDecisionSchema = z.enum(['skip', 'update', 'new']);
export type DuplicateDecision = z.infer<typeof DuplicateDecisionSchema>;

const RowNumberKey = z.string().regex(/^\d+$/);
/** A row of the preview: its sheet row number on the first sheet read, `S:N` (S the sheet's 1-based place in the workbook) on another. */
const RowKey = z.string().regex(/^(\d+:)?\d+$/);

/** How to read a file: every choice the user may correct; what is left out is detected. */
export const ImportOptionsSchema = z.strictObject({
  /** Read this one sheet only; left out, every sheet with the first table's header is read. */
  sheet: z.string().max(300).optional(),
  /** Sheets of other layouts read too, each with its own header. */
  sheets: z.array(z.string().max(300)).max(1000).optional(),
  /** Read the rows and columns the file hides, too. */
  includeHidden: z.boolean().optional(),
  /** 1-based sheet row of the (first) header row. */
  headerRow: z.int().min(1).max(1000).optional(),
  /** The year of dates written without one: the clerk's choice, over the year the title rows name. */
  year: z.int().min(1900).max(2100).optional(),
  /** Field → 0-based column index; replaces the detected mapping as a whole. */
  mapping: z.partialRecord(ImportFieldSchema, z.int().min(0).max(1000)).optional(),
  /** A partner added to every event of the file (the oblast that sent it). */
  partner: NameSchema.optional(),
  /** Corrected cell texts: row key (see ImportRow.key) → column index → text. */
  edits: z.record(RowKey, z.record(RowNumberKey, z.string().max(20_000))).optional(),
  /** Per duplicate row (by key): skip it (the default), update the existing event, or import it as new. */
  decisions: z.record(RowKey, DuplicateDecisionSchema).optional(),
});
export type ImportOptions = z.output<typeof ImportOptionsSchema>;

export const ImportAnalyzeSchema = z.strictObject({
  /** Shown in the history and in terminals: no control characters. */
  fileName: TextSchema.min(1).max(500),
  /** The file's bytes in base64; left out to re-read the file analysed last under `fileId`. */
  data: z.string().max(140 * 1024 * 1024).optional(),
  fileId: z.string().regex(/^[0-9a-f]{64}$/).optional(),
  options: ImportOptionsSchema.default({}),
});

export const ImportCommitSchema = z.strictObject({
  fileId: z.string().regex(/^[0-9a-f]{64}$/),
  options: ImportOptionsSchema.default({}),
});

export const ImportColumnSchema = z.object({
  index: z.int(),
  /** Excel's column letter: A, B, … AA. */
  letter: z.string(),
  header: z.string(),
  field: ImportFieldSchema.nullable(),
});
export type ImportColumn = z.infer<typeof ImportColumnSchema>;

export const DuplicateOfSchema = z.object({
  id: IdSchema,
  title: z.string(),
  startDate: z.string(),
  endDate: z.string(),
  datePrecision: z.enum(['day', 'month', 'quarter', 'year']),
  /** 0..1: how alike the two titles are. */
  similarity: z.number(),
});
export type DuplicateOf = z.infer<typeof DuplicateOfSchema>;

export const ImportRowSchema = z.object({
  /** Sheet row (CSV: record) number, counted from 1. */
  row: z.int(),
  /** The sheet the row is on; null for a CSV file. */
  sheet: z.string().nullable(),
  /** What edits and decisions name the row by: `row` on the first sheet read, `S:row` on another. */
  key: z.string(),
  /** The file hides the row: skipped unless hidden rows are asked for. */
  hidden: z.boolean().optional(),
  status: RowStatusSchema,
  /** Russian messages naming the row and column. */
  errors: z.array(z.string()),
  event: EventInputSchema.nullable(),
  /** Texts of the mapped cells by column index, as the preview shows and edits them. */
  cells: z.record(z.string(), z.string()),
  duplicateOf: DuplicateOfSchema.nullable(),
  decision: DuplicateDecisionSchema.nullable(),
  /** Why a row is skipped: «раздел «Культура»», «строка итогов», «подпись под таблицей», «скрытая строка». */
  note: z.string().nullable(),
  /** In Reestr's own full export: the file's id of the agreement, linked to it at the commit. */
  agreementRef: z.string().nullable(),
  /** Fields whose cells had Latin look-alike letters inside Russian words («Гомeль»), folded to Cyrillic. */
  folded: z.array(ImportFieldSchema).optional(),
});
export type ImportRow = z.infer<typeof ImportRowSchema>;

export const ImportSummarySchema = z.object({ new: z.int(), duplicate: z.int(), error: z.int(), skipped: z.int() });
export type ImportSummary = z.infer<typeof ImportSummarySchema>;

/** A CSV file's text encoding, as detected from its bytes. */
export const TextEncodingSchema = z.enum(['utf-8', 'utf-16le', 'utf-16be', 'windows-1251']);
export type TextEncoding = z.infer<typeof TextEncodingSchema>;

export const ImportPreviewSchema = z.object({
  fileId: z.string(),
  fileName: z.string(),
  /** The encoding a CSV file was read in; null for a workbook. */
  encoding: TextEncodingSchema.nullable(),
  sheets: z.array(z.object({ name: z.string().nullable(), rows: z.int() })),
  /** The first sheet read: its header, columns and raw rows are the ones shown. */
  sheet: z.string().nullable(),
  /** Every sheet read, the first one first: others with the same header, and those asked for. */
  readSheets: z.array(z.string()),
  /** Sheets with data that were not read, and why. */
  otherSheets: z.array(z.object({ name: z.string(), reason: z.string() })),
  headerRow: z.int(),
  /** 1 or 2: a second header row under merged cells («Период проведения» over «с», «по»). */
  headerRows: z.int(),
  /** First sheet row of the table's data. */
  dataRow: z.int(),
  columns: z.array(ImportColumnSchema),
  /** Where the mapping came from. */
  mappingSource: z.enum(['detected', 'profile', 'user']),
  /** Reestr's own full export: read as written (no guessing), its agreements imported with it. */
  fullExport: z.boolean(),
  profileName: z.string().nullable(),
  /** The year taken for dates written without one, and where it came from. */
  year: z.int().nullable(),
  yearSource: z.enum(['title', 'user']).nullable(),
  /** The first rows of the raw sheet as text, for showing where the table and its header are. */
  raw: z.array(z.array(z.string())),
  rows: z.array(ImportRowSchema),
  summary: ImportSummarySchema,
  /** Things to tell before committing: a file imported before, unmapped required fields. */
  warnings: z.array(z.string()),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;

export const ImportResultSchema = z.object({
  /** Null when nothing was to be written (every row a duplicate, an error or skipped). */
  batchId: IdSchema.nullable(),
  created: z.int(),
  updated: z.int(),
  skipped: z.int(),
  errors: z.int(),
  /** Agreements a full export brought that the register lacked. */
  agreements: z.int(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

export const ImportBatchSchema = z.object({
  id: IdSchema,
  fileName: z.string(),
  sheet: z.string().nullable(),
  sha256: z.string().nullable(),
  createdAt: TimestampSchema,
  undoneAt: TimestampSchema.nullable(),
  userName: z.string().nullable(),
  created: z.int(),
  updated: z.int(),
  /** Events of the batch still in the register (not deleted since). */
  events: z.int(),
});
export type ImportBatch = z.infer<typeof ImportBatchSchema>;

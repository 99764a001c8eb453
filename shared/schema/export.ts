// Exports: the events of a period (or of the whole register) with the table's filters, as a workbook.
import { z } from 'zod';
import { IdSchema, NameSchema, PeriodSchema, QuerySchema } from './common';
import { EventFormatSchema, EventStatusSchema } from './event';

export const PeriodExportSchema = z.strictObject({
  /** Left out: every event of the register. */
  period: PeriodSchema.optional(),
  /** Words the events contain, as the table's search finds them. */
  query: QuerySchema.optional(),
  partners: z.array(NameSchema).optional(),
  spheres: z.array(NameSchema).optional(),
  kinds: z.array(NameSchema).optional(),
  formats: z.array(EventFormatSchema).optional(),
  statuses: z.array(EventStatusSchema).optional(),
  /** The events of one import batch. */
  batchId: IdSchema.optional(),
  /** Group rows by the first sphere or by the partner's region. */
  groupBy: z.enum(['sphere', 'partner']).optional(),
});
export type PeriodExport = z.output<typeof PeriodExportSchema>;

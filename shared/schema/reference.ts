// Reference lists (справочники) and the grammar they carry for reports.
import { z } from 'zod';
import { IdSchema } from './common';

/** Country → region → organisation form the partner tree; a city belongs to a region or a country. */
export const RefKindSchema = z.enum(['kind', 'sphere', 'department', 'city', 'country', 'region', 'organisation']);
export type RefKind = z.infer<typeof RefKindSchema>;

export const PARTNER_KINDS = ['country', 'region', 'organisation'] as const satisfies readonly RefKind[];

/** Grammatical gender of an event kind; `pl` for plural-only names («Дни культуры»). */
export const GenderSchema = z.enum(['m', 'f', 'n', 'pl']);
export type Gender = z.infer<typeof GenderSchema>;

export const RefSchema = z.object({
  id: IdSchema,
  kind: RefKindSchema,
  name: z.string(),
  parentId: IdSchema.nullable(),
  parentName: z.string().nullable(),
  gender: GenderSchema.nullable(),
  genitive: z.string().nullable(),
  instrumental: z.string().nullable(),
  locative: z.string().nullable(),
  hidden: z.boolean(),
  /** How many events and agreements use it. */
  usage: z.int(),
});
export type Ref = z.infer<typeof RefSchema>;

export const RefListInputSchema = z.strictObject({
  kind: RefKindSchema,
  includeHidden: z.boolean().default(false),
});

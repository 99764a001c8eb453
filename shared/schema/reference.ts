// Reference lists (справочники) and the grammar they carry for reports.
import { z } from 'zod';
import { IdSchema, NameSchema, TextSchema } from './common';

/** Country → region → organisation form the partner tree; a city belongs to a region or a country. */
export const RefKindSchema = z.enum(['kind', 'sphere', 'department', 'city', 'country', 'region', 'organisation']);
export type RefKind = z.infer<typeof RefKindSchema>;

export const PARTNER_KINDS = ['country', 'region', 'organisation'] as const satisfies readonly RefKind[];

/** Grammatical gender of an event kind; `pl` for plural-only names («Дни культуры»). */
export const GenderSchema = z.enum(['m', 'f', 'n', 'pl']);
export type Gender = z.infer<typeof GenderSchema>;

/**
 * A settlement's type as written before its name: «г.» город, «пгт» посёлок городского типа, «рп»
 * рабочий посёлок, «п.» посёлок, «с.» село, «д.» деревня, «ст-ца» станица, «х.» хутор, and for
 * Belarus «г. п.» городской посёлок and «аг.» агрогородок.
 */
export const SettlementSchema = z.enum(['г.', 'пгт', 'рп', 'п.', 'с.', 'д.', 'ст-ца', 'х.', 'г. п.', 'аг.']);
export type Settlement = z.infer<typeof SettlementSchema>;

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
  /** Cities only; null where nobody said (reports then ask). */
  settlement: SettlementSchema.nullable(),
  hidden: z.boolean(),
  /** How many events and agreements use it; null unless asked for (counting costs a scan). */
  usage: z.int().nullable(),
});
export type Ref = z.infer<typeof RefSchema>;

const form = TextSchema.trim().max(300).nullish().transform((v) => (v ? v : null));

export const RefCreateSchema = z.strictObject({
  kind: RefKindSchema,
  name: NameSchema,
  parentId: IdSchema.nullish().transform((v) => v ?? null),
});

/** Changes to one entry; fields left out stay as they are. */
export const RefUpdateSchema = z.strictObject({
  id: IdSchema,
  name: NameSchema.optional(),
  gender: GenderSchema.nullish(),
  genitive: form.optional(),
  instrumental: form.optional(),
  locative: form.optional(),
  settlement: SettlementSchema.nullish(),
  hidden: z.boolean().optional(),
});
export type RefUpdate = z.output<typeof RefUpdateSchema>;

/** Everything that used `victimId` moves to `survivorId`; the victim goes. */
export const RefMergeSchema = z.strictObject({ survivorId: IdSchema, victimId: IdSchema });

export const RefListInputSchema = z.strictObject({
  kind: RefKindSchema,
  includeHidden: z.boolean().default(false),
  /** Count each entry's uses: the Справочники section wants them, pickers do not. */
  withUsage: z.boolean().default(false),
});

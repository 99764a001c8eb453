// Agreements (соглашения, договоры, меморандумы, планы): input, stored record, list filter.
import { z } from 'zod';
import {
  IdSchema,
  IsoDateSchema,
  NameListSchema,
  PageSchema,
  QuerySchema,
  TitleSchema,
  TimestampSchema,
  optionalName,
  optionalText,
} from './common';
import { VersionSchema } from './event';

export const AgreementKindSchema = z.enum(['agreement', 'contract', 'memorandum', 'plan', 'protocol', 'other']);
export type AgreementKind = z.infer<typeof AgreementKindSchema>;

export const AgreementStatusSchema = z.enum(['draft', 'active', 'expired', 'terminated']);
export type AgreementStatus = z.infer<typeof AgreementStatusSchema>;

const optionalDate = IsoDateSchema.nullish().transform((v) => v ?? null);

export const AgreementInputSchema = z
  .strictObject({
    kind: AgreementKindSchema.default('agreement'),
    number: optionalText(100),
    title: TitleSchema,
    parties: NameListSchema,
    signedOn: optionalDate,
    validFrom: optionalDate,
    /** null: бессрочно. */
    validUntil: optionalDate,
    autoProlongation: z.boolean().default(false),
    status: AgreementStatusSchema.default('active'),
    spheres: NameListSchema,
    department: optionalName,
    notes: optionalText(20_000),
  })
  .superRefine((a, ctx) => {
    const from = a.validFrom ?? a.signedOn;
    if (a.validUntil && from && a.validUntil < from) {
      ctx.addIssue({ code: 'custom', path: ['validUntil'], message: 'дата окончания действия раньше даты начала действия (подписания)' });
    }
  });
export type AgreementInput = z.output<typeof AgreementInputSchema>;

export const AgreementSchema = z.object({
  id: IdSchema,
  kind: AgreementKindSchema,
  number: z.string().nullable(),
  title: z.string(),
  parties: z.array(z.string()),
  signedOn: z.string().nullable(),
  validFrom: z.string().nullable(),
  validUntil: z.string().nullable(),
  autoProlongation: z.boolean(),
  status: AgreementStatusSchema,
  spheres: z.array(z.string()),
  department: z.string().nullable(),
  notes: z.string().nullable(),
  eventCount: z.int(),
  createdAt: TimestampSchema,
  updatedAt: TimestampSchema,
  deletedAt: TimestampSchema.nullable(),
  /** 1 when created, one more with each change the change log records: a save names the version it started from. */
  version: VersionSchema,
});
export type Agreement = z.infer<typeof AgreementSchema>;

export const AgreementFilterSchema = z.strictObject({
  query: QuerySchema.optional(),
  statuses: z.array(AgreementStatusSchema).optional(),
  /** Only those whose term ends within this many days from `today`. */
  expiringWithinDays: z.int().min(0).max(3650).optional(),
  today: IsoDateSchema.optional(),
  deleted: z.boolean().default(false),
  ...PageSchema,
});
export type AgreementFilter = z.output<typeof AgreementFilterSchema>;

export const AgreementPageSchema = z.object({ items: z.array(AgreementSchema), total: z.int() });
export type AgreementPage = z.infer<typeof AgreementPageSchema>;

/** An edit of the card: `version` is the one the clerk opened; a record changed since is refused (`conflict`). */
export const AgreementUpdateSchema = z.strictObject({ id: IdSchema, version: VersionSchema, input: AgreementInputSchema });
export type AgreementUpdate = z.output<typeof AgreementUpdateSchema>;

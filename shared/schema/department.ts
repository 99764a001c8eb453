// The department's own settings: its home region and country (reports speak from there), its name and
// the person responsible, for the footers of its documents.
import { z } from 'zod';
import { NameSchema, optionalText, TextSchema } from './common';

/** The home as it is seeded: what every register had before these settings could be changed. */
export const DEFAULT_HOME_COUNTRY = 'Российская Федерация';

/** Digits and the signs a phone number is written with; an extension as «доб. 123». */
const PHONE = /^\+?[\d\s()\-‐–.]+(\s*(доб\.?|доп\.?)\s*\d+)?$/u;

const PhoneSchema = TextSchema
  .trim()
  .max(60)
  .nullish()
  .transform((v) => (v ? v : null))
  .refine(
    (v) => v === null || (PHONE.test(v) && (v.match(/\d/g)?.length ?? 0) >= 5),
    'укажите номер цифрами, например +7 (4812) 29-10-00 или 8 4812 29-10-00, доб. 123',
  );

export const DepartmentSettingsSchema = z.object({
  homeRegion: z.string(),
  /** «Смоленской области»: what the report's title needs; null until the region list gives it. */
  homeRegionGenitive: z.string().nullable(),
  homeCountry: z.string(),
  departmentName: z.string().nullable(),
  responsibleName: z.string().nullable(),
  responsiblePhone: z.string().nullable(),
});
export type DepartmentSettings = z.infer<typeof DepartmentSettingsSchema>;

/**
 * The whole card as saved. The home region is a region of the reference lists, or becomes one under
 * the country; without a country, a known region keeps its own and a new one goes under the current home country.
 */
export const DepartmentInputSchema = z.strictObject({
  homeRegion: NameSchema,
  homeCountry: NameSchema.optional(),
  departmentName: optionalText(300),
  responsibleName: optionalText(200),
  responsiblePhone: PhoneSchema,
});
export type DepartmentInput = z.output<typeof DepartmentInputSchema>;
export type DepartmentInputRaw = z.input<typeof DepartmentInputSchema>;

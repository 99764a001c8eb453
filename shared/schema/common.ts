// Building blocks shared by every schema: ids, ISO dates, precisions, periods, names and texts.
import { z } from 'zod';
import { DATE_PRECISIONS, isIsoDate } from '../dates';
import { parsePeriod, PERIOD_HINT } from '../period';

/**
 * Control characters (Unicode Cc: C0, DEL, C1) but tab and line ends. They mean nothing in a record, a clerk cannot
 * see them to remove them (they come pasted or in a file), and a NUL or C0 control breaks the XML of the exported
 * workbooks and documents. Every text the contract takes in drops them, as the import drops them from a file's cells.
 */
const TEXT_CONTROL = /[^\P{Cc}\t\n\r]/u;
const TEXT_CONTROLS = new RegExp(TEXT_CONTROL.source, 'gu');

/** Whether a text holds a control character that TextSchema drops. */
export function hasControls(text: string): boolean {
  return TEXT_CONTROL.test(text);
}

/** A text without the control characters TextSchema drops. */
export function withoutControls(text: string): string {
  return hasControls(text) ? text.replace(TEXT_CONTROLS, '') : text;
}

/** Every text field of the contract's input starts here: a string, its control characters dropped. */
export const TextSchema = z.string().overwrite(withoutControls);

/** A title of a record: trimmed, never empty. */
export const TitleSchema = TextSchema.trim().min(1, 'название не может быть пустым').max(2000);

/** Words to search for, at most 500 characters: control characters part words there, as the search index parts them. */
export const QuerySchema = z
  .string()
  .overwrite((text) => (hasControls(text) ? text.replace(TEXT_CONTROLS, ' ') : text))
  .trim()
  .max(500);

/** A path on the user's computer: refused, not changed, when it holds a control character (no folder has one). */
export const PathSchema = z
  .string()
  .trim()
  .refine((path) => !hasControls(path), 'путь не может содержать управляющие символы');

export const IdSchema = z.int().positive();

export const IsoDateSchema = z
  .string()
  .refine(isIsoDate, { message: 'ожидается дата в формате ГГГГ-ММ-ДД (например, 2021-09-08)' });

export const DatePrecisionSchema = z.enum(DATE_PRECISIONS);
export type DatePrecision = z.infer<typeof DatePrecisionSchema>;

/** A period code, parsed into its kind and bounds. */
export const PeriodSchema = TextSchema.transform((text, ctx) => {
  const period = parsePeriod(text);
  if (!period) {
    ctx.addIssue({ code: 'custom', message: `не удалось разобрать период «${text}»; примеры: ${PERIOD_HINT}` });
    return z.NEVER;
  }
  return period;
});

/** Something besides quotes and spaces: what nameKey() would leave non-empty, tested without building it. */
export const HAS_NAME = /[^«»"„“”\s]/;

/** A reference value given by name: trimmed, never empty, not only quotes. */
export const NameSchema = TextSchema
  .trim()
  .min(1, 'значение не может быть пустым')
  .max(300)
  .refine((name) => name === '' || HAS_NAME.test(name), 'значение не может состоять из одних кавычек');

/** Optional free text: absent, null and blank all mean «not given»; line ends stored as «\n», as files keep them. */
export function optionalText(max: number) {
  return TextSchema
    .trim()
    .max(max)
    .nullish()
    .transform((v) => (v ? (v.includes('\r') ? v.replace(/\r\n?/g, '\n') : v) : null));
}

/** An optional reference value: like optionalText, and a name when given. */
export const optionalName = optionalText(300).refine((name) => name === null || HAS_NAME.test(name), 'значение не может состоять из одних кавычек');

/** A list of names, without blanks and repeats. */
export const NameListSchema = z
  .array(NameSchema)
  .max(100)
  .default([])
  .transform((names) => [...new Set(names)]);

export const IdInputSchema = z.strictObject({ id: IdSchema });

export const PageSchema = {
  limit: z.int().min(1).max(100_000).default(50),
  offset: z.int().min(0).default(0),
};

export const TimestampSchema = z.string();

export const OkSchema = z.object({ ok: z.literal(true) });

/** A file made for the user to save: its suggested name and bytes in base64. */
export const FileOutputSchema = z.object({ fileName: z.string(), data: z.string() });

// The desktop app's link to a department server: kept on this PC, answered by the desktop itself.
import { z } from 'zod';

/** A department server's address: https only (the session and the passwords cross the network). */
export const ServerUrlSchema = z
  .string()
  .trim()
  .max(2000)
  .refine((text) => {
    try {
      const url = new URL(text);
      return url.protocol === 'https:' && url.username === '' && url.password === '' && url.search === '' && url.hash === '';
    } catch {
      return false;
    }
  }, 'укажите адрес сервера отдела вида https://сервер:порт/')
  .transform((text) => {
    const url = new URL(text);
    if (!url.pathname.endsWith('/')) url.pathname += '/';
    return url.toString();
  });

/** The path of a PEM file with the department's own certificate authority; empty means the system's list. */
export const CaFileSchema = z.string().trim().max(4000);

/** What the settings file keeps. */
export const ServerLinkSchema = z.object({ serverUrl: ServerUrlSchema, caFile: CaFileSchema.optional() });
export type ServerLink = z.output<typeof ServerLinkSchema>;

/** `settings.server`: where this PC works, the local register or a department server. */
export const ServerSettingsSchema = z.object({
  mode: z.enum(['local', 'server']),
  serverUrl: z.string().nullable(),
  caFile: z.string().nullable(),
});
export type ServerSettings = z.infer<typeof ServerSettingsSchema>;

/** `settings.setServer`: an address to connect to (checked first), or null to work locally again. */
export const ServerSetInputSchema = z.strictObject({ serverUrl: ServerUrlSchema.nullable(), caFile: CaFileSchema.optional() });

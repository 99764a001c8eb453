// «Перенести реестр на сервер»: a clerk's own register sent whole to the department server's empty
// register, and what each side answers (rows per table, whether the checksums match).
import { z } from 'zod';
import { CaFileSchema, ServerUrlSchema } from './server-link';

/** `register.sendToServer`: where to, and the administrator's account there (used for this one transfer). */
export const RegisterSendSchema = z.strictObject({
  serverUrl: ServerUrlSchema,
  caFile: CaFileSchema.optional(),
  login: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(1024),
});
export type RegisterSend = z.output<typeof RegisterSendSchema>;

/** One table as the transfer moved it: its name, its Russian name, its rows. */
export const TransferredTableSchema = z.object({ name: z.string(), label: z.string(), rows: z.int().nonnegative() });

/** `server.receiveRegister`: what the server wrote, checked against the file before its commit. */
export const RegisterReceivedSchema = z.object({
  tables: z.array(TransferredTableSchema),
  /** SHA-256 per table of its rows (electron/core/transfer/rows.ts), by table name. */
  checksums: z.record(z.string(), z.string()),
});
export type RegisterReceived = z.infer<typeof RegisterReceivedSchema>;

/** `register.sendToServer`: the server's answer, checked here against the register this PC sent. */
export const RegisterSentSchema = z.object({
  serverUrl: z.string(),
  tables: z.array(TransferredTableSchema),
  /** Every table's rows and checksum on the server equal those of the snapshot sent. */
  checksumsMatch: z.boolean(),
  /** The tables that differ, by their Russian names (empty when they match). */
  differing: z.array(z.string()),
});
export type RegisterSent = z.infer<typeof RegisterSentSchema>;

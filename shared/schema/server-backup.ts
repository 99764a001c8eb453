// The department server's own backups (server.backups, server.backupNow): what the accounts page shows
// administrators. Each copy is a register file the desktop app opens; restoring is a CLI matter.
import { z } from 'zod';

export const ServerBackupSchema = z.object({
  /** The file name in the backup folder («reestr-server-2026-12-05_020000.sqlite»). */
  name: z.string(),
  /** ISO time (UTC) the copy was started. */
  at: z.string(),
  bytes: z.int(),
  /** Events in the copy; null when the file could not be read. */
  events: z.int().nullable(),
});
export type ServerBackup = z.infer<typeof ServerBackupSchema>;

export const ServerBackupListSchema = z.object({
  /** The backup folder on the server, full path. */
  folder: z.string(),
  /** How many newest copies are kept. */
  keep: z.int(),
  /** The daily time of the copy, server local time («02:00»). */
  dailyAt: z.string(),
  /** ISO time of the next scheduled copy. */
  next: z.string(),
  /** Newest first. */
  backups: z.array(ServerBackupSchema),
  /** Why the folder could not be read, when it could not (the list is then empty). */
  folderProblem: z.string().nullable(),
  /** The last scheduled copy that failed, when the one after it has not succeeded yet. */
  lastFailure: z.object({ at: z.string(), message: z.string() }).nullable(),
});
export type ServerBackupList = z.infer<typeof ServerBackupListSchema>;

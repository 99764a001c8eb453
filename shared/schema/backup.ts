// Backups, the data folders and the recovery mode: what the Настройки section and the recovery page ask and get.
import { z } from 'zod';
import { PathSchema, TextSchema } from './common';

export const BackupReasonSchema = z.enum(['daily', 'import', 'restore', 'manual', 'migration']);
export type BackupReason = z.infer<typeof BackupReasonSchema>;

/** A backup's file name as Reestr writes them: `reestr-2026-11-24_093000-daily.sqlite`. */
export const BACKUP_NAME = /^reestr-(\d{4}-\d{2}-\d{2})_(\d{2})(\d{2})(\d{2})-(daily|import|restore|manual|migration)\.sqlite$/;

/** A backup in the backup folder, named by its file name only: the page never names paths. */
export const BackupNameSchema = z.string().max(200).regex(BACKUP_NAME, 'не похоже на имя резервной копии Реестра');

export const BackupInfoSchema = z.object({
  name: z.string(),
  /** Full path, shown to the user. */
  file: z.string(),
  /** ISO time (UTC) the snapshot was taken. */
  at: z.string(),
  reason: BackupReasonSchema,
  bytes: z.int(),
});
export type BackupInfoDto = z.infer<typeof BackupInfoSchema>;

export const BackupListSchema = z.object({ folder: z.string(), backups: z.array(BackupInfoSchema) });

export const BackupContentsSchema = z.object({
  events: z.int(),
  agreements: z.int(),
  schemaVersion: z.int(),
  /** The newest change recorded in the copy (ISO), when it has any. */
  lastChange: z.string().nullable(),
});
export type BackupContentsDto = z.infer<typeof BackupContentsSchema>;

const UploadIdSchema = z.string().regex(/^[0-9a-f]{64}$/);

/** A file the user picked on their disk, sent as bytes (as an import sends its file). */
export const BackupUploadSchema = z.strictObject({
  fileName: TextSchema.min(1).max(500),
  /** The file's bytes in base64. */
  data: z.string().max(140 * 1024 * 1024),
});

/** Which copy to restore: one of the list, or the file uploaded last. */
export const BackupSourceSchema = z.union([z.strictObject({ name: BackupNameSchema }), z.strictObject({ uploadId: UploadIdSchema })]);
export type BackupSource = z.infer<typeof BackupSourceSchema>;

/** What a copy holds, shown before the user confirms a restore. */
export const BackupPreviewSchema = z.object({
  source: BackupSourceSchema,
  /** The name shown to the user: the file name. */
  fileName: z.string(),
  /** When the copy was made, when its name tells. */
  at: z.string().nullable(),
  reason: BackupReasonSchema.nullable(),
  bytes: z.int(),
  contents: BackupContentsSchema,
});
export type BackupPreview = z.infer<typeof BackupPreviewSchema>;

export const RestoreResultSchema = z.object({
  contents: BackupContentsSchema,
  /** The snapshot of the register taken just before (a normal restore). */
  safety: BackupInfoSchema.nullable(),
  /** Where the damaged file was put aside (a restore in the recovery mode). */
  keptAs: z.string().nullable(),
});

/** Where the data lives. */
export const DataPathsSchema = z.object({
  databaseFile: z.string(),
  backupFolder: z.string(),
  defaultBackupFolder: z.string(),
  logFolder: z.string(),
});
export type DataPaths = z.infer<typeof DataPathsSchema>;

export const BackupFolderInputSchema = z.strictObject({
  /** A folder path; null to go back to the default one. */
  folder: PathSchema.min(1, 'укажите папку').max(1000).nullable(),
});

/** The app's state: the register open, or a recovery mode that writes nothing to it. */
export const AppStatusSchema = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('normal') }),
  z.object({
    mode: z.literal('recovery'),
    /** damaged: a backup can take its place; locked, readonly, full, newer, foreign: only the user can help. */
    problem: z.enum(['damaged', 'locked', 'readonly', 'full', 'newer', 'other']),
    /** The Russian message of the failure. */
    message: z.string(),
    databaseFile: z.string(),
    backupFolder: z.string(),
  }),
]);
export type AppStatus = z.infer<typeof AppStatusSchema>;

/** A backup found for the recovery page: checked, with what it holds, or why it cannot be used. */
export const RecoveryBackupSchema = BackupInfoSchema.extend({
  contents: BackupContentsSchema.nullable(),
  problem: z.string().nullable(),
});
export type RecoveryBackup = z.infer<typeof RecoveryBackupSchema>;

// Change history of an event or agreement: its entries as the clerk reads them, and the return to a version.
import { z } from 'zod';
import { IdSchema, TimestampSchema } from './common';
import { RECORD_KINDS } from '../record-kinds';

export const HistoryEntitySchema = z.enum(RECORD_KINDS);
export type HistoryEntity = z.infer<typeof HistoryEntitySchema>;

/**
 * What happened (the actions of the change log, electron/core/db/changelog.ts, as well): `import` is a creation by an import (or the demo data), `update` with a file name an
 * import's update of an existing record, `undo` a change made by taking an import back, `merge` a
 * change made by merging two reference entries, `revert` a return to an earlier version.
 */
export const CHANGE_ACTIONS = ['create', 'update', 'delete', 'restore', 'merge', 'import', 'undo', 'revert'] as const;
export const HistoryActionSchema = z.enum(CHANGE_ACTIONS);
export type HistoryAction = z.infer<typeof HistoryActionSchema>;

/** One field as the clerk reads it: its Russian label and values (names, dates, «да»/«нет», «—» for empty). */
export const FieldChangeSchema = z.object({
  field: z.string(),
  label: z.string(),
  before: z.string(),
  after: z.string(),
});
export type FieldChange = z.infer<typeof FieldChangeSchema>;

export const HistoryEntrySchema = z.object({
  changeId: IdSchema,
  at: TimestampSchema,
  /** The OS account that made the change. */
  user: z.string(),
  action: HistoryActionSchema,
  /** The file of the import behind the change, if any. */
  fileName: z.string().nullable(),
  /** For a revert: when the version it brought back was made. */
  revertedTo: TimestampSchema.nullable(),
  /** The fields this change changed. */
  changes: z.array(FieldChangeSchema),
  /**
   * What «Вернуть эту версию» would change: from the record as it is now to the record as it was
   * right after this change. Empty when they are the same (the newest entry, a move to the trash).
   */
  restores: z.array(FieldChangeSchema),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HistoryInputSchema = z.strictObject({ entity: HistoryEntitySchema, id: IdSchema });

/** Brings the record back to how it looked right after the change `changeId`. */
export const HistoryRevertSchema = z.strictObject({ entity: HistoryEntitySchema, id: IdSchema, changeId: IdSchema });

// Imports: read a file once, preview it as often as the user corrects it, commit it as one undoable batch.
import { createHash } from 'node:crypto';
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import { eventInputOf, EventInputSchema, type Event, type EventInput } from '../../../shared/schema/event';
import type { ImportBatch, ImportField, ImportOptions, ImportPreview, ImportResult } from '../../../shared/schema/import';
import { analyze, layoutKey, type ImportSource } from '../import/analyze';
import { readSpreadsheet } from '../import/read-file';
import { insertEvents, updateEvent, writeEvent } from './events';
import { createAgreement } from './agreements';
import { logTouched } from './records';
import { readFileAgreements } from '../import/full-export';
import { nameKey } from '../../../shared/ru/normalize';

/** Files read but not yet committed, newest last: the wizard re-previews them without sending them again. */
const KEPT_FILES = 2;

export function fileIdOf(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

export async function readImportSource(fileName: string, data: Buffer): Promise<ImportSource> {
  return { fileName, fileId: fileIdOf(data), workbook: await readSpreadsheet(fileName, data) };
}

/** An existing event with the row's non-empty fields over it, its status and agreement kept. */
function merged(existing: Event, row: EventInput): EventInput {
  const base = eventInputOf(existing);
  const filled = Object.fromEntries(
    Object.entries(row).filter(([, v]) => v !== null && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as Partial<EventInput>;
  // The file's status is only what its dates suggest: the register's own is kept.
  return EventInputSchema.parse({ ...base, ...filled, status: base.status, agreementId: base.agreementId });
}

/** Rolls back a batch with nothing in it, carrying the result out. */
class NothingToImport extends Error {
  constructor(readonly result: ImportResult) {
    super('nothing to import');
  }
}

/** A job's hold on a commit: hears rows written of the total, and throws to roll the whole batch back. */
export type CommitProgress = (done: number, total: number) => void;

/** Writes the rows a preview marks new (and the duplicates the user chose to import or update) as one batch. */
export async function commitPreview(core: Core, preview: ImportPreview, options: ImportOptions, source?: ImportSource, progress?: CommitProgress): Promise<ImportResult> {
  try {
    return await writeBatch(core, preview, options, source, progress);
  } catch (e) {
    if (e instanceof NothingToImport) return e.result;
    throw e;
  }
}

/**
 * The agreements of a full export, each the register's own when it has it already (same title and
 * number), else added to the batch: the file's agreement id → the register's.
 */
async function importFileAgreements(core: Core, source: ImportSource, batchId: number): Promise<{ ids: Map<string, number>; created: number }> {
  const existing = await core.agreements.all();
  const key = (a: { title: string; number: string | null }) => `${nameKey(a.title)}|${nameKey(a.number ?? '')}`;
  const known = new Map(existing.map((a) => [key(a), a.id]));
  const ids = new Map<string, number>();
  let created = 0;
  for (const { ref, input } of readFileAgreements(source.workbook).agreements) {
    let id = known.get(key(input));
    if (id === undefined) {
      id = (await createAgreement(core, input, batchId)).id;
      known.set(key(input), id);
      created++;
    }
    ids.set(ref, id);
  }
  return { ids, created };
}

async function writeBatch(core: Core, preview: ImportPreview, options: ImportOptions, source?: ImportSource, progress?: CommitProgress): Promise<ImportResult> {
  return core.transaction(async (core): Promise<ImportResult> => {
    const now = core.now();
    const batchId = await core.batches.insert({
      fileName: preview.fileName,
      // A batch read from several sheets names them all.
      sheet: preview.readSheets.length > 1 ? preview.readSheets.join(', ') : preview.sheet,
      sha256: preview.fileId,
      options: { ...options, headerRow: preview.headerRow, edits: undefined, decisions: undefined },
      user: core.user,
      now,
    });
    const agreements = preview.fullExport && source ? await importFileAgreements(core, source, batchId) : { ids: new Map<string, number>(), created: 0 };
    // The analysis checked each event already (event-check): only a full export's agreement link is new.
    const linked = (event: EventInput, row: ImportPreview['rows'][number]): EventInput =>
      row.agreementRef ? { ...event, agreementId: agreements.ids.get(row.agreementRef) ?? null } : event;
    const created: EventInput[] = [];
    let updated = 0;
    let skipped = 0;
    const total = preview.rows.filter((row) => (row.status === 'new' && row.event) || (row.status === 'duplicate' && row.event && row.duplicateOf && (row.decision === 'new' || row.decision === 'update'))).length;
    let done = 0;
    const step = progress && (() => progress(++done, total));
    progress?.(0, total);
    for (const row of preview.rows) {
      if (row.status === 'new' && row.event) created.push(linked(row.event, row));
      else if (row.status === 'duplicate' && row.event && row.duplicateOf) {
        const event = linked(row.event, row);
        if (row.decision === 'new') created.push(event);
        else if (row.decision === 'update') {
          const existing = await core.events.get(row.duplicateOf.id);
          if (existing && !existing.deletedAt) {
            await updateEvent(core, existing.id, merged(existing, event), batchId);
            updated++;
            step?.();
          } else skipped++;
        } else skipped++;
      } else if (row.status === 'skipped') skipped++;
    }
    if (created.length === 0 && updated === 0 && agreements.created === 0) {
      // Nothing to write: no empty batch in the history either (the transaction rolls it back).
      throw new NothingToImport({ batchId: null, created: 0, updated: 0, skipped, errors: preview.summary.error, agreements: 0 });
    }
    await insertEvents(core, created, batchId, step);
    const result = { batchId, created: created.length, updated, skipped, errors: preview.summary.error, agreements: agreements.created };
    await core.batches.setSummary(batchId, result);
    // The mapping as confirmed, offered next time for a file with the same header.
    const mapping: Partial<Record<ImportField, number>> = {};
    for (const column of preview.columns) if (column.field) mapping[column.field] = column.index;
    await core.profiles.save(layoutKey(preview.columns), { name: preview.fileName, mapping }, now);
    return result;
  });
}

export async function getBatch(core: Core, id: number): Promise<ImportBatch> {
  const batch = await core.batches.get(id);
  if (!batch) throw new AppError('not_found', `Пакет импорта № ${id} не найден.`);
  return batch;
}

export async function listBatches(core: Core): Promise<ImportBatch[]> {
  return core.batches.list();
}

/**
 * Takes a batch back as a whole: its events and agreements go, the events it updated get their
 * earlier fields, reference entries it added that nothing else uses go. The change log keeps it all.
 */
export async function undoBatch(core: Core, id: number): Promise<ImportBatch> {
  return core.transaction(async (core): Promise<ImportBatch> => {
    const batch = await getBatch(core, id);
    const now = core.now();
    if (!await core.batches.markUndone(id, now)) throw new AppError('conflict', `Пакет импорта № ${id} уже отменён ${batch.undoneAt?.slice(0, 10) ?? ''}.`.trim());
    const updates = await core.log.updatesOfBatch(id);
    // The events the undo changes but keeps: those the batch updated, and those linked to its agreements.
    const touched = (await core.events.getMany([...new Set([...updates.map((u) => u.id), ...await core.log.eventsOfBatchAgreements(id)])])).filter((e) => e.batchId !== id);
    for (const { id: eventId, before } of updates) {
      const current = await core.events.get(eventId);
      if (current) await writeEvent(core, eventId, eventInputOf(before as Event), now);
    }
    const removed = await core.batches.deleteRecords(id);
    await logTouched(core, { entity: 'event', action: 'undo', at: now, batchId: id }, touched, (eventId) => core.events.get(eventId));
    const refs = await core.refs.deleteUnusedOfBatch(id);
    if (await core.settings.get<number>('demoBatchId') === id) await core.settings.delete('demoBatchId');
    await core.log.record({ at: now, user: core.user, action: 'undo', entity: 'batch', entityId: id, before: batch, after: { removed, refs }, batchId: id });
    return getBatch(core, id);
  });
}

export interface ImportFiles {
  /** Reads the file (from `data`, or the one kept under `fileId`) and previews it with `options` against the register as `core` sees it. */
  analyze(core: Core, input: { fileName: string; data?: string; fileId?: string; options: ImportOptions }): Promise<ImportPreview>;
  /** Writes a kept file as one batch, made by `core`'s caller. */
  commit(core: Core, input: { fileId: string; options: ImportOptions }): Promise<ImportResult>;
  /**
   * Keeps the file sent (`data`) or finds the one kept (`fileId`): its bytes, for a job that reads it
   * on its own connection (an analysis, a commit). Nothing is parsed here.
   */
  hold(user: string, input: { fileName: string; data?: string; fileId?: string }): { fileName: string; data: Buffer };
  /** The bytes of a kept file, for a job that reads and commits it on its own connection. */
  file(user: string, fileId: string): { fileName: string; data: Buffer };
  /** Lets go of a kept file once committed. */
  forget(user: string, fileId: string): void;
}

type KeptFile = { fileName: string; data: Buffer; source?: ImportSource };

/**
 * The import calls of one open register, keeping the last files read between preview and commit;
 * `beforeCommit` runs before each commit (one clerk's file: a checked backup).
 */
export function createImportFiles(beforeCommit: () => Promise<unknown> = () => Promise.resolve()): ImportFiles {
  // The bytes, and the file as read once a direct call has read it (a job reads it in its own thread);
  // each caller's own last files, so that on the department server one clerk's never push out another's.
  const callers = new Map<string, Map<string, KeptFile>>();
  const keptOf = (user: string) => {
    let kept = callers.get(user);
    if (!kept) callers.set(user, (kept = new Map()));
    return kept;
  };
  const keep = (user: string, fileName: string, data: Buffer, source?: ImportSource): string => {
    const kept = keptOf(user);
    const fileId = source?.fileId ?? fileIdOf(data);
    kept.delete(fileId);
    kept.set(fileId, { fileName, data, source });
    while (kept.size > KEPT_FILES) kept.delete(kept.keys().next().value as string);
    return fileId;
  };
  const held = (user: string, fileId: string) => {
    const file = keptOf(user).get(fileId);
    if (!file) throw new AppError('not_found', 'Файл для импорта больше не открыт: выберите его снова.');
    return file;
  };
  const find = async (user: string, fileId: string): Promise<ImportSource> => {
    const file = held(user, fileId);
    file.source ??= await readImportSource(file.fileName, file.data);
    return file.source;
  };
  return {
    async analyze(core, { fileName, data, fileId, options }) {
      let source: ImportSource;
      if (data !== undefined) {
        const bytes = Buffer.from(data, 'base64');
        source = await readImportSource(fileName, bytes);
        keep(core.user, fileName, bytes, source);
      } else if (fileId !== undefined) source = await find(core.user, fileId);
      else throw new AppError('bad_request', 'Не передан файл для импорта.');
      return analyze(core, source, options);
    },
    async commit(core, { fileId, options }) {
      const source = await find(core.user, fileId);
      await beforeCommit();
      const result = await commitPreview(core, await analyze(core, source, options), options, source);
      keptOf(core.user).delete(fileId);
      return result;
    },
    hold(user, { fileName, data, fileId }) {
      if (data !== undefined) {
        const bytes = Buffer.from(data, 'base64');
        keep(user, fileName, bytes);
        return { fileName, data: bytes };
      }
      if (fileId === undefined) throw new AppError('bad_request', 'Не передан файл для импорта.');
      const file = held(user, fileId);
      return { fileName: file.fileName, data: file.data };
    },
    file(user, fileId) {
      const { fileName, data } = held(user, fileId);
      return { fileName, data };
    },
    forget(user, fileId) {
      keptOf(user).delete(fileId);
    },
  };
}

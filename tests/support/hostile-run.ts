// Runs one hostile file through the import as the app does (read, then preview) against an open
// register, and reports what happened: refused or read, the message, the time, and what is wrong.
import { createHash } from 'node:crypto';
import type { LocalCore } from '../../electron/core/core';
import { analyze } from '../../electron/core/import/analyze';
import { readImportSource } from '../../electron/core/services/imports';
import { AppError } from '../../shared/errors';
import type { ImportPreview } from '../../shared/schema/import';
import type { HostileCase } from './hostile-files';

export interface CaseReport {
  name: string;
  outcome: 'refused' | 'read';
  message: string | null;
  ms: number;
  /** Everything the case broke: empty when the import behaved. */
  problems: string[];
}

/** A hash of every row of every table: equal digests, equal register. */
export function dbDigest(core: LocalCore): string {
  const hash = createHash('sha256');
  const tables = core.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    // Rows sorted as text: some tables have no rowid to order by.
    const rows = (core.db.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][]).map((row) =>
      JSON.stringify(row, (_, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : typeof v === 'bigint' ? String(v) : v)));
    hash.update(`\n${table}\n${rows.sort().join('\n')}`);
  }
  return hash.digest('hex');
}

// Characters no title may keep: controls (tab and line breaks aside), direction marks and
// overrides, zero-width characters.
// eslint-disable-next-line no-control-regex -- these are what is looked for
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(iso: string): boolean {
  if (!ISO_DATE.test(iso)) return false;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === iso;
}

/** What a refusal's message must be: Russian, naming the file, no stack trace or English error. */
export function messageProblems(message: string, fileName: string): string[] {
  const problems: string[] = [];
  if (!/[а-яё]{3}/i.test(message)) problems.push(`not Russian: ${message}`);
  if (!message.includes(`«${fileName}»`)) problems.push(`does not name «${fileName}»: ${message}`);
  if (/\n\s+at |\b(Error|TypeError|RangeError|undefined|null|NaN|Cannot|Invalid|Unexpected|Maximum)\b/.test(message)) problems.push(`has an English error in it: ${message}`);
  if (message.length > 600) problems.push(`is ${message.length} characters long`);
  return problems;
}

/** Whatever a preview holds must be sane: clean titles, real dates, the expected events. */
export function previewProblems(preview: ImportPreview, c: HostileCase): string[] {
  const problems: string[] = [];
  const events = preview.rows.flatMap((r) => (r.event ? [r.event] : []));
  for (const event of events) {
    for (const [field, value] of Object.entries(event)) {
      if (typeof value === 'string' && INVISIBLE.test(value)) problems.push(`${field} keeps an invisible or control character: ${JSON.stringify(value.slice(0, 80))}`);
    }
    if (!isRealDate(event.startDate) || !isRealDate(event.endDate as string)) problems.push(`not a real date: ${event.startDate}..${event.endDate}`);
    if (event.title.length > 2000) problems.push(`a title of ${event.title.length} characters`);
  }
  const newOrDuplicate = preview.rows.filter((r) => r.status === 'new' || r.status === 'duplicate');
  if (c.titles !== undefined) {
    const titles = newOrDuplicate.map((r) => r.event?.title);
    if (JSON.stringify(titles) !== JSON.stringify(c.titles)) problems.push(`events ${JSON.stringify(titles).slice(0, 300)} instead of ${JSON.stringify(c.titles).slice(0, 300)}`);
  }
  if (c.errorRows !== undefined && preview.summary.error !== c.errorRows) {
    problems.push(`${preview.summary.error} error rows instead of ${c.errorRows}: ${JSON.stringify(preview.rows.filter((r) => r.status === 'error').map((r) => r.errors)).slice(0, 300)}`);
  }
  for (const row of preview.rows) {
    for (const error of row.errors) if (!/[а-яё]{3}/i.test(error)) problems.push(`a row error not in Russian: ${error}`);
  }
  for (const leak of ['root:x:0', 'lollollollollol']) {
    if (JSON.stringify(preview).includes(leak)) problems.push(`the preview holds «${leak}»: an entity was expanded`);
  }
  return problems;
}

/** Reads and previews the case's file; the register must be the same before and after. */
export async function runCase(core: LocalCore, c: HostileCase): Promise<CaseReport> {
  const data = await c.make();
  const before = dbDigest(core);
  const started = performance.now();
  let preview: ImportPreview | null = null;
  let message: string | null = null;
  const problems: string[] = [];
  try {
    preview = await analyze(core, await readImportSource(c.fileName, data), {});
  } catch (e) {
    if (e instanceof AppError) {
      message = e.message;
      problems.push(...messageProblems(e.message, c.fileName));
    } else {
      message = String(e);
      problems.push(`not an AppError: ${String((e as Error).stack ?? e).slice(0, 500)}`);
    }
  }
  const ms = performance.now() - started;
  if (ms > 10_000) problems.push(`took ${Math.round(ms)} ms`);
  if (preview) problems.push(...previewProblems(preview, c));
  if (c.expected === 'refuse' && preview) problems.push(`was read (${preview.summary.new} new rows), not refused`);
  if (c.expected === 'read' && !preview) problems.push(`was refused, not read: ${message}`);
  if (dbDigest(core) !== before) problems.push('the register changed');
  return { name: c.name, outcome: preview ? 'read' : 'refused', message, ms, problems };
}

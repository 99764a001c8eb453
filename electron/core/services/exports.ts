// Exports: the period workbook as bytes for the app (a download) or into a file for the CLI.
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Core } from '../core';
import { exportFilter, periodFileName, writePeriodWorkbook, type PeriodWorkbookResult } from '../export/period-workbook';
import type { Report } from '../jobs/protocol';
import { writeFullWorkbook } from '../export/full-workbook';
import { eventsCsv } from '../export/csv';
import { fullSource, periodSource } from './export-sources';
import { todayIso } from '../../../shared/dates';
import type { Writable } from 'node:stream';
import type { PeriodExport } from '../../../shared/schema/export';
import { AppError } from '../../../shared/errors';

/** Opens `file` for writing, with the Russian message of why it cannot be. */
async function fileStream(file: string): Promise<Writable> {
  const out = createWriteStream(file);
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch (e) {
    throw new AppError('internal', `Не удалось записать «${file}» (${(e as NodeJS.ErrnoException).code ?? String(e)}): проверьте папку и права на запись.`);
  }
  return out;
}

async function toFile<T>(file: string, write: (out: Writable) => Promise<T>): Promise<T> {
  const out = await fileStream(file);
  const result = await write(out);
  await finished(out);
  return result;
}

async function toBase64(write: (out: Writable) => Promise<unknown>): Promise<string> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await write(out);
  await finished(out);
  return Buffer.concat(chunks).toString('base64');
}

export function exportPeriodFile(core: Core, options: PeriodExport, file: string): Promise<PeriodWorkbookResult> {
  return toFile(file, async (out) => writePeriodWorkbook(await periodSource(core), options, out));
}

export const FULL_EXPORT_NAME = () => `Реестр_полная_выгрузка_${todayIso()}.xlsx`;

export function exportAllFile(core: Core, file: string): Promise<{ events: number; agreements: number }> {
  return toFile(file, (out) => writeFullWorkbook(fullSource(core), out));
}

export async function exportAll(core: Core): Promise<{ fileName: string; data: string }> {
  return { fileName: FULL_EXPORT_NAME(), data: await toBase64((out) => writeFullWorkbook(fullSource(core), out)) };
}

/** The events of the filter as the table lists them, as CSV: every one of them, whatever the table's page. */
export async function exportCsv(core: Core, options: PeriodExport, progress?: Report): Promise<{ fileName: string; data: string; events: number }> {
  const ids = await core.events.allIds(exportFilter(options));
  // Read a thousand at a time when followed, so the job can tell how far it is.
  const events = progress ? [] : await core.events.rowsOf(ids);
  if (progress) {
    for (let i = 0; i < ids.length; i += 1000) {
      progress(i, ids.length, { stage: 'reading' });
      events.push(...await core.events.rowsOf(ids.slice(i, i + 1000)));
    }
    progress(ids.length, ids.length, { stage: 'writing' });
  }
  return { fileName: periodFileName(options.period).replace(/\.xlsx$/, '.csv'), data: eventsCsv(events).toString('base64'), events: events.length };
}

export async function exportPeriod(core: Core, options: PeriodExport): Promise<{ fileName: string; data: string }> {
  return { fileName: periodFileName(options.period), data: await toBase64(async (out) => writePeriodWorkbook(await periodSource(core), options, out)) };
}

// Exports: the period workbook as bytes for the app (a download) or into a file for the CLI.
import { createWriteStream } from 'node:fs';
import { PassThrough } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Core } from '../core';
import { periodFileName, writePeriodWorkbook } from '../export/period-workbook';
import type { PeriodExport } from '../../../shared/schema/export';
import { AppError } from '../../../shared/errors';

export async function exportPeriodFile(core: Core, options: PeriodExport, file: string): Promise<{ events: number }> {
  const out = createWriteStream(file);
  const opened = new Promise<void>((resolve, reject) => out.once('open', () => resolve()).once('error', reject));
  try {
    await opened;
  } catch (e) {
    throw new AppError('internal', `Не удалось записать «${file}» (${(e as NodeJS.ErrnoException).code ?? String(e)}): проверьте папку и права на запись.`);
  }
  const result = await writePeriodWorkbook(core, options, out);
  await finished(out);
  return result;
}

export async function exportPeriod(core: Core, options: PeriodExport): Promise<{ fileName: string; data: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writePeriodWorkbook(core, options, out);
  await finished(out);
  return { fileName: periodFileName(options.period), data: Buffer.concat(chunks).toString('base64') };
}

// The period workbook as a job writes it: events written of the total, told as the sheets of events are written.
import { PassThrough, type Writable } from 'node:stream';
import { finished } from 'node:stream/promises';
import type { Core } from '../core';
import type { PeriodExport } from '../../../shared/schema/export';
import type { Rows, TableRow } from '../export/official';
import { exportFilter, periodFileName, periodTables, writeTables } from '../export/period-workbook';
import { periodSource } from '../services/export-sources';
import type { Report } from './protocol';

/** How often (in events) the export reports its progress. */
const REPORT_EVERY = 100;

/**
 * The same workbook as `exportPeriod` (services/exports.ts), its events counted as they are written;
 * the agreements register and the summary follow in a moment, then the file is zipped.
 */
export async function writePeriodWithProgress(core: Core, options: PeriodExport, out: Writable, progress: Report): Promise<void> {
  const total = (await core.events.allIds(exportFilter(options))).length;
  const { tables } = await periodTables(await periodSource(core), options);
  // The sheets of events come first and share their columns; a group row («Культура») is no event.
  const eventColumns = tables[0]?.columns;
  let done = 0;
  progress(0, total, { stage: 'writing' });
  async function* counted(rows: Rows<TableRow>): AsyncGenerator<TableRow> {
    for await (const row of rows) {
      yield row;
      // Within the total even if events were added since it was counted (another connection's import).
      if (!row.group && ++done % REPORT_EVERY === 0) progress(Math.min(done, total), total, { stage: 'writing' });
    }
    progress(Math.min(done, total), total, { stage: 'writing' });
  }
  await writeTables(tables.map((t) => (t.columns === eventColumns ? { ...t, rows: counted(t.rows) } : t)), out);
}

/** The workbook as the Экспорт page's job makes it: bytes, in base64. */
export async function exportPeriodWithProgress(core: Core, options: PeriodExport, progress: Report): Promise<{ fileName: string; data: string }> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  await writePeriodWithProgress(core, options, out, progress);
  await finished(out);
  return { fileName: periodFileName(options.period), data: Buffer.concat(chunks).toString('base64') };
}

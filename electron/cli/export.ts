// `reestr export`: the period workbook, the full export (--all) or the events as CSV (--csv).
import { writeFile } from 'node:fs/promises';
import type { Core } from '../core/core';
import { periodFileName } from '../core/export/period-workbook';
import { exportAllFile, exportCsv, exportPeriodFile, FULL_EXPORT_NAME } from '../core/services/exports';
import { AppError } from '../../shared/errors';
import { PeriodExportSchema } from '../../shared/schema/export';
import { parseOrThrow } from '../../shared/schema/messages';
import { EVENT_STATUS_LABELS, FORMAT_LABELS } from '../../shared/ru/labels';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../shared/ru/plural';
import { codeOf, periodArg, type ParsedArgs } from './args';


export async function exportCommand(core: Core, p: ParsedArgs, io: { out: (text: string) => void }): Promise<void> {
  const value = (name: string) => p.values[name]?.at(-1);
  const list = (name: string) => p.values[name]?.flatMap((v) => v.split(',').map((s) => s.trim()).filter(Boolean));
  const out = value('out');
  if (p.flags.has('all')) {
    const file = out ?? FULL_EXPORT_NAME();
    if (!/\.xlsx$/i.test(file)) throw new AppError('bad_request', `Файл выгрузки должен называться .xlsx, а не «${file}».`);
    const result = await exportAllFile(core, file);
    io.out(`Полная выгрузка записана в «${file}»: ${countOf(result.events, EVENT_FORMS)}, ${countOf(result.agreements, AGREEMENT_FORMS)} и справочники.`);
    return;
  }
  const options = parseOrThrow(PeriodExportSchema, {
    period: periodArg(value('period')),
    partners: list('partner'), spheres: list('sphere'), kinds: list('kind'),
    formats: list('format')?.map((f) => codeOf(f, FORMAT_LABELS)),
    // Held events go to the «проведенных» sheet, the others to their own; a choice keeps only those chosen.
    statuses: (list('statuses') ?? list('status'))?.map((s) => codeOf(s, EVENT_STATUS_LABELS)),
    groupBy: value('group-by'),
  });
  if (p.flags.has('csv')) {
    const csv = await exportCsv(core, options);
    const file = out ?? csv.fileName;
    if (!/\.csv$/i.test(file)) throw new AppError('bad_request', `Файл CSV должен называться .csv, а не «${file}».`);
    await writeFile(file, Buffer.from(csv.data, 'base64'));
    io.out(`Таблица записана в «${file}»: ${countOf(csv.events, EVENT_FORMS)}.`);
    return;
  }
  if (!options.period) throw new AppError('bad_request', 'Укажите период: --period 2021-Q3 (или --all для полной выгрузки).');
  const file = out ?? periodFileName(options.period);
  if (!/\.xlsx$/i.test(file)) throw new AppError('bad_request', `Файл выгрузки должен называться .xlsx, а не «${file}».`);
  const result = await exportPeriodFile(core, options, file);
  const split = result.notHeld && result.held ? ` (проведено — ${result.held}, не проведено — ${result.notHeld})` : result.notHeld ? ` (не проведено — ${result.notHeld})` : '';
  io.out(`Выгрузка записана в «${file}»: ${countOf(result.events, EVENT_FORMS)}${split}, соглашения и сводка.`);
}

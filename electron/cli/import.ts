// `reestr import FILE`: the wizard's preview as text or JSON, then (without --dry-run) the commit.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Core } from '../core/core';
import { analyze } from '../core/import/analyze';
import { commitPreview, readImportSource } from '../core/services/imports';
import { makeBackup } from '../core/services/backups';
import { AppError } from '../../shared/errors';
import { ImportOptionsSchema, type ImportPreview, type ImportResult } from '../../shared/schema/import';
import { parseOrThrow } from '../../shared/schema/messages';
import { ENCODING_NAMES } from '../../shared/ru/labels';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../shared/ru/plural';
import { numberArg, type ParsedArgs } from './args';
import { eventDates, jsonText, table } from './format';

interface Io {
  out: (text: string) => void;
}

const STATUS_WORDS = { new: 'новое', duplicate: 'дубликат', error: 'ошибка', skipped: 'пропущено' } as const;

/** The issue's JSON shape: columns by field, rows with their status, errors and event. */
function previewJson(preview: ImportPreview, result: ImportResult | null): unknown {
  return {
    file: preview.fileName,
    sheet: preview.sheet,
    encoding: preview.encoding,
    headerRow: preview.headerRow,
    columns: Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field, c.header])),
    rows: preview.rows.map((r) => ({ row: r.row, status: r.status, errors: r.errors, event: r.event, ...(r.duplicateOf ? { duplicateOf: r.duplicateOf.id } : {}) })),
    summary: preview.summary,
    warnings: preview.warnings,
    ...(result ? { batchId: result.batchId } : {}),
  };
}

function previewText(preview: ImportPreview): string {
  const lines = [
    `Файл: ${preview.fileName}${preview.sheet ? `, лист «${preview.sheet}»` : ''}; заголовок в строке ${preview.headerRow}${preview.headerRows === 2 ? ` (две строки)` : ''}, данные со строки ${preview.dataRow}.`,
    preview.encoding ? `Кодировка файла: ${ENCODING_NAMES[preview.encoding]}.` : '',
    preview.year ? `Год для дат без года: ${preview.year}${preview.yearSource === 'title' ? ' (из заголовка листа)' : ''}.` : '',
    '',
    'Столбцы:',
    ...preview.columns.filter((c) => c.field).map((c) => `  ${c.letter}  «${c.header}» → ${c.field}`),
    '',
    table(
      ['Строка', 'Статус', 'Сроки', 'Название / ошибки'],
      preview.rows.map((r) => [
        String(r.row),
        STATUS_WORDS[r.status],
        r.event ? eventDates(r.event) : '',
        r.event ? `${r.event.title}${r.duplicateOf ? ` (уже есть: № ${r.duplicateOf.id})` : ''}` : r.note ?? r.errors.join('; '),
      ]),
      [6, 10, 28, 200],
    ),
    '',
    `Новых: ${preview.summary.new}, дубликатов: ${preview.summary.duplicate}, с ошибками: ${preview.summary.error}, пропущено: ${preview.summary.skipped}.`,
    ...preview.warnings.map((w) => `Внимание: ${w}`),
  ];
  return lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n');
}

export async function importFile(core: Core, p: ParsedArgs, io: Io): Promise<void> {
  const path = p.args[0];
  if (!path) throw new AppError('bad_request', 'Укажите файл: reestr import ФАЙЛ.xlsx');
  const value = (name: string) => p.values[name]?.at(-1);
  const options = parseOrThrow(ImportOptionsSchema, {
    sheet: value('sheet'),
    headerRow: numberArg(value('header-row')),
    year: numberArg(value('year')),
    partner: value('partner'),
  });
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('not_found', code === 'ENOENT' ? `Файл «${path}» не найден.` : `Не удалось открыть файл «${path}» (${code ?? String(e)}).`);
  }
  const source = await readImportSource(basename(path), data);
  const preview = analyze(core, source, options);
  let result: ImportResult | null = null;
  if (!p.flags.has('dry-run')) {
    await makeBackup(core, 'import');
    result = commitPreview(core, preview, options, source);
  }
  if (p.flags.has('json')) {
    io.out(jsonText(previewJson(preview, result)));
    return;
  }
  io.out(previewText(preview));
  if (result) {
    io.out(result.batchId === null
      ? '\nЗаписывать нечего: все строки уже есть в реестре, пропущены или с ошибками.'
      : `\nИмпортировано ${countOf(result.created, EVENT_FORMS)}${result.agreements ? ` и ${countOf(result.agreements, AGREEMENT_FORMS)}` : ''} (пакет № ${result.batchId}). Отменить: reestr imports undo ${result.batchId}`);
  } else io.out('\nПробный прогон (--dry-run): в реестр ничего не записано.');
}

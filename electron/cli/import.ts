// `reestr import FILE`: the wizard's preview as text or JSON, then (without --dry-run) the commit.
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { LocalCore } from '../core/core';
import { analyze } from '../core/import/analyze';
import { commitPreview, readImportSource } from '../core/services/imports';
import { makeBackup } from '../core/services/backups';
import { AppError } from '../../shared/errors';
import { columnIndex } from '../../shared/column-letter';
import { ImportFieldSchema, ImportOptionsSchema, type ImportField, type ImportOptions, type ImportPreview, type ImportResult } from '../../shared/schema/import';
import { headerKey } from '../core/import/headers';
import { parseOrThrow } from '../../shared/schema/messages';
import { ENCODING_NAMES } from '../../shared/ru/labels';
import { AGREEMENT_FORMS, countOf, EVENT_FORMS } from '../../shared/ru/plural';
import { numberArg, type ParsedArgs } from './args';
import { eventDates, jsonText, table } from './format';

interface Io {
  out: (text: string) => void;
}

const STATUS_WORDS = { new: 'новое', duplicate: 'дубликат', error: 'ошибка', skipped: 'пропущено' } as const;

/** Cyrillic letters typed for the Latin column letters they look like. */
const LATIN_LOOK_ALIKE: Readonly<Record<string, string>> = { А: 'A', В: 'B', С: 'C', Е: 'E', Н: 'H', К: 'K', М: 'M', О: 'O', Р: 'P', Т: 'T', Х: 'X' };

/** 0-based index of a column letter (A, B, … AA), or null when `text` is not one. */
function letterIndex(text: string): number | null {
  const letters = [...text.toUpperCase()].map((c) => LATIN_LOOK_ALIKE[c] ?? c).join('');
  if (!/^[A-Z]{1,3}$/.test(letters)) return null;
  return columnIndex(letters);
}

/** The column `text` names in --map: a letter, or a header's text (whole, else the one header that starts with or holds it). */
function columnOf(text: string, field: string, preview: ImportPreview): number {
  const latin = /^[A-Za-z]{1,3}$/.test(text) ? letterIndex(text) : null;
  if (latin !== null) return latin;
  const key = headerKey(text);
  const named = preview.columns.filter((c) => c.header);
  for (const match of [(h: string) => h === key, (h: string) => h.startsWith(key), (h: string) => h.includes(key)]) {
    const found = key ? named.filter((c) => match(headerKey(c.header))) : [];
    if (found.length === 1) return (found[0] as (typeof found)[number]).index;
    if (found.length > 1) {
      throw new AppError('bad_request', `--map: «${text}» (поле ${field}) подходит к нескольким столбцам: ${found.map((c) => `${c.letter} «${c.header}»`).join(', ')}. Укажите букву столбца или текст заголовка полностью.`);
    }
  }
  const letter = letterIndex(text);
  if (letter !== null) return letter;
  const headers = named.map((c) => `${c.letter} «${c.header}»`).join(', ');
  throw new AppError('bad_request', `--map: столбца «${text}» (поле ${field}) нет: это не буква столбца и не текст заголовка в строке ${preview.headerRow}${preview.sheet ? ` листа «${preview.sheet}»` : ''}. ${headers ? `Заголовки: ${headers}.` : 'В этой строке нет текста: укажите буквы столбцов или --header-row.'}`);
}

/** `title=B,startDate=Срок` → field → column index, checked against the file's header. */
function mappingOf(text: string, preview: ImportPreview): Partial<Record<ImportField, number>> {
  const fields = ImportFieldSchema.options;
  const mapping: Partial<Record<ImportField, number>> = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf('=');
    if (eq < 0) throw new AppError('bad_request', `--map: «${part}» не вида поле=столбец. Пример: --map "title=B,startDate=C,city=D" или --map "title=Наименование,startDate=Срок".`);
    const name = part.slice(0, eq).trim();
    const column = part.slice(eq + 1).trim();
    const field = fields.find((f) => f.toLowerCase() === name.toLowerCase());
    if (!field) throw new AppError('bad_request', `--map: неизвестное поле «${name}». Поля: ${fields.join(', ')}.`);
    if (field in mapping) throw new AppError('bad_request', `--map: поле ${field} указано дважды.`);
    if (!column) throw new AppError('bad_request', `--map: для поля ${field} не указан столбец (буква или текст заголовка).`);
    mapping[field] = columnOf(column, field, preview);
  }
  if (Object.keys(mapping).length === 0) throw new AppError('bad_request', '--map пуст. Пример: --map "title=B,startDate=C,city=D".');
  return mapping;
}

/** The preview's warnings, and the sheets left unread with the way to read them. */
function warningsOf(preview: ImportPreview, options: ImportOptions): string[] {
  const unread = options.sheet === undefined
    ? preview.otherSheets.map((s) => `Лист «${s.name}» не прочитан: ${s.reason}. Укажите --sheet «${s.name}», чтобы прочитать его.`)
    : [];
  return [...preview.warnings, ...unread];
}

/** The issue's JSON shape: columns by field, rows with their sheet, status, errors and event. */
function previewJson(preview: ImportPreview, options: ImportOptions, result: ImportResult | null): unknown {
  return {
    file: preview.fileName,
    sheet: preview.sheet,
    sheets: preview.readSheets,
    otherSheets: preview.otherSheets,
    encoding: preview.encoding,
    headerRow: preview.headerRow,
    columns: Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field, c.header])),
    rows: preview.rows.map((r) => ({
      sheet: r.sheet,
      row: r.row,
      status: r.status,
      errors: r.errors,
      event: r.event,
      ...(r.note ? { note: r.note } : {}),
      ...(r.hidden ? { hidden: true } : {}),
      ...(r.duplicateOf ? { duplicateOf: r.duplicateOf.id } : {}),
    })),
    summary: preview.summary,
    warnings: warningsOf(preview, options),
    ...(result ? { batchId: result.batchId } : {}),
  };
}

function previewText(preview: ImportPreview, options: ImportOptions): string {
  const several = preview.readSheets.length > 1;
  const lines = [
    `Файл: ${preview.fileName}${several ? `, листы ${preview.readSheets.map((s) => `«${s}»`).join(', ')}` : preview.sheet ? `, лист «${preview.sheet}»` : ''}; заголовок в строке ${preview.headerRow}${preview.headerRows === 2 ? ` (две строки)` : ''}, данные со строки ${preview.dataRow}.`,
    preview.encoding ? `Кодировка файла: ${ENCODING_NAMES[preview.encoding]}.` : '',
    preview.year ? `Год для дат без года: ${preview.year}${preview.yearSource === 'title' ? ' (из заголовка листа)' : ''}.` : '',
    '',
    'Столбцы:',
    ...preview.columns.filter((c) => c.field).map((c) => `  ${c.letter}  «${c.header}» → ${c.field}`),
    '',
    table(
      [...(several ? ['Лист'] : []), 'Строка', 'Статус', 'Сроки', 'Название / ошибки'],
      preview.rows.map((r) => [
        ...(several ? [r.sheet ?? ''] : []),
        String(r.row),
        STATUS_WORDS[r.status],
        r.event ? eventDates(r.event) : '',
        r.event ? `${r.event.title}${r.duplicateOf ? ` (уже есть: № ${r.duplicateOf.id})` : ''}` : r.note ?? r.errors.join('; '),
      ]),
      [...(several ? [24] : []), 6, 10, 28, 200],
    ),
    '',
    `Новых: ${preview.summary.new}, дубликатов: ${preview.summary.duplicate}, с ошибками: ${preview.summary.error}, пропущено: ${preview.summary.skipped}.`,
    ...warningsOf(preview, options).map((w) => `Внимание: ${w}`),
  ];
  return lines.filter((line, i) => line !== '' || lines[i - 1] !== '').join('\n');
}

export async function importFile(core: LocalCore, p: ParsedArgs, io: Io): Promise<void> {
  const path = p.args[0];
  if (!path) throw new AppError('bad_request', 'Укажите файл: reestr import ФАЙЛ.xlsx');
  const value = (name: string) => p.values[name]?.at(-1);
  let options = parseOrThrow(ImportOptionsSchema, {
    sheet: value('sheet'),
    headerRow: numberArg(value('header-row')),
    year: numberArg(value('year')),
    partner: value('partner'),
    includeHidden: p.flags.has('include-hidden') || undefined,
  });
  let data: Buffer;
  try {
    data = await readFile(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new AppError('not_found', code === 'ENOENT' ? `Файл «${path}» не найден.` : `Не удалось открыть файл «${path}» (${code ?? String(e)}).`);
  }
  const source = await readImportSource(basename(path), data);
  let preview = await analyze(core, source, options);
  const map = value('map');
  if (map !== undefined) {
    // Header texts are looked up in the header the file has (its detected row, or --header-row).
    options = { ...options, mapping: mappingOf(map, preview) };
    preview = await analyze(core, source, options);
  }
  let result: ImportResult | null = null;
  if (!p.flags.has('dry-run')) {
    await makeBackup(core, 'import');
    result = await commitPreview(core, preview, options, source);
  }
  if (p.flags.has('json')) {
    io.out(jsonText(previewJson(preview, options, result)));
    return;
  }
  io.out(previewText(preview, options));
  if (result) {
    io.out(result.batchId === null
      ? '\nЗаписывать нечего: все строки уже есть в реестре, пропущены или с ошибками.'
      : `\nИмпортировано ${countOf(result.created, EVENT_FORMS)}${result.agreements ? ` и ${countOf(result.agreements, AGREEMENT_FORMS)}` : ''} (пакет № ${result.batchId}). Отменить: reestr imports undo ${result.batchId}`);
  } else io.out('\nПробный прогон (--dry-run): в реестр ничего не записано.');
}

// One pass over a read workbook: sheet, header, mapping, rows, duplicates: the preview nothing is written from.
import type { Core } from '../core';
import { AppError } from '../../../shared/errors';
import type { ImportColumn, ImportField, ImportOptions, ImportPreview, ImportSummary } from '../../../shared/schema/import';
import { formatDate } from '../../../shared/ru/dates';
import { nameKey } from '../../../shared/ru/normalize';
import { todayIso } from '../../../shared/dates';
import { createDuplicateFinder } from './duplicates';
import type { DatedEvent } from '../store/types';
import { isFullExport, readFileAgreements } from './full-export';
import { FULL_EXPORT } from '../workbook-format';
import { headerKey } from './headers';
import { detectLayout, findHeaderRow, pickSheet, type Layout } from './layout';
import { columnLetter } from '../../../shared/column-letter';
import { parseRows } from './rows';
import { cellText, type Sheet, type WorkbookData } from './sheet';
import { dateTextReader, sheetTitleYear, titleYearWarning, type RefLists, type RefName } from './values';

/** Rows of the raw sheet sent for the wizard's first step. */
const RAW_ROWS = 60;
const RAW_COLUMNS = 30;

export interface ImportSource {
  fileName: string;
  /** SHA-256 of the file, hex. */
  fileId: string;
  workbook: WorkbookData;
}

/** What identifies a file's layout for its saved mapping: the header texts in order. */
export function layoutKey(columns: readonly ImportColumn[]): string {
  return columns.map((c) => headerKey(c.header)).join('|');
}

async function refLists(core: Core): Promise<RefLists> {
  const names = async (kind: Parameters<Core['refs']['list']>[0]): Promise<RefName[]> =>
    (await core.refs.list(kind, true, false)).map((r) => ({ name: r.name, locative: r.locative }));
  return { kinds: await names('kind'), spheres: await names('sphere'), cities: await names('city'), countries: await names('country'), regions: await names('region') };
}

function applyMapping(layout: Layout, mapping: Partial<Record<ImportField, number>>): Layout {
  const byIndex = new Map(Object.entries(mapping).map(([field, index]) => [index, field as ImportField]));
  const width = Math.max(layout.columns.length, ...[...byIndex.keys()].map((i) => i + 1));
  const columns = Array.from({ length: width }, (_, index) => {
    const column = layout.columns[index] ?? { index, letter: '', header: '', field: null };
    return { ...column, letter: column.letter || columnLetter(index), field: byIndex.get(index) ?? null };
  });
  return { ...layout, columns };
}

function titleYear(sheet: Sheet, headerRow: number): number | null {
  return sheetTitleYear(sheet, headerRow);
}

function rawRows(sheet: Sheet): string[][] {
  return sheet.rows.slice(0, RAW_ROWS).map((row) => row.slice(0, RAW_COLUMNS).map((cell) => cellText(cell).slice(0, 300)));
}

/** The register's agreement a partner's cell names: its id, number or title. */
async function agreementFinder(core: Core): Promise<(text: string) => number | null> {
  const agreements = await core.agreements.all();
  return (text) => {
    const key = nameKey(text.replace(/^№\s*/, ''));
    return agreements.find((a) => String(a.id) === key || (a.number && nameKey(a.number) === key) || nameKey(a.title) === key)?.id ?? null;
  };
}

/** Header texts in order without the empty ones at the end: what makes two sheets one table. */
function headerOf(columns: readonly ImportColumn[]): string {
  return layoutKey(columns).replace(/\|+$/, '');
}

/** A sheet's header cells, named for a clerk: «Наименование», «Сумма», … */
function headerNames(columns: readonly ImportColumn[]): string {
  const named = columns.filter((c) => c.header).map((c) => `«${c.header}»`);
  return named.length > 4 ? `${named.slice(0, 4).join(', ')} …` : named.join(', ');
}

/** How to read what a file hides, in the wizard and in the terminal. */
const READ_HIDDEN = 'Файл их скрывает; чтобы прочитать и их, отметьте «Читать скрытые строки и столбцы» на шаге «Лист и заголовок» (в командной строке: --include-hidden).';

interface SheetRead {
  sheet: Sheet;
  /** 0-based place in the workbook. */
  position: number;
  layout: Layout;
}

export async function analyze(core: Core, source: ImportSource, options: ImportOptions): Promise<ImportPreview> {
  const fullExport = isFullExport(source.workbook) && options.sheet === undefined;
  const picked = pickSheet(source.workbook.sheets, fullExport ? FULL_EXPORT.events.sheet : options.sheet);
  if (!picked) {
    throw new AppError('validation', options.sheet !== undefined
      ? `В файле «${source.fileName}» нет листа «${options.sheet}». Листы: ${source.workbook.sheets.map((s) => `«${s.name}»`).join(', ')}.`
      : `В файле «${source.fileName}» нет ни одной заполненной строки.`);
  }
  const { sheet } = picked;
  const warnings: string[] = [];
  const leftOut = (s: Sheet): ReadonlySet<number> => (options.includeHidden ? new Set() : s.hiddenColumns ?? new Set());
  const found = options.headerRow === undefined ? picked.headerRow : findHeaderRow(sheet, options.headerRow);
  if (found === null && options.headerRow !== undefined) {
    throw new AppError('validation', `На листе всего ${sheet.rows.length} строк: строки заголовков ${options.headerRow} нет.`);
  }
  if (found === null && !options.mapping) warnings.push('Строка заголовков таблицы не распознана: укажите её номер и сопоставьте столбцы вручную.');
  const detected = detectLayout(sheet, found ?? 1, leftOut(sheet));
  let layout = detected;

  let mappingSource: ImportPreview['mappingSource'] = 'detected';
  let profileName: string | null = null;
  if (options.mapping) {
    layout = applyMapping(layout, options.mapping);
    mappingSource = 'user';
  } else if (!fullExport) {
    const profile = await core.profiles.get(layoutKey(layout.columns));
    if (profile) {
      layout = applyMapping(layout, profile.mapping);
      mappingSource = 'profile';
      profileName = profile.name;
    }
  }
  const mapped = new Set(layout.columns.map((c) => c.field));
  if (!mapped.has('title')) warnings.push('Не выбран столбец с названием мероприятия.');
  if (!mapped.has('startDate')) warnings.push('Не выбран столбец со сроками проведения.');

  // The other sheets: those with the same header are the same table (a sheet per quarter), read with
  // the same columns; those the clerk asked for are read with their own; the rest are named.
  const reads: SheetRead[] = [{ sheet, position: source.workbook.sheets.indexOf(sheet), layout }];
  const otherSheets: ImportPreview['otherSheets'] = [];
  if (!fullExport) {
    const asked = new Set(options.sheets ?? []);
    for (const name of asked) {
      if (!source.workbook.sheets.some((s) => s.name === name)) warnings.push(`Листа «${name}» в файле нет.`);
    }
    source.workbook.sheets.forEach((other, position) => {
      if (other === sheet || other.name === null || !other.rows.some((r) => r.some((c) => cellText(c).trim() !== ''))) return;
      const header = findHeaderRow(other);
      const own = header === null ? null : detectLayout(other, header, leftOut(other));
      if (options.sheet === undefined && own && found !== null && headerOf(own.columns) === headerOf(detected.columns)) {
        reads.push({ sheet: other, position, layout: { ...own, columns: layout.columns } });
      } else if (asked.has(other.name)) {
        if (!own) warnings.push(`На листе «${other.name}» не найдена строка заголовков таблицы: строки листа не прочитаны.`);
        reads.push({ sheet: other, position, layout: own ?? { ...detectLayout(other, 1), columns: [] } });
      } else {
        otherSheets.push({
          name: other.name,
          reason: options.sheet !== undefined ? `выбран один лист «${options.sheet}»`
            : own ? `другая таблица (${headerNames(own.columns)})` : 'не найдена строка заголовков таблицы мероприятий',
        });
      }
    });
  }

  const fromTitle = titleYear(sheet, layout.headerRow);
  const year = options.year ?? fromTitle ?? null;
  const refs = await refLists(core);
  const agreementOf = await agreementFinder(core);
  const parseDate = dateTextReader();
  const rows = reads.flatMap((read, i) => parseRows({
    sheet: read.sheet,
    layout: read.layout,
    year: i === 0 || options.year !== undefined ? year : titleYear(read.sheet, read.layout.headerRow) ?? year,
    refs,
    edits: options.edits ?? {},
    partner: options.partner ?? null,
    today: todayIso(),
    strict: fullExport,
    agreementOf,
    keyPrefix: i === 0 ? '' : `${read.position + 1}:`,
    includeHidden: options.includeHidden ?? false,
    parseDate,
  }));

  // Existing events over the file's dates, indexed once for every row.
  let start: string | null = null;
  let end: string | null = null;
  for (const { event } of rows) {
    if (!event) continue;
    if (start === null || event.startDate < start) start = event.startDate;
    if (end === null || event.endDate > end) end = event.endDate;
  }
  const existing: DatedEvent[] = start !== null && end !== null ? await core.events.dated(start, end) : [];
  const duplicateOf = createDuplicateFinder(existing);
  for (const row of rows) {
    row.duplicateOf = row.event ? duplicateOf(row.event) : null;
    if (row.duplicateOf) {
      row.status = 'duplicate';
      row.decision = options.decisions?.[row.key] ?? 'skip';
    }
  }
  const summary: ImportSummary = { new: 0, duplicate: 0, error: 0, skipped: 0 };
  for (const row of rows) summary[row.status]++;

  if (fullExport) {
    const { agreements, errors } = readFileAgreements(source.workbook);
    warnings.push(`Это полная выгрузка Реестра: мероприятия читаются как записаны, вместе с ними импортируются соглашения (в файле: ${agreements.length}; уже имеющиеся в реестре не повторяются).`, ...errors);
  }
  const previous = await core.batches.bySha(source.fileId);
  if (previous) {
    warnings.unshift(`Этот файл уже импортирован ${formatDate(previous.createdAt.slice(0, 10))} (пакет № ${previous.id}, «${previous.fileName}»). Повторные строки отмечены как дубликаты.`);
  }
  warnings.push(...titleYearWarning(sheet, layout, year, options.year === undefined && fromTitle !== null, parseDate));
  if (year === null && rows.some((r) => r.errors.some((e) => e.includes('не указан год')))) {
    warnings.push('В таблице есть даты без года, а в заголовке листа год не указан: укажите год.');
  }
  const hiddenRows = rows.filter((r) => r.hidden && r.status === 'skipped').length;
  if (hiddenRows) {
    warnings.push(`Скрытых строк пропущено: ${hiddenRows}. ${READ_HIDDEN}`);
  }
  const hiddenColumns = reads.flatMap(({ sheet: s, layout: l }) =>
    [...leftOut(s)].sort((a, b) => a - b).flatMap((index) => (index < l.columns.length && !l.columns[index]?.field ? [columnLetter(index)] : [])));
  if (hiddenColumns.length) {
    warnings.push(`Скрытые столбцы не сопоставлены: ${[...new Set(hiddenColumns)].join(', ')}. ${READ_HIDDEN}`);
  }
  if (options.partner && !await core.refs.partnerByKey(nameKey(options.partner))) {
    warnings.push(`Партнёра «${options.partner}» нет в справочнике: он будет добавлен.`);
  }

  return {
    fileId: source.fileId,
    fileName: source.fileName,
    encoding: source.workbook.encoding ?? null,
    sheets: source.workbook.sheets.map((s) => ({ name: s.name, rows: s.rows.length })),
    sheet: sheet.name,
    readSheets: reads.flatMap((r) => (r.sheet.name === null ? [] : [r.sheet.name])),
    otherSheets,
    headerRow: layout.headerRow,
    headerRows: layout.headerRows,
    dataRow: layout.dataRow,
    columns: layout.columns,
    mappingSource,
    fullExport,
    profileName,
    year,
    yearSource: options.year !== undefined ? 'user' : fromTitle !== null ? 'title' : null,
    raw: rawRows(sheet),
    rows,
    summary,
    warnings,
  };
}

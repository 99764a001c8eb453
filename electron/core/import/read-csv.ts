// Reads a CSV file as Russian Excel saves it (Windows-1251, `;`) or as anything else does (UTF-8, `,`).
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/column-letter';
import { cellTooLong, cleanText, LIMITS, type Sheet } from './sheet';

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1251';

/** BOM first; then valid UTF-8 is UTF-8 (Russian Windows-1251 text practically never is); else Windows-1251. */
export function detectEncoding(data: Buffer): TextEncoding {
  if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) return 'utf-8';
  if (data[0] === 0xff && data[1] === 0xfe) return 'utf-16le';
  if (data[0] === 0xfe && data[1] === 0xff) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(data);
    return 'utf-8';
  } catch {
    return 'windows-1251';
  }
}

/** The delimiter used most in the first record (quoted parts aside): `;`, `,` or a tab. */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>([[';', 0], [',', 0], ['\t', 0]]);
  let quoted = false;
  for (const ch of text.slice(0, 64 * 1024)) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, (counts.get(ch) as number) + 1);
  }
  const [best, count] = [...counts].reduce((a, b) => (b[1] > a[1] ? b : a));
  return count > 0 ? best : ';';
}

export function readCsv(data: Buffer, fileName: string): Sheet {
  const text = iconv.decode(data, detectEncoding(data), { stripBOM: true });
  // eslint-disable-next-line no-control-regex -- NUL bytes mean a binary file, not text
  if (/\x00/.test(text.slice(0, 4096))) {
    throw new AppError('validation', `Файл «${fileName}» не похож на таблицу: в нём двоичные данные. Выберите файл .xlsx или .csv.`);
  }
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      to_line: LIMITS.rows + 1,
    });
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    // csv-parse's own words (English) go to the log, not to the clerk.
    throw new AppError('validation', `Не удалось прочитать CSV-файл «${fileName}»${line ? ` (строка ${line})` : ''}: проверьте кавычки и разделители или сохраните его из Excel заново.`, e);
  }
  if (records.length > LIMITS.rows) {
    throw new AppError('validation', `В файле «${fileName}» больше ${LIMITS.rows.toLocaleString('ru-RU')} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей.`);
  }
  const rows = records.map((record, r) => {
    const cells = record.slice(0, LIMITS.columns).map((raw, c) => {
      if (raw.length > LIMITS.cellChars) {
        throw cellTooLong(fileName, `${columnLetter(c)}${r + 1}`);
      }
      const value = cleanText(raw);
      return value.trim() === '' ? null : value;
    });
    while (cells.length && cells[cells.length - 1] === null) cells.pop();
    return cells;
  });
  return { name: null, rows };
}

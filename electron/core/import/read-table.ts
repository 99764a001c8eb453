// Builds one sheet of the sheet model from a document's table as its rows stream past: the title
// paragraphs above it, cells placed by grid column, merges, hidden rows, and the limits of a sheet.
import { AppError } from '../../../shared/errors';
import { columnLetter } from '../../../shared/column-letter';
import { cellTooLong, cleanText, inheritMerges, LIMITS, type Cell, type Sheet } from './sheet';

export interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export class TableBuilder {
  readonly rows: Cell[][] = [];
  private readonly hidden = new Set<number>();
  private readonly merges: Merge[] = [];
  /** Empty rows not yet written: written only when a row with something in it follows. */
  private blank = 0;

  constructor(
    private readonly fileName: string,
    /** Where the table is: a sheet's name, or a document table's number (from 1). */
    private readonly place: { sheet: string } | { table: number },
    titles: readonly string[] = [],
  ) {
    for (const title of titles) this.rows.push([title]);
  }

  /** The 0-based index the next row will have, counting empty rows not yet written. */
  get nextIndex(): number {
    return this.rows.length + this.blank;
  }

  /** Adds a row (`repeat` times, as OpenDocument repeats identical rows); trailing nulls are dropped. */
  addRow(cells: Cell[], hidden = false, repeat = 1): void {
    while (cells.length && (cells[cells.length - 1] === null || cells[cells.length - 1] === '')) cells.pop();
    if (cells.length === 0) {
      this.blank += repeat;
      return;
    }
    if (this.rows.length + this.blank + repeat > LIMITS.rows) {
      throw new AppError(
        'validation',
        `${'sheet' in this.place ? `На листе «${this.place.sheet}»` : `В таблице ${this.place.table}`} файла «${this.fileName}» больше ${LIMITS.rows.toLocaleString('ru-RU')} строк: Reestr читает таблицы не длиннее. Разделите файл на несколько частей.`,
      );
    }
    for (; this.blank > 0; this.blank--) this.rows.push([]);
    for (let i = 0; i < repeat; i++) {
      if (hidden) this.hidden.add(this.rows.length + 1);
      this.rows.push(i === 0 ? cells : [...cells]);
    }
  }

  /** A cell's text, cleaned and checked against the limit; null when empty. */
  text(raw: string, row: number, col: number): string | null {
    const text = cleanText(raw.includes('\n') ? raw.replace(/[ \t]*\n[ \t]*/g, '\n').replace(/^\n+|\n+$/g, '') : raw);
    if (text.length > LIMITS.cellChars) {
      // A spreadsheet's cells have letters; a document's table is counted in rows and columns.
      throw cellTooLong(this.fileName, 'sheet' in this.place ? `${columnLetter(col)}${row + 1} на листе «${this.place.sheet}»` : `в строке ${row + 1}, столбце ${col + 1} таблицы ${this.place.table}`);
    }
    return text.trim() === '' ? null : text;
  }

  /** A merged range; its `bottom` may still grow as the rows it covers stream past. */
  merge(range: Merge): void {
    if (this.merges.length < LIMITS.rows) this.merges.push(range);
  }

  finish(name: string, kind: Sheet['kind'], hiddenColumns?: ReadonlySet<number>): Sheet {
    const inherited = new Set<string>();
    inheritMerges(this.rows, this.merges, inherited);
    return {
      name,
      rows: this.rows,
      kind,
      ...(this.hidden.size ? { hiddenRows: this.hidden } : {}),
      ...(hiddenColumns?.size ? { hiddenColumns } : {}),
      ...(inherited.size ? { inherited } : {}),
    };
  }
}

/** Keeps the last paragraphs of text above a table, the table's title rows. */
export class TitleParagraphs {
  private list: string[] = [];

  add(raw: string): void {
    const text = cleanText(raw).replace(/\s+/g, ' ').trim();
    if (!text) return;
    // A paragraph longer than a cell is no title: it is dropped rather than refused.
    if (text.length > LIMITS.cellChars) return;
    this.list.push(text);
    if (this.list.length > LIMITS.titleParagraphs) this.list.shift();
  }

  take(): string[] {
    const list = this.list;
    this.list = [];
    return list;
  }
}

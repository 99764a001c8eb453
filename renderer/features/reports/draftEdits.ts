// The clerk's edits of a draft, as pure functions: paragraphs and tables stay in place relative to
// each other (a table follows its first `after` paragraphs), whatever is removed, moved or added.
import type { Report, ReportTable } from '../../../shared/schema/report';

export function editParagraph(report: Report, index: number, text: string): Report {
  // Edited by the clerk, the paragraph is the clerk's own text: its «check» mark goes.
  return { ...report, paragraphs: report.paragraphs.map((p, i) => (i === index ? { ...p, text, generated: false } : p)) };
}

/** The clerk read the paragraph and found it right. */
export function markChecked(report: Report, index: number): Report {
  return { ...report, paragraphs: report.paragraphs.map((p, i) => (i === index ? { ...p, generated: false } : p)) };
}

export function removeParagraph(report: Report, index: number): Report {
  return {
    ...report,
    paragraphs: report.paragraphs.filter((_, i) => i !== index),
    tables: report.tables.map((t) => (t.after > index ? { ...t, after: t.after - 1 } : t)),
  };
}

/** Swaps two neighbouring paragraphs; a table between them stays where it was. */
export function moveParagraph(report: Report, from: number, to: number): Report {
  if (to < 0 || to >= report.paragraphs.length || from === to) return report;
  const paragraphs = [...report.paragraphs];
  const [moved] = paragraphs.splice(from, 1);
  if (moved) paragraphs.splice(to, 0, moved);
  return { ...report, paragraphs };
}

/**
 * A new empty paragraph at position `at`. `afterTable`: it goes right after that table (by index);
 * otherwise it goes before any table that stood at `at`.
 */
export function insertParagraph(report: Report, at: number, afterTable?: number): Report {
  const paragraphs = [...report.paragraphs];
  paragraphs.splice(at, 0, { eventId: null, text: '', generated: false });
  const tables = report.tables.map((t, i) => {
    const later = t.after > at || (t.after === at && (afterTable === undefined || i > afterTable));
    return later ? { ...t, after: t.after + 1 } : t;
  });
  return { ...report, paragraphs, tables };
}

function withTable(report: Report, index: number, change: (t: ReportTable) => ReportTable): Report {
  return { ...report, tables: report.tables.map((t, i) => (i === index ? change(t) : t)) };
}

export function editCell(report: Report, table: number, row: number, column: number, text: string): Report {
  return withTable(report, table, (t) => ({ ...t, rows: t.rows.map((r, i) => (i === row ? r.map((c, j) => (j === column ? text : c)) : r)) }));
}

export function editCaption(report: Report, table: number, caption: string): Report {
  return withTable(report, table, (t) => ({ ...t, caption: caption || null }));
}

/** An empty row at the end; a «№» first column gets the next number, written as the others are («4.» or «4»). */
export function addRow(report: Report, table: number): Report {
  return withTable(report, table, (t) => {
    const row = t.columns.map(() => '');
    if (isNumberColumn(t.columns[0])) row[0] = numberAs(t.rows.length + 1, t.rows[0]?.[0] ?? '1.');
    return { ...t, rows: [...t.rows, row] };
  });
}

/** Removes a row; a «№» first column is numbered again, if it held the plain numbers 1, 2, 3… */
export function removeRow(report: Report, table: number, row: number): Report {
  return withTable(report, table, (t) => {
    const sample = t.rows[0]?.[0] ?? '';
    const numbered = isNumberColumn(t.columns[0]) && t.rows.every((r, i) => r[0] === numberAs(i + 1, sample));
    const rows = t.rows.filter((_, i) => i !== row);
    return { ...t, rows: numbered ? rows.map((r, i) => [numberAs(i + 1, sample), ...r.slice(1)]) : rows };
  });
}

function numberAs(n: number, sample: string): string {
  return sample.trim().endsWith('.') ? `${n}.` : String(n);
}

function isNumberColumn(column: string | undefined): boolean {
  return column !== undefined && /^№\s*(п\/п)?$/i.test(column.trim());
}

/** Paragraphs built from fields the clerk has not checked yet. */
export function uncheckedCount(report: Report): number {
  return report.paragraphs.filter((p) => p.generated).length;
}

const PLACEHOLDER = /\[[^[\]\n]{2,80}\]/g;

/** The «[И.О. Фамилия]» fields a template leaves for the clerk, each once, in the order they appear. */
export function placeholders(report: Report): string[] {
  const texts = [report.title, ...report.paragraphs.map((p) => p.text), ...report.tables.flatMap((t) => t.rows.flat())];
  return [...new Set(texts.flatMap((t) => t.match(PLACEHOLDER) ?? []))];
}

/** The first paragraph with a placeholder left; -1 when none. */
export function firstPlaceholder(report: Report): number {
  return report.paragraphs.findIndex((p) => new RegExp(PLACEHOLDER.source).test(p.text));
}

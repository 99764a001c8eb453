// Reestr's own full export read back: told by its sheets and header, its agreements read row by row.
import { FULL_EXPORT } from '../workbook-format';
import { AgreementInputSchema, type AgreementInput } from '../../../shared/schema/agreement';
import { fieldErrors } from '../../../shared/schema/messages';
import { AGREEMENT_KIND_LABELS, AGREEMENT_STATUS_LABELS, codeOfLabel } from '../../../shared/ru/labels';
import { nameKey } from '../../../shared/ru/normalize';
import { cellText, isDateCell, type Cell, type Sheet, type WorkbookData } from './sheet';

function headerOf(sheet: Sheet | undefined): string[] {
  return (sheet?.rows[0] ?? []).map((c) => cellText(c).trim());
}

/** Whether the workbook is a full export of Reestr: its three sheets, and the events' header as written. */
export function isFullExport(workbook: WorkbookData): boolean {
  const events = workbook.sheets.find((s) => s.name === FULL_EXPORT.events.sheet);
  const agreements = workbook.sheets.find((s) => s.name === FULL_EXPORT.agreements.sheet);
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  return same(headerOf(events), FULL_EXPORT.events.columns) && same(headerOf(agreements), FULL_EXPORT.agreements.columns);
}

export interface FileAgreement {
  /** The agreement's id in the exported register, as the events sheet refers to it. */
  ref: string;
  input: AgreementInput;
}

function dateOf(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined) return null;
  if (isDateCell(cell)) return cell.date;
  const text = cellText(cell).trim();
  const dotted = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(text);
  return dotted ? `${dotted[3]}-${dotted[2]}-${dotted[1]}` : text || null;
}

/** The agreements of the export, or the Russian messages of the rows that are not. */
export function readFileAgreements(workbook: WorkbookData): { agreements: FileAgreement[]; errors: string[] } {
  const sheet = workbook.sheets.find((s) => s.name === FULL_EXPORT.agreements.sheet);
  const column = (name: (typeof FULL_EXPORT.agreements.columns)[number]) => FULL_EXPORT.agreements.columns.indexOf(name);
  const agreements: FileAgreement[] = [];
  const errors: string[] = [];
  (sheet?.rows ?? []).forEach((cells, i) => {
    if (i === 0 || cells.every((c) => c === null)) return;
    const text = (name: Parameters<typeof column>[0]) => cellText(cells[column(name)] ?? null).trim() || null;
    const list = (name: Parameters<typeof column>[0]) => (text(name) ?? '').split(';').map((p) => p.trim()).filter(Boolean);
    const parsed = AgreementInputSchema.safeParse({
      kind: codeOfLabel(AGREEMENT_KIND_LABELS, text('Вид') ?? '') ?? 'other',
      number: text('Номер'),
      title: text('Название') ?? '',
      parties: list('Стороны'),
      signedOn: dateOf(cells[column('Подписано')]),
      validFrom: dateOf(cells[column('Действует с')]),
      validUntil: dateOf(cells[column('Действует до')]),
      autoProlongation: nameKey(text('Автопролонгация') ?? '') === 'да',
      status: codeOfLabel(AGREEMENT_STATUS_LABELS, text('Статус') ?? '') ?? 'active',
      department: text('Подразделение'),
      spheres: list('Сферы'),
      notes: cellText(cells[column('Примечание')] ?? null).trim() || null,
    });
    if (parsed.success) agreements.push({ ref: text('ID') ?? String(i + 1), input: parsed.data });
    else errors.push(`Лист «${FULL_EXPORT.agreements.sheet}», строка ${i + 1}: ${Object.values(fieldErrors(parsed.error)).join('; ')}`);
  });
  return { agreements, errors };
}

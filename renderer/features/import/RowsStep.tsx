// Step 4: every row as it will be imported, its status, errors and duplicate; cells editable before the commit.
import { ActionIcon, Badge, Button, Group, SegmentedControl, Select, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { IconPencil } from '@tabler/icons-react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState } from 'react';
import { formatDateRange } from '../../../shared/ru/dates';
import { DUPLICATE_DECISION_LABELS, FORMAT_LABELS, IMPORT_FIELD_LABELS, ROW_STATUS_LABELS } from '../../../shared/ru/labels';
import { countOf, EVENT_FORMS } from '../../../shared/ru/plural';
import type { DuplicateDecision, ImportColumn, ImportRow, RowStatus } from '../../../shared/schema/import';
import { options } from '../../components/forms';
import { useImport } from './importStore';
import classes from './ImportPage.module.css';

const STATUS_COLORS: Record<RowStatus, string> = { new: 'green', duplicate: 'yellow', error: 'red', skipped: 'gray' };

/** The mapped cells of a row as inputs; a changed cell is sent on leaving it, and the row is read again. */
function CellEditor({ row, columns }: { row: ImportRow; columns: ImportColumn[] }) {
  const { options: current, change } = useImport();
  const save = (index: number, text: string) => {
    if ((row.cells[String(index)] ?? '') === text) return;
    const edits = { ...current.edits, [row.key]: { ...current.edits?.[row.key], [String(index)]: text } };
    void change({ edits });
  };
  return (
    <Group gap="xs" mt={6} align="flex-start" wrap="wrap">
      {columns.map((column) => (
        <TextInput
          key={column.index}
          size="xs"
          w={column.field === 'title' ? 360 : 190}
          label={`${column.letter}: ${column.header}`}
          defaultValue={row.cells[String(column.index)] ?? ''}
          onBlur={(e) => save(column.index, e.currentTarget.value)}
          onKeyDown={(e) => e.key === 'Enter' && save(column.index, e.currentTarget.value)}
        />
      ))}
    </Group>
  );
}

/** A row that is not an event yet is named by its title cell. */
function titleOf(row: ImportRow, columns: ImportColumn[]): string {
  const column = columns.find((c) => c.field === 'title');
  return (column && row.cells[String(column.index)]) || 'Строка без названия';
}

function RowView({ row, columns }: { row: ImportRow; columns: ImportColumn[] }) {
  const { options: current, change } = useImport();
  const [editing, setEditing] = useState(row.status === 'error');
  const event = row.event;
  const decide = (decision: DuplicateDecision) =>
    void change({ decisions: { ...current.decisions, [row.key]: decision } });
  return (
    <div>
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Text size="sm" c="dimmed" w={70}>Стр. {row.row}{row.hidden && <><br />скрыта</>}</Text>
        <Badge color={STATUS_COLORS[row.status]} variant="light" w={100}>{ROW_STATUS_LABELS[row.status]}</Badge>
        <div style={{ flex: 1, minWidth: 0 }}>
          {event ? (
            <>
              <Text size="sm" fw={500}>{event.title}</Text>
              <Text size="xs" c="dimmed">
                {[formatDateRange(event.startDate, event.endDate, event.datePrecision), event.city, event.venue, event.format && FORMAT_LABELS[event.format], event.spheres.join(', ')]
                  .filter(Boolean).join(' · ')}
              </Text>
            </>
          ) : <Text size="sm">{row.note && row.hidden ? `${row.note}: ${titleOf(row, columns)}` : row.note ?? titleOf(row, columns)}</Text>}
          {row.errors.map((message) => <Text key={message} size="sm" c="red.8">{message}</Text>)}
          {row.folded && (
            <Text size="xs" c="dimmed">
              Латинские буквы в русских словах заменены на русские: {row.folded.map((f) => `«${IMPORT_FIELD_LABELS[f]}»`).join(', ')}
            </Text>
          )}
          {row.duplicateOf && (
            <Group gap="xs" mt={4}>
              <Text size="xs">
                Уже есть в реестре: № {row.duplicateOf.id} «{row.duplicateOf.title}», {formatDateRange(row.duplicateOf.startDate, row.duplicateOf.endDate, row.duplicateOf.datePrecision)}
              </Text>
              <Select
                size="xs"
                w={230}
                aria-label={`Дубликат в строке ${row.row}${row.sheet ? ` листа «${row.sheet}»` : ''}`}
                data={options(DUPLICATE_DECISION_LABELS)}
                value={row.decision ?? 'skip'}
                allowDeselect={false}
                onChange={(v) => v && decide(v as DuplicateDecision)}
              />
            </Group>
          )}
          {editing && <CellEditor row={row} columns={columns} />}
        </div>
        {row.status !== 'skipped' && (
          <Tooltip label={editing ? 'Скрыть ячейки' : 'Исправить ячейки'}>
            <ActionIcon variant="subtle" aria-label={`Исправить строку ${row.row}${row.sheet ? ` листа «${row.sheet}»` : ''}`} onClick={() => setEditing((v) => !v)}><IconPencil size={16} /></ActionIcon>
          </Tooltip>
        )}
      </Group>
    </div>
  );
}

/** A line of the list: a sheet's heading (when several are read) or a row. */
type Item = { sheet: string; count: number } | { row: ImportRow };

/** The rows to show, each sheet's under its heading when several sheets are read. */
function itemsOf(rows: readonly ImportRow[], several: boolean): Item[] {
  if (!several) return rows.map((row) => ({ row }));
  const items: Item[] = [];
  let heading: { sheet: string; count: number } | null = null;
  for (const row of rows) {
    if (!heading || heading.sheet !== (row.sheet ?? '')) items.push((heading = { sheet: row.sheet ?? '', count: 0 }));
    heading.count++;
    items.push({ row });
  }
  return items;
}

export function RowsStep() {
  const { preview, goTo, commit, busy } = useImport();
  const [shown, setShown] = useState<RowStatus | 'all'>('all');
  const scroller = useRef<HTMLDivElement>(null);
  const rows = preview ? (shown === 'all' ? preview.rows : preview.rows.filter((r) => r.status === shown)) : [];
  const items = itemsOf(rows, (preview?.readSheets.length ?? 0) > 1);
  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => scroller.current, estimateSize: () => 64, overscan: 10 });
  if (!preview) return null;
  const columns = preview.columns.filter((c) => c.field);
  const { summary } = preview;
  const toWrite = summary.new + preview.rows.filter((r) => r.status === 'duplicate' && r.decision !== 'skip').length;
  const count = (status: RowStatus) => `${ROW_STATUS_LABELS[status]} (${summary[status]})`;
  return (
    <Stack gap="sm" style={{ flex: 1, minHeight: 0 }}>
      <Group justify="space-between">
        <SegmentedControl
          value={shown}
          onChange={(v) => setShown(v as RowStatus | 'all')}
          data={[
            { value: 'all', label: `Все (${preview.rows.length})` },
            { value: 'new', label: count('new') },
            { value: 'duplicate', label: count('duplicate') },
            { value: 'error', label: count('error') },
            { value: 'skipped', label: count('skipped') },
          ]}
        />
        {busy === 'analysing' && <Text size="sm" c="dimmed">Проверка…</Text>}
      </Group>
      {preview.warnings.map((w) => <Text key={w} size="sm" c="orange.8">{w}</Text>)}
      <div ref={scroller} className={classes.rows} data-testid="import-rows">
        <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {virtualizer.getVirtualItems().map((virtual) => {
            const item = items[virtual.index] as Item;
            if (!('row' in item)) {
              return (
                <div
                  key={`sheet:${item.sheet}`}
                  data-index={virtual.index}
                  ref={virtualizer.measureElement}
                  className={classes.sheetHeading}
                  data-testid="sheet-heading"
                  style={{ transform: `translateY(${virtual.start}px)` }}
                >
                  <Text fw={600} size="sm">Лист «{item.sheet}» · строк: {item.count}</Text>
                </div>
              );
            }
            const { row } = item;
            return (
              <div
                key={`${row.key}:${JSON.stringify(row.cells)}`}
                data-index={virtual.index}
                ref={virtualizer.measureElement}
                className={classes.row}
                data-status={row.status}
                data-row={row.row}
                data-sheet={row.sheet ?? undefined}
                style={{ transform: `translateY(${virtual.start}px)` }}
              >
                <RowView row={row} columns={columns} />
              </div>
            );
          })}
        </div>
        {rows.length === 0 && <Text c="dimmed" p="md">Таких строк нет.</Text>}
      </div>
      <Group>
        <Button variant="default" onClick={() => goTo('columns')}>Назад</Button>
        <Button onClick={() => void commit()} disabled={toWrite === 0 || busy !== null}>
          {toWrite ? `Импортировать ${countOf(toWrite, EVENT_FORMS)}` : 'Импортировать нечего'}
        </Button>
        {summary.error > 0 && <Text size="sm" c="dimmed">Строки с ошибками не будут импортированы, пока их не исправить.</Text>}
      </Group>
    </Stack>
  );
}

// A table of a document (the plan's events, the справка's counts): caption and cells edited in place,
// rows added and removed.
import { ActionIcon, Button, Group, Paper, Table, Text, Textarea, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { memo } from 'react';
import type { Report, ReportTable } from '../../../shared/schema/report';
import { addRow, editCaption, editCell, removeRow } from './draftEdits';
import { CELL_GROWS_WITH_TEXT, CSS_SIZING } from './textSizing';

export type DraftUpdate = (change: (report: Report) => Report) => void;

/** Short columns («№», «Срок») narrow, the rest share the width. */
function columnWidth(column: string): string | undefined {
  const c = column.trim().toLowerCase();
  if (/^№/.test(c)) return '3.5rem';
  if (/(количество|число|всего|кол-во)/.test(c)) return '9rem';
  if (/^(срок|дата)/.test(c) && c.length <= 20) return '10rem';
  if (/^наименование/.test(c)) return '30%';
  return undefined;
}

const Row = memo(function Row({ table, row, cells, columns, update }: { table: number; row: number; cells: readonly string[]; columns: readonly string[]; update: DraftUpdate }) {
  return (
    <Table.Tr data-row={row}>
      {columns.map((column, j) => (
        <Table.Td key={j} p={4} style={{ verticalAlign: 'top' }}>
          <Textarea
            rows={1}
            autosize={!CSS_SIZING}
            minRows={1}
            styles={CSS_SIZING ? CELL_GROWS_WITH_TEXT : undefined}
            size="sm"
            aria-label={`Таблица ${table + 1}, строка ${row + 1}: ${column}`}
            value={cells[j] ?? ''}
            onChange={(e) => {
              const text = e.currentTarget.value;
              update((r) => editCell(r, table, row, j, text));
            }}
          />
        </Table.Td>
      ))}
      <Table.Td p={4} w={40}>
        <ActionIcon title="Убрать строку" variant="subtle" color="red" aria-label={`Таблица ${table + 1}: убрать строку ${row + 1}`} onClick={() => update((r) => removeRow(r, table, row))}>
          <IconTrash size={16} />
        </ActionIcon>
      </Table.Td>
    </Table.Tr>
  );
});

export const ReportTableEditor = memo(function ReportTableEditor({ table, index, update, onParagraphAfter }: { table: ReportTable; index: number; update: DraftUpdate; onParagraphAfter: () => void }) {
  return (
    <Paper withBorder p="sm" data-table={index}>
      <TextInput
        label={`Заголовок таблицы ${index + 1}`}
        placeholder="без заголовка (необязательно)"
        value={table.caption ?? ''}
        onChange={(e) => {
          const caption = e.currentTarget.value;
          update((r) => editCaption(r, index, caption));
        }}
        mb="xs"
      />
      <Table.ScrollContainer minWidth={640}>
        <Table withTableBorder withColumnBorders verticalSpacing={4} style={{ tableLayout: 'fixed' }}>
          <Table.Thead>
            <Table.Tr>
              {table.columns.map((column, j) => <Table.Th key={j} w={columnWidth(column)}>{column}</Table.Th>)}
              <Table.Th w={40} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {table.rows.map((cells, i) => <Row key={i} table={index} row={i} cells={cells} columns={table.columns} update={update} />)}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group justify="space-between" mt="xs">
        <Group gap="sm">
          <Button size="xs" variant="light" leftSection={<IconPlus size={14} />} onClick={() => update((r) => addRow(r, index))}>
            Добавить строку
          </Button>
          {table.rows.length === 0 && <Text size="sm" c="dimmed">В таблице нет строк.</Text>}
        </Group>
        <Button size="xs" variant="subtle" leftSection={<IconPlus size={14} />} onClick={onParagraphAfter}>
          Добавить абзац после таблицы
        </Button>
      </Group>
    </Paper>
  );
});

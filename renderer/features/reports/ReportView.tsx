// A document to read, for a role that may not save or export it: the title, paragraphs and tables as text.
import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import type { Report } from '../../../shared/schema/report';
import { routeHash } from '../../router/route';

function TableView({ table }: { table: Report['tables'][number] }) {
  return (
    <Stack gap={4}>
      {table.caption && <Text fw={600} size="sm">{table.caption}</Text>}
      <Table withTableBorder withColumnBorders verticalSpacing={4} fz="sm">
        <Table.Thead>
          <Table.Tr>{table.columns.map((column, j) => <Table.Th key={j}>{column}</Table.Th>)}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {table.rows.map((cells, i) => (
            <Table.Tr key={i}>{table.columns.map((_column, j) => <Table.Td key={j} style={{ whiteSpace: 'pre-line' }}>{cells[j] ?? ''}</Table.Td>)}</Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function ReportView({ report }: { report: Report }) {
  const { paragraphs, tables } = report;
  /** The tables after the first `n` paragraphs (those placed past the end go last), as the editor lays them. */
  const tablesAfter = (n: number) => tables.filter((t) => t.after === n || (n === paragraphs.length && t.after > n));
  return (
    <Stack gap="sm" data-testid="report-view">
      <Title order={3}>{report.title}</Title>
      {paragraphs.map((paragraph, i) => (
        <Fragment key={i}>
          {tablesAfter(i).map((table, j) => <TableView key={`t${j}`} table={table} />)}
          <Text style={{ whiteSpace: 'pre-line' }}>
            {paragraph.text}
            {paragraph.eventId !== null && (
              <> <Anchor href={routeHash({ section: 'events', item: String(paragraph.eventId) })} size="xs">мероприятие № {paragraph.eventId}</Anchor></>
            )}
          </Text>
        </Fragment>
      ))}
      {tablesAfter(paragraphs.length).map((table, j) => <TableView key={`end${j}`} table={table} />)}
    </Stack>
  );
}

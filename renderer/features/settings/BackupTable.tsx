// A list of backups, newest first: when, why, a column of the caller's, and its «Восстановить…» button.
import { Button, Group, Table, type ButtonProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { BACKUP_REASON_LABELS } from '../../../shared/ru/labels';
import type { BackupInfoDto } from '../../../shared/schema/backup';
import { backupTime } from './backupText';

interface Props<B extends BackupInfoDto> {
  backups: readonly B[];
  testId: string;
  /** The third column: its heading and each backup's cell. */
  detail: { heading: string; of: (backup: B) => ReactNode };
  /** How each backup's button looks (loading, disabled, emphasised) and what it does. */
  restore: (backup: B) => ButtonProps & { onClick: () => void };
}

export function BackupTable<B extends BackupInfoDto>({ backups, testId, detail, restore }: Props<B>) {
  return (
    <Table withTableBorder striped verticalSpacing={4} data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Когда сделана</Table.Th>
          <Table.Th>Почему</Table.Th>
          <Table.Th>{detail.heading}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {backups.map((b) => (
          <Table.Tr key={b.file} title={b.file}>
            <Table.Td>{backupTime(b.at)}</Table.Td>
            <Table.Td>{BACKUP_REASON_LABELS[b.reason]}</Table.Td>
            <Table.Td>{detail.of(b)}</Table.Td>
            <Table.Td>
              <Group justify="flex-end">
                <Button size="compact-sm" variant="light" color="orange" {...restore(b)}>
                  Восстановить…
                </Button>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

// The question before a restore: what the chosen copy holds, and what happens to the present state.
import { Alert, Button, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { BACKUP_REASON_LABELS } from '../../../shared/ru/labels';
import type { BackupPreview } from '../../../shared/schema/backup';
import { backupTime, contentsText, fileSize } from './backupText';

interface Props {
  preview: BackupPreview | null;
  /** What happens to the register as it is now, in a sentence. */
  before: string;
  busy: boolean;
  error: string | null;
  onConfirm: (preview: BackupPreview) => void;
  onClose: () => void;
}

export function RestoreDialog({ preview, before, busy, error, onConfirm, onClose }: Props) {
  return (
    <Modal opened={preview !== null} onClose={busy ? () => {} : onClose} title="Восстановить из резервной копии?" size="lg">
      {preview && (
        <Stack data-testid="restore-dialog">
          <Table withRowBorders={false} verticalSpacing={2}>
            <Table.Tbody>
              <Table.Tr>
                <Table.Th w={220}>Файл</Table.Th>
                <Table.Td>{preview.fileName}</Table.Td>
              </Table.Tr>
              {preview.at && (
                <Table.Tr>
                  <Table.Th>Копия сделана</Table.Th>
                  <Table.Td>
                    {backupTime(preview.at)}
                    {preview.reason ? ` (${BACKUP_REASON_LABELS[preview.reason]})` : ''}
                  </Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Th>В копии</Table.Th>
                <Table.Td>{contentsText(preview.contents)}</Table.Td>
              </Table.Tr>
              {preview.contents.lastChange && (
                <Table.Tr>
                  <Table.Th>Последнее изменение в копии</Table.Th>
                  <Table.Td>{backupTime(preview.contents.lastChange)}</Table.Td>
                </Table.Tr>
              )}
              <Table.Tr>
                <Table.Th>Размер</Table.Th>
                <Table.Td>{fileSize(preview.bytes)}</Table.Td>
              </Table.Tr>
            </Table.Tbody>
          </Table>
          <Text size="sm">Все записи реестра будут заменены записями из этой копии. {before}</Text>
          {error && <Alert color="red" title="Восстановление не выполнено">{error}</Alert>}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose} disabled={busy}>Отмена</Button>
            <Button color="orange" loading={busy} onClick={() => onConfirm(preview)}>Восстановить</Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}

// The Настройки section: the department, where the data lives, the folder for backups (a network drive, a USB stick), the backups.
import { Alert, Button, Code, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import type { DataPaths } from '../../../shared/schema/backup';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { useDepartmentServer, useServerAdmin } from '../../api/useSession';
import { BackupsPanel } from './BackupsPanel';
import { DepartmentCard } from './DepartmentCard';
import { ServerCard } from './ServerCard';

function Place({ label, path, hint }: { label: string; path: string; hint: string }) {
  return (
    <Table.Tr>
      <Table.Th w={230} style={{ verticalAlign: 'top' }}>{label}</Table.Th>
      <Table.Td>
        <Code style={{ wordBreak: 'break-all' }}>{path}</Code>
        <Text size="xs" c="dimmed">{hint}</Text>
      </Table.Td>
    </Table.Tr>
  );
}

function BackupFolderForm({ paths, onChange }: { paths: DataPaths; onChange: (paths: DataPaths) => void }) {
  const [folder, setFolder] = useState(paths.backupFolder);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => setFolder(paths.backupFolder), [paths.backupFolder]);

  const save = async (value: string | null) => {
    setBusy(true);
    setError(null);
    try {
      const next = await call('settings.setBackupFolder', { folder: value });
      onChange(next);
      notifications.show({ color: 'green', message: `Резервные копии теперь сохраняются в папку «${next.backupFolder}».` });
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };

  const isDefault = paths.backupFolder === paths.defaultBackupFolder;
  return (
    <Stack gap="xs">
      <Title order={4}>Папка резервных копий</Title>
      <Text size="sm">
        Копии надёжнее хранить не на том же диске, что и реестр: например, на сетевом диске или на флешке. Укажите полный путь к папке;
        если её нет, она будет создана. Программа проверит, что в неё можно записывать.
      </Text>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void save(folder);
        }}
      >
        <Group align="flex-start" gap="xs">
          <TextInput
            aria-label="Папка резервных копий"
            value={folder}
            onChange={(e) => setFolder(e.currentTarget.value)}
            error={error}
            style={{ flex: 1 }}
            spellCheck={false}
          />
          <Button type="submit" loading={busy} disabled={folder.trim() === '' || folder === paths.backupFolder}>Сохранить папку</Button>
        </Group>
      </form>
      {!isDefault && (
        <Group>
          <Button variant="subtle" size="compact-sm" disabled={busy} onClick={() => void save(null)}>Вернуть папку по умолчанию</Button>
          <Text size="xs" c="dimmed">{paths.defaultBackupFolder}</Text>
        </Group>
      )}
    </Stack>
  );
}

export function SettingsPage() {
  const [paths, setPaths] = useState<DataPaths | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  // The department server's register is no file: no folders, no backups of the app's (the server's own are the administrator's).
  const onServer = useDepartmentServer();
  const admin = useServerAdmin();
  useEffect(() => {
    if (!onServer) call('settings.paths', {}).then(setPaths, (e: unknown) => setError(errorMessage(e)));
  }, [onServer]);

  return (
    <Stack maw={960} gap="lg" pb="xl">
      <Title order={2}>Настройки</Title>
      <ServerCard />
      <DepartmentCard />
      {error && <Alert color="red">{error}</Alert>}
      {paths && (
        <>
          <Stack gap="xs">
            <Title order={4}>Где хранятся данные</Title>
            <Table withTableBorder verticalSpacing={6} data-testid="data-places">
              <Table.Tbody>
                <Place label="База данных" path={paths.databaseFile} hint="Весь реестр — в одном файле. Не копируйте его, пока программа открыта: для этого есть резервные копии." />
                <Place label="Резервные копии" path={paths.backupFolder} hint="Папку можно изменить ниже." />
                <Place label="Журнал ошибок" path={paths.logFolder} hint="Если программа сообщила о внутренней ошибке, передайте файл errors.log из этой папки тому, кто её сопровождает." />
              </Table.Tbody>
            </Table>
          </Stack>
          <BackupFolderForm
            paths={paths}
            onChange={(next) => {
              setPaths(next);
              setVersion((v) => v + 1);
            }}
          />
          <BackupsPanel version={version} />
        </>
      )}
      {admin && (
        <Text size="sm" c="dimmed">Резервные копии реестра отдела делает сервер: их список и копия по требованию — в разделе «Учётные записи».</Text>
      )}
    </Stack>
  );
}

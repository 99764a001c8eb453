// Резервные копии in Настройки: the list, a copy made now, and a restore from the list or from a file.
import { Alert, Button, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDatabaseExport, IconFileUpload } from '@tabler/icons-react';
import { useCallback, useEffect, useState } from 'react';
import type { BackupInfoDto, BackupPreview } from '../../../shared/schema/backup';
import type { MethodOutput } from '../../../shared/api';
import { call } from '../../api/client';
import { runJob } from '../../api/jobs';
import { errorMessage, notifyError } from '../../api/notifyError';
import { backupTime, contentsText, copyName, fileSize } from './backupText';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { uploadBackup, useRestore } from './restore';

export function BackupsPanel({ version }: { version: number }) {
  const [list, setList] = useState<{ folder: string; backups: BackupInfoDto[] } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const [opening, setOpening] = useState<string | null>(null);
  const restoring = useRestore(async (chosen) => {
    // In the back end's worker thread: the app goes on answering while the copy is checked and written.
    const result = await runJob<MethodOutput<'backups.restore'>>({ kind: 'backups.restore', input: chosen.source });
    return `Реестр восстановлен из копии ${copyName(chosen)}: ${contentsText(result.contents)}. Прежнее состояние сохранено в копии «перед восстановлением».`;
  });

  const load = useCallback(() => {
    call('backups.list', {}).then((l) => (setList(l), setError(null)), (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load, version]);

  const create = async () => {
    setCreating(true);
    try {
      const made = await runJob<MethodOutput<'backups.create'>>({ kind: 'backups.create', input: {} });
      notifications.show({ color: 'green', title: 'Резервная копия сделана', message: `Копия от ${backupTime(made.at)} записана и проверена (${fileSize(made.bytes)}).` });
    } catch (e) {
      notifyError(e, 'Резервная копия не сделана');
    }
    setCreating(false);
    load();
  };

  const show = async (key: string, get: () => Promise<BackupPreview>) => {
    setOpening(key);
    try {
      restoring.offer(await get());
    } catch (e) {
      notifyError(e, 'Эту копию восстановить нельзя');
    }
    setOpening(null);
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Резервные копии</Title>
        <Group gap="xs">
          <FileButton onChange={(file) => file && void show('file', () => uploadBackup(file))}>
            {(props) => (
              <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={opening === 'file'}>
                Восстановить из файла…
              </Button>
            )}
          </FileButton>
          <Button leftSection={<IconDatabaseExport size={16} />} loading={creating} onClick={() => void create()}>
            Создать резервную копию сейчас
          </Button>
        </Group>
      </Group>
      <Text size="sm" c="dimmed">
        Копии делаются сами: при первом запуске за день, перед каждым импортом, перед восстановлением и перед обновлением программы.
        Хранятся последние 7 ежедневных, 4 еженедельных и 12 ежемесячных копий и 10 копий перед импортом; сделанные вручную не удаляются.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {list?.backups.length === 0 && <Text size="sm">В папке «{list.folder}» резервных копий пока нет.</Text>}
      {list && list.backups.length > 0 && (
        <BackupTable
          backups={list.backups}
          testId="backups"
          detail={{ heading: 'Размер', of: (b) => fileSize(b.bytes) }}
          restore={(b) => ({ loading: opening === b.name, onClick: () => void show(b.name, () => call('backups.inspect', { name: b.name })) })}
        />
      )}
      <RestoreDialog
        {...restoring.dialog}
        before="Перед этим текущее состояние реестра будет сохранено в новой резервной копии («перед восстановлением»): к нему можно будет вернуться так же."
      />
    </Stack>
  );
}

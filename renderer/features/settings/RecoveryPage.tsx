// The page shown instead of the app when the register did not open: why, in plain words, and for a
// damaged register the newest good backups to put in its place. Nothing here writes to the register.
import { Alert, Button, Container, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconFileUpload, IconRefresh } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import type { AppStatus, BackupPreview, RecoveryBackup } from '../../../shared/schema/backup';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { contentsText, copyName, fileSize } from './backupText';
import { BackupTable } from './BackupTable';
import { RestoreDialog } from './RestoreDialog';
import { uploadBackup, useRestore } from './restore';

type Recovery = Extract<AppStatus, { mode: 'recovery' }>;

const TITLES: Record<Recovery['problem'], string> = {
  damaged: 'База данных повреждена',
  locked: 'База данных занята',
  readonly: 'В базу данных нельзя записывать',
  full: 'На диске нет места',
  newer: 'База данных от более новой версии программы',
  other: 'Не удалось открыть базу данных',
};

function previewOf(b: RecoveryBackup): BackupPreview | null {
  return b.contents ? { source: { name: b.name }, fileName: b.name, at: b.at, reason: b.reason, bytes: b.bytes, contents: b.contents } : null;
}

function Retry() {
  const [busy, setBusy] = useState(false);
  const [still, setStill] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    try {
      const status = await call('recovery.retry', {});
      if (status.mode === 'normal') window.location.reload();
      else setStill(status.message);
    } catch (e) {
      setStill(errorMessage(e));
    }
    setBusy(false);
  };
  return (
    <Stack gap="xs">
      <Group>
        <Button leftSection={<IconRefresh size={16} />} loading={busy} onClick={() => void retry()}>Повторить</Button>
      </Group>
      {still && <Text size="sm" c="red">Пока не получилось: {still}</Text>}
    </Stack>
  );
}

function DamagedHelp({ status }: { status: Recovery }) {
  const [backups, setBackups] = useState<RecoveryBackup[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const restoring = useRestore(async (chosen) => {
    const result = await call('recovery.restore', chosen.source);
    return `Реестр восстановлен из копии ${copyName(chosen)}: ${contentsText(result.contents)}. Повреждённый файл сохранён как «${result.keptAs ?? ''}».`;
  });
  const [picking, setPicking] = useState(false);
  useEffect(() => {
    call('recovery.backups', {}).then(setBackups, (e: unknown) => setError(errorMessage(e)));
  }, []);

  const pick = async (file: File) => {
    setPicking(true);
    try {
      restoring.offer(await uploadBackup(file));
    } catch (e) {
      setError(errorMessage(e));
    }
    setPicking(false);
  };

  const newestGood = backups?.find((b) => b.contents);
  return (
    <Stack gap="sm">
      <Title order={4}>Резервные копии</Title>
      <Text size="sm">
        Выберите копию — лучше самую новую исправную. Повреждённый файл не удаляется: он останется рядом под другим именем, его можно
        будет передать специалисту.
      </Text>
      {error && <Alert color="red">{error}</Alert>}
      {backups?.length === 0 && (
        <Text size="sm">В папке «{status.backupFolder}» резервных копий нет. Если копия есть на флешке или сетевом диске, выберите её файл.</Text>
      )}
      {backups && backups.length > 0 && (
        <BackupTable
          backups={backups}
          testId="recovery-backups"
          detail={{ heading: 'Что в ней', of: (b) => (b.contents ? `${contentsText(b.contents)}, ${fileSize(b.bytes)}` : <Text size="sm" c="red">{b.problem}</Text>) }}
          restore={(b) => ({ variant: b === newestGood ? 'filled' : 'light', disabled: !b.contents, onClick: () => restoring.offer(previewOf(b)) })}
        />
      )}
      <Group>
        <FileButton onChange={(file) => file && void pick(file)}>
          {(props) => (
            <Button {...props} variant="default" leftSection={<IconFileUpload size={16} />} loading={picking}>
              Выбрать файл копии…
            </Button>
          )}
        </FileButton>
      </Group>
      <RestoreDialog {...restoring.dialog} before="Повреждённый файл базы данных не удаляется: он будет сохранён рядом под другим именем." />
    </Stack>
  );
}

export function RecoveryPage({ status }: { status: Recovery }) {
  const damaged = status.problem === 'damaged';
  return (
    <Container size="md" py="xl">
      <Stack gap="lg">
        <Title order={2}>Реестр сотрудничества</Title>
        <Alert color={damaged ? 'red' : 'orange'} icon={<IconAlertTriangle />} title={TITLES[status.problem]} data-testid="recovery-problem">
          {damaged ? (
            <Stack gap={6}>
              <Text size="sm">
                Файл базы данных повреждён — например, после сбоя питания или ошибки диска. Программа ничего в него не записывает, чтобы не
                испортить данные ещё больше.
              </Text>
              <Text size="sm">Восстановите реестр из резервной копии: записи, внесённые после неё, придётся внести заново.</Text>
            </Stack>
          ) : (
            <Text size="sm">{status.message}</Text>
          )}
          <Text size="xs" c="dimmed" mt="xs">Файл базы данных: {status.databaseFile}</Text>
        </Alert>
        {damaged ? <DamagedHelp status={status} /> : status.problem !== 'newer' && <Retry />}
      </Stack>
    </Container>
  );
}

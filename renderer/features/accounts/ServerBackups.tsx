// «Резервные копии сервера», for administrators: the server's daily copies, a copy made at once, and how
// to restore one (a CLI matter: the copy goes into an empty database, never over a working one).
import { Alert, Button, Code, Group, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { countOf, type PluralForms } from '../../../shared/ru/plural';
import type { ServerBackupList } from '../../../shared/schema/server-backup';
import { ApiError, call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';

const moment = (iso: string) => new Date(iso).toLocaleString('ru-RU', { dateStyle: 'long', timeStyle: 'short' });
const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toLocaleString('ru-RU', { minimumFractionDigits: 1, maximumFractionDigits: 1 })} МБ`;
const KEPT_FORMS: PluralForms = ['последнюю копию', 'последние копии', 'последних копий'];

export function ServerBackups() {
  const [list, setList] = useState<ServerBackupList | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // A server started without backups (embedded, as in tests) has nothing to show here.
  const [absent, setAbsent] = useState(false);

  const load = useCallback(() => {
    call('server.backups', {}).then(
      (value) => {
        setList(value);
        setError(null);
      },
      (e: unknown) => {
        if (e instanceof ApiError && e.info.code === 'not_found') setAbsent(true);
        else setError(errorMessage(e));
      },
    );
  }, []);
  useEffect(load, [load]);
  if (absent) return null;

  const backupNow = async () => {
    setBusy(true);
    try {
      const made = await call('server.backupNow', {});
      notifications.show({ color: 'green', message: `Резервная копия сервера записана и проверена: «${made.name}».` });
      load();
    } catch (e) {
      setError(`Копия не сделана: ${errorMessage(e)}`);
    }
    setBusy(false);
  };

  return (
    <Stack gap="xs" component="section" aria-label="Резервные копии сервера">
      <Title order={3}>Резервные копии сервера</Title>
      {list && (
        <Text size="sm">
          Сервер сам делает копию реестра каждый день в {list.dailyAt} (по времени сервера) и хранит {countOf(list.keep, KEPT_FORMS)}. Папка
          копий на сервере: <Code>{list.folder}</Code>. Следующая копия — {moment(list.next)}.
        </Text>
      )}
      {list?.lastFailure && (
        <Alert color="red" title="Последняя копия по расписанию не сделана">
          {moment(list.lastFailure.at)}: {list.lastFailure.message}
        </Alert>
      )}
      {list?.folderProblem && <Alert color="red">{list.folderProblem}</Alert>}
      {error && <Alert color="red" role="alert">{error}</Alert>}
      <Group>
        <Button onClick={() => void backupNow()} loading={busy}>
          Сделать копию сейчас
        </Button>
      </Group>
      {!list && !error && <Loader />}
      {list && list.backups.length === 0 && <Text c="dimmed">Копий в папке пока нет.</Text>}
      {list && list.backups.length > 0 && (
        <Table striped aria-label="Резервные копии сервера">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Когда сделана</Table.Th>
              <Table.Th>Файл</Table.Th>
              <Table.Th>Размер</Table.Th>
              <Table.Th>Мероприятий</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.backups.map((b) => (
              <Table.Tr key={b.name}>
                <Table.Td>{moment(b.at)}</Table.Td>
                <Table.Td>{b.name}</Table.Td>
                <Table.Td>{megabytes(b.bytes)}</Table.Td>
                <Table.Td>{b.events === null ? '—' : b.events.toLocaleString('ru-RU')}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Text size="sm" c="dimmed">
        Каждая копия — обычный файл реестра: его можно открыть в программе на компьютере. Восстановить сервер из копии можно только
        в пустую базу данных PostgreSQL, на сервере, командой <Code>reestr server import-sqlite ФАЙЛ --pg …</Code> (укажите файл копии
        из папки и адрес новой пустой базы), затем запустите сервер с этой базой: <Code>reestr server --pg …</Code>.
      </Text>
    </Stack>
  );
}

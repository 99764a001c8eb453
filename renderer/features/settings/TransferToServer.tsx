// «Перенести реестр на сервер»: this window's own register sent whole to the department server's empty
// register (register.sendToServer), as its administrator; a question first, then the server's rows per
// table and whether the checksums match. The register on this PC stays as it is.
import { Alert, Button, Group, Loader, Modal, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import type { RegisterSent } from '../../../shared/schema/register-transfer';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';

interface Props {
  /** The address the desktop's settings hold, to start from. */
  initialUrl?: string;
  initialCaFile?: string;
  /** In the desktop app: switches this PC to the server the register went to. */
  onSwitch?: (serverUrl: string, caFile: string) => Promise<unknown>;
}

const upperFirst = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;

/** What is missing from the form, in a sentence; null when it can be sent. */
function missing(address: string, login: string, password: string): string | null {
  const fields = [!address.trim() && '«Адрес сервера отдела»', !login.trim() && '«Логин администратора»', !password && '«Пароль»'].filter(Boolean);
  return fields.length ? `Заполните ${fields.join(', ')}.` : null;
}

export function TransferToServer({ initialUrl = '', initialCaFile = '', onSwitch }: Props) {
  const [address, setAddress] = useState(initialUrl);
  const [caFile, setCaFile] = useState(initialCaFile);
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [asking, setAsking] = useState(false);
  const [running, setRunning] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<RegisterSent | null>(null);

  const ask = () => {
    const problem = missing(address, login, password);
    setError(problem);
    setResult(null);
    if (!problem) setAsking(true);
  };

  const send = () => {
    setAsking(false);
    setRunning(true);
    setError(null);
    call('register.sendToServer', { serverUrl: address.trim(), caFile: caFile.trim() || undefined, login: login.trim(), password })
      .then((sent) => {
        setResult(sent);
        setPassword('');
      }, (e: unknown) => setError(errorMessage(e)))
      .finally(() => setRunning(false));
  };

  const switchOver = (serverUrl: string) => {
    setRunning(true);
    onSwitch?.(serverUrl, caFile).catch((e: unknown) => {
      setRunning(false);
      setError(errorMessage(e));
    });
  };

  return (
    <Stack gap="xs" maw={640} data-testid="transfer-to-server">
      <Title order={4}>Перенести реестр на сервер</Title>
      <Text size="sm">
        Если отдел начинает работать с общим сервером, реестр с этого компьютера можно перенести на него целиком: мероприятия, соглашения,
        справочники, связи между записями, пакеты импорта и журнал изменений. Нужны адрес сервера и учётная запись его администратора; база
        сервера должна быть пустой.
      </Text>
      <TextInput label="Адрес сервера отдела" placeholder="https://reestr.otdel:8443/" value={address} onChange={(e) => setAddress(e.currentTarget.value)} disabled={running} />
      <TextInput
        label="Файл сертификата центра отдела"
        description="Нужен, только если администратор выдал такой файл (.pem); иначе оставьте пустым."
        value={caFile}
        onChange={(e) => setCaFile(e.currentTarget.value)}
        disabled={running}
      />
      <Group grow align="flex-start">
        <TextInput label="Логин администратора" value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoComplete="username" disabled={running} />
        <PasswordInput label="Пароль" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" disabled={running} />
      </Group>
      {error && (
        <Alert color="red" title="Реестр не перенесён" data-testid="transfer-error">
          {error}
        </Alert>
      )}
      {running && (
        <Group gap="xs" data-testid="transfer-running">
          <Loader size="sm" />
          <Text size="sm">Идёт перенос: снимок реестра отправляется на сервер и проверяется там. Не закрывайте программу.</Text>
        </Group>
      )}
      {result && <TransferResult result={result} busy={running} onSwitch={onSwitch ? () => switchOver(result.serverUrl) : undefined} />}
      <Group>
        <Button variant="default" onClick={ask} loading={running}>
          Перенести реестр на сервер…
        </Button>
      </Group>
      <Modal opened={asking} onClose={() => setAsking(false)} title="Перенести реестр на сервер отдела?" size="lg">
        <Stack data-testid="transfer-confirm">
          <Text size="sm">
            Все записи реестра с этого компьютера будут скопированы на сервер отдела {address.trim()} от имени учётной записи «{login.trim()}».
          </Text>
          <Text size="sm">
            Перенос возможен только в пустую базу сервера: если на сервере уже есть реестр, ничего не изменится. Реестр на этом компьютере
            останется как есть.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setAsking(false)}>
              Отмена
            </Button>
            <Button onClick={send}>Перенести</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function TransferResult({ result, busy, onSwitch }: { result: RegisterSent; busy: boolean; onSwitch?: () => void }) {
  return (
    <Stack gap="xs" data-testid="transfer-result">
      {result.checksumsMatch ? (
        <Alert color="green" title="Реестр перенесён">
          Реестр перенесён на сервер отдела {result.serverUrl}: число строк каждой таблицы на сервере совпадает с реестром этого компьютера,
          контрольные суммы совпадают.
        </Alert>
      ) : (
        <Alert color="red" title="Перенос не сошёлся">
          Сервер отдела {result.serverUrl} принял реестр, но не сошлись число строк или контрольные суммы: {result.differing.join(', ')}. Не
          начинайте работу на сервере: сообщите администратору.
        </Alert>
      )}
      <Table withRowBorders={false} verticalSpacing={2} maw={420}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Перенесено</Table.Th>
            <Table.Th ta="right">Строк</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {result.tables.map((t) => (
            <Table.Tr key={t.name}>
              <Table.Td>{upperFirst(t.label)}</Table.Td>
              <Table.Td ta="right">{t.rows.toLocaleString('ru-RU')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {onSwitch && result.checksumsMatch && (
        <Group>
          <Text size="sm">Теперь можно работать с реестром на сервере: программа подключится к нему и попросит войти.</Text>
          <Button onClick={onSwitch} loading={busy}>
            Подключиться к серверу отдела
          </Button>
        </Group>
      )}
    </Stack>
  );
}

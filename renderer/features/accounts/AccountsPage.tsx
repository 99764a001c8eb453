// «Учётные записи» of the department server, for administrators: who may sign in and with which role;
// add an account, change a role, disable an account (its open sessions end at once).
import { Alert, Badge, Button, Group, Loader, PasswordInput, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useCallback, useEffect, useState } from 'react';
import { ROLE_LABELS, RoleSchema, type Account, type Role } from '../../../shared/schema/account';
import { call } from '../../api/client';
import { errorMessage, notifyError } from '../../api/notifyError';
import { useSession } from '../../api/useSession';
import { ServerBackups } from './ServerBackups';

const ROLE_OPTIONS = RoleSchema.options.map((role) => ({ value: role, label: ROLE_LABELS[role] }));

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString('ru-RU', { dateStyle: 'short', timeStyle: 'short' }) : '—');

function AddAccountForm({ onAdded }: { onAdded: (account: Account) => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('clerk');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const add = async () => {
    setBusy(true);
    setError(null);
    try {
      const account = await call('accounts.add', { login, password, role });
      setLogin('');
      setPassword('');
      onAdded(account);
      notifications.show({ color: 'green', message: `Учётная запись «${account.login}» добавлена: роль «${ROLE_LABELS[account.role]}».` });
    } catch (e) {
      setError(errorMessage(e));
    }
    setBusy(false);
  };

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
    >
      <Stack gap="xs">
        <Title order={4}>Новая учётная запись</Title>
        <Group align="flex-end" gap="xs">
          <TextInput label="Логин" description="латинские буквы, цифры, точка, дефис" value={login} onChange={(e) => setLogin(e.currentTarget.value)} w={220} autoComplete="off" />
          <PasswordInput label="Пароль" description="не короче 8 знаков" value={password} onChange={(e) => setPassword(e.currentTarget.value)} w={220} autoComplete="new-password" />
          <Select label="Роль" data={ROLE_OPTIONS} value={role} onChange={(v) => v && setRole(v as Role)} allowDeselect={false} w={190} />
          <Button type="submit" loading={busy}>Добавить</Button>
        </Group>
        {error && <Alert color="red" role="alert">{error}</Alert>}
      </Stack>
    </form>
  );
}

function AccountRow({ account, own, onChange }: { account: Account; own: boolean; onChange: (account: Account) => void }) {
  const [busy, setBusy] = useState(false);
  const act = async (work: () => Promise<Account>, done: (a: Account) => string, failed: string) => {
    setBusy(true);
    try {
      const changed = await work();
      onChange(changed);
      notifications.show({ color: 'green', message: done(changed) });
    } catch (e) {
      notifyError(e, failed);
    }
    setBusy(false);
  };
  const disabled = account.disabledAt !== null;
  return (
    <Table.Tr>
      <Table.Td>
        <Text fw={500}>{account.login}</Text>
      </Table.Td>
      <Table.Td>
        <Select
          aria-label={`Роль «${account.login}»`}
          data={ROLE_OPTIONS}
          value={account.role}
          allowDeselect={false}
          disabled={busy || disabled || own}
          w={190}
          onChange={(value) =>
            value &&
            value !== account.role &&
            void act(
              () => call('accounts.setRole', { login: account.login, role: value as Role }),
              (a) => `Роль «${a.login}» теперь «${ROLE_LABELS[a.role]}».`,
              'Роль не изменена',
            )
          }
        />
      </Table.Td>
      <Table.Td>{disabled ? <Badge color="gray">отключена {when(account.disabledAt)}</Badge> : <Badge color="green">действует</Badge>}</Table.Td>
      <Table.Td>{when(account.lastLoginAt)}</Table.Td>
      <Table.Td>
        {!disabled && !own && (
          <Button
            variant="light"
            color="red"
            size="compact-sm"
            loading={busy}
            aria-label={`Отключить «${account.login}»`}
            onClick={() =>
              void act(
                () => call('accounts.disable', { login: account.login }),
                (a) => `Учётная запись «${a.login}» отключена; её открытые сеансы завершены.`,
                'Не отключено',
              )
            }
          >
            Отключить
          </Button>
        )}
        {own && <Text size="xs" c="dimmed">это вы</Text>}
      </Table.Td>
    </Table.Tr>
  );
}

export function AccountsPage() {
  const state = useSession();
  const me = state.kind === 'signed-in' ? state.session.user : '';
  const [accounts, setAccounts] = useState<Account[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(() => {
    call('accounts.list', {}).then(setAccounts, (e: unknown) => setError(errorMessage(e)));
  }, []);
  useEffect(load, [load]);

  const replace = (changed: Account) => setAccounts((list) => (list ?? []).map((a) => (a.login === changed.login ? changed : a)));

  return (
    <Stack gap="lg" maw={1000}>
      <Title order={2}>Учётные записи</Title>
      <Text size="sm" c="dimmed">
        Кто может входить в реестр отдела и что ему разрешено: «Читатель» смотрит; «Сотрудник» ведёт мероприятия и соглашения, импортирует
        и выгружает; «Координатор» также объединяет записи справочников, отменяет импорт и возвращает версии; «Администратор» также
        управляет учётными записями и резервными копиями.
      </Text>
      <AddAccountForm onAdded={(account) => setAccounts((list) => [...(list ?? []), account].sort((a, b) => a.login.localeCompare(b.login)))} />
      {error && <Alert color="red">{error}</Alert>}
      {!accounts && !error && <Loader />}
      {accounts && (
        <Table striped highlightOnHover aria-label="Учётные записи">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Логин</Table.Th>
              <Table.Th>Роль</Table.Th>
              <Table.Th>Состояние</Table.Th>
              <Table.Th>Последний вход</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {accounts.map((account) => (
              <AccountRow key={account.login} account={account} own={account.login.toLowerCase() === me.toLowerCase()} onChange={replace} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      <ServerBackups />
    </Stack>
  );
}

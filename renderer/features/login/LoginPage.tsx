// «Вход в реестр отдела»: the department server asked for a sign-in (none yet, or the session ended).
import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState } from 'react';
import { signIn } from '../../api/client';
import { errorMessage } from '../../api/notifyError';

export function LoginPage({ reason, onSignedIn }: { reason?: string; onSignedIn: () => void }) {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // What was shown to the login before (its refusals, the failed calls of an ended session) is not for the next one.
  useEffect(() => notifications.clean(), []);

  const submit = async () => {
    if (!login.trim() || !password) {
      setError(!login.trim() ? 'Введите логин.' : 'Введите пароль.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signIn(login.trim(), password);
      onSignedIn();
    } catch (e) {
      setError(errorMessage(e));
      setPassword('');
      setBusy(false);
    }
  };

  return (
    <Center h="100dvh" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w={440}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            void submit();
          }}
        >
          <Stack gap="md">
            <Title order={2} fw={600}>Вход в реестр отдела</Title>
            {reason && !error && <Text size="sm" c="dimmed">{reason}</Text>}
            <TextInput label="Логин" value={login} onChange={(e) => setLogin(e.currentTarget.value)} autoComplete="username" autoFocus data-autofocus />
            <PasswordInput label="Пароль" value={password} onChange={(e) => setPassword(e.currentTarget.value)} autoComplete="current-password" />
            {error && <Alert color="red" role="alert">{error}</Alert>}
            <Button type="submit" loading={busy}>Войти</Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}

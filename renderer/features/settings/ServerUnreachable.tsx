// The desktop app in server mode when the department server does not answer: what happened, and the
// two ways on — wait for it, or work with the register on this PC.
import { Alert, Button, Center, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '../../api/notifyError';
import { workLocally } from './serverSwitch';

export function ServerUnreachable({ message, onRetry }: { message: string; onRetry: () => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <Center h="100dvh" p="xl" data-testid="server-unreachable">
      <Stack maw={640} gap="md">
        <Title order={2}>Нет связи с сервером отдела</Title>
        <Text>{message}</Text>
        <Text size="sm" c="dimmed">
          Пока сервер не отвечает, можно работать со своим реестром на этом компьютере: записи в нём не попадут на сервер отдела. Вернуться к
          серверу можно в разделе «Настройки».
        </Text>
        {error && <Alert color="red">{error}</Alert>}
        <Group>
          <Button onClick={onRetry}>Повторить</Button>
          <Button
            variant="default"
            loading={busy}
            onClick={() => {
              setBusy(true);
              workLocally().catch((e: unknown) => {
                setBusy(false);
                setError(errorMessage(e));
              });
            }}
          >
            Работать со своим реестром
          </Button>
        </Group>
      </Stack>
    </Center>
  );
}

// «Сервер отдела» in Настройки: where this window works — the register on this PC or the department
// server — and, in the desktop app, the switch between them. The browser cannot switch: it says how.
// A window on its own register may also move it to the server («Перенести реестр на сервер», below the card).
import { Alert, Button, Group, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { ROLE_LABELS } from '../../../shared/schema/account';
import type { ServerSettings } from '../../../shared/schema/server-link';
import { call, inDesktopApp, type SessionState } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { useSession } from '../../api/useSession';
import { connectServer, workLocally } from './serverSwitch';
import { TransferToServer } from './TransferToServer';

function signedInText(session: SessionState): string | null {
  return session.kind === 'signed-in' ? `Вход выполнен: ${session.session.user} (роль «${ROLE_LABELS[session.session.role]}»).` : null;
}

export function ServerCard() {
  const desktop = inDesktopApp();
  const session = useSession();
  const [settings, setSettings] = useState<ServerSettings | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);

  useEffect(() => {
    if (!desktop) return;
    call('settings.server', {}).then(setSettings, (e: unknown) => setLoadError(errorMessage(e)));
  }, [desktop]);

  // The desktop on its own register, or the web mode's tab (a tab on the department server is signed in).
  const ownRegister = desktop ? settings?.mode === 'local' : session.kind !== 'signed-in';
  const where = !desktop ? <BrowserNote /> : settings || loadError ? <DesktopSwitch settings={settings} loadError={loadError} /> : null;
  return (
    <>
      <Stack gap="xs" data-testid="server-card">
        <Title order={4}>Сервер отдела</Title>
        {where}
      </Stack>
      {ownRegister && (
        <TransferToServer initialUrl={settings?.serverUrl ?? ''} initialCaFile={settings?.caFile ?? ''} onSwitch={desktop ? connectServer : undefined} />
      )}
    </>
  );
}

function BrowserNote() {
  const session = useSession();
  if (session.kind === 'signed-in') {
    return (
      <Text size="sm">
        Эта вкладка работает с сервером отдела {window.location.origin}. {signedInText(session)}
      </Text>
    );
  }
  return (
    <Stack gap={4}>
      <Text size="sm">Эта вкладка браузера работает с реестром на этом компьютере.</Text>
      <Text size="sm">
        Чтобы работать с сервером отдела, откройте в браузере его адрес (его сообщит администратор, например https://reestr.otdel:8443/) и
        войдите под своей учётной записью. Переключить эту вкладку на сервер отсюда нельзя; в программе «Реестр» на компьютере это делается
        здесь, в разделе «Настройки».
      </Text>
    </Stack>
  );
}

function DesktopSwitch({ settings, loadError }: { settings: ServerSettings | null; loadError: string | null }) {
  const session = useSession();
  const [address, setAddress] = useState(settings?.serverUrl ?? '');
  const [caFile, setCaFile] = useState(settings?.caFile ?? '');
  const [error, setError] = useState<string | null>(loadError);
  const [busy, setBusy] = useState(false);

  const run = (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    action().catch((e: unknown) => {
      setBusy(false);
      setError(errorMessage(e));
    });
  };

  return (
    <Stack gap="xs" maw={640}>
      {settings?.mode === 'server' ? (
        <Text size="sm" data-testid="server-mode">
          Сейчас программа работает с сервером отдела {settings.serverUrl}. {signedInText(session) ?? ''}
        </Text>
      ) : (
        <Text size="sm" data-testid="server-mode">
          Сейчас программа работает со своим реестром на этом компьютере. Чтобы работать с общим реестром отдела, укажите адрес его сервера (его
          сообщит администратор) и нажмите «Подключиться»: после проверки связи откроется вход.
        </Text>
      )}
      <TextInput label="Адрес сервера отдела" placeholder="https://reestr.otdel:8443/" value={address} onChange={(e) => setAddress(e.currentTarget.value)} />
      <TextInput
        label="Файл сертификата центра отдела"
        description="Нужен, только если администратор выдал такой файл (.pem); иначе оставьте пустым."
        placeholder="C:\Users\…\otdel-ca.pem"
        value={caFile}
        onChange={(e) => setCaFile(e.currentTarget.value)}
      />
      {error && <Alert color="red">{error}</Alert>}
      <Group>
        <Button loading={busy} disabled={!address.trim()} onClick={() => run(() => connectServer(address.trim(), caFile))}>
          Подключиться
        </Button>
        {settings?.mode === 'server' && (
          <Button variant="default" disabled={busy} onClick={() => run(workLocally)}>
            Работать со своим реестром на этом компьютере
          </Button>
        )}
      </Group>
    </Stack>
  );
}

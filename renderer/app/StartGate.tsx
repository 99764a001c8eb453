// Before the workspace: asks the back end whether the register opened; if not, the recovery page instead.
// The department server may answer that a sign-in is needed: then the login screen, until signed in.
import { Center, Loader } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { AppStatus } from '../../shared/schema/backup';
import { ApiError, call, inDesktopApp, refreshSession } from '../api/client';
import { useSession } from '../api/useSession';
import { takeRestoredMessage } from '../features/settings/restore';
import { LoginPage } from '../features/login/LoginPage';
import { ServerUnreachable } from '../features/settings/ServerUnreachable';
import { App } from './App';

const RecoveryPage = lazy(() => import('../features/settings/RecoveryPage').then((m) => ({ default: m.RecoveryPage })));

export function StartGate() {
  const [status, setStatus] = useState<AppStatus | null>(null);
  const session = useSession();
  /** Asked again after each sign-in. */
  const [asked, setAsked] = useState(0);
  /** The desktop app in server mode, its department server not answering: why. */
  const [unreachable, setUnreachable] = useState<string | null>(null);
  useEffect(() => {
    setUnreachable(null);
    // Without an answer the workspace opens, and its sections say what is wrong; in the desktop app a
    // department server that does not answer gets its own screen (the local register answers always).
    call('app.status', {}).then(setStatus, (e: unknown) =>
      inDesktopApp() && e instanceof ApiError && e.info.code === 'db_unavailable' ? setUnreachable(e.message) : setStatus({ mode: 'normal' }),
    );
    // A reopened tab: the role may have changed since the sign-in (an ended session shows the login screen).
    refreshSession().catch(() => undefined);
  }, [asked]);
  useEffect(() => {
    const restored = takeRestoredMessage();
    if (restored) notifications.show({ color: 'green', title: 'Восстановление выполнено', message: restored, autoClose: 15_000 });
  }, []);
  if (session.kind === 'login') {
    return (
      <LoginPage
        reason={session.message}
        onSignedIn={() => {
          setStatus(null);
          setAsked((n) => n + 1);
        }}
      />
    );
  }
  if (unreachable !== null) return <ServerUnreachable message={unreachable} onRetry={() => setAsked((n) => n + 1)} />;
  if (!status) {
    return (
      <Center h="100dvh">
        <Loader />
      </Center>
    );
  }
  if (status.mode === 'recovery') {
    return (
      <Suspense fallback={<Loader />}>
        <RecoveryPage status={status} />
      </Suspense>
    );
  }
  return <App />;
}

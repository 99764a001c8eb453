// Switching the desktop app's register: the main process changes where calls go; the page forgets the
// old session and starts over (the workspace, or the department server's login screen).
import type { ServerSettings } from '../../../shared/schema/server-link';
import { call, forgetSession } from '../../api/client';

function startOver(): void {
  forgetSession();
  window.location.reload();
}

/** Connects to the department server (the main process checks it answers first); rejects with the reason. */
export async function connectServer(serverUrl: string, caFile: string): Promise<ServerSettings> {
  const settings = await call('settings.setServer', { serverUrl, caFile: caFile.trim() || undefined });
  startOver();
  return settings;
}

/** Back to the register on this PC; the server's session is ended first when the server still answers. */
export async function workLocally(): Promise<void> {
  await call('auth.logout', {}).catch(() => undefined);
  await call('settings.setServer', { serverUrl: null });
  startOver();
}

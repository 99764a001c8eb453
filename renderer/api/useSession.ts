// The department server's session for components: re-renders when it changes (signed in, out, lost).
import { useSyncExternalStore } from 'react';
import { currentSession, onSessionChange, type SessionState } from './client';

export function useSession(): SessionState {
  return useSyncExternalStore(onSessionChange, currentSession);
}

/** Whether the page is signed in to the department server as an administrator. */
export function useServerAdmin(): boolean {
  const state = useSession();
  return state.kind === 'signed-in' && state.session.role === 'admin';
}

/**
 * Whether the page works with the department server (in a browser, or the desktop app in server mode):
 * its register is PostgreSQL, with no data folder, file backups or restore in the app.
 */
export function useDepartmentServer(): boolean {
  return useSession().kind === 'signed-in';
}

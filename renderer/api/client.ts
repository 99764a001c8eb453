// Calls the contract: over the Electron preload when there is one, else over HTTP with a bearer token:
// the web mode's launch token, or the session a sign-in to the department server opened.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import type { Role } from '../../shared/schema/account';
import { BRIDGE_NAME, type Command, type ReestrBridge } from '../../shared/bridge';
import type { ErrorInfo, Result } from '../../shared/errors';

const TOKEN_KEY = 'reestr-token';
/** Who is signed in to the department server (the token is under TOKEN_KEY): kept for this tab only. */
const SESSION_KEY = 'reestr-session';

function bridge(): ReestrBridge | undefined {
  return (window as unknown as Record<string, ReestrBridge | undefined>)[BRIDGE_NAME];
}

/** Whether the page is the desktop app's window (its main process may work with a department server). */
export function inDesktopApp(): boolean {
  return bridge() !== undefined;
}

/**
 * Moves the web mode's token from the address to sessionStorage, so it is neither bookmarked nor
 * shared; `&to=/events` after it names the view to open instead of the overview.
 */
export function takeTokenFromAddress(): void {
  const match = /^#token=([A-Za-z0-9_-]+)(?:&to=(\/[\w/.-]*))?$/.exec(window.location.hash);
  if (!match?.[1]) return;
  sessionStorage.setItem(TOKEN_KEY, match[1]);
  history.replaceState(null, '', `${window.location.pathname}#${match[2] ?? '/overview'}`);
}

/** A failed call, with the Russian message to show. */
export class ApiError extends Error {
  constructor(readonly info: ErrorInfo) {
    super(info.message);
  }
}

/** The department server's session as the page knows it. */
export interface ServerSession {
  user: string;
  role: Role;
  expiresAt: string;
}

/**
 * `local`: no sign-in (Electron, the web mode), or none asked for yet; `login`: the department
 * server answered that a sign-in is needed; `signed-in`: a session of the department server.
 */
export type SessionState = { kind: 'local' } | { kind: 'login'; message?: string } | { kind: 'signed-in'; session: ServerSession };

function storedSession(): SessionState {
  try {
    const saved = JSON.parse(sessionStorage.getItem(SESSION_KEY) ?? 'null') as ServerSession | null;
    return saved ? { kind: 'signed-in', session: saved } : { kind: 'local' };
  } catch {
    return { kind: 'local' };
  }
}

let sessionState: SessionState = storedSession();
const sessionListeners = new Set<() => void>();

function setSessionState(next: SessionState): void {
  sessionState = next;
  for (const listener of sessionListeners) listener();
}

export function currentSession(): SessionState {
  return sessionState;
}

/** For useSyncExternalStore: called on each change of the session. */
export function onSessionChange(listener: () => void): () => void {
  sessionListeners.add(listener);
  return () => sessionListeners.delete(listener);
}

/** The department server said the caller is not signed in (none, expired, ended): the login screen, with its reason. */
function sessionLost(message: string): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  // Several calls refused at once: the first says why; the login screen keeps saying it.
  if (sessionState.kind === 'login') return;
  setSessionState({ kind: 'login', message: sessionState.kind === 'signed-in' ? message : undefined });
}

async function overHttp<K extends MethodName>(method: K, input: MethodInput<K>): Promise<Result<MethodOutput<K>>> {
  let response: Response;
  try {
    response = await fetch(`api/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${sessionStorage.getItem(TOKEN_KEY) ?? ''}` },
      body: JSON.stringify(input),
    });
  } catch {
    return { ok: false, error: { code: 'internal', message: 'Нет связи с программой: возможно, она закрыта. Запустите её снова.' } };
  }
  try {
    return (await response.json()) as Result<MethodOutput<K>>;
  } catch {
    return { ok: false, error: { code: 'internal', message: `Сервер ответил не на языке программы (код ${response.status}): проверьте адрес.` } };
  }
}

/** One call of the contract; resolves with its value or rejects with an ApiError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const ipc = bridge();
  const result = ipc ? await ipc.invoke(method, input) : await overHttp(method, input);
  if (!result.ok) {
    // Only the department server answers «unauthorized» (over HTTP, or through the desktop's main process in
    // server mode); a wrong password is the login screen's own to show.
    if (result.error.code === 'unauthorized' && method !== 'auth.login') sessionLost(result.error.message);
    throw new ApiError(result.error);
  }
  return result.value;
}

/** Signs in to the department server: the session's token is sent with every call from now on, in this tab. */
export async function signIn(login: string, password: string): Promise<ServerSession> {
  const { token, user, role, expiresAt } = await call('auth.login', { login, password });
  const session = { user, role, expiresAt };
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  setSessionState({ kind: 'signed-in', session });
  return session;
}

/** The session as the server has it now (a role an administrator changed since the sign-in). */
export async function refreshSession(): Promise<void> {
  if (sessionState.kind !== 'signed-in') return;
  const { login, role, expiresAt } = await call('auth.me', {});
  const session = { user: login, role, expiresAt };
  sessionStorage.setItem(SESSION_KEY, JSON.stringify(session));
  setSessionState({ kind: 'signed-in', session });
}

/** Ends the session on the server (a failure there still signs out here) and shows the login screen. */
export async function signOut(): Promise<void> {
  await call('auth.logout', {}).catch(() => undefined);
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  setSessionState({ kind: 'login' });
}

/** Forgets the department server's session here, with no call (the desktop app switching registers). */
export function forgetSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(SESSION_KEY);
  setSessionState({ kind: 'local' });
}

/** Menu commands from the Electron shell; in the browser the page's own shortcuts do the same. */
export function onCommand(listener: (command: Command) => void): () => void {
  return bridge()?.onCommand(listener) ?? (() => {});
}

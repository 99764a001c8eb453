// Calls the contract: over the Electron preload when there is one, else over HTTP with the launch token.
import type { MethodInput, MethodName, MethodOutput } from '../../shared/api';
import { BRIDGE_NAME, type Command, type ReestrBridge } from '../../shared/bridge';
import type { ErrorInfo, Result } from '../../shared/errors';

const TOKEN_KEY = 'reestr-token';

function bridge(): ReestrBridge | undefined {
  return (window as unknown as Record<string, ReestrBridge | undefined>)[BRIDGE_NAME];
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
  return (await response.json()) as Result<MethodOutput<K>>;
}

/** One call of the contract; resolves with its value or rejects with an ApiError. */
export async function call<K extends MethodName>(method: K, input: MethodInput<K>): Promise<MethodOutput<K>> {
  const ipc = bridge();
  const result = ipc ? await ipc.invoke(method, input) : await overHttp(method, input);
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}

/** Menu commands from the Electron shell; in the browser the page's own shortcuts do the same. */
export function onCommand(listener: (command: Command) => void): () => void {
  return bridge()?.onCommand(listener) ?? (() => {});
}

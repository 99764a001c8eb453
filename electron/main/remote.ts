// The contract over HTTPS to a department server, for the desktop app in server mode: the session's
// token stays here, in the main process; the page gets the server's Results as they are.
import type { Result } from '../../shared/errors';
import type { ServerLink } from '../../shared/schema/server-link';
import type { Dispatch } from '../core/backend';
import { createServerClient } from '../server/department/client';

export { unreachableMessage } from '../server/department/client';

export interface RemoteOptions {
  timeoutMs?: number;
}

export interface Remote {
  /** Every method of the contract, sent to the server as the session this client signed in with. */
  dispatch: Dispatch;
  /** Whether the server answers in the program's language (any Result, a refusal included). */
  probe(): Promise<Result<null>>;
  readonly serverUrl: string;
}

export function createRemote(link: ServerLink, options: RemoteOptions = {}): Remote {
  const client = createServerClient(link);
  const post = (method: string, input: unknown, bearer: string | null) => client.post(method, { json: input }, bearer, options.timeoutMs);
  let token: string | null = null;

  const dispatch: Dispatch = async (method, input) => {
    if (method === 'auth.login') {
      const result = await post(method, input, null);
      if (!result.ok) return result;
      const session = result.value as { token?: unknown };
      token = typeof session.token === 'string' ? session.token : null;
      // The token never reaches the page: this process sends it with each call.
      return { ok: true, value: { ...session, token: '' } };
    }
    const result = await post(method, input, token);
    if (method === 'auth.logout' || (!result.ok && result.error.code === 'unauthorized')) token = null;
    return result;
  };

  return {
    dispatch,
    serverUrl: client.serverUrl,
    async probe() {
      const result = await post('auth.me', {}, null);
      if (!result.ok && result.error.code === 'db_unavailable') return result;
      return { ok: true, value: null };
    },
  };
}

// Failed sign-ins counted by the address they come from, beside each account's own count: someone
// trying a password or two on every login of the department (which no account's count would catch)
// waits too. Kept in memory: a restart forgets them, as it may.
import { MAX_WAIT_SECONDS } from './accounts';

/** Failed sign-ins from one address allowed before each next attempt from it has to wait (2 s, 4 s, … up to 15 min). */
export const ADDRESS_FREE_FAILURES = 10;
/** Addresses remembered at once: beyond, the longest-quiet are forgotten first. */
const MAX_ADDRESSES = 10_000;

export interface AddressLimit {
  /** Whole seconds `address` must still wait before its next sign-in; 0 when it may try. */
  wait(address: string): number;
  failed(address: string): void;
  succeeded(address: string): void;
}

export function createAddressLimit(now: () => number = Date.now): AddressLimit {
  const failures = new Map<string, { count: number; until: number }>();
  return {
    wait(address) {
      const entry = failures.get(address);
      return entry ? Math.max(0, Math.ceil((entry.until - now()) / 1000)) : 0;
    },
    failed(address) {
      const count = (failures.get(address)?.count ?? 0) + 1;
      const over = count - ADDRESS_FREE_FAILURES;
      // Re-inserted: the map's order is then the order of the last failure, oldest first.
      failures.delete(address);
      failures.set(address, { count, until: over > 0 ? now() + Math.min(2 ** over, MAX_WAIT_SECONDS) * 1000 : 0 });
      if (failures.size > MAX_ADDRESSES) failures.delete(failures.keys().next().value as string);
    },
    succeeded(address) {
      failures.delete(address);
    },
  };
}

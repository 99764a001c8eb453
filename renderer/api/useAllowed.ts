// "May this window call M?" for components: re-renders when the session changes (signed in, out, promoted).
import { useCallback } from 'react';
import type { MethodName } from '../../shared/api';
import type { Role } from '../../shared/schema/account';
import { mayAct, mayCall } from './allowed';
import { useSession } from './useSession';

/** A check for many methods at once: `const allowed = useAllowed(); allowed('events.create')`. */
export function useAllowed(): (method: MethodName) => boolean {
  const state = useSession();
  return useCallback((method: MethodName) => mayCall(state, method), [state]);
}

/** Whether the window may do what needs `role` (an action no single method names, e.g. renaming a reference). */
export function useRoleAllowed(role: Role): boolean {
  return mayAct(useSession(), role);
}

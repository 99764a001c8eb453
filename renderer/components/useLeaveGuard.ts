// Unsaved changes are not lost by a click elsewhere, the back button or closing the window.
import { useEffect } from 'react';
import { setLeaveGuard } from '../router/route';

export const UNSAVED_QUESTION = 'Изменения не сохранены. Уйти без сохранения?';

export function useLeaveGuard(dirty: boolean): void {
  useEffect(() => {
    if (!dirty) return;
    const release = setLeaveGuard(() => window.confirm(UNSAVED_QUESTION));
    const beforeUnload = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', beforeUnload);
    return () => {
      release();
      window.removeEventListener('beforeunload', beforeUnload);
    };
  }, [dirty]);
}

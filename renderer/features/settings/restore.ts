// Restoring as the page does it: a copy picked on the disk sent as bytes, then a reload with a word kept for after it.
import { useState } from 'react';
import type { BackupPreview } from '../../../shared/schema/backup';
import { call } from '../../api/client';
import { errorMessage } from '../../api/notifyError';
import { base64 } from '../../components/base64';

const RESTORED_KEY = 'reestr-restored';

/** Sends a copy picked on the disk; the back end checks it and tells what it holds. */
export async function uploadBackup(file: File): Promise<BackupPreview> {
  return call('backups.upload', { fileName: file.name, data: base64(await file.arrayBuffer()) });
}

/** After a restore every view must show the register anew: the page reloads, and says what was done. */
function reloadAfterRestore(message: string): void {
  sessionStorage.setItem(RESTORED_KEY, message);
  window.location.reload();
}

/**
 * A restore as a page runs it: a copy offered, then confirmed in the RestoreDialog (`dialog` are its
 * props), restored by `restore`, whose answer is the message the reloaded page shows.
 */
export function useRestore(restore: (chosen: BackupPreview) => Promise<string>) {
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const confirm = (chosen: BackupPreview) => {
    setBusy(true);
    setError(null);
    restore(chosen).then(reloadAfterRestore, (e: unknown) => {
      setError(errorMessage(e));
      setBusy(false);
    });
  };
  return {
    offer: (chosen: BackupPreview | null) => (setError(null), setPreview(chosen)),
    dialog: { preview, busy, error, onConfirm: confirm, onClose: () => setPreview(null) },
  };
}

/** The word left by reloadAfterRestore, once. */
export function takeRestoredMessage(): string | null {
  const message = sessionStorage.getItem(RESTORED_KEY);
  sessionStorage.removeItem(RESTORED_KEY);
  return message;
}

// The register's files for its user alone: folders 0700 and files 0600 where the system has such modes.
import { chmodSync, mkdirSync, statSync } from 'node:fs';

const POSIX = process.platform !== 'win32';

/**
 * Makes sure a folder exists; a folder created here is the user's alone, and so is an existing one
 * when `chmodExisting` (our own folders: the data folder, the default backups and logs). A folder the
 * user chose (a network drive) keeps its permissions. Throws when it cannot be created.
 */
export function privateFolder(path: string, { chmodExisting = false } = {}): void {
  let existed: boolean;
  try {
    existed = statSync(path).isDirectory();
  } catch {
    existed = false;
  }
  mkdirSync(path, { recursive: true, mode: 0o700 });
  if (POSIX && (chmodExisting || !existed)) {
    try {
      chmodSync(path, 0o700);
    } catch {
      // a file system without modes (a FAT stick, a share): nothing to set
    }
  }
}

/** Makes a file readable and writable by its user alone; silent where modes do not apply. */
export function makePrivateFile(path: string): void {
  if (!POSIX) return;
  try {
    chmodSync(path, 0o600);
  } catch {
    // absent, or a file system without modes
  }
}

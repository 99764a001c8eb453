// The error log for support: unexpected failures appended to logs/errors.log, rotated; it never throws.
import { appendFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { isAppError } from '../../shared/errors';
import { makePrivateFile, privateFolder } from './private-files';

export const ERROR_LOG = 'errors.log';

export interface ErrorLogOptions {
  /** A log grows to about this size before it is rotated. */
  maxBytes?: number;
  /** Older logs kept: errors.1.log (the newest) … errors.N.log. */
  keep?: number;
  now?: () => string;
}

const MAX_ENTRY = 16_000;

/** What is written of a failure: its message and stack, the home folder (the OS account's name) left out. */
function describe(error: unknown, context: string | undefined): string {
  let text: string;
  if (error instanceof Error) {
    text = error.stack ?? `${error.name}: ${error.message}`;
    if (isAppError(error) && error.details !== undefined) text += `\nПричина: ${describe(error.details, undefined)}`;
  } else {
    text = String(error);
  }
  const home = homedir();
  if (home.length > 1) text = text.split(home).join('~');
  const body = `${context ? `${context}: ` : ''}${text}`;
  return body.length > MAX_ENTRY ? `${body.slice(0, MAX_ENTRY)}…` : body;
}

function rotate(folder: string, keep: number): void {
  rmSync(join(folder, `errors.${keep}.log`), { force: true });
  for (let n = keep - 1; n >= 1; n--) {
    try {
      renameSync(join(folder, `errors.${n}.log`), join(folder, `errors.${n + 1}.log`));
    } catch {
      // not there yet
    }
  }
  renameSync(join(folder, ERROR_LOG), join(folder, 'errors.1.log'));
}

export type ErrorLog = (error: unknown, context?: string) => void;

/** A writer of `folder/errors.log`; writing never throws (a failing log must not fail the app). */
export function createErrorLog(folder: string, { maxBytes = 1_000_000, keep = 3, now = () => new Date().toISOString() }: ErrorLogOptions = {}): ErrorLog {
  return (error, context) => {
    try {
      const entry = `[${now()}] ${describe(error, context)}\n\n`;
      privateFolder(folder, { chmodExisting: true });
      const file = join(folder, ERROR_LOG);
      let size = 0;
      try {
        size = statSync(file).size;
      } catch {
        // a new log
      }
      if (size > 0 && size + Buffer.byteLength(entry) > maxBytes) rotate(folder, keep);
      appendFileSync(file, entry, { mode: 0o600 });
      makePrivateFile(file);
    } catch {
      // Nowhere to write (a full disk, a read-only folder): the error was still handled by its caller.
    }
  };
}

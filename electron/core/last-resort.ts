// The last resort: an exception or rejection nothing caught is written down, then the process goes on
// (the web mode, the app) or ends as its owner says (a command): never Node's stack trace and exit.
import type { EventEmitter } from 'node:events';

export type Uncaught = 'uncaughtException' | 'unhandledRejection';

/** How the error log names each kind of failure that reached the last resort. */
export const UNCAUGHT_CONTEXT: Readonly<Record<Uncaught, string>> = {
  uncaughtException: 'Необработанное исключение',
  unhandledRejection: 'Необработанный отказ промиса',
};

export interface LastResortOptions {
  /** Writes the failure down (the error log); it must not throw, and a throw is swallowed. */
  log: (error: unknown, context: string) => void;
  /** After the log: tell the user, end the process. Without it the process keeps running. */
  after?: (error: unknown, kind: Uncaught) => void;
}

/**
 * Handles what nothing else caught in `target` (the process; any emitter in tests). Returns the undoing.
 * A failure inside the handling is dropped: thrown from here, it would end the process after all.
 */
export function installLastResort(options: LastResortOptions, target: EventEmitter = process): () => void {
  const handler = (kind: Uncaught) => (error: unknown) => {
    try {
      options.log(error, UNCAUGHT_CONTEXT[kind]);
    } catch {
      // nowhere to write: still go on to `after`
    }
    try {
      options.after?.(error, kind);
    } catch {
      // the user is not told, the log has it
    }
  };
  const onException = handler('uncaughtException');
  const onRejection = handler('unhandledRejection');
  target.on('uncaughtException', onException);
  target.on('unhandledRejection', onRejection);
  return () => {
    target.off('uncaughtException', onException);
    target.off('unhandledRejection', onRejection);
  };
}

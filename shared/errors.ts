// Errors and results as data: what crosses IPC and HTTP is a Result, never a thrown exception.

export type ErrorCode =
  | 'validation'
  | 'not_found'
  | 'conflict'
  | 'bad_request'
  | 'unauthorized'
  | 'forbidden'
  | 'db_newer'
  | 'db_unavailable'
  | 'db_damaged'
  | 'internal';

export interface ErrorInfo {
  code: ErrorCode;
  /** Russian, for the user. */
  message: string;
  /** For a save refused as `conflict` (a record changed since the clerk opened it): the record as it is now. */
  current?: unknown;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ErrorInfo };

export class AppError extends Error {
  override readonly name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For logs and developers; never shown to the user. */
    readonly details?: unknown,
    /** Sent to the caller with the message: ErrorInfo.current. */
    readonly current?: unknown,
  ) {
    super(message);
  }

  toInfo(): ErrorInfo {
    return this.current === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, current: this.current };
  }
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

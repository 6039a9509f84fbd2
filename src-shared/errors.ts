/**
 * Typed errors shared by every layer. A code is stable (scripts, tests and the UI branch on
 * it); the message is Chinese and written for the person at the keyboard.
 */
export const ERROR_CODES = {
  VALIDATION: 400,
  BAD_JSON: 400,
  BAD_FILE: 400,
  UNAUTHENTICATED: 401,
  BAD_TOKEN: 401,
  SESSION_LOCKED: 423,
  FORBIDDEN: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  BAD_ORIGIN: 403,
  NOT_FOUND: 404,
  UNKNOWN_OPERATION: 404,
  CONFLICT: 409,
  STATE: 409,
  OUT_OF_WINDOW: 409,
  TOO_LARGE: 413,
  THROTTLED: 429,
  CANCELLED: 499,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_CODES;

export interface ErrorInfo {
  code: ErrorCode;
  message: string;
  /** Machine-readable extra facts: the failing field path, a file name, a retry time. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    if (details) this.details = details;
  }

  get status(): number {
    return ERROR_CODES[this.code];
  }

  toInfo(): ErrorInfo {
    return this.details ? { code: this.code, message: this.message, details: this.details } : { code: this.code, message: this.message };
  }

  static from(info: ErrorInfo): AppError {
    return new AppError(info.code, info.message, info.details);
  }
}

export function isErrorInfo(value: unknown): value is ErrorInfo {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ErrorInfo).code === 'string' &&
    (value as ErrorInfo).code in ERROR_CODES &&
    typeof (value as ErrorInfo).message === 'string'
  );
}

/** The envelope every transport returns for a call. */
export type CallResult<T> = { ok: true; data: T } | { ok: false; error: ErrorInfo };

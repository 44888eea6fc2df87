/** Error codes every method may return, with their HTTP status. */
export const ERROR_CODES = {
  BAD_INPUT: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  /** Signed in with an initial or reset password: only changing it is allowed. */
  PASSWORD_CHANGE_REQUIRED: 403,
  NOT_FOUND: 404,
  UNKNOWN_METHOD: 404,
  CONFLICT: 409,
  TOO_LARGE: 413,
  LOCKED: 423,
  /** Too many login attempts from one client address. */
  TOO_MANY_REQUESTS: 429,
  INTERNAL: 500,
  /** The database is busy with another program's write (SQLite lock, PostgreSQL lock wait or deadlock): nothing changed. */
  BUSY: 503,
  /** A desktop terminal in server mode cannot reach its server. */
  SERVER_UNREACHABLE: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export type ApiError = { code: ErrorCode; message: string; details?: string[] };
export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiError };

export function httpStatusOf(code: ErrorCode): number {
  return ERROR_CODES[code] ?? 500;
}

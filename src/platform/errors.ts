/**
 * The one list of error codes: each has an HTTP status and a message key (vi and en in errors-messages.ts).
 * A 5xx never shows its cause to the user.
 */
import type { MessageKey } from './i18n/index.ts';

export const ERRORS = {
  bad_request: 400,
  invalid_utf8: 400,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  csrf_invalid: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  unprocessable: 422,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERRORS;

/** Field-level validation messages: field name → message key (with optional parameters). */
export type FieldErrors = Record<string, { key: MessageKey; params?: Record<string, string | number> }>;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    readonly fields?: FieldErrors,
    options?: { cause?: unknown; message?: string },
  ) {
    super(options?.message ?? code, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.status = ERRORS[code];
  }
}

export const errorMessageKey = (code: ErrorCode): MessageKey => `error.${code}` as MessageKey;

/** Maps an HTTP status to the closest error code (for errors raised by Fastify and its plugins). */
export function codeForStatus(status: number): ErrorCode {
  const found = (Object.entries(ERRORS) as [ErrorCode, number][]).find(([, s]) => s === status);
  if (found !== undefined) return found[0];
  return status >= 500 ? 'internal' : 'bad_request';
}

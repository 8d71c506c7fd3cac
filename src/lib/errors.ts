/**
 * The closed set of domain errors. Services throw these; one HTTP handler maps them to
 * RFC 9457 problem bodies and the CLI to a one-line message and exit code.
 */
export const errorCodes = {
  validation: { status: 400, title: 'Invalid request' },
  unauthenticated: { status: 401, title: 'Authentication required' },
  mfa_required: { status: 401, title: 'Multi-factor authentication required' },
  forbidden: { status: 403, title: 'Forbidden' },
  csrf: { status: 403, title: 'CSRF token missing or invalid' },
  password_change_required: { status: 403, title: 'Password change required' },
  mfa_enrolment_required: { status: 403, title: 'Multi-factor enrolment required' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  payload_too_large: { status: 413, title: 'Payload too large' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
  unprocessable: { status: 422, title: 'Unprocessable content' },
  rate_limited: { status: 429, title: 'Too many requests' },
  unavailable: { status: 503, title: 'Service unavailable' },
  internal: { status: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof errorCodes;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return errorCodes[this.code].status;
  }

  /** User-caused errors are expected; internal ones are logged as faults. */
  get userCaused(): boolean {
    return this.status < 500;
  }
}

export const fail = {
  validation: (message: string, details?: Record<string, unknown>) => new AppError('validation', message, details),
  unauthenticated: (message = 'Sign in first') => new AppError('unauthenticated', message),
  forbidden: (message = 'You may not do this') => new AppError('forbidden', message),
  notFound: (what: string) => new AppError('not_found', `${what} not found`),
  conflict: (message: string, details?: Record<string, unknown>) => new AppError('conflict', message, details),
  rateLimited: (message: string, retryAfterSeconds: number) =>
    new AppError('rate_limited', message, { retryAfterSeconds }),
};

// Public error codes: every GraphQL error carries one of these as extensions.code.
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  NotFound = 'NOT_FOUND',
  BadUserInput = 'BAD_USER_INPUT',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  ServiceUnavailable = 'SERVICE_UNAVAILABLE',
  Internal = 'INTERNAL_SERVER_ERROR',
}

/** The extensions an API error carries besides `code`. */
export interface ErrorExtensions {
  code: ErrorCode;
  /** A stable, more specific code from the domain, e.g. `SLUG_TAKEN`. */
  reason?: string;
  /** Per input field messages, for BAD_USER_INPUT. */
  fields?: Record<string, string>;
}

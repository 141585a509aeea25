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
  /**
   * A persisted document's hash the API does not know. The persisted-query protocol's own code: a
   * client that gets it may send the operation again with its text.
   */
  PersistedQueryNotFound = 'PERSISTED_QUERY_NOT_FOUND',
  /** A GraphQL document that is not one of the web app's persisted documents, where only those run. */
  DocumentNotAllowed = 'DOCUMENT_NOT_ALLOWED',
}

/** The extensions an API error carries besides `code`. */
export interface ErrorExtensions {
  code: ErrorCode;
  /** A stable, more specific code from the domain, e.g. `SLUG_TAKEN`. */
  reason?: string;
  /** Per input field messages, for BAD_USER_INPUT. */
  fields?: Record<string, string>;
}

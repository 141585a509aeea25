// Turns whatever Apollo Client rejected with into the API's stable error shape:
// { code, reason, fields, message } read from the GraphQL error extensions.
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@convene/shared-contracts';
import type { GraphQLFormattedError } from 'graphql';

/** `NETWORK_ERROR` is the client's own code for "the server could not be reached". */
export type ApiErrorCode = ErrorCode | 'NETWORK_ERROR';

export interface ApiError {
  code: ApiErrorCode;
  /** Stable domain reason such as `INVALID_CREDENTIALS` or `SLUG_TAKEN`, when the API sent one. */
  reason: string | null;
  /** Messages per input field name, for `BAD_USER_INPUT`. */
  fields: Record<string, string>;
  message: string;
}

const KNOWN_CODES = new Set<string>(Object.values(ErrorCode));

function fromGraphQLErrors(errors: ReadonlyArray<GraphQLFormattedError>, fallback: string): ApiError {
  const first = errors[0];
  const extensions = first?.extensions ?? {};
  const rawCode = typeof extensions['code'] === 'string' ? extensions['code'] : '';
  const fields: Record<string, string> = {};
  for (const error of errors) {
    const errorFields = error.extensions?.['fields'];
    if (errorFields && typeof errorFields === 'object') {
      for (const [name, message] of Object.entries(errorFields)) {
        if (typeof message === 'string' && !(name in fields)) fields[name] = message;
      }
    }
  }
  return {
    code: KNOWN_CODES.has(rawCode)
      ? (rawCode as ErrorCode)
      : rawCode === 'GRAPHQL_VALIDATION_FAILED'
        ? ErrorCode.BadUserInput
        : ErrorCode.Internal,
    reason: typeof extensions['reason'] === 'string' ? extensions['reason'] : null,
    fields,
    message: first?.message ?? fallback,
  };
}

function parseErrorsFromBody(bodyText: string): GraphQLFormattedError[] | null {
  try {
    const body: unknown = JSON.parse(bodyText);
    if (body && typeof body === 'object' && 'errors' in body && Array.isArray(body.errors) && body.errors.length > 0) {
      return body.errors as GraphQLFormattedError[];
    }
  } catch {
    // Not JSON (a proxy error page, for example): fall through to the status code.
  }
  return null;
}

export function toApiError(error: unknown): ApiError {
  if (CombinedGraphQLErrors.is(error)) return fromGraphQLErrors(error.errors, error.message);
  if (ServerError.is(error)) {
    const errors = parseErrorsFromBody(error.bodyText);
    if (errors) return fromGraphQLErrors(errors, error.message);
    const code =
      error.statusCode === 429
        ? ErrorCode.RateLimited
        : error.statusCode === 401
          ? ErrorCode.Unauthenticated
          : error.statusCode === 403
            ? ErrorCode.Forbidden
            : error.statusCode === 503 || error.statusCode === 502 || error.statusCode === 504
              ? ErrorCode.ServiceUnavailable
              : ErrorCode.Internal;
    return { code, reason: null, fields: {}, message: error.message };
  }
  if (error instanceof TypeError) {
    // fetch rejects with a TypeError when the network is down or the server is not listening.
    return { code: 'NETWORK_ERROR', reason: null, fields: {}, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { code: ErrorCode.Internal, reason: null, fields: {}, message };
}

export function hasErrorCode(error: unknown, code: ApiErrorCode): boolean {
  return error != null && toApiError(error).code === code;
}

import { Logger } from '@nestjs/common';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { ErrorCode } from '@convene/shared-contracts';
import { DomainError } from '@convene/server-core';
import { UNAVAILABLE_MESSAGE, isDependencyUnavailable } from '../http/dependency-errors.util.js';

const logger = new Logger('GraphQL');

/** Apollo's refusals of a malformed persisted query, which carry no code of their own. */
const PERSISTED_QUERY_REFUSALS = new Set(['provided sha does not match query', 'Unsupported persisted query version']);

// Codes Apollo and graphql-js produce for a malformed request, and the persisted documents' own
// (the protocol's PERSISTED_QUERY_NOT_FOUND, which clients act on, keeps its code); the message is
// safe to show.
const REQUEST_ERRORS: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: ErrorCode.BadUserInput,
  GRAPHQL_VALIDATION_FAILED: ErrorCode.BadUserInput,
  BAD_USER_INPUT: ErrorCode.BadUserInput,
  BAD_REQUEST: ErrorCode.BadUserInput,
  PERSISTED_QUERY_NOT_FOUND: ErrorCode.PersistedQueryNotFound,
  PERSISTED_QUERY_NOT_SUPPORTED: ErrorCode.BadUserInput,
  DOCUMENT_NOT_ALLOWED: ErrorCode.DocumentNotAllowed,
  OPERATION_RESOLUTION_FAILURE: ErrorCode.BadUserInput,
};

/**
 * The one place errors are shaped for clients: a stable extensions.code, the domain's reason and
 * field messages; never a stack trace or an internal message.
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const unwrapped = unwrapResolverError(error);
  const original = unwrapped instanceof GraphQLError && unwrapped.originalError ? unwrapped.originalError : unwrapped;
  if (original instanceof DomainError) {
    return {
      message: original.message,
      path: formatted.path,
      extensions: {
        code: original.code,
        reason: original.reason,
        ...(original.fields ? { fields: original.fields } : {}),
      },
    };
  }
  if (
    unwrapped instanceof GraphQLError &&
    !unwrapped.originalError &&
    PERSISTED_QUERY_REFUSALS.has(unwrapped.message)
  ) {
    return {
      message: formatted.message,
      extensions: { code: ErrorCode.BadUserInput, reason: 'PERSISTED_QUERY_INVALID' },
    };
  }
  const code = typeof formatted.extensions?.['code'] === 'string' ? formatted.extensions['code'] : undefined;
  if (code && REQUEST_ERRORS[code]) {
    const reason = typeof formatted.extensions?.['reason'] === 'string' ? formatted.extensions['reason'] : code;
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: REQUEST_ERRORS[code], reason },
    };
  }
  if (isDependencyUnavailable(original)) {
    // An outage, not a bug: no stack, and the client may try again.
    logger.warn(`Service unavailable: ${(original as Error).message}`);
    return {
      message: UNAVAILABLE_MESSAGE,
      path: formatted.path,
      extensions: { code: ErrorCode.ServiceUnavailable, reason: 'DEPENDENCY_UNAVAILABLE' },
    };
  }
  logger.error(original instanceof Error ? (original.stack ?? original.message) : String(original));
  return {
    message: 'Something went wrong on our side. Please try again.',
    path: formatted.path,
    extensions: { code: ErrorCode.Internal },
  };
}

/**
 * The same, without graphql-js's "Did you mean …?" hints. Apollo's `hideSchemaDetailsFromClientErrors`
 * strips them from validation errors only; a variable's value is checked later, and its errors
 * (an unknown input field, a misspelt enum value) would still name the schema's fields.
 */
export function formatErrorWithoutSuggestions(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const shaped = formatError(formatted, error);
  return { ...shaped, message: shaped.message.replace(/\s*Did you mean [^?]*\?/g, '') };
}

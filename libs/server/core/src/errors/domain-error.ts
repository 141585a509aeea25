import { ErrorCode } from '@convene/shared-contracts';

/**
 * An error a user may see. `code` is the public category (extensions.code), `reason` the stable
 * domain code from the domain's errors file, `fields` per-field messages for bad input.
 */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly fields?: Record<string, string>,
    /** For REST routes whose status says more than the code's (413 too large, 416 bad range). */
    readonly httpStatus?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

export class InputError extends DomainError {
  constructor(fields: Record<string, string>, reason = 'INVALID_INPUT', message = 'Some fields need attention.') {
    super(ErrorCode.BadUserInput, reason, message, fields);
  }
}

export const unauthenticated = () =>
  new DomainError(ErrorCode.Unauthenticated, 'SIGN_IN_REQUIRED', 'Please sign in to continue.');

export const forbidden = (reason = 'NOT_ALLOWED', message = 'You are not allowed to do that.') =>
  new DomainError(ErrorCode.Forbidden, reason, message);

export const notFound = (what: string, reason = 'NOT_FOUND') =>
  new DomainError(ErrorCode.NotFound, reason, `${what} was not found.`);

/** HTTP status for a public error code, for REST routes. */
export function httpStatusFor(code: ErrorCode): number {
  switch (code) {
    case ErrorCode.Unauthenticated:
      return 401;
    case ErrorCode.Forbidden:
      return 403;
    case ErrorCode.NotFound:
      return 404;
    case ErrorCode.BadUserInput:
      return 400;
    case ErrorCode.Conflict:
      return 409;
    case ErrorCode.RateLimited:
      return 429;
    case ErrorCode.ServiceUnavailable:
      return 503;
    default:
      return 500;
  }
}

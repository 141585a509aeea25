import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { GraphQLError } from 'graphql';
import { DriverException } from '@mikro-orm/core';
import { ErrorCode } from '@convene/shared-contracts';
import { InputError } from '@convene/server-core';
import { formatError, formatErrorWithoutSuggestions } from './format-error.js';

describe(formatError.name, () => {
  it('passes a domain error through with its code, reason and fields', () => {
    const error = new GraphQLError('x', { originalError: new InputError({ email: 'Enter a valid email.' }) });
    expect(formatError({ message: 'x', path: ['signUp'] }, error)).toEqual({
      message: 'Some fields need attention.',
      path: ['signUp'],
      extensions: { code: ErrorCode.BadUserInput, reason: 'INVALID_INPUT', fields: { email: 'Enter a valid email.' } },
    });
  });

  it('hides an unexpected error behind a generic message with no stack', () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const error = new GraphQLError('boom', {
      originalError: new Error('connection to 10.0.0.5 refused at Pool.connect'),
    });
    const formatted = formatError(
      {
        message: 'connection to 10.0.0.5 refused',
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      error,
    );
    expect(formatted).toEqual({
      message: 'Something went wrong on our side. Please try again.',
      path: undefined,
      extensions: { code: ErrorCode.Internal },
    });
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });

  it('answers a lost database connection as SERVICE_UNAVAILABLE, which a client may retry', () => {
    const log = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const lost = new DriverException(
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    );
    const formatted = formatError(
      { message: lost.message, path: ['createThread'], extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError(lost.message, { originalError: lost }),
    );
    expect(formatted).toEqual({
      message: 'The service is briefly unavailable. Please try again in a moment.',
      path: ['createThread'],
      extensions: { code: ErrorCode.ServiceUnavailable, reason: 'DEPENDENCY_UNAVAILABLE' },
    });
    log.mockRestore();
  });

  it('maps request validation errors to BAD_USER_INPUT', () => {
    const formatted = formatError(
      { message: 'Cannot query field "nope"', extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } },
      new GraphQLError('Cannot query field "nope"'),
    );
    expect(formatted.extensions).toEqual({ code: ErrorCode.BadUserInput, reason: 'GRAPHQL_VALIDATION_FAILED' });
  });

  it("keeps the persisted documents' codes: the protocol's PERSISTED_QUERY_NOT_FOUND, which clients act on, and DOCUMENT_NOT_ALLOWED", () => {
    const notFound = formatError(
      { message: 'PersistedQueryNotFound', extensions: { code: 'PERSISTED_QUERY_NOT_FOUND' } },
      new GraphQLError('PersistedQueryNotFound'),
    );
    expect(notFound).toMatchObject({
      message: 'PersistedQueryNotFound',
      extensions: { code: ErrorCode.PersistedQueryNotFound },
    });
    const refused = formatError(
      { message: 'Only the operations…', extensions: { code: 'DOCUMENT_NOT_ALLOWED' } },
      new GraphQLError('Only the operations…'),
    );
    expect(refused.extensions).toEqual({ code: ErrorCode.DocumentNotAllowed, reason: 'DOCUMENT_NOT_ALLOWED' });
  });

  it("answers a persisted query whose hash is not its text's as bad input, not as a fault of ours", () => {
    const log = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const formatted = formatError(
      { message: 'provided sha does not match query', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
      new GraphQLError('provided sha does not match query'),
    );
    expect(formatted).toEqual({
      message: 'provided sha does not match query',
      extensions: { code: ErrorCode.BadUserInput, reason: 'PERSISTED_QUERY_INVALID' },
    });
    expect(log).not.toHaveBeenCalled();
    log.mockRestore();
  });

  it('drops "Did you mean" hints from a variable\'s errors (production), keeping the rest of the message', () => {
    const message =
      'Variable "$input" got invalid value { emial: "a" }; Field "emial" is not defined by type "SignInInput". Did you mean "email"?';
    const formatted = formatErrorWithoutSuggestions(
      { message, extensions: { code: 'BAD_USER_INPUT' } },
      new GraphQLError(message),
    );
    expect(formatted).toMatchObject({
      message:
        'Variable "$input" got invalid value { emial: "a" }; Field "emial" is not defined by type "SignInInput".',
      extensions: { code: ErrorCode.BadUserInput },
    });
  });
});

import { describe, expect, it } from '@jest/globals';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { ErrorCode } from '@convene/shared-contracts';
import { hasErrorCode, toApiError } from './api-error';

const graphQLError = (errors: Array<{ message: string; extensions?: Record<string, unknown> }>) =>
  new CombinedGraphQLErrors({ data: null, errors });

const serverError = (status: number, body: string) =>
  new ServerError('Response not successful', { response: new Response(body, { status }), bodyText: body });

describe(toApiError.name, () => {
  it('reads code, reason and field messages from the extensions', () => {
    const error = graphQLError([
      {
        message: 'Please check the form',
        extensions: { code: 'BAD_USER_INPUT', reason: 'SLUG_TAKEN', fields: { slug: 'Taken', name: 'Too long' } },
      },
    ]);
    expect(toApiError(error)).toEqual({
      code: ErrorCode.BadUserInput,
      reason: 'SLUG_TAKEN',
      fields: { slug: 'Taken', name: 'Too long' },
      message: 'Please check the form',
    });
  });

  it('merges field messages of several errors, keeping the first per field', () => {
    const error = graphQLError([
      { message: 'a', extensions: { code: 'BAD_USER_INPUT', fields: { email: 'First' } } },
      { message: 'b', extensions: { code: 'BAD_USER_INPUT', fields: { email: 'Second', password: 'Short' } } },
    ]);
    expect(toApiError(error).fields).toEqual({ email: 'First', password: 'Short' });
  });

  it('treats an unknown code as an internal error', () => {
    expect(toApiError(graphQLError([{ message: 'x', extensions: { code: 'SOMETHING_NEW' } }])).code).toBe(
      ErrorCode.Internal,
    );
  });

  it('reads GraphQL errors from the body of a non-2xx response', () => {
    const body = JSON.stringify({ errors: [{ message: 'Slow down', extensions: { code: 'RATE_LIMITED' } }] });
    expect(toApiError(serverError(429, body))).toMatchObject({ code: ErrorCode.RateLimited, message: 'Slow down' });
  });

  it('falls back to the status code when the body is not GraphQL', () => {
    expect(toApiError(serverError(429, '<html>Too many</html>')).code).toBe(ErrorCode.RateLimited);
    expect(toApiError(serverError(502, 'Bad gateway')).code).toBe(ErrorCode.ServiceUnavailable);
    expect(toApiError(serverError(500, '')).code).toBe(ErrorCode.Internal);
  });

  it('reports a failed fetch as a network error', () => {
    expect(toApiError(new TypeError('Failed to fetch')).code).toBe('NETWORK_ERROR');
  });

  it('answers hasErrorCode for the normalised code', () => {
    const error = graphQLError([{ message: 'No such group', extensions: { code: 'NOT_FOUND' } }]);
    expect(hasErrorCode(error, ErrorCode.NotFound)).toBe(true);
    expect(hasErrorCode(error, ErrorCode.Forbidden)).toBe(false);
    expect(hasErrorCode(null, ErrorCode.NotFound)).toBe(false);
  });
});

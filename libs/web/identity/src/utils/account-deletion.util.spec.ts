import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@convene/shared-contracts';
import type { ApiError } from '@convene/web-data-access';
import { accountDeletionFailure } from './account-deletion.util';

const error = (overrides: Partial<ApiError>): ApiError => ({
  code: ErrorCode.Internal,
  reason: null,
  fields: {},
  message: 'Something failed',
  ...overrides,
});

describe(accountDeletionFailure.name, () => {
  it('marks the password when it is wrong', () => {
    expect(
      accountDeletionFailure(
        error({
          code: ErrorCode.BadUserInput,
          reason: 'WRONG_PASSWORD',
          fields: { password: 'Your password is not correct.' },
        }),
      ),
    ).toEqual({ kind: 'wrongPassword' });
    expect(
      accountDeletionFailure(
        error({ code: ErrorCode.BadUserInput, fields: { password: 'Your password is not correct.' } }),
      ),
    ).toEqual({ kind: 'wrongPassword' });
  });

  it('asks for a code when two-factor sign-in is on and none was given', () => {
    expect(
      accountDeletionFailure(
        error({ code: ErrorCode.BadUserInput, reason: 'TWO_FACTOR_CODE_NEEDED', fields: { code: 'Enter a code.' } }),
      ),
    ).toEqual({ kind: 'codeNeeded' });
  });

  it('marks the code when it is wrong', () => {
    expect(
      accountDeletionFailure(error({ code: ErrorCode.Unauthenticated, reason: 'TWO_FACTOR_CODE_INVALID' })),
    ).toEqual({ kind: 'wrongCode' });
  });

  it('passes on what to hand over first when the deletion is blocked', () => {
    const message =
      'Your account can’t be deleted yet. You are the only convenor of “Policing”: make someone else a convenor first.';
    expect(accountDeletionFailure(error({ code: ErrorCode.Conflict, reason: 'DELETION_BLOCKED', message }))).toEqual({
      kind: 'blocked',
      message,
    });
  });

  it('leaves anything else to the generic message for its code', () => {
    expect(accountDeletionFailure(error({ code: ErrorCode.RateLimited }))).toEqual({ kind: 'other' });
    expect(accountDeletionFailure(error({ code: ErrorCode.Conflict, reason: 'SOMETHING_ELSE' }))).toEqual({
      kind: 'other',
    });
    expect(accountDeletionFailure(error({ code: ErrorCode.Unauthenticated }))).toEqual({ kind: 'other' });
  });
});

// What a refused account deletion means for the form: which field to mark, or what to say above it.
import type { ApiError } from '@convene/web-data-access';

export type AccountDeletionFailure =
  | { kind: 'wrongPassword' }
  /** Two-factor sign-in is on (maybe turned on since the page loaded): a code is needed too. */
  | { kind: 'codeNeeded' }
  | { kind: 'wrongCode' }
  /** The person holds a role someone must take over first; the API's message names it. */
  | { kind: 'blocked'; message: string }
  | { kind: 'other' };

export function accountDeletionFailure(
  error: Pick<ApiError, 'code' | 'reason' | 'fields' | 'message'>,
): AccountDeletionFailure {
  if (error.code === 'CONFLICT' && error.reason === 'DELETION_BLOCKED')
    return { kind: 'blocked', message: error.message };
  if (error.reason === 'TWO_FACTOR_CODE_INVALID') return { kind: 'wrongCode' };
  if (error.code === 'BAD_USER_INPUT') {
    if (error.reason === 'WRONG_PASSWORD' || 'password' in error.fields) return { kind: 'wrongPassword' };
    if (error.reason === 'TWO_FACTOR_CODE_NEEDED' || 'code' in error.fields) return { kind: 'codeNeeded' };
  }
  return { kind: 'other' };
}

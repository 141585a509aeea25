import { ErrorCode } from '@convene/shared-contracts';
import { DomainError } from '@convene/server-core';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  SignUpByInvitationOnly = 'SIGN_UP_BY_INVITATION_ONLY',
  InvitationInvalid = 'INVITATION_INVALID',
  EmailTaken = 'EMAIL_TAKEN',
  WrongPassword = 'WRONG_PASSWORD',
}

export const identityErrors = {
  invalidCredentials: () => new DomainError(ErrorCode.Unauthenticated, IdentityErrorCode.InvalidCredentials, 'Email or password is incorrect.'),
  signUpByInvitationOnly: () =>
    new DomainError(ErrorCode.Forbidden, IdentityErrorCode.SignUpByInvitationOnly, 'This network is invitation-only. Ask a network admin for an invitation.'),
  invitationInvalid: () =>
    new DomainError(ErrorCode.NotFound, IdentityErrorCode.InvitationInvalid, 'This invitation link is not valid any more. It may have expired or been used already.'),
};

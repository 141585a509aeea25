import { ErrorCode } from '@convene/shared-contracts';
import { DomainError } from '@convene/server-core';

export enum IdentityErrorCode {
  InvalidCredentials = 'INVALID_CREDENTIALS',
  SignUpByInvitationOnly = 'SIGN_UP_BY_INVITATION_ONLY',
  InvitationInvalid = 'INVITATION_INVALID',
  EmailTaken = 'EMAIL_TAKEN',
  WrongPassword = 'WRONG_PASSWORD',
  TwoFactorCodeNeeded = 'TWO_FACTOR_CODE_NEEDED',
  TwoFactorCodeInvalid = 'TWO_FACTOR_CODE_INVALID',
  TwoFactorAlreadyOn = 'TWO_FACTOR_ALREADY_ON',
  TwoFactorNotOn = 'TWO_FACTOR_NOT_ON',
  TwoFactorSetupNotStarted = 'TWO_FACTOR_SETUP_NOT_STARTED',
  TwoFactorRequiredForRole = 'TWO_FACTOR_REQUIRED_FOR_ROLE',
  AccountDeactivated = 'ACCOUNT_DEACTIVATED',
  ResetLinkInvalid = 'RESET_LINK_INVALID',
  LastAdmin = 'LAST_ADMIN',
  NotYourself = 'NOT_YOURSELF',
  OrganisationNotFound = 'ORGANISATION_NOT_FOUND',
  OrganisationNameTaken = 'ORGANISATION_NAME_TAKEN',
  OrganisationArchived = 'ORGANISATION_ARCHIVED',
  NoPendingAffiliation = 'NO_PENDING_AFFILIATION',
}

export const identityErrors = {
  invalidCredentials: () =>
    new DomainError(ErrorCode.Unauthenticated, IdentityErrorCode.InvalidCredentials, 'Email or password is incorrect.'),
  signUpByInvitationOnly: () =>
    new DomainError(
      ErrorCode.Forbidden,
      IdentityErrorCode.SignUpByInvitationOnly,
      'This network is invitation-only. Ask a network admin for an invitation.',
    ),
  twoFactorCodeNeeded: () =>
    new DomainError(
      ErrorCode.Unauthenticated,
      IdentityErrorCode.TwoFactorCodeNeeded,
      'Enter the 6-digit code from your authenticator app, or a recovery code.',
    ),
  twoFactorCodeInvalid: (field = 'code') =>
    new DomainError(
      ErrorCode.Unauthenticated,
      IdentityErrorCode.TwoFactorCodeInvalid,
      'That code is not right, or was used already. Codes change every 30 seconds.',
      { [field]: 'That code is not right, or was used already.' },
    ),
  twoFactorAlreadyOn: () =>
    new DomainError(
      ErrorCode.Conflict,
      IdentityErrorCode.TwoFactorAlreadyOn,
      'Two-factor sign-in is already on for your account.',
    ),
  twoFactorNotOn: () =>
    new DomainError(
      ErrorCode.Conflict,
      IdentityErrorCode.TwoFactorNotOn,
      'Two-factor sign-in is not on for your account.',
    ),
  twoFactorSetupNotStarted: () =>
    new DomainError(
      ErrorCode.Conflict,
      IdentityErrorCode.TwoFactorSetupNotStarted,
      'Start setting up two-factor sign-in first.',
    ),
  twoFactorRequiredForRole: () =>
    new DomainError(
      ErrorCode.Forbidden,
      IdentityErrorCode.TwoFactorRequiredForRole,
      'Network admins and convenors must keep two-factor sign-in on.',
    ),
  accountDeactivated: () =>
    new DomainError(
      ErrorCode.Forbidden,
      IdentityErrorCode.AccountDeactivated,
      'This account has been deactivated. Ask a network admin if you think this is a mistake.',
    ),
  resetLinkInvalid: () =>
    new DomainError(
      ErrorCode.NotFound,
      IdentityErrorCode.ResetLinkInvalid,
      'This password reset link is not valid any more. It may have expired or been used already: ask for a new one.',
    ),
  lastAdmin: () =>
    new DomainError(
      ErrorCode.Conflict,
      IdentityErrorCode.LastAdmin,
      'The network needs at least one active network admin.',
    ),
  notYourself: () =>
    new DomainError(ErrorCode.Forbidden, IdentityErrorCode.NotYourself, 'You cannot do this to your own account.'),
  invitationInvalid: () =>
    new DomainError(
      ErrorCode.NotFound,
      IdentityErrorCode.InvitationInvalid,
      'This invitation link is not valid any more. It may have expired or been used already.',
    ),
  organisationNotFound: () =>
    new DomainError(ErrorCode.NotFound, IdentityErrorCode.OrganisationNotFound, 'That organisation was not found.'),
  organisationNameTaken: () =>
    new DomainError(
      ErrorCode.BadUserInput,
      IdentityErrorCode.OrganisationNameTaken,
      'Another organisation already has this name.',
      { name: 'Another organisation already has this name: edit that one, or merge the two.' },
    ),
  organisationArchived: (field: string) =>
    new DomainError(ErrorCode.BadUserInput, IdentityErrorCode.OrganisationArchived, 'That organisation is archived.', {
      [field]: 'That organisation is archived: restore it first, or choose another.',
    }),
  noPendingAffiliation: () =>
    new DomainError(
      ErrorCode.Conflict,
      IdentityErrorCode.NoPendingAffiliation,
      'This person is not waiting for that organisation to be confirmed any more.',
    ),
};

import { ErrorCode } from '@convene/shared-contracts';
import { DomainError } from '@convene/server-core';

export enum PrivacyErrorCode {
  ExportInProgress = 'EXPORT_IN_PROGRESS',
  ExportNotFound = 'EXPORT_NOT_FOUND',
  DeletionBlocked = 'DELETION_BLOCKED',
}

export const privacyErrors = {
  exportInProgress: () =>
    new DomainError(
      ErrorCode.Conflict,
      PrivacyErrorCode.ExportInProgress,
      'Your data export is being prepared. You will get an email when it is ready.',
    ),
  exportNotFound: () =>
    new DomainError(
      ErrorCode.NotFound,
      PrivacyErrorCode.ExportNotFound,
      'This export was not found. It may have expired: ask for a new one.',
    ),
  deletionBlocked: (reasons: string[]) =>
    new DomainError(
      ErrorCode.Conflict,
      PrivacyErrorCode.DeletionBlocked,
      `Your account can't be deleted yet. ${reasons.join(' ')}`,
    ),
};

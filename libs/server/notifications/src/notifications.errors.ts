import { DomainError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum NotificationsErrorCode {
  InvalidUnsubscribeLink = 'INVALID_UNSUBSCRIBE_LINK',
  NotInGroup = 'NOT_IN_GROUP',
  PushDeviceNotFound = 'PUSH_DEVICE_NOT_FOUND',
}

export const notificationsErrors = {
  notInGroup: () =>
    forbidden(NotificationsErrorCode.NotInGroup, 'Only people in this group choose how they hear from it.'),
  pushDeviceNotFound: () => notFound('This device', NotificationsErrorCode.PushDeviceNotFound),
  invalidUnsubscribeLink: () =>
    new DomainError(
      ErrorCode.BadUserInput,
      NotificationsErrorCode.InvalidUnsubscribeLink,
      'This unsubscribe link is not valid. Sign in and change your notification settings instead.',
      { token: 'This link is not valid or has been replaced.' },
    ),
};

import { describe, expect, it, jest } from '@jest/globals';
import { strictMock } from '@convene/server-core';
import { NotificationType } from '@convene/shared-contracts';
import type { GroupReference, GroupsService } from '@convene/server-groups';
import type { IdentityService, PersonValues, User } from '@convene/server-identity';
import { PushDeliveryService } from './push-delivery.service.js';
import type { NotificationRepository } from './notification.repository.js';
import type { NotificationPreferencesService } from './notification-preferences.service.js';
import type { PushSubscriptionRepository, PushTarget } from './push-subscription.repository.js';
import type { PushOutcome, PushSender } from './push-sender.js';

const device: PushTarget = { id: 'd-1', userId: 'u-1', endpoint: 'https://push.example.org/x', p256dh: 'k', auth: 'a' };
const row = {
  id: 'n-1',
  recipientId: 'u-1',
  type: NotificationType.MENTIONED,
  groupId: 'g-1',
  actorId: 'u-2',
  subjectId: 't-1',
  push: true,
};
const group: GroupReference = {
  id: 'g-1',
  slug: 'health',
  name: 'Health and Social Care',
  contentFree: false,
  archived: false,
};

function setUp(
  options: { outcome?: PushOutcome; device?: PushTarget; contentFreeGroup?: boolean; dropped?: boolean } = {},
) {
  const send = jest.fn<PushSender['send']>().mockResolvedValue(options.outcome ?? { kind: 'sent' });
  const markSent = jest.fn<PushSubscriptionRepository['markSent']>().mockResolvedValue(undefined);
  const removeGone = jest.fn<PushSubscriptionRepository['removeGone']>().mockResolvedValue(undefined);
  const markFailed = jest.fn<PushSubscriptionRepository['markFailed']>().mockResolvedValue(options.dropped ?? false);
  const peopleByIds = jest.fn<IdentityService['peopleByIds']>(
    async () => new Map<string, PersonValues>([['u-2', { id: 'u-2', displayName: 'Amal Haddad', organisation: null }]]),
  );
  const service = new PushDeliveryService(
    strictMock<NotificationRepository>('notifications', { forPush: async () => row }),
    strictMock<PushSubscriptionRepository>('subscriptions', {
      target: async () => options.device ?? device,
      markSent,
      removeGone,
      markFailed,
    }),
    strictMock<PushSender>('sender', { send }),
    strictMock<NotificationPreferencesService>('preferences', { contentFreeUsers: async () => new Set<string>() }),
    strictMock<GroupsService>('groups', {
      referencesByIds: async () => new Map([['g-1', { ...group, contentFree: !!options.contentFreeGroup }]]),
    }),
    strictMock<IdentityService>('identity', {
      usersByIds: async () =>
        new Map([['u-1', { id: 'u-1', locale: 'en', deactivatedAt: null, deletedAt: null } as User]]),
      peopleByIds,
    }),
  );
  return { service, send, markSent, removeGone, markFailed, peopleByIds };
}

const push = { notificationId: 'n-1', subscriptionId: 'd-1' };

describe(PushDeliveryService.name, () => {
  it('sends the notification in the recipient’s words and counts the device as working', async () => {
    const { service, send, markSent } = setUp();
    expect(await service.send(push)).toBe('sent');
    expect(send).toHaveBeenCalledWith(
      device,
      expect.objectContaining({
        title: 'Health and Social Care',
        body: 'Amal Haddad mentioned you in “Health and Social Care”',
      }),
      expect.objectContaining({ urgency: 'high' }),
    );
    expect(markSent).toHaveBeenCalledWith('d-1');
  });

  it('leaves the actor out for a content-free group: not even looked up', async () => {
    const { service, send, peopleByIds } = setUp({ contentFreeGroup: true });
    await service.send(push);
    expect(peopleByIds).not.toHaveBeenCalled();
    expect(send.mock.calls[0]?.[1]).toEqual({
      title: 'New activity in Health and Social Care',
      body: 'Open Convene to read it.',
      url: '/threads/t-1',
      tag: 'thread:t-1',
      lang: 'en',
    });
  });

  it('sends nothing to a device that now belongs to someone else', async () => {
    const { service, send } = setUp({ device: { ...device, userId: 'u-9' } });
    expect(await service.send(push)).toBe('skipped');
    expect(send).not.toHaveBeenCalled();
  });

  it('removes a device whose subscription is gone, and counts a refusal without retrying', async () => {
    const gone = setUp({ outcome: { kind: 'gone', status: 410 } });
    expect(await gone.service.send(push)).toBe('gone');
    expect(gone.removeGone).toHaveBeenCalledWith('d-1');
    const refused = setUp({ outcome: { kind: 'refused', status: 400, message: 'bad' } });
    expect(await refused.service.send(push)).toBe('refused');
    expect(refused.markFailed).toHaveBeenCalledWith('d-1', 25, 3);
  });

  it('counts a failure and throws it for the queue to retry, unless the device was dropped for failing too long', async () => {
    const failing = setUp({ outcome: { kind: 'failed', status: 503, message: 'unavailable' } });
    await expect(failing.service.send(push)).rejects.toThrow(/failed \(503\)/);
    expect(failing.markFailed).toHaveBeenCalledTimes(1);
    const dropped = setUp({ outcome: { kind: 'failed', status: null, message: 'timeout' }, dropped: true });
    expect(await dropped.service.send(push)).toBe('dropped');
  });
});

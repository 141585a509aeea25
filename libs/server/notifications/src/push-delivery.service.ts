import { Injectable, Logger } from '@nestjs/common';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { NotificationRepository } from './notification.repository.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';
import { PushSubscriptionRepository } from './push-subscription.repository.js';
import { PushSender } from './push-sender.js';
import { pushMessage, pushOptions } from './push-message.util.js';

/** One push owed: a notification, to one device of its recipient. */
export interface OwedPush {
  notificationId: string;
  subscriptionId: string;
}

export type PushResult = 'sent' | 'skipped' | 'gone' | 'refused' | 'dropped';

/** Refusals in a row, and days without a push taken, after which a device is dropped. */
const DROP_AFTER_FAILURES = 25;
const DROP_AFTER_QUIET_DAYS = 3;

/** Notifications pushed to people's devices, as their preferences and the content-free rule say. */
@Injectable()
export class PushDeliveryService {
  private readonly logger = new Logger(PushDeliveryService.name);

  constructor(
    private readonly notifications: NotificationRepository,
    private readonly subscriptions: PushSubscriptionRepository,
    private readonly sender: PushSender,
    private readonly preferences: NotificationPreferencesService,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
  ) {}

  /** The pushes an event's notifications owe: each to every device of its recipient (two statements). */
  async owedForEvent(eventId: string): Promise<OwedPush[]> {
    const rows = await this.notifications.pushedOfEvent(eventId);
    if (!rows.length) return [];
    const devices = await this.subscriptions.idsOfUsers([...new Set(rows.map((r) => r.recipientId))]);
    const byUser = new Map<string, { id: string }[]>();
    for (const device of devices) byUser.set(device.userId, [...(byUser.get(device.userId) ?? []), device]);
    return rows.flatMap((row) =>
      (byUser.get(row.recipientId) ?? []).map((device) => ({ notificationId: row.id, subscriptionId: device.id })),
    );
  }

  /**
   * Sends one notification to one device. Gone (404/410) removes the device; a refusal counts
   * against it; a failure worth retrying counts too and is thrown, for the queue to try again.
   * Nothing is sent for a device that now belongs to someone else, or to an account that ended.
   */
  async send(push: OwedPush): Promise<PushResult> {
    const [device, row] = await Promise.all([
      this.subscriptions.target(push.subscriptionId),
      this.notifications.forPush(push.notificationId),
    ]);
    if (!device || !row || !row.push || device.userId !== row.recipientId) return 'skipped';
    const recipient = (await this.identity.usersByIds([row.recipientId])).get(row.recipientId);
    if (!recipient || recipient.deactivatedAt || recipient.deletedAt) return 'skipped';
    const [groups, contentFreePeople] = await Promise.all([
      this.groups.referencesByIds(row.groupId ? [row.groupId] : []),
      this.preferences.contentFreeUsers([row.recipientId]),
    ]);
    const group = (row.groupId && groups.get(row.groupId)) || null;
    // Decided now, as in the app: turning the mode on hides what is still on its way too.
    const contentFree = contentFreePeople.has(row.recipientId) || !!group?.contentFree;
    const actor =
      !contentFree && row.actorId ? (await this.identity.peopleByIds([row.actorId])).get(row.actorId) : null;
    const subject = {
      type: row.type,
      group: group ? { id: group.id, name: group.name, slug: group.slug } : null,
      actorName: actor?.displayName ?? null,
      subjectId: row.subjectId,
    };
    const message = pushMessage(subject, recipient.locale, contentFree);
    const outcome = await this.sender.send(device, message, pushOptions(subject, message));
    switch (outcome.kind) {
      case 'sent':
        await this.subscriptions.markSent(device.id);
        return 'sent';
      case 'gone':
        await this.subscriptions.removeGone(device.id);
        return 'gone';
      case 'refused': {
        this.logger.warn(
          `Push ${push.notificationId} to device ${device.id} refused (${outcome.status}): ${outcome.message}`,
        );
        const dropped = await this.subscriptions.markFailed(device.id, DROP_AFTER_FAILURES, DROP_AFTER_QUIET_DAYS);
        return dropped ? 'dropped' : 'refused';
      }
      case 'failed': {
        const dropped = await this.subscriptions.markFailed(device.id, DROP_AFTER_FAILURES, DROP_AFTER_QUIET_DAYS);
        if (dropped) return 'dropped';
        throw new Error(`Push to device ${device.id} failed (${outcome.status ?? 'no answer'}): ${outcome.message}`);
      }
    }
  }
}

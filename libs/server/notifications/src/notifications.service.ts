import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import {
  NOTIFICATION_CATEGORY,
  SOCKET_EVENTS,
  socketRooms,
  type NotificationMessage,
  type NotificationView,
  type NotificationsReadMessage,
} from '@convene/shared-contracts';
import {
  InputCheck,
  OutboxService,
  RealtimePublisher,
  type DomainEventPayloads,
  type DomainEventType,
  type Viewer,
} from '@convene/server-core';
import { GroupsService, type GroupReference } from '@convene/server-groups';
import { IdentityService, type PersonValues } from '@convene/server-identity';
import { NotificationRepository, type NotificationRow } from './notification.repository.js';
import { NOTIFICATION_RULES, type NotificationPlan, type RuleContext } from './notification-rules.js';
import { NotificationPreferencesService, type Delivery } from './notification-preferences.service.js';

/** A notification written for someone who sees it in the app, and the message that shows it to them. */
export interface Delivered {
  recipientId: string;
  seq: number;
  message: NotificationMessage;
}

/** What a notification shows, decided once for a page of them (or a slice of a fan-out). */
export interface PresentedNotification {
  row: NotificationRow;
  group: GroupReference | null;
  /** Who caused it; null when content-free. */
  actor: PersonValues | null;
  contentFree: boolean;
}

interface Lookup {
  present(row: NotificationRow): PresentedNotification;
}

export type { NotificationRow };

const MAX_PAGE = 100;
/** People written (and signalled) per statement when a change tells many. */
const FAN_OUT_SLICE = 500;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly notifications: NotificationRepository,
    private readonly outbox: OutboxService,
    private readonly groups: GroupsService,
    private readonly preferences: NotificationPreferencesService,
    private readonly identity: IdentityService,
    private readonly realtime: RealtimePublisher,
  ) {}

  /**
   * Turns one outbox event into notification rows, at most one per (event, recipient), each with
   * the recipient's next sequence number, and marks the event delivered in the same transaction as
   * its last rows: until then the relay may hand it to a worker again, and running it again adds
   * nothing. People are written in slices, each committed on its own and handed to `onSlice` at
   * once with the message that shows each their notification, so the first screens light up while
   * later slices are still written. Returns every row it added that shows in the app.
   */
  async fanOut(eventId: string, onSlice: (slice: Delivered[]) => void = () => undefined): Promise<Delivered[]> {
    const event = await this.outbox.find(eventId);
    if (!event || event.deliveredAt) return [];
    const rule = NOTIFICATION_RULES[event.type] as (
      payload: DomainEventPayloads[DomainEventType],
      context: RuleContext,
    ) => Promise<NotificationPlan>;
    const plan = await rule(event.payload as DomainEventPayloads[DomainEventType], {
      convenorIds: (groupId) => this.groups.convenorIds(groupId),
      memberIds: (groupId) => this.groups.activeMemberIds(groupId),
      threadLevels: (threadId) => this.preferences.threadLevels(threadId),
      everyoneIds: () => this.identity.activeUserIds(),
      eventOrganiserIds: () => this.identity.eventOrganiserIds(),
    });
    const notActor = (ids: string[] = []) => ids.filter((id) => id !== plan.actorId);
    const deliveries = await this.preferences.deliveries({
      groupId: plan.groupId,
      category: NOTIFICATION_CATEGORY[plan.type],
      involved: notActor(plan.involvedIds),
      followers: notActor(plan.followerIds),
      direct: notActor(plan.directIds),
    });
    // Sorted by person, so concurrent fan-outs lock people's sequence rows in the same order (no deadlock).
    const recipients = [...deliveries].sort(([a], [b]) => (a < b ? -1 : 1));
    const delivered: Delivered[] = [];
    if (!recipients.length) await this.outbox.markDelivered(this.em.fork(), event.id);
    // Who and where are the same for every slice: looked up once.
    const lookup = await this.lookUp(
      recipients.map(([recipientId]) => ({ recipientId, groupId: plan.groupId, actorId: plan.actorId })),
    );
    for (let i = 0; i < recipients.length; i += FAN_OUT_SLICE) {
      const last = i + FAN_OUT_SLICE >= recipients.length;
      const rows = await this.em.fork().transactional(async (em) => {
        const written = await this.writeSlice(em, event.id, plan, recipients.slice(i, i + FAN_OUT_SLICE));
        if (last) await this.outbox.markDelivered(em, event.id);
        return written;
      });
      if (!rows.length) continue;
      const slice = await this.messages(rows, lookup);
      onSlice(slice);
      delivered.push(...slice);
    }
    return delivered;
  }

  /** Shows each person of a slice their new notification, on every tab and device they have open. */
  send(slice: Delivered[]): void {
    for (const { recipientId, message } of slice)
      this.realtime.emit(socketRooms.user(recipientId), SOCKET_EVENTS.notification, message);
  }

  /** The messages for freshly written rows: each as its recipient may see it, with their unread count. */
  private async messages(rows: NotificationRow[], lookup: Lookup): Promise<Delivered[]> {
    const counts = await this.notifications.unreadAndPrevious(rows);
    return rows.map((row) => {
      const { unread, previous } = counts.get(row.recipientId) ?? { unread: 1, previous: 0 };
      const notification = NotificationsService.view(lookup.present(row));
      return {
        recipientId: row.recipientId,
        seq: row.seq,
        message: { seq: row.seq, previousSeq: previous, unreadCount: unread, notification },
      };
    });
  }

  /**
   * Groups and people of notifications, each looked up once whatever their number. Whether one is
   * content-free is decided now (its group's or its recipient's choice), so turning the mode on
   * hides what came before too.
   */
  async present(rows: NotificationRow[]): Promise<PresentedNotification[]> {
    const lookup = await this.lookUp(rows);
    return rows.map((row) => lookup.present(row));
  }

  /** Three statements for any number of notifications: their groups, who asked for content-free, who caused them. */
  private async lookUp(rows: Pick<NotificationRow, 'recipientId' | 'groupId' | 'actorId'>[]): Promise<Lookup> {
    const [groups, contentFreePeople] = await Promise.all([
      this.groups.referencesByIds(rows.map((r) => r.groupId).filter((id): id is string => !!id)),
      this.preferences.contentFreeUsers(rows.map((r) => r.recipientId)),
    ]);
    const contentFree = (row: Pick<NotificationRow, 'recipientId' | 'groupId'>) =>
      contentFreePeople.has(row.recipientId) || (!!row.groupId && !!groups.get(row.groupId)?.contentFree);
    const people = await this.identity.peopleByIds(
      rows
        .filter((r) => !contentFree(r))
        .map((r) => r.actorId)
        .filter((id): id is string => !!id),
    );
    return {
      present: (row) => ({
        row,
        group: (row.groupId && groups.get(row.groupId)) || null,
        actor: (!contentFree(row) && row.actorId && people.get(row.actorId)) || null,
        contentFree: contentFree(row),
      }),
    };
  }

  /** A presented notification as the socket message carries it (the web's `NotificationFields`). */
  static view({ row, group, actor, contentFree }: PresentedNotification): NotificationView {
    return {
      id: row.id,
      seq: row.seq,
      type: row.type,
      createdAt: row.createdAt.toISOString(),
      readAt: row.readAt ? row.readAt.toISOString() : null,
      group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
      actor: actor ? { id: actor.id, displayName: actor.displayName } : null,
      subjectId: row.subjectId,
      contentFree,
    };
  }

  /**
   * Writes a slice's notifications, skipping whoever has this event's already (a job run again).
   * Returns the rows that show in the app: a row kept for its email alone stays quiet.
   */
  private async writeSlice(
    em: EntityManager,
    eventId: string,
    plan: NotificationPlan,
    recipients: [recipientId: string, delivery: Delivery][],
  ): Promise<NotificationRow[]> {
    const rows = await this.notifications.addForEvent(
      em,
      eventId,
      plan,
      recipients.map(([userId, delivery]) => ({
        userId,
        inApp: delivery.inApp,
        email: delivery.email,
        push: delivery.push,
      })),
    );
    return rows
      .filter((row) => row.inApp)
      .map((row) => ({
        id: row.id,
        recipientId: row.recipientId,
        seq: row.seq,
        type: plan.type,
        groupId: plan.groupId,
        actorId: plan.actorId,
        subjectId: plan.subjectId,
        createdAt: row.createdAt,
        readAt: null,
      }));
  }

  /** Notifications of an event still waiting for their own email (all of them, on a retry too). */
  async awaitingEmail(eventId: string): Promise<string[]> {
    return this.notifications.awaitingImmediateEmail(eventId);
  }

  /** Immediate emails left unsent (their job was lost, e.g. Redis restarted): for the sweep. */
  async strandedEmails(olderThan: Date, limit: number): Promise<string[]> {
    return this.notifications.strandedImmediateEmails(olderThan, limit);
  }

  /**
   * The viewer's notifications. With `after`, those after that sequence number, oldest first
   * (catching up); without, the newest `first`, newest first (the notification centre).
   */
  async list(viewer: Viewer, args: { after?: number | null; first?: number | null }): Promise<NotificationRow[]> {
    const check = new InputCheck();
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE)
      check.fail('first', `Ask for between 1 and ${MAX_PAGE} notifications.`);
    if (args.after != null && (!Number.isInteger(args.after) || args.after < 0))
      check.fail('after', 'Give a sequence number of zero or more.');
    check.done();
    // Read on every page (the bell).
    return this.notifications.inAppPage(viewer.userId, args.after ?? null, first);
  }

  async unreadCount(viewer: Viewer): Promise<number> {
    return this.notifications.unreadCount(viewer.userId);
  }

  /** Marks the given notifications (or all up to a sequence number) read; returns the unread count. */
  async markRead(viewer: Viewer, args: { ids?: string[] | null; upToSeq?: number | null }): Promise<number> {
    const check = new InputCheck();
    const ids = (args.ids ?? []).map((id, i) => check.uuid(`ids.${i}`, id, 'Notification'));
    if (ids.length > MAX_PAGE) check.fail('ids', `Mark at most ${MAX_PAGE} notifications at once.`);
    if (args.upToSeq != null && (!Number.isInteger(args.upToSeq) || args.upToSeq < 0))
      check.fail('upToSeq', 'Give a sequence number of zero or more.');
    if (!ids.length && args.upToSeq == null) check.fail('ids', 'Say which notifications to mark read.');
    check.done();
    // The listed notifications or, when none are listed, every one up to the sequence number.
    const upToSeq = ids.length ? null : (args.upToSeq ?? null);
    if (upToSeq === null) await this.notifications.markRead(viewer.userId, ids);
    else await this.notifications.markReadUpTo(viewer.userId, upToSeq);
    const unreadCount = await this.unreadCount(viewer);
    // Every tab and device of the person clears the same marks (the one that asked included: harmless).
    const message: NotificationsReadMessage = { ids, upToSeq, unreadCount };
    this.realtime.emit(socketRooms.user(viewer.userId), SOCKET_EVENTS.notificationsRead, message);
    return unreadCount;
  }
}

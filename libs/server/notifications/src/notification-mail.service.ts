// Email that follows notifications: one mail per notification for people who want them at once,
// and a daily or weekly digest of what they have not read for people who want a digest. Each
// mail is written at most once (the notification row, or the digest slot, is locked and marked in
// the same transaction that stores the mail), and its Message-ID comes from what it is about.
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { APP_CONFIG, OutboxService, type AppConfig } from '@convene/server-core';
import {
  DEFAULT_DIGEST,
  NOTIFICATION_CATEGORY,
  NotificationType,
  type MembershipRole,
} from '@convene/shared-contracts';
import { GroupsService, type GroupReference } from '@convene/server-groups';
import { IdentityService, type User } from '@convene/server-identity';
import { MailService, MailSubjects, type MailMessage, type NotificationLine } from '@convene/server-mail';
import { latestDigestSlot } from './digest-schedule.util.js';
import type { Notification } from './notification.entity.js';
import { NotificationRepository } from './notification.repository.js';
import type { NotificationSettings } from './notification-settings.entity.js';
import { NotificationSettingsRepository } from './notification-settings.repository.js';
import { NotificationPreferencesService } from './notification-preferences.service.js';

const DIGEST_MAX_LINES = 100;

@Injectable()
export class NotificationMailService {
  private readonly logger = new Logger(NotificationMailService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly notifications: NotificationRepository,
    private readonly notificationSettings: NotificationSettingsRepository,
    private readonly mail: MailService,
    private readonly preferences: NotificationPreferencesService,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly outbox: OutboxService,
    private readonly subjects: MailSubjects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Writes and enqueues the emails of some notifications, each at most once; none for one read in
   * the app first. Returns how many mails were written. They are written together, in a fixed
   * number of statements; should that fail, each is tried alone, so that one notification whose
   * mail cannot be written holds back no other (its error is thrown then, for the queue to retry).
   */
  async sendImmediate(notificationIds: string[]): Promise<number> {
    try {
      return await this.sendImmediateTogether(notificationIds);
    } catch (error) {
      if (notificationIds.length < 2) throw error;
      let written = 0;
      let failure: unknown = null;
      for (const id of notificationIds) {
        try {
          written += await this.sendImmediateTogether([id]);
        } catch (alone) {
          failure ??= alone;
        }
      }
      if (failure) throw failure;
      return written;
    }
  }

  private async sendImmediateTogether(notificationIds: string[]): Promise<number> {
    const messages = await this.em.fork().transactional(async (em) => {
      // Locked in one order (so two senders of overlapping batches never deadlock), then skipped once marked:
      // a retried or duplicated job finds them handled and writes nothing.
      const rows = await this.notifications.owedImmediateLocked(em, notificationIds);
      const now = new Date();
      for (const row of rows) row.emailedAt = now;
      // Read in the app before the email went: no need to send it.
      const unread = rows.filter((row) => !row.readAt);
      if (!unread.length) return [];
      const recipients = await this.identity.usersByIds(unread.map((row) => row.recipientId));
      // The account is gone, deactivated or deleted: nothing of the group reaches it any more.
      const owed = unread.flatMap((row) => {
        const recipient = recipients.get(row.recipientId);
        return recipient && !recipient.deactivatedAt && !recipient.deletedAt ? [{ row, recipient }] : [];
      });
      const settings = await this.preferences.settingsRows(
        em,
        owed.map(({ row }) => row.recipientId),
      );
      const settingsOf = (recipientId: string) => {
        const own = settings.get(recipientId);
        // settingsRows makes the row of anyone who has none yet.
        if (!own) throw new Error(`No notification settings for ${recipientId}`);
        return own;
      };
      const lines = await this.lines(
        owed.map(({ row }) => row),
        (recipientId) => settingsOf(recipientId).contentFree,
      );
      // A join request tells every convenor: its note is read once for all of them.
      const joinNotes = new Map<string, Promise<string | null>>();
      const joinNote = (membershipId: string) => {
        let note = joinNotes.get(membershipId);
        if (!note) joinNotes.set(membershipId, (note = this.groups.joinRequestNote(membershipId)));
        return note;
      };
      const messages: MailMessage[] = [];
      // `lines` has one line per owed notification, in the same order.
      for (const [i, { row, recipient }] of owed.entries()) {
        messages.push(await this.prepareImmediate(em, row, lines[i], recipient, settingsOf(row.recipientId), joinNote));
      }
      return messages;
    });
    await this.mail.dispatch(messages);
    return messages.length;
  }

  private async prepareImmediate(
    em: EntityManager,
    row: Notification,
    line: NotificationLine & { contentFree: boolean; group: GroupReference | null },
    recipient: User,
    settings: NotificationSettings,
    joinNote: (membershipId: string) => Promise<string | null>,
  ): Promise<MailMessage> {
    const category = NOTIFICATION_CATEGORY[row.type];
    const notice = {
      key: `notification-${row.id}`,
      footer: {
        category,
        unsubscribeUrl: this.preferences.unsubscribeUrl(settings, category),
        settingsUrl: this.settingsUrl(),
      },
    };
    const needsActor = row.type === NotificationType.JOIN_REQUESTED || row.type === NotificationType.GROUP_INVITATION;
    if (line.contentFree || (needsActor && !line.actorName))
      return this.mail.prepareNotice(em, 'content-free', recipient, { line }, notice);
    return this.prepareTyped(em, row, line, recipient, notice, joinNote);
  }

  /** The people whose digest slot has come and who have something waiting for it. */
  async dueDigests(now: Date, limit = 500): Promise<{ userId: string; slot: number }[]> {
    const waiting = await this.notifications.awaitingDigest(limit);
    if (!waiting.length) return [];
    const ids = waiting.map((w) => w.recipientId);
    const [people, settingsOf] = await Promise.all([
      this.identity.usersByIds(ids),
      this.notificationSettings.byUser(ids),
    ]);
    const defaults = {
      digestFrequency: DEFAULT_DIGEST.frequency,
      digestHour: DEFAULT_DIGEST.hour,
      digestWeekday: DEFAULT_DIGEST.weekday,
      lastDigestAt: null,
    };
    const due: { userId: string; slot: number }[] = [];
    for (const { recipientId: userId, oldest } of waiting) {
      const person = people.get(userId);
      if (!person || person.deactivatedAt) continue;
      const own = settingsOf.get(userId) ?? defaults;
      const slot = latestDigestSlot(now, {
        frequency: own.digestFrequency,
        hour: own.digestHour,
        weekday: own.digestWeekday,
        timeZone: person.timeZone,
      });
      const sentThisSlot = own.lastDigestAt && own.lastDigestAt.getTime() >= slot.getTime();
      if (!sentThisSlot && oldest.getTime() < slot.getTime()) due.push({ userId, slot: slot.getTime() });
    }
    return due;
  }

  /**
   * Sends one person's digest for one slot: what reached them for the digest before the slot and
   * is still unread. Everything it covers is marked, read or not, so nothing is mailed twice.
   */
  async sendDigest(userId: string, slot: number): Promise<boolean> {
    const at = new Date(slot);
    const message = await this.em.fork().transactional(async (em) => {
      const settings = await this.preferences.settingsRow(em, userId);
      await em.lock(settings, LockMode.PESSIMISTIC_WRITE);
      if (settings.lastDigestAt && settings.lastDigestAt.getTime() >= slot) return null;
      settings.lastDigestAt = at;
      const rows = await this.notifications.owedDigest(em, userId, at);
      const now = new Date();
      for (const row of rows) row.emailedAt = now;
      const unread = rows.filter((row) => !row.readAt).slice(-DIGEST_MAX_LINES);
      const recipient = (await this.identity.usersByIds([userId])).get(userId);
      if (!unread.length || !recipient || recipient.deactivatedAt || recipient.deletedAt) return null;
      // Nothing of an archived group is sent: what it said before it was archived stays in the app.
      const lines = (await this.lines(unread, () => settings.contentFree)).filter((line) => !line.group?.archived);
      if (!lines.length) return null;
      return this.mail.prepareNotice(
        em,
        'digest',
        recipient,
        { frequency: settings.digestFrequency, lines, link: `${this.config.publicUrl}/notifications` },
        {
          key: `digest-${userId}-${slot}`,
          footer: {
            category: 'DIGEST',
            unsubscribeUrl: this.preferences.unsubscribeUrl(settings, 'DIGEST'),
            settingsUrl: this.settingsUrl(),
          },
        },
      );
    });
    if (!message) return false;
    await this.mail.dispatch([message]);
    return true;
  }

  private settingsUrl(): string {
    return `${this.config.publicUrl}/settings/notifications`;
  }

  /** Lines for notifications, with names left out wherever content-free applies (the group's choice or the recipient's). */
  private async lines(
    rows: Notification[],
    personContentFree: (recipientId: string) => boolean,
  ): Promise<(NotificationLine & { contentFree: boolean; group: GroupReference | null })[]> {
    const [groups, actors, roles] = await Promise.all([
      this.groups.referencesByIds(rows.map((r) => r.groupId).filter((id): id is string => !!id)),
      this.identity.peopleByIds(rows.map((r) => r.actorId).filter((id): id is string => !!id)),
      this.rolesOf(rows),
    ]);
    return rows.map((row) => {
      const group = row.groupId ? (groups.get(row.groupId) ?? null) : null;
      const contentFree = personContentFree(row.recipientId) || !!group?.contentFree;
      return {
        type: row.type,
        groupName: group?.name ?? null,
        actorName: contentFree ? null : (row.actorId && actors.get(row.actorId)?.displayName) || null,
        role: contentFree ? null : (roles.get(row.eventId) ?? null),
        link:
          contentFree || !group
            ? `${this.config.publicUrl}/notifications`
            : `${this.config.publicUrl}/groups/${group.slug}`,
        contentFree,
        group,
      };
    });
  }

  /** The new role of role-change notifications, from their events (one query for all of them). */
  private async rolesOf(rows: Notification[]): Promise<Map<string, MembershipRole>> {
    const events = await this.outbox.findMany(
      rows.filter((r) => r.type === NotificationType.ROLE_CHANGED).map((r) => r.eventId),
    );
    return new Map(
      events
        .filter((e) => e.type === 'membership.role-changed')
        .map((e) => [e.id, (e.payload as { role: MembershipRole }).role]),
    );
  }

  /** The post a reply or mention notification is about, from its event. */
  private async postOf(row: Notification): Promise<string | null> {
    const [event] = await this.outbox.findMany([row.eventId]);
    const postId = (event?.payload as { postId?: unknown } | undefined)?.postId;
    return typeof postId === 'string' ? postId : null;
  }

  private async prepareTyped(
    em: EntityManager,
    row: Notification,
    line: NotificationLine & { group: GroupReference | null },
    to: User,
    notice: Parameters<MailService['prepareNotice']>[4],
    joinNote: (membershipId: string) => Promise<string | null>,
  ): Promise<MailMessage> {
    const groupName = line.group?.name ?? '';
    const link = line.link;
    switch (row.type) {
      case NotificationType.JOIN_REQUESTED: {
        const message = row.subjectId ? await joinNote(row.subjectId) : null;
        return this.mail.prepareNotice(
          em,
          'join-request',
          to,
          { requesterName: line.actorName ?? '', groupName, link, message: message ?? '' },
          notice,
        );
      }
      case NotificationType.MEMBERSHIP_APPROVED:
        return this.mail.prepareNotice(em, 'membership-approved', to, { groupName, link }, notice);
      case NotificationType.MEMBERSHIP_DECLINED:
        return this.mail.prepareNotice(em, 'membership-declined', to, { groupName }, notice);
      case NotificationType.GROUP_INVITATION:
        return this.mail.prepareNotice(
          em,
          'group-invited',
          to,
          { inviterName: line.actorName ?? '', groupName, link },
          notice,
        );
      case NotificationType.ROLE_CHANGED:
        if (!line.role) return this.mail.prepareNotice(em, 'content-free', to, { line }, notice);
        return this.mail.prepareNotice(em, 'role-changed', to, { groupName, role: line.role, link }, notice);
      case NotificationType.THREAD_CREATED:
      case NotificationType.POST_REPLY:
      case NotificationType.MENTIONED: {
        // The post itself, as the reader may read it, with their reply address for the discussion.
        const recipient = { id: row.recipientId, locale: to.locale, timeZone: to.timeZone };
        const details =
          row.type === NotificationType.THREAD_CREATED
            ? row.subjectId
              ? await this.subjects.details('thread', row.subjectId, recipient)
              : null
            : await this.postOf(row).then((postId) =>
                postId ? this.subjects.details('post', postId, recipient) : null,
              );
        if (!details) return this.mail.prepareNotice(em, 'content-free', to, { line }, notice);
        return this.mail.prepareNotice(
          em,
          'post',
          to,
          {
            line: { ...line, link: details.link },
            threadTitle: details.threadTitle,
            html: details.html,
            text: details.text,
            isReply: details.isReply,
            replyable: details.replyTo !== null,
          },
          { ...notice, replyTo: details.replyTo, conversation: details.conversation },
        );
      }
      case NotificationType.POST_HIDDEN:
      case NotificationType.DOCUMENT_ADDED:
      case NotificationType.DOCUMENT_UPDATED:
      case NotificationType.POLL_OPENED:
      case NotificationType.EVENT_REGISTRATION:
      case NotificationType.PITCH_RECEIVED:
      case NotificationType.PITCH_ASSIGNED:
      case NotificationType.PITCH_REPLY:
        // Said in one line; what it is about is in Convene.
        return this.mail.prepareNotice(em, 'content-free', to, { line }, notice);
      case NotificationType.MEETING_SCHEDULED:
      case NotificationType.MEETING_UPDATED:
      case NotificationType.MEETING_CANCELLED:
      case NotificationType.MEETING_REMINDER: {
        // The calendar invitation travels with the mail, so the meeting reaches (or leaves, or
        // moves in) the person's calendar without a click.
        const details = row.subjectId
          ? await this.subjects.details('meeting', row.subjectId, {
              id: row.recipientId,
              locale: to.locale,
              timeZone: to.timeZone,
            })
          : null;
        if (!details) return this.mail.prepareNotice(em, 'content-free', to, { line }, notice);
        return this.mail.prepareNotice(
          em,
          'meeting',
          to,
          {
            line: { ...line, link: details.link },
            title: details.title,
            when: details.when,
            place: details.place,
            reason: details.reason,
          },
          { ...notice, calendar: details.invitation },
        );
      }
    }
  }
}

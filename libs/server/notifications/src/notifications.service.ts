import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { EmailDelivery, NOTIFICATION_CATEGORY } from '@convene/shared-contracts';
import { InputCheck, OutboxService, type DomainEventPayloads, type DomainEventType, type Viewer } from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { Notification } from './notification.entity.js';
import { NOTIFICATION_RULES, type NotificationPlan, type RuleContext } from './notification-rules.js';
import { NotificationPreferencesService, type Delivery } from './notification-preferences.service.js';

export interface Delivered {
  recipientId: string;
  seq: number;
}

const MAX_PAGE = 100;
/** People written (and signalled) per statement when a change tells many. */
const FAN_OUT_SLICE = 1000;

/** A Postgres array literal of plain values (uuids, numbers, enum names), for unnest(). */
const pgArray = (values: (string | number)[]) => `{${values.join(',')}}`;

@Injectable()
export class NotificationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxService,
    private readonly groups: GroupsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /**
   * Turns one outbox event into notification rows, at most one per (event, recipient), each with
   * the recipient's next sequence number. Running it again for the same event adds nothing.
   * People are written in slices, each committed on its own and handed to `onSlice` at once (for
   * the realtime signal), so the first screens light up while later slices are still written.
   * Returns every row it added that shows in the app.
   */
  async fanOut(eventId: string, onSlice: (slice: Delivered[]) => void = () => undefined): Promise<Delivered[]> {
    const event = await this.outbox.find(eventId);
    if (!event) return [];
    const rule = NOTIFICATION_RULES[event.type] as (payload: DomainEventPayloads[DomainEventType], context: RuleContext) => Promise<NotificationPlan>;
    const plan = await rule(event.payload as DomainEventPayloads[DomainEventType], {
      convenorIds: (groupId) => this.groups.convenorIds(groupId),
      memberIds: (groupId) => this.groups.activeMemberIds(groupId),
      threadLevels: (threadId) => this.preferences.threadLevels(threadId),
      watchThread: (userId, threadId) => this.preferences.watchThreadIfUnset(userId, threadId),
    });
    const notActor = (ids: string[] = []) => ids.filter((id) => id !== plan.actorId);
    const deliveries = await this.preferences.deliveries({
      groupId: plan.groupId,
      category: NOTIFICATION_CATEGORY[plan.type],
      involved: notActor(plan.involvedIds),
      followers: notActor(plan.followerIds),
      direct: notActor(plan.directIds),
    });
    if (!deliveries.size) return [];
    // Sorted, so concurrent fan-outs lock people's sequence rows in the same order (no deadlock).
    const recipients = [...deliveries.keys()].sort();
    const delivered: Delivered[] = [];
    for (let i = 0; i < recipients.length; i += FAN_OUT_SLICE) {
      const slice = await this.writeSlice(event.id, plan, recipients.slice(i, i + FAN_OUT_SLICE), deliveries);
      if (slice.length) onSlice(slice);
      delivered.push(...slice);
    }
    return delivered;
  }

  /**
   * One statement: skip whoever already has this event's notification (a job run again), take
   * each remaining person's next sequence number (their row stays locked until commit, so their
   * numbers appear in order), and write the rows.
   */
  private async writeSlice(eventId: string, plan: NotificationPlan, recipients: string[], deliveries: Map<string, Delivery>): Promise<Delivered[]> {
    const rows = await this.em.fork().getConnection().execute<{ recipient_id: string; seq: string; in_app: boolean }[]>(
      `with wanted as (
         select w.user_id, w.in_app, w.email from unnest(?::uuid[], ?::boolean[], ?::text[]) as w(user_id, in_app, email)
         where not exists (select 1 from notifications n where n.event_id = ? and n.recipient_id = w.user_id)
       ), sequences as (
         insert into notification_sequences (user_id, last_seq)
         select user_id, 1 from wanted order by user_id
         on conflict (user_id) do update set last_seq = notification_sequences.last_seq + 1
         returning user_id, last_seq
       )
       insert into notifications (id, recipient_id, seq, event_id, type, group_id, actor_id, subject_id, created_at, in_app, email)
       select gen_random_uuid(), s.user_id, s.last_seq, ?, ?, ?, ?, ?, now(), w.in_app, w.email::email_delivery
       from sequences s join wanted w on w.user_id = s.user_id
       on conflict (event_id, recipient_id) do nothing
       returning recipient_id, seq, in_app`,
      [
        pgArray(recipients),
        pgArray(recipients.map((id) => String(deliveries.get(id)!.inApp))),
        pgArray(recipients.map((id) => deliveries.get(id)!.email)),
        eventId,
        eventId,
        plan.type,
        plan.groupId,
        plan.actorId,
        plan.subjectId,
      ],
    );
    // Only what shows in the app is signalled; a row kept for its email alone stays quiet.
    return rows.filter((row) => row.in_app).map((row) => ({ recipientId: row.recipient_id, seq: Number(row.seq) }));
  }

  /** Notifications of an event still waiting for their own email (all of them, on a retry too). */
  async awaitingEmail(eventId: string): Promise<string[]> {
    // Plain rows, not entities: a change can tell thousands of people.
    const rows = await this.em
      .fork()
      .getConnection()
      .execute<{ id: string }[]>(`select id from notifications where event_id = ? and email = ? and emailed_at is null`, [eventId, EmailDelivery.IMMEDIATE]);
    return rows.map((r) => r.id);
  }

  /** Immediate emails left unsent (their job was lost, e.g. Redis restarted): for the sweep. */
  async strandedEmails(olderThan: Date, limit: number): Promise<string[]> {
    const rows = await this.em
      .fork()
      .find(Notification, { email: EmailDelivery.IMMEDIATE, emailedAt: null, createdAt: { $lt: olderThan } }, { fields: ['id'], orderBy: { createdAt: 'asc' }, limit });
    return rows.map((r) => r.id);
  }

  /**
   * The viewer's notifications. With `after`, those after that sequence number, oldest first
   * (catching up); without, the newest `first`, newest first (the notification centre).
   */
  async list(viewer: Viewer, args: { after?: number | null; first?: number | null }): Promise<Notification[]> {
    const check = new InputCheck();
    const first = args.first ?? 20;
    if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE) check.fail('first', `Ask for between 1 and ${MAX_PAGE} notifications.`);
    if (args.after != null && (!Number.isInteger(args.after) || args.after < 0)) check.fail('after', 'Give a sequence number of zero or more.');
    check.done();
    if (args.after != null) {
      return this.em.find(Notification, { recipientId: viewer.userId, inApp: true, seq: { $gt: args.after } }, { orderBy: { seq: 'asc' }, limit: first });
    }
    return this.em.find(Notification, { recipientId: viewer.userId, inApp: true }, { orderBy: { seq: 'desc' }, limit: first });
  }

  unreadCount(viewer: Viewer): Promise<number> {
    return this.em.count(Notification, { recipientId: viewer.userId, inApp: true, readAt: null });
  }

  /** Marks the given notifications (or all up to a sequence number) read; returns the unread count. */
  async markRead(viewer: Viewer, args: { ids?: string[] | null; upToSeq?: number | null }): Promise<number> {
    const check = new InputCheck();
    const ids = (args.ids ?? []).map((id, i) => check.uuid(`ids.${i}`, id, 'Notification'));
    if (ids.length > MAX_PAGE) check.fail('ids', `Mark at most ${MAX_PAGE} notifications at once.`);
    if (args.upToSeq != null && (!Number.isInteger(args.upToSeq) || args.upToSeq < 0)) check.fail('upToSeq', 'Give a sequence number of zero or more.');
    if (!ids.length && args.upToSeq == null) check.fail('ids', 'Say which notifications to mark read.');
    check.done();
    const where = ids.length ? { recipientId: viewer.userId, id: { $in: ids }, readAt: null } : { recipientId: viewer.userId, seq: { $lte: args.upToSeq! }, readAt: null };
    await this.em.nativeUpdate(Notification, where, { readAt: new Date() });
    return this.unreadCount(viewer);
  }
}

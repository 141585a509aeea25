import { EntityRepository, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { EmailDelivery, type NotificationType } from '@convene/shared-contracts';
import type { Notification } from './notification.entity.js';
import type { NotificationPlan } from './notification-rules.js';

export type NotificationRow = Pick<
  Notification,
  'id' | 'recipientId' | 'seq' | 'type' | 'groupId' | 'actorId' | 'subjectId' | 'createdAt' | 'readAt'
>;

/** A row just written by `addForEvent`: what the statement returns of it. */
export interface AddedNotification {
  id: string;
  recipientId: string;
  seq: number;
  inApp: boolean;
  createdAt: Date;
}

/** A Postgres array literal of plain values (uuids, numbers, enum names), for unnest(). */
const pgArray = (values: (string | number)[]) => `{${values.join(',')}}`;

export class NotificationRepository extends EntityRepository<Notification> {
  /**
   * One statement: skip whoever already has this event's notification (a job run again), take
   * each remaining person's next sequence number (their row stays locked until commit, so their
   * numbers appear in order), and write the rows. Runs in the caller's transaction.
   */
  async addForEvent(
    em: EntityManager,
    eventId: string,
    plan: Pick<NotificationPlan, 'type' | 'groupId' | 'actorId' | 'subjectId'>,
    recipients: { userId: string; inApp: boolean; email: EmailDelivery; push: boolean }[],
  ): Promise<AddedNotification[]> {
    const rows = await em.execute<
      { id: string; recipient_id: string; seq: string; in_app: boolean; created_at: Date }[]
    >(
      `with wanted as (
         select w.user_id, w.in_app, w.email, w.push from unnest(?::uuid[], ?::boolean[], ?::text[], ?::boolean[]) as w(user_id, in_app, email, push)
         where not exists (select 1 from notifications n where n.event_id = ? and n.recipient_id = w.user_id)
       ), sequences as (
         insert into notification_sequences (user_id, last_seq)
         select user_id, 1 from wanted order by user_id
         on conflict (user_id) do update set last_seq = notification_sequences.last_seq + 1
         returning user_id, last_seq
       )
       insert into notifications (id, recipient_id, seq, event_id, type, group_id, actor_id, subject_id, created_at, in_app, email, push)
       select gen_random_uuid(), s.user_id, s.last_seq, ?, ?, ?, ?, ?, now(), w.in_app, w.email::email_delivery, w.push
       from sequences s join wanted w on w.user_id = s.user_id
       on conflict (event_id, recipient_id) do nothing
       returning id, recipient_id, seq, in_app, created_at`,
      [
        pgArray(recipients.map((r) => r.userId)),
        pgArray(recipients.map((r) => String(r.inApp))),
        pgArray(recipients.map((r) => r.email)),
        pgArray(recipients.map((r) => String(r.push))),
        eventId,
        eventId,
        plan.type,
        plan.groupId,
        plan.actorId,
        plan.subjectId,
      ],
    );
    return rows.map((row) => ({
      id: row.id,
      recipientId: row.recipient_id,
      seq: Number(row.seq),
      inApp: row.in_app,
      createdAt: new Date(row.created_at),
    }));
  }

  /**
   * Per person of fresh rows, in one statement: their unread count, and the sequence number of
   * their notification shown in the app before this one (numbers taken by email-only rows are
   * skipped), so a browser can tell whether it missed one.
   */
  async unreadAndPrevious(
    rows: Pick<NotificationRow, 'recipientId' | 'seq'>[],
  ): Promise<Map<string, { unread: number; previous: number }>> {
    const counts = await this.getEntityManager()
      .getConnection()
      .execute<{ recipient_id: string; unread: number; previous: string }[]>(
        `select w.recipient_id,
           (select count(*) from notifications n where n.recipient_id = w.recipient_id and n.in_app and n.read_at is null)::int as unread,
           coalesce((select max(n.seq) from notifications n where n.recipient_id = w.recipient_id and n.in_app and n.seq < w.seq), 0) as previous
         from unnest(?::uuid[], ?::bigint[]) as w(recipient_id, seq)`,
        [pgArray(rows.map((r) => r.recipientId)), pgArray(rows.map((r) => r.seq))],
      );
    return new Map(counts.map((c) => [c.recipient_id, { unread: c.unread, previous: Number(c.previous) }]));
  }

  /** An event's notifications that go to their recipients' devices: whom, and which. */
  async pushedOfEvent(eventId: string): Promise<{ id: string; recipientId: string }[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; recipient_id: string }[]>(
        `select id, recipient_id from notifications where event_id = ? and push order by recipient_id`,
        [eventId],
      );
    return rows.map((r) => ({ id: r.id, recipientId: r.recipient_id }));
  }

  /** A notification as its push needs it; null when it is gone. */
  async forPush(
    id: string,
  ): Promise<Pick<Notification, 'id' | 'recipientId' | 'type' | 'groupId' | 'actorId' | 'subjectId' | 'push'> | null> {
    const [row] = await this.getEntityManager().getConnection().execute<
      {
        id: string;
        recipient_id: string;
        type: NotificationType;
        group_id: string | null;
        actor_id: string | null;
        subject_id: string | null;
        push: boolean;
      }[]
    >(`select id, recipient_id, type, group_id, actor_id, subject_id, push from notifications where id = ?`, [id]);
    return row
      ? {
          id: row.id,
          recipientId: row.recipient_id,
          type: row.type,
          groupId: row.group_id,
          actorId: row.actor_id,
          subjectId: row.subject_id,
          push: row.push,
        }
      : null;
  }

  /** Ids of an event's notifications still waiting for their own email. */
  async awaitingImmediateEmail(eventId: string): Promise<string[]> {
    // Plain rows, not entities: a change can tell thousands of people.
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string }[]>(
        `select id from notifications where event_id = ? and email = ? and emailed_at is null`,
        [eventId, EmailDelivery.IMMEDIATE],
      );
    return rows.map((r) => r.id);
  }

  /** Ids of immediate emails left unsent since before a time, oldest first. */
  async strandedImmediateEmails(olderThan: Date, limit: number): Promise<string[]> {
    // Read in a unit of work of its own: nothing loaded stays in the caller's.
    const rows = await this.getEntityManager()
      .fork()
      .find(
        this.entityName,
        { email: EmailDelivery.IMMEDIATE, emailedAt: null, createdAt: { $lt: olderThan } },
        { fields: ['id'], orderBy: { createdAt: 'asc' }, limit },
      );
    return rows.map((r) => r.id);
  }

  /**
   * A person's notifications shown in the app. With `after`, those after that sequence number,
   * oldest first; without, the newest ones, newest first. One plain statement, no entities.
   */
  async inAppPage(recipientId: string, after: number | null, limit: number): Promise<NotificationRow[]> {
    const catchingUp = after != null;
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<
        {
          id: string;
          recipient_id: string;
          seq: string;
          type: NotificationType;
          group_id: string | null;
          actor_id: string | null;
          subject_id: string | null;
          created_at: Date | string;
          read_at: Date | string | null;
        }[]
      >(
        `select id, recipient_id, seq, type, group_id, actor_id, subject_id, created_at, read_at from notifications
       where recipient_id = ? and in_app${catchingUp ? ' and seq > ?' : ''}
       order by seq ${catchingUp ? 'asc' : 'desc'} limit ?`,
        [recipientId, ...(catchingUp ? [after] : []), limit],
      );
    return rows.map((r) => ({
      id: r.id,
      recipientId: r.recipient_id,
      seq: Number(r.seq),
      type: r.type,
      groupId: r.group_id,
      actorId: r.actor_id,
      subjectId: r.subject_id,
      createdAt: new Date(r.created_at),
      readAt: r.read_at === null ? null : new Date(r.read_at),
    }));
  }

  /** How many of a person's notifications shown in the app are unread. */
  async unreadCount(recipientId: string): Promise<number> {
    // count(*) always answers one row.
    const [{ n }] = await this.getEntityManager()
      .getConnection()
      .execute<{ n: number }[]>(
        'select count(*)::int as n from notifications where recipient_id = ? and in_app and read_at is null',
        [recipientId],
      );
    return n;
  }

  /** Marks some of a person's notifications read (those already read keep their time). */
  async markRead(recipientId: string, ids: string[]): Promise<void> {
    await this.nativeUpdate({ recipientId, id: { $in: ids }, readAt: null }, { readAt: new Date() });
  }

  /** Marks every notification of a person up to a sequence number read (those already read keep their time). */
  async markReadUpTo(recipientId: string, seq: number): Promise<void> {
    await this.nativeUpdate({ recipientId, seq: { $lte: seq }, readAt: null }, { readAt: new Date() });
  }

  /**
   * Some notifications still owed their own email, locked for the caller's transaction in sequence
   * order (so two senders of overlapping batches never deadlock).
   */
  owedImmediateLocked(em: EntityManager, ids: string[]): Promise<Notification[]> {
    return em.find(
      this.entityName,
      { id: { $in: ids }, email: EmailDelivery.IMMEDIATE, emailedAt: null },
      { lockMode: LockMode.PESSIMISTIC_WRITE, orderBy: { seq: 'asc' } },
    );
  }

  /** The people with notifications waiting for a digest, each with the time of their oldest, oldest first. */
  async awaitingDigest(limit: number): Promise<{ recipientId: string; oldest: Date }[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ recipient_id: string; oldest: Date }[]>(
        `select recipient_id, min(created_at) as oldest from notifications
       where email = 'DIGEST' and emailed_at is null group by recipient_id order by min(created_at) limit ?`,
        [limit],
      );
    return rows.map((r) => ({ recipientId: r.recipient_id, oldest: new Date(r.oldest) }));
  }

  /** A person's notifications waiting for a digest, made before a time, in sequence order (in the caller's transaction). */
  owedDigest(em: EntityManager, recipientId: string, before: Date): Promise<Notification[]> {
    return em.find(
      this.entityName,
      { recipientId, email: EmailDelivery.DIGEST, emailedAt: null, createdAt: { $lt: before } },
      { orderBy: { seq: 'asc' } },
    );
  }
}

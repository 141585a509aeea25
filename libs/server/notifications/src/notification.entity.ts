import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { EmailDelivery, NotificationType } from '@convene/shared-contracts';
import { NotificationRepository } from './notification.repository.js';

/**
 * One thing one person is told about. Unique per (event, recipient), so a job that runs twice adds
 * nothing; `seq` increases per recipient, so a client catches up with "everything after N".
 */
@Entity({ tableName: 'notifications', repository: () => NotificationRepository })
@Unique({ properties: ['eventId', 'recipientId'] })
@Index({ properties: ['recipientId', 'seq'] })
// A person's unread count (on the bell, and with every notification pushed to them) counts these alone.
@Index({
  name: 'notifications_unread_index',
  expression:
    'create index "notifications_unread_index" on "notifications" ("recipient_id") where "in_app" and "read_at" is null',
})
@Index({
  name: 'notifications_email_pending_index',
  expression:
    'create index "notifications_email_pending_index" on "notifications" ("email", "recipient_id") where "emailed_at" is null and "email" <> \'NONE\'',
})
export class Notification {
  [OptionalProps]?:
    'createdAt' | 'readAt' | 'groupId' | 'actorId' | 'subjectId' | 'inApp' | 'email' | 'emailedAt' | 'push';
  [EntityRepositoryType]?: NotificationRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  recipientId!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  seq!: number;

  @Property({ type: 'uuid' })
  eventId!: string;

  @Enum({ items: () => NotificationType, nativeEnumName: 'notification_type' })
  type!: NotificationType;

  @Property({ type: 'uuid', nullable: true })
  groupId: string | null = null;

  /** Who caused it, when that is a person. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** What it is about (a membership, later a thread or a document). */
  @Property({ type: 'uuid', nullable: true })
  subjectId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readAt: Date | null = null;

  /** Shown in the app (bell, centre, toasts). A row kept only for its email is not. */
  @Property({ type: 'boolean' })
  inApp = true;

  /** How it is emailed, decided at fan-out from the recipient's preferences. */
  @Enum({ items: () => EmailDelivery, nativeEnumName: 'email_delivery' })
  email: EmailDelivery = EmailDelivery.NONE;

  /** Pushed to the recipient's devices, decided at fan-out from their preferences. */
  @Property({ type: 'boolean' })
  push = false;

  /**
   * When its email (or the digest that carried it) was dealt with: written, or not needed because
   * it had been read in the app. Set once, so it is mailed at most once.
   */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  emailedAt: Date | null = null;
}

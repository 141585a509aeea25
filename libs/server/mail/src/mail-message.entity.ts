import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MailMessageRepository } from './mail-message.repository.js';

export enum MailStatus {
  Queued = 'queued',
  Sent = 'sent',
  Failed = 'failed',
}

/**
 * One outgoing mail, written in the same transaction as the change that caused it, so nothing is
 * lost if Redis is down; the worker delivers it once. Without SMTP, delivered mail stays here and
 * is the development mailbox.
 */
@Entity({ tableName: 'mail_messages', repository: () => MailMessageRepository })
@Index({ properties: ['status', 'createdAt'] })
export class MailMessage {
  [OptionalProps]?:
    | 'status'
    | 'transport'
    | 'attempts'
    | 'lastError'
    | 'createdAt'
    | 'sentAt'
    | 'messageId'
    | 'unsubscribeUrl'
    | 'calendar'
    | 'calendarMethod'
    | 'replyTo'
    | 'conversationId';
  [EntityRepositoryType]?: MailMessageRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  toAddress!: string;

  @Property({ type: 'string', length: 300 })
  subject!: string;

  @Property({ type: 'text' })
  textBody!: string;

  @Property({ type: 'text' })
  htmlBody!: string;

  /**
   * The Message-ID header, derived from what the mail is about (a notification, a digest slot):
   * unique, so a retried job can't store, or send, the same mail twice.
   */
  @Property({ type: 'string', length: 200, nullable: true, unique: true })
  messageId: string | null = null;

  /**
   * Where answering the mail goes: a personal reply address (`reply+<token>@…`) that posts in a
   * discussion. Cleared once a mail server has the mail, like a secret link.
   */
  @Property({ type: 'string', length: 254, nullable: true })
  replyTo: string | null = null;

  /** The Message-ID of the conversation the mail belongs to (a discussion), for mail programs to keep them together. */
  @Property({ type: 'string', length: 200, nullable: true })
  conversationId: string | null = null;

  /** One-click unsubscribe (RFC 8058) for mail that comes from notification settings. */
  @Property({ type: 'string', length: 500, nullable: true })
  unsubscribeUrl: string | null = null;

  /** A calendar invitation (RFC 5545 text) sent with the mail, and its METHOD. */
  @Property({ type: 'text', nullable: true })
  calendar: string | null = null;

  @Property({ type: 'string', length: 16, nullable: true })
  calendarMethod: string | null = null;

  /** Which template made it, for the logs and the dev mailbox. */
  @Property({ type: 'string', length: 64 })
  kind!: string;

  @Enum({ items: () => MailStatus, nativeEnumName: 'mail_status' })
  status: MailStatus = MailStatus.Queued;

  @Property({ type: 'string', length: 16, nullable: true })
  transport: string | null = null;

  @Property({ type: 'integer' })
  attempts = 0;

  @Property({ type: 'text', nullable: true })
  lastError: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  sentAt: Date | null = null;
}

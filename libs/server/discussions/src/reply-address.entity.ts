import { randomUUID } from 'node:crypto';
import { OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { Thread } from './thread.entity.js';

/**
 * A person's reply address for one discussion (`reply+<token>@<domain>`): mail to it is posted in
 * the discussion as that person. One per person and discussion, reused by every mail about it. It
 * ends when the person's password changes or their membership of the group ends (the values it was
 * made with no longer match), and a new one is made for the next mail.
 */
@Entity({ tableName: 'reply_addresses' })
@Unique({ properties: ['user', 'thread'] })
export class ReplyAddress {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The address's secret: 26 base32 letters and digits (128 bits), lowercase. */
  @Property({ type: 'string', length: 32, unique: true })
  token!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  user!: Ref<User>;

  @ManyToOne(() => Thread, { ref: true, deleteRule: 'cascade' })
  thread!: Ref<Thread>;

  /** The membership it was made under: leaving the group (or leaving and coming back) ends it. */
  @Property({ type: 'uuid' })
  membershipId!: string;

  /** The person's `passwordChangedAt` when it was made: a new password ends it. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  passwordStamp!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastUsedAt: Date | null = null;
}

/** One mail taken in as a post (by its Message-ID): the same mail delivered twice is posted once. */
@Entity({ tableName: 'inbound_mails' })
export class InboundMail {
  [OptionalProps]?: 'receivedAt' | 'postId';

  /** SHA-256 of the mail's Message-ID (or of its bytes, when it has none), hex. */
  @PrimaryKey({ type: 'string', length: 64 })
  key!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  /** The post it became (null while it is being taken in). */
  @Property({ type: 'uuid', nullable: true })
  postId: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  receivedAt: Date = new Date();
}

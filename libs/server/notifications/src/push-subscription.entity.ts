import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { PushSubscriptionRepository } from './push-subscription.repository.js';

/**
 * One browser where a person turned notifications on: the push service's endpoint for it and the
 * keys that encrypt what is sent there (RFC 8291). The endpoint is unique: a browser that
 * registers again (another person signed in on it, say) moves the subscription to them.
 */
@Entity({ tableName: 'push_subscriptions', repository: () => PushSubscriptionRepository })
export class PushSubscription {
  [OptionalProps]?: 'createdAt' | 'lastUsedAt' | 'failures' | 'label' | 'userAgent';
  [EntityRepositoryType]?: PushSubscriptionRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Property({ type: 'string', length: 1000, unique: true })
  endpoint!: string;

  /** The browser's P-256 public key, base64url (65 bytes). */
  @Property({ type: 'string', length: 100 })
  p256dh!: string;

  /** The browser's authentication secret, base64url (16 bytes). */
  @Property({ type: 'string', length: 40 })
  auth!: string;

  /** How the device names itself, e.g. "Chromium on Linux". */
  @Property({ type: 'string', length: 100, nullable: true })
  label: string | null = null;

  /** The browser that registered it, as it named itself. */
  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  /** The last push the push service accepted for it (or its registration). */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastUsedAt: Date = new Date();

  /** Sends refused in a row (not counting "gone", which removes it at once); reset by one that goes. */
  @Property({ type: 'smallint' })
  failures = 0;
}

import { randomBytes } from 'node:crypto';
import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DEFAULT_DIGEST, DigestFrequency } from '@convene/shared-contracts';
import { NotificationSettingsRepository } from './notification-settings.repository.js';

/** A person's notification settings that are not per category or per group. Made on first need. */
@Entity({ tableName: 'notification_settings', repository: () => NotificationSettingsRepository })
export class NotificationSettings {
  [OptionalProps]?:
    'contentFree' | 'digestFrequency' | 'digestHour' | 'digestWeekday' | 'lastDigestAt' | 'unsubscribeKey';
  [EntityRepositoryType]?: NotificationSettingsRepository;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  /** Notifications and emails say that something happened and where, never what was said or by whom. */
  @Property({ type: 'boolean' })
  contentFree = false;

  @Enum({ items: () => DigestFrequency, nativeEnumName: 'digest_frequency' })
  digestFrequency: DigestFrequency = DEFAULT_DIGEST.frequency;

  @Property({ type: 'smallint' })
  digestHour: number = DEFAULT_DIGEST.hour;

  @Property({ type: 'smallint' })
  digestWeekday: number = DEFAULT_DIGEST.weekday;

  /** The slot of the last digest sent, so a slot is mailed at most once. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  lastDigestAt: Date | null = null;

  /** Signs this person's unsubscribe links; replacing it voids every link sent so far. */
  @Property({ type: 'string', length: 64, hidden: true })
  unsubscribeKey: string = randomBytes(32).toString('base64url');
}

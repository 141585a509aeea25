import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { SessionPlaceStatus } from '@convene/shared-contracts';

/**
 * A registrant's pick of a workshop: a place (CONFIRMED) or a place in its queue (WAITLISTED,
 * first come first served by `queuedAt`). Picks go with the registration: a cancelled or declined
 * registration has none.
 */
@Entity({ tableName: 'session_places' })
@Unique({ properties: ['sessionId', 'registrationId'] })
@Index({ properties: ['sessionId', 'status', 'queuedAt'] })
@Index({ properties: ['registrationId'] })
export class SessionPlace {
  [OptionalProps]?: 'queuedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  sessionId!: string;

  @Property({ type: 'uuid' })
  registrationId!: string;

  @Enum({ items: () => SessionPlaceStatus, nativeEnumName: 'session_place_status' })
  status!: SessionPlaceStatus;

  /** When it was picked: the waitlist's order. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  queuedAt: Date = new Date();
}

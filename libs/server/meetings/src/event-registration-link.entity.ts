import { OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/**
 * A private link to one registration, as mailed to the person. Every mail carries its own link, and
 * each stays valid (earlier mails keep working) until the registration's details are removed. Only
 * the token's hash is kept.
 */
@Entity({ tableName: 'event_registration_links' })
@Index({ properties: ['registrationId'] })
export class EventRegistrationLink {
  [OptionalProps]?: 'createdAt';

  /** sha256 of the token, hex. */
  @PrimaryKey({ type: 'string', length: 64 })
  tokenHash!: string;

  @Property({ type: 'uuid' })
  registrationId!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

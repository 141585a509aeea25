import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { RsvpResponse } from '@convene/shared-contracts';

/** One member's answer to one meeting. The note (access or interpretation needs) is for convenors only. */
@Entity({ tableName: 'meeting_rsvps' })
@Index({ properties: ['userId'] })
export class MeetingRsvp {
  [OptionalProps]?: 'note' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  meetingId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => RsvpResponse, nativeEnumName: 'rsvp_response' })
  response!: RsvpResponse;

  @Property({ type: 'string', length: 500 })
  note = '';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

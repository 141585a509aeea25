import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PollStatus } from '@convene/shared-contracts';

/**
 * "Find a time": a convenor proposes slots, members answer yes / if need be / no for each, and the
 * convenor picks one, which becomes a meeting with the details given here.
 */
@Entity({ tableName: 'meeting_polls' })
@Index({ properties: ['groupId', 'status'] })
export class MeetingPoll {
  [OptionalProps]?:
    | 'description'
    | 'location'
    | 'accessibilityNotes'
    | 'onlineUrl'
    | 'status'
    | 'meetingId'
    | 'createdAt'
    | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  groupId!: string;

  @Property({ type: 'string', length: 200 })
  title!: string;

  @Property({ type: 'text' })
  description = '';

  /** The zone the slots were proposed in (each person sees them in their own). */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  @Property({ type: 'text' })
  location = '';

  @Property({ type: 'text' })
  accessibilityNotes = '';

  @Property({ type: 'text', nullable: true })
  onlineUrl: string | null = null;

  @Enum({ items: () => PollStatus, nativeEnumName: 'poll_status' })
  status: PollStatus = PollStatus.OPEN;

  /** The meeting the picked slot became. */
  @Property({ type: 'uuid', nullable: true })
  meetingId: string | null = null;

  @Property({ type: 'uuid' })
  createdById!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

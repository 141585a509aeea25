import { randomUUID } from 'node:crypto';
import { ArrayType, EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MeetingStatus } from '@convene/shared-contracts';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { MeetingSeries } from './meeting-series.entity.js';
import { MeetingRepository } from './meeting.repository.js';

/** Reminders a new meeting gets unless its convenor chooses others: a day and an hour before. */
export const DEFAULT_REMINDER_MINUTES = [24 * 60, 60];

/**
 * A meeting of a working group (or one occurrence of a recurring series), maybe hosted jointly
 * with other groups (`coHostIds`): members of every host see it and are told of it, and the
 * convenors of every host manage it. `group` is the host it was scheduled in: its documents and
 * discussions are the ones it links to. A network event has no group: everyone in the network sees
 * it, and network admins and organisers manage it. Times are stored in UTC
 * with the IANA zone they were scheduled in; each person sees them in their own zone. `sequence`
 * grows with every change people's calendars must pick up (RFC 5545 SEQUENCE; the UID is the id).
 */
@Entity({ tableName: 'meetings', repository: () => MeetingRepository })
@Index({ properties: ['group', 'startsAt'] })
@Index({ properties: ['series', 'startsAt'] })
@Index({
  name: 'meetings_co_host_ids_index',
  expression: 'create index "meetings_co_host_ids_index" on "meetings" using gin ("co_host_ids")',
})
export class Meeting {
  [OptionalProps]?:
    | 'series'
    | 'coHostIds'
    | 'movedFrom'
    | 'description'
    | 'location'
    | 'accessibilityNotes'
    | 'onlineUrl'
    | 'status'
    | 'sequence'
    | 'reminderMinutes'
    | 'agendaDocumentId'
    | 'agendaText'
    | 'minutesDocumentId'
    | 'minutesText'
    | 'threadId'
    | 'pollId'
    | 'cancelledAt'
    | 'cancellationReason'
    | 'createdAt'
    | 'updatedAt';
  [EntityRepositoryType]?: MeetingRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Null for a network event: hosted by the network, for everyone in it. */
  @ManyToOne(() => WorkingGroup, { ref: true, nullable: true, deleteRule: 'cascade' })
  group!: Ref<WorkingGroup> | null;

  /** The other groups hosting it, besides `group` (working groups, by id). */
  @Property({ type: new ArrayType<string>(), columnType: 'uuid[]', defaultRaw: `'{}'` })
  coHostIds: string[] = [];

  @ManyToOne(() => MeetingSeries, { ref: true, nullable: true, deleteRule: 'set null' })
  series: Ref<MeetingSeries> | null = null;

  @Property({ type: 'string', length: 200 })
  title!: string;

  /** Markdown. */
  @Property({ type: 'text' })
  description = '';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  startsAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  endsAt!: Date;

  /** For one meeting of a series moved on its own: the start its series gave it (null otherwise). */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  movedFrom: Date | null = null;

  /** The IANA zone it was scheduled in. */
  @Property({ type: 'string', length: 64 })
  timeZone!: string;

  /** An address, for meetings in person. */
  @Property({ type: 'text' })
  location = '';

  @Property({ type: 'text' })
  accessibilityNotes = '';

  /** The video call link: shown to the group's members only. */
  @Property({ type: 'text', nullable: true })
  onlineUrl: string | null = null;

  @Enum({ items: () => MeetingStatus, nativeEnumName: 'meeting_status' })
  status: MeetingStatus = MeetingStatus.SCHEDULED;

  @Property({ type: 'integer' })
  sequence = 0;

  /** Minutes before the start at which members are reminded. */
  @Property({ type: new ArrayType<number>((i) => Number(i)), columnType: 'int[]' })
  reminderMinutes: number[] = [...DEFAULT_REMINDER_MINUTES];

  /** A document of the group (documents domain, by id) and/or Markdown text. */
  @Property({ type: 'uuid', nullable: true })
  agendaDocumentId: string | null = null;

  @Property({ type: 'text' })
  agendaText = '';

  @Property({ type: 'uuid', nullable: true })
  minutesDocumentId: string | null = null;

  @Property({ type: 'text' })
  minutesText = '';

  /** The meeting's discussion thread (discussions domain, by id). */
  @Property({ type: 'uuid', nullable: true })
  threadId: string | null = null;

  /** The poll this meeting was picked from. */
  @Property({ type: 'uuid', nullable: true })
  pollId: string | null = null;

  @ManyToOne(() => User, { ref: true })
  createdBy!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  cancelledAt: Date | null = null;

  @Property({ type: 'string', length: 500 })
  cancellationReason = '';

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

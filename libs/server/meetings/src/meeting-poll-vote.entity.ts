import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PollAnswer } from '@convene/shared-contracts';

/** One member's answer for one slot of a poll. */
@Entity({ tableName: 'meeting_poll_votes' })
@Index({ properties: ['pollId'] })
export class MeetingPollVote {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  slotId!: string;

  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'uuid' })
  pollId!: string;

  @Enum({ items: () => PollAnswer, nativeEnumName: 'poll_answer' })
  answer!: PollAnswer;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** The last notification sequence number given to each person. */
@Entity({ tableName: 'notification_sequences' })
export class NotificationSequence {
  @PrimaryKey({ type: 'uuid' })
  userId!: string;

  @Property({ type: 'bigint', runtimeType: 'number' })
  lastSeq!: number;
}

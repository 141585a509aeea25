import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { JoinPolicy, MemberListVisibility } from '@convene/shared-contracts';
import { User } from '@convene/server-identity';
import { WorkingGroupRepository } from './working-group.repository.js';

@Entity({ tableName: 'working_groups', repository: () => WorkingGroupRepository })
export class WorkingGroup {
  [OptionalProps]?:
    | 'joinPolicy'
    | 'memberListVisibility'
    | 'contentFreeNotifications'
    | 'archivedAt'
    | 'archivedBy'
    | 'createdAt'
    | 'updatedAt';
  [EntityRepositoryType]?: WorkingGroupRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 48, unique: true })
  slug!: string;

  @Property({ type: 'string', length: 80 })
  name!: string;

  @Property({ type: 'text' })
  purpose!: string;

  @Enum({ items: () => JoinPolicy, nativeEnumName: 'join_policy' })
  joinPolicy: JoinPolicy = JoinPolicy.REQUEST;

  @Enum({ items: () => MemberListVisibility, nativeEnumName: 'member_list_visibility' })
  memberListVisibility: MemberListVisibility = MemberListVisibility.MEMBERS;

  /** For sensitive groups: notifications and emails say that something happened here, never what. */
  @Property({ type: 'boolean' })
  contentFreeNotifications = false;

  /** An archived group is kept to be read by its members, and takes no new work: see `GroupsService.archive`. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  archivedBy: Ref<User> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

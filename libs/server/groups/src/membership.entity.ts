import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { User } from '@convene/server-identity';
import { WorkingGroup } from './working-group.entity.js';
import { MembershipRepository } from './membership.repository.js';

/** A person's place in a working group: requested (pending), invited, or active with a role. */
@Entity({ tableName: 'memberships', repository: () => MembershipRepository })
@Unique({ properties: ['group', 'user'] })
export class Membership {
  [OptionalProps]?: 'role' | 'status' | 'message' | 'createdAt' | 'decidedAt' | 'decidedBy';
  [EntityRepositoryType]?: MembershipRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => WorkingGroup, { ref: true, deleteRule: 'cascade' })
  group!: Ref<WorkingGroup>;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role' })
  role: MembershipRole = MembershipRole.MEMBER;

  @Enum({ items: () => MembershipStatus, nativeEnumName: 'membership_status' })
  status: MembershipStatus = MembershipStatus.PENDING;

  /** The note sent with a join request. */
  @Property({ type: 'string', length: 500, nullable: true })
  message: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  decidedAt: Date | null = null;

  @ManyToOne(() => User, { ref: true, nullable: true, deleteRule: 'set null' })
  decidedBy: Ref<User> | null = null;
}

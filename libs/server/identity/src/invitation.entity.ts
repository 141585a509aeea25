import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { MembershipRole } from '@convene/shared-contracts';
import { User } from './user.entity.js';
import { InvitationRepository } from './invitation.repository.js';

/**
 * An invitation to create an account, by email, with a single-use expiring token (only its hash
 * is stored). It may carry a working group to join on acceptance; the groups domain reacts to
 * acceptance, identity only records the group's id.
 */
@Entity({ tableName: 'invitations', repository: () => InvitationRepository })
@Index({ properties: ['email'] })
export class Invitation {
  [OptionalProps]?: 'groupId' | 'groupRole' | 'createdAt' | 'acceptedAt' | 'revokedAt';
  [EntityRepositoryType]?: InvitationRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 254 })
  email!: string;

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade' })
  invitedBy!: Ref<User>;

  @Property({ type: 'uuid', nullable: true })
  groupId: string | null = null;

  @Enum({ items: () => MembershipRole, nativeEnumName: 'membership_role', nullable: true })
  groupRole: MembershipRole | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  acceptedAt: Date | null = null;

  /** Set when a newer invitation to the same address replaced this one. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  revokedAt: Date | null = null;

  isUsable(now = new Date()): boolean {
    return !this.acceptedAt && !this.revokedAt && this.expiresAt > now;
  }
}

import { randomUUID } from 'node:crypto';
import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { AuditAction } from '@convene/shared-contracts';

/**
 * One security-relevant action: who did what to whom, when. It holds ids, roles and counts only:
 * no secrets, no content, no addresses, so that the log itself is not a record of anyone's words
 * or whereabouts, and erasing a person's account leaves nothing of them here but an id.
 */
@Entity({ tableName: 'audit_events' })
@Index({ properties: ['createdAt'] })
@Index({ properties: ['action', 'createdAt'] })
@Index({ properties: ['subjectUserId', 'createdAt'] })
export class AuditEvent {
  [OptionalProps]?: 'createdAt' | 'actorId' | 'subjectUserId' | 'groupId' | 'detail';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Enum({ items: () => AuditAction, nativeEnumName: 'audit_action' })
  action!: AuditAction;

  /** Who acted; null for a sign-in that failed before anyone was known. */
  @Property({ type: 'uuid', nullable: true })
  actorId: string | null = null;

  /** Whose account it concerns, where that is not the actor. */
  @Property({ type: 'uuid', nullable: true })
  subjectUserId: string | null = null;

  @Property({ type: 'uuid', nullable: true })
  groupId: string | null = null;

  /** Roles, statuses and counts: e.g. `{ from: 'MEMBER', to: 'CONVENOR' }`. */
  @Property({ type: 'json', nullable: true })
  detail: Record<string, string | number | boolean> | null = null;
}

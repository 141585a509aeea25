import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { User } from './user.entity.js';
import { SessionRepository } from './session.repository.js';

/**
 * A server-side session. The cookie holds a random 256-bit token; only its SHA-256 is stored,
 * so a copy of the database does not let anyone sign in.
 */
@Entity({ tableName: 'sessions', repository: () => SessionRepository })
export class Session {
  [OptionalProps]?: 'createdAt' | 'lastSeenAt' | 'userAgent';
  [EntityRepositoryType]?: SessionRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 64, unique: true })
  tokenHash!: string;

  @ManyToOne(() => User, { ref: true, deleteRule: 'cascade', index: true })
  user!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  lastSeenAt: Date = new Date();

  /** Absolute end, whatever the activity. */
  @Property({ type: 'datetime', columnType: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'string', length: 300, nullable: true })
  userAgent: string | null = null;
}

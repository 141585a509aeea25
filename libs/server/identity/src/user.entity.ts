import { randomUUID } from 'node:crypto';
import { EntityRepositoryType, type Ref, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { NetworkRole } from '@convene/shared-contracts';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import { UserRepository } from './user.repository.js';

@Entity({ tableName: 'users', repository: () => UserRepository })
export class User {
  [OptionalProps]?:
    | 'locale'
    | 'timeZone'
    | 'networkRole'
    | 'organisation'
    | 'pendingOrganisation'
    | 'pendingOrganisationSince'
    | 'createdAt'
    | 'passwordChangedAt'
    | 'deactivatedAt'
    | 'totpSecret'
    | 'totpPendingSecret'
    | 'totpEnabledAt'
    | 'totpLastStep'
    | 'deletedAt';
  [EntityRepositoryType]?: UserRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Stored lower-cased; unique. */
  @Property({ type: 'string', length: 254, unique: true })
  email!: string;

  @Property({ type: 'string', length: 80 })
  displayName!: string;

  @Property({ type: 'string', length: 200, hidden: true, lazy: true })
  passwordHash!: string;

  @Property({ type: 'string', length: 8 })
  locale = 'en';

  @Property({ type: 'string', length: 64 })
  timeZone = 'Europe/London';

  @Enum({ items: () => NetworkRole, nativeEnumName: 'network_role' })
  networkRole: NetworkRole = NetworkRole.MEMBER;

  /** Their organisation, confirmed by a network admin: it shows beside their name. */
  @ManyToOne(() => PartnerOrganisation, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  organisation: Ref<PartnerOrganisation> | null = null;

  /** The organisation they say they work at, until a network admin confirms it (it becomes `organisation`) or declines it. */
  @ManyToOne(() => PartnerOrganisation, { ref: true, nullable: true, deleteRule: 'set null', index: true })
  pendingOrganisation: Ref<PartnerOrganisation> | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  pendingOrganisationSince: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  passwordChangedAt: Date = new Date();

  /** Set by a network admin: no sign-in, no session, no socket until reactivated. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deactivatedAt: Date | null = null;

  /** The person deleted their account: the row stays for what points at it, anonymised. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  deletedAt: Date | null = null;

  /** The authenticator secret (base32) once two-factor sign-in is on. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  totpSecret: string | null = null;

  /** A secret being set up: it becomes `totpSecret` when a code from it is confirmed. */
  @Property({ type: 'string', length: 64, nullable: true, hidden: true, lazy: true })
  totpPendingSecret: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null = null;

  /** The last time step whose code was accepted: a code is good once. */
  @Property({ type: 'integer', nullable: true, hidden: true, lazy: true })
  totpLastStep: number | null = null;
}

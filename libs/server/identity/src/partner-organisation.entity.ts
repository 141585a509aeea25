import { EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PartnerOrganisationKind } from '@convene/shared-contracts';
import { PartnerOrganisationRepository } from './partner-organisation.repository.js';

/** A description of an organisation per language of the network (`en`, `ar`). */
export type OrganisationDescriptions = Partial<Record<string, string>>;

/**
 * A partner organisation of the network, managed by the network admins. A person says they work
 * at one; once an admin confirms it, it shows beside their name. Lists read it on nearly every
 * page (left-joined to people): what they carry stays small, the longer texts are lazy and load
 * only in the organisation's own queries.
 */
@Entity({ tableName: 'partner_organisations', repository: () => PartnerOrganisationRepository })
export class PartnerOrganisation {
  [OptionalProps]?: 'website' | 'kind' | 'area' | 'descriptions' | 'archivedAt' | 'createdAt';
  [EntityRepositoryType]?: PartnerOrganisationRepository;
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Enum({ items: () => PartnerOrganisationKind, nativeEnumName: 'partner_organisation_kind' })
  kind: PartnerOrganisationKind = PartnerOrganisationKind.OTHER;

  /** Where it works, in its own words (a city, a region, "national"). */
  @Property({ type: 'string', length: 200, lazy: true })
  area = '';

  /** A short description per language; English is the fallback. */
  @Property({ type: 'json', lazy: true, defaultRaw: `'{}'` })
  descriptions: OrganisationDescriptions = {};

  /** Archived organisations leave the lists and cannot be chosen; their people keep them. */
  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  archivedAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

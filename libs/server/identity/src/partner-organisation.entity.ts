import { OptionalProps } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** A partner organisation of the network; a person may belong to one and it shows beside their name. */
@Entity({ tableName: 'partner_organisations' })
export class PartnerOrganisation {
  [OptionalProps]?: 'website' | 'createdAt';
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 120, unique: true })
  name!: string;

  @Property({ type: 'string', length: 300, nullable: true })
  website: string | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

import { OptionalProps } from '@mikro-orm/core';
import { Entity, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';

/** Network-wide document settings, one row (id 1): the file types people may upload. */
@Entity({ tableName: 'document_settings' })
export class DocumentSettings {
  [OptionalProps]?: 'updatedAt';

  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  @Property({ type: 'text[]' })
  allowedTypes!: string[];

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

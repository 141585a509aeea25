import { randomUUID } from 'node:crypto';
import { BigIntType, OptionalProps, type Ref } from '@mikro-orm/core';
import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/decorators/legacy';
import { User } from '@convene/server-identity';
import { Document } from './document.entity.js';

/**
 * One immutable version of a document's bytes. Restoring an old version adds a new version that
 * points at the same stored object, so history only grows.
 */
@Entity({ tableName: 'document_versions' })
@Unique({ properties: ['document', 'number'] })
export class DocumentVersion {
  [OptionalProps]?: 'createdAt' | 'restoredFrom';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Document, { ref: true, deleteRule: 'cascade' })
  document!: Ref<Document>;

  @Property({ type: 'integer' })
  number!: number;

  /** The file name as uploaded (checked; never used to build a storage path). */
  @Property({ type: 'string', length: 255 })
  fileName!: string;

  /** Server-generated key of the bytes in the file storage. */
  @Property({ type: 'string', length: 100 })
  storageKey!: string;

  @Property({ type: new BigIntType('number') })
  size!: number;

  @Property({ type: 'string', length: 64, columnType: 'char(64)' })
  sha256!: string;

  /** Sniffed from the bytes, never taken from the name or the client. */
  @Property({ type: 'string', length: 127 })
  contentType!: string;

  @ManyToOne(() => User, { ref: true })
  uploadedBy!: Ref<User>;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  /** The version this one restored, when it was made by a restore rather than an upload. */
  @Property({ type: 'integer', nullable: true })
  restoredFrom: number | null = null;
}

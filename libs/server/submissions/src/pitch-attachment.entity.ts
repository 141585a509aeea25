import { randomUUID } from 'node:crypto';
import { BigIntType, EntityRepositoryType, OptionalProps } from '@mikro-orm/core';
import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { PitchAttachmentRepository } from './pitch-attachment.repository.js';

/**
 * A file sent with a pitch, stored as documents are (streamed, type from the bytes, sha256). It is
 * uploaded before the pitch is submitted and attached by `submitPitch`; an upload never attached is
 * removed after a day.
 */
@Entity({ tableName: 'pitch_attachments', repository: () => PitchAttachmentRepository })
@Index({ properties: ['pitchId'] })
@Index({ properties: ['createdAt'] })
export class PitchAttachment {
  [OptionalProps]?: 'pitchId' | 'createdAt';
  [EntityRepositoryType]?: PitchAttachmentRepository;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** Null until the pitch it came with is submitted. */
  @Property({ type: 'uuid', nullable: true })
  pitchId: string | null = null;

  /** The upload's secret, so that only the person who uploaded it can attach it (sha256, hex). */
  @Property({ type: 'string', length: 64 })
  claimHash!: string;

  @Property({ type: 'string', length: 255 })
  fileName!: string;

  @Property({ type: 'string', length: 100 })
  storageKey!: string;

  @Property({ type: new BigIntType('number') })
  size!: number;

  @Property({ type: 'string', length: 64, columnType: 'char(64)' })
  sha256!: string;

  @Property({ type: 'string', length: 127 })
  contentType!: string;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();
}

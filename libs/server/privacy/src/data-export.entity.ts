import { randomUUID } from 'node:crypto';
import { BigIntType, OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { DataExportStatus } from '@convene/shared-contracts';

/** A zip of everything linked to one person, written by the worker and kept for 7 days. */
@Entity({ tableName: 'data_exports' })
@Index({ properties: ['userId', 'createdAt'] })
export class DataExport {
  [OptionalProps]?: 'status' | 'createdAt' | 'readyAt' | 'expiresAt' | 'size' | 'storageKey';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  userId!: string;

  @Enum({ items: () => DataExportStatus, nativeEnumName: 'data_export_status' })
  status: DataExportStatus = DataExportStatus.PENDING;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  readyAt: Date | null = null;

  @Property({ type: 'datetime', columnType: 'timestamptz', nullable: true })
  expiresAt: Date | null = null;

  @Property({ type: new BigIntType('number'), nullable: true })
  size: number | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  storageKey: string | null = null;
}

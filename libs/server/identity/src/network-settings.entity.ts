import { OptionalProps } from '@mikro-orm/core';
import { Entity, Enum, PrimaryKey, Property } from '@mikro-orm/decorators/legacy';
import { SignUpMode } from '@convene/shared-contracts';

/** Network-wide settings: a single row with id 1. */
@Entity({ tableName: 'network_settings' })
export class NetworkSettings {
  [OptionalProps]?: 'id' | 'signUpMode' | 'updatedAt';
  @PrimaryKey({ type: 'integer', autoincrement: false })
  id = 1;

  @Enum({ items: () => SignUpMode, nativeEnumName: 'sign_up_mode' })
  signUpMode: SignUpMode = SignUpMode.INVITATION_ONLY;

  @Property({ type: 'datetime', columnType: 'timestamptz' })
  updatedAt: Date = new Date();
}

import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { PushDevice } from '@convene/server-notifications';

/** A browser where the viewer turned notifications on. */
@ObjectType('PushDevice')
export class PushDeviceModel {
  @Field(() => ID) id!: string;
  @Field(() => String, {
    description: 'The push service address of its subscription: the browser compares it with its own to find itself.',
  })
  endpoint!: string;
  @Field(() => String, { nullable: true, description: 'How the device named itself, e.g. "Chromium on Linux".' })
  label!: string | null;
  @Field(() => String, { nullable: true, description: 'The browser that turned notifications on, as it named itself.' })
  userAgent!: string | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { description: 'When a push last reached its push service (or it was registered).' })
  lastUsedAt!: Date;

  static from(device: PushDevice): PushDeviceModel {
    return Object.assign(new PushDeviceModel(), device);
  }
}

import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { PushDevicesService } from '@convene/server-notifications';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { RegisterPushDeviceInput } from './push-device.inputs.js';
import { PushDeviceModel } from './push-device.model.js';

/** The browsers where a person turned notifications on: their own, and no one else's. */
@Resolver(() => PushDeviceModel)
export class PushDevicesResolver {
  constructor(private readonly devices: PushDevicesService) {}

  @Public()
  @Query(() => String, {
    description: 'The VAPID public key browsers subscribe with (applicationServerKey), base64url.',
  })
  pushPublicKey(): string {
    return this.devices.publicKey();
  }

  @SignedIn()
  @Query(() => [PushDeviceModel], {
    description: 'The viewer’s devices with notifications on, the most recently used first.',
  })
  async myPushDevices(@CurrentViewer() viewer: Viewer): Promise<PushDeviceModel[]> {
    return (await this.devices.list(viewer)).map((device) => PushDeviceModel.from(device));
  }

  @SignedIn()
  @Mutation(() => PushDeviceModel, {
    description: 'Sends the viewer’s notifications to this browser too; the same endpoint again takes the new keys.',
  })
  async registerPushDevice(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: RegisterPushDeviceInput,
    @Context() ctx: GraphQLContext,
  ): Promise<PushDeviceModel> {
    return PushDeviceModel.from(await this.devices.register(viewer, input, clientInfo(ctx.req).userAgent));
  }

  @SignedIn()
  @Mutation(() => Boolean, { description: 'Stops notifications to one of the viewer’s devices.' })
  async removePushDevice(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    await this.devices.remove(viewer, id);
    return true;
  }
}

import { Args, Field, ID, Int, Mutation, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { NetworkPeopleService, type User } from '@convene/server-identity';
import { CurrentViewer, NetworkAdminOnly, type Viewer } from '@convene/server-core';
import { NetworkRole } from '../graphql/enums.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';
import { PartnerOrganisationModel } from './partner-organisation.model.js';

/** An account as network admins see it. */
@ObjectType('NetworkPerson')
export class NetworkPersonModel {
  @Field(() => ID) id!: string;
  @Field(() => String) email!: string;
  @Field(() => String) displayName!: string;
  @Field(() => NetworkRole) networkRole!: NetworkRole;
  @Field(() => PartnerOrganisationModel, { nullable: true }) organisation!: PartnerOrganisationModel | null;
  @Field(() => Boolean) twoFactorEnabled!: boolean;
  @Field(() => Date, { nullable: true }) deactivatedAt!: Date | null;
  @Field(() => Date) createdAt!: Date;

  static from(user: User): NetworkPersonModel {
    const org = user.organisation?.isInitialized() ? user.organisation.getEntity() : null;
    return Object.assign(new NetworkPersonModel(), {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      networkRole: user.networkRole,
      organisation: org ? PartnerOrganisationModel.from(org) : null,
      twoFactorEnabled: !!user.totpEnabledAt,
      deactivatedAt: user.deactivatedAt,
      createdAt: user.createdAt,
    });
  }
}

@Resolver(() => NetworkPersonModel)
export class NetworkPeopleResolver {
  constructor(
    private readonly people: NetworkPeopleService,
    private readonly realtime: RealtimeGateway,
  ) {}

  @NetworkAdminOnly()
  @Query(() => [NetworkPersonModel], {
    description: 'Accounts by name, for network admins; `after` is the last id of the previous page.',
  })
  async networkPeople(
    @CurrentViewer() viewer: Viewer,
    @Args('search', { type: () => String, nullable: true }) search: string | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => ID, nullable: true }) after: string | null,
  ): Promise<NetworkPersonModel[]> {
    return (await this.people.list(viewer, { search, first, after })).map((u) => NetworkPersonModel.from(u));
  }

  @NetworkAdminOnly()
  @Mutation(() => NetworkPersonModel)
  async setNetworkRole(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('role', { type: () => NetworkRole }) role: NetworkRole,
  ): Promise<NetworkPersonModel> {
    const user = await this.people.setNetworkRole(viewer, userId, role);
    // Live connections carry the role they were opened with: they reconnect with the new one.
    this.realtime.dropUser(user.id);
    return NetworkPersonModel.from(user);
  }

  @NetworkAdminOnly()
  @Mutation(() => NetworkPersonModel, {
    description: 'Ends every session of the account at once and refuses sign-in until it is reactivated.',
  })
  async deactivateAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<NetworkPersonModel> {
    const { user } = await this.people.setDeactivated(viewer, userId, true);
    this.realtime.dropUser(user.id);
    return NetworkPersonModel.from(user);
  }

  @NetworkAdminOnly()
  @Mutation(() => NetworkPersonModel)
  async reactivateAccount(
    @CurrentViewer() viewer: Viewer,
    @Args('userId', { type: () => ID }) userId: string,
  ): Promise<NetworkPersonModel> {
    return NetworkPersonModel.from((await this.people.setDeactivated(viewer, userId, false)).user);
  }
}

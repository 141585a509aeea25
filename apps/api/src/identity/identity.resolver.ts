import { Args, Context, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { IdentityService, PartnerOrganisationsService, TwoFactorService } from '@convene/server-identity';
import { GroupsService } from '@convene/server-groups';
import { CurrentViewer, NetworkAdminOnly, Public, SignedIn, type Viewer } from '@convene/server-core';
import { SignUpMode } from '../graphql/enums.js';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { ViewerModel } from './viewer.model.js';
import { InvitationModel, InvitationPreviewModel } from './invitation.model.js';
import { NetworkSettingsModel } from './network-settings.model.js';
import { PartnerOrganisationModel } from './partner-organisation.model.js';
import {
  ChangePasswordInput,
  InviteToNetworkInput,
  SignInInput,
  SignUpInput,
  UpdateProfileInput,
} from './identity.inputs.js';
import { SessionCookie } from './session-cookie.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';

@Resolver(() => ViewerModel)
export class IdentityResolver {
  constructor(
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly cookie: SessionCookie,
    private readonly realtime: RealtimeGateway,
    private readonly twoFactor: TwoFactorService,
    private readonly organisations: PartnerOrganisationsService,
  ) {}

  @Public()
  @Query(() => ViewerModel, { nullable: true, description: 'The signed-in person, or null.' })
  async me(@CurrentViewer() viewer: Viewer | null): Promise<ViewerModel | null> {
    return viewer ? ViewerModel.from(await this.identity.me(viewer), !!viewer.twoFactorSetupRequired) : null;
  }

  @Public()
  @Mutation(() => ViewerModel)
  async signIn(@Args('input') input: SignInInput, @Context() ctx: GraphQLContext): Promise<ViewerModel> {
    const { user, token } = await this.identity.signIn(input, clientInfo(ctx.req));
    this.cookie.write(ctx.res, token);
    return ViewerModel.from(user, !user.totpEnabledAt && (await this.twoFactor.required(user.id, user.networkRole)));
  }

  @Public()
  @Mutation(() => ViewerModel)
  async signUp(@Args('input') input: SignUpInput, @Context() ctx: GraphQLContext): Promise<ViewerModel> {
    const { user, token } = await this.identity.signUp(input, clientInfo(ctx.req));
    this.cookie.write(ctx.res, token);
    return ViewerModel.from(user);
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Ends the current session. True when there was one.' })
  async signOut(@CurrentViewer() viewer: Viewer | null, @Context() ctx: GraphQLContext): Promise<boolean> {
    this.cookie.clear(ctx.res);
    if (!viewer) return false;
    await this.identity.signOut(viewer);
    this.realtime.dropSession(viewer.sessionId);
    return true;
  }

  @SignedIn()
  @Mutation(() => ViewerModel)
  async updateProfile(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateProfileInput): Promise<ViewerModel> {
    await this.identity.updateProfile(viewer, input);
    return ViewerModel.from(await this.identity.me(viewer));
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Changes the password and ends every other session (this device gets a new one).',
  })
  async changePassword(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: ChangePasswordInput,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    const { token } = await this.identity.changePassword(viewer, input, clientInfo(ctx.req));
    this.cookie.write(ctx.res, token);
    this.realtime.dropUser(viewer.userId);
    return true;
  }

  @Public()
  @Query(() => NetworkSettingsModel)
  async networkSettings(): Promise<NetworkSettingsModel> {
    const settings = await this.identity.settings();
    return { signUpMode: settings.signUpMode };
  }

  @NetworkAdminOnly()
  @Mutation(() => NetworkSettingsModel)
  async updateNetworkSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('signUpMode', { type: () => SignUpMode }) signUpMode: SignUpMode,
  ): Promise<NetworkSettingsModel> {
    const settings = await this.identity.updateSettings(viewer, { signUpMode });
    return { signUpMode: settings.signUpMode };
  }

  @NetworkAdminOnly()
  @Mutation(() => InvitationModel, { description: 'Invites someone to create an account (network admins).' })
  async inviteToNetwork(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: InviteToNetworkInput,
  ): Promise<InvitationModel> {
    const invitation = await this.identity.inviteToNetwork(viewer, input);
    return { id: invitation.id, email: invitation.email, expiresAt: invitation.expiresAt };
  }

  @Public()
  @Query(() => InvitationPreviewModel, {
    description: 'What an invitation link is for; NOT_FOUND when it is invalid, used or expired.',
  })
  async invitation(@Args('token') token: string, @Context() ctx: GraphQLContext): Promise<InvitationPreviewModel> {
    const preview = await this.identity.previewInvitation(token, clientInfo(ctx.req));
    const groupName = preview.groupId ? await this.groups.nameOf(preview.groupId) : null;
    return { email: preview.email, groupName, expiresAt: preview.expiresAt };
  }

  @ResolveField(() => PartnerOrganisationModel, {
    nullable: true,
    description: 'The organisation they said they work at, until a network admin confirms or declines it.',
  })
  async pendingOrganisation(@Parent() viewer: ViewerModel): Promise<PartnerOrganisationModel | null> {
    const org = await this.organisations.pendingOf(viewer.id);
    return org ? PartnerOrganisationModel.from(org) : null;
  }
}

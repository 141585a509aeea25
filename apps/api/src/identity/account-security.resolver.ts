import { Args, Context, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { PasswordResetService, SessionsService, TwoFactorService } from '@convene/server-identity';
import { CurrentViewer, DuringTwoFactorSetup, Public, SignedIn, type Viewer } from '@convene/server-core';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';
import {
  AccountSessionModel,
  PasswordResetPreviewModel,
  TwoFactorSetupModel,
  TwoFactorStatusModel,
} from './account-security.model.js';
import { DisableTwoFactorInput, RequestPasswordResetInput, ResetPasswordInput } from './identity.inputs.js';

/** A person's own account security: sessions, two-factor sign-in, forgotten passwords. */
@Resolver()
export class AccountSecurityResolver {
  constructor(
    private readonly sessions: SessionsService,
    private readonly twoFactorService: TwoFactorService,
    private readonly passwordResets: PasswordResetService,
    private readonly realtime: RealtimeGateway,
  ) {}

  @SignedIn()
  @Query(() => [AccountSessionModel], { description: 'The viewer’s signed-in devices.' })
  async mySessions(@CurrentViewer() viewer: Viewer): Promise<AccountSessionModel[]> {
    return this.sessions.list(viewer);
  }

  @SignedIn()
  @Mutation(() => Boolean, {
    description: 'Signs one of the viewer’s own sessions out; its live connections drop at once.',
  })
  async revokeSession(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<boolean> {
    await this.sessions.revoke(viewer, id);
    this.realtime.dropSession(id);
    return true;
  }

  @SignedIn()
  @Mutation(() => Int, { description: 'Signs out every other session of the viewer; answers how many ended.' })
  async revokeOtherSessions(@CurrentViewer() viewer: Viewer): Promise<number> {
    const ended = await this.sessions.revokeOthers(viewer);
    for (const id of ended) this.realtime.dropSession(id);
    return ended.length;
  }

  @SignedIn()
  @DuringTwoFactorSetup()
  @Query(() => TwoFactorStatusModel)
  async twoFactor(@CurrentViewer() viewer: Viewer): Promise<TwoFactorStatusModel> {
    return this.twoFactorService.status(viewer);
  }

  @SignedIn()
  @DuringTwoFactorSetup()
  @Mutation(() => TwoFactorSetupModel, { description: 'Starts setting up two-factor sign-in with a new secret.' })
  async beginTwoFactorSetup(@CurrentViewer() viewer: Viewer): Promise<TwoFactorSetupModel> {
    return this.twoFactorService.beginSetup(viewer);
  }

  @SignedIn()
  @DuringTwoFactorSetup()
  @Mutation(() => [String], {
    description: 'Turns two-factor sign-in on with a code from the new secret; answers the recovery codes, shown once.',
  })
  async confirmTwoFactorSetup(@CurrentViewer() viewer: Viewer, @Args('code') code: string): Promise<string[]> {
    return this.twoFactorService.confirmSetup(viewer, code);
  }

  @SignedIn()
  @Mutation(() => Boolean)
  async disableTwoFactor(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: DisableTwoFactorInput,
  ): Promise<boolean> {
    await this.twoFactorService.disable(viewer, input);
    return true;
  }

  @SignedIn()
  @Mutation(() => [String], { description: 'New recovery codes; the old ones stop working.' })
  async regenerateRecoveryCodes(@CurrentViewer() viewer: Viewer, @Args('code') code: string): Promise<string[]> {
    return this.twoFactorService.regenerateRecoveryCodes(viewer, code);
  }

  @Public()
  @Mutation(() => Boolean, {
    description: 'Emails a reset link when the address has an account. The answer is the same either way.',
  })
  async requestPasswordReset(
    @Args('input') input: RequestPasswordResetInput,
    @Context() ctx: GraphQLContext,
  ): Promise<boolean> {
    await this.passwordResets.request(input, clientInfo(ctx.req));
    return true;
  }

  @Public()
  @Query(() => PasswordResetPreviewModel, {
    description: 'What a reset link needs; NOT_FOUND when it is invalid, used or expired.',
  })
  async passwordReset(
    @Args('token') token: string,
    @Context() ctx: GraphQLContext,
  ): Promise<PasswordResetPreviewModel> {
    return this.passwordResets.preview(token, clientInfo(ctx.req));
  }

  @Public()
  @Mutation(() => Boolean, { description: 'Sets a new password by a reset link; every session of the account ends.' })
  async resetPassword(@Args('input') input: ResetPasswordInput, @Context() ctx: GraphQLContext): Promise<boolean> {
    const userId = await this.passwordResets.reset(input, clientInfo(ctx.req));
    this.realtime.dropUser(userId);
    return true;
  }
}

import { Args, Context, ID, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, Public, SignedIn, type Viewer } from '@convene/server-core';
import { GroupNotificationLevel } from '@convene/shared-contracts';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { PerList } from '../graphql/per-list.util.js';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { clientInfo, type GraphQLContext } from '../http/request-context.js';
import { UpdateNotificationSettingsInput } from './notification-settings.inputs.js';
import { NotificationSettingsModel, UnsubscribeResultModel } from './notification-settings.model.js';

@Resolver(() => NotificationSettingsModel)
export class NotificationSettingsResolver {
  constructor(private readonly preferences: NotificationPreferencesService) {}

  @SignedIn()
  @Query(() => NotificationSettingsModel, {
    description: "The viewer's notification settings, with the defaults for what they never chose.",
  })
  async notificationSettings(@CurrentViewer() viewer: Viewer): Promise<NotificationSettingsModel> {
    return NotificationSettingsModel.from(await this.preferences.settings(viewer));
  }

  @SignedIn()
  @Mutation(() => NotificationSettingsModel)
  async updateNotificationSettings(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: UpdateNotificationSettingsInput,
  ): Promise<NotificationSettingsModel> {
    return NotificationSettingsModel.from(await this.preferences.update(viewer, input));
  }

  @SignedIn()
  @Mutation(() => GroupNotificationLevel, { description: 'How much the viewer hears from a group they can see.' })
  setGroupNotificationLevel(
    @CurrentViewer() viewer: Viewer,
    @Args('groupId', { type: () => ID }) groupId: string,
    @Args('level', { type: () => GroupNotificationLevel }) level: GroupNotificationLevel,
  ): Promise<GroupNotificationLevel> {
    return this.preferences.setGroupLevel(viewer, groupId, level);
  }

  @Public()
  @Mutation(() => UnsubscribeResultModel, {
    description: "Stops one category's email with the link from an email; no sign-in needed.",
  })
  unsubscribe(
    @Args('token', { type: () => String }) token: string,
    @Context() ctx: GraphQLContext,
  ): Promise<UnsubscribeResultModel> {
    return this.preferences.unsubscribe(token, clientInfo(ctx.req));
  }
}

/** The viewer's level for a group, on the group itself (for the group page's bell menu). */
@Resolver(() => WorkingGroupModel)
export class GroupNotificationLevelResolver {
  /** On a list of groups, the levels of all of them in one query. */
  private readonly listed = new PerList<Map<string, GroupNotificationLevel>>();

  constructor(private readonly preferences: NotificationPreferencesService) {}

  @Public()
  @ResolveField(() => GroupNotificationLevel, {
    nullable: true,
    description: 'How much the viewer hears from this group; null when signed out.',
  })
  async notificationLevel(
    @Parent() group: WorkingGroupModel,
    @CurrentViewer() viewer: Viewer | null,
  ): Promise<GroupNotificationLevel | null> {
    if (!viewer) return null;
    const batch = group.view.batch;
    if (!batch) return this.preferences.groupLevel(viewer, group.id);
    const levels = await this.listed.once(batch, () =>
      this.preferences.groupLevelsOf(
        viewer,
        batch.views.map((v) => v.group.id),
      ),
    );
    return levels.get(group.id) ?? this.preferences.groupLevel(viewer, group.id);
  }
}

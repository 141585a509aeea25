import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { NotificationPreferencesService, NotificationsService, type Notification } from '@convene/server-notifications';
import { UserModel } from '../identity/user.model.js';
import { NotificationModel } from './notification.model.js';

@SignedIn()
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(
    private readonly inbox: NotificationsService,
    private readonly groups: GroupsService,
    private readonly identity: IdentityService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  @Query(() => [NotificationModel], {
    description: 'With `after`: the notifications after that sequence number, oldest first (to catch up). Without: the newest, newest first.',
  })
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('after', { type: () => Int, nullable: true }) after: number | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<NotificationModel[]> {
    return this.present(viewer, await this.inbox.list(viewer, { after, first }));
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.inbox.unreadCount(viewer);
  }

  @Mutation(() => Int, { description: 'Marks notifications read, by id or up to a sequence number; returns the unread count.' })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
    @Args('upToSeq', { type: () => Int, nullable: true }) upToSeq: number | null,
  ): Promise<number> {
    return this.inbox.markRead(viewer, { ids, upToSeq });
  }

  /**
   * Groups and people of a page of notifications, each looked up once for the whole page. Whether
   * a notification is content-free is decided now, so turning the mode on hides what came before.
   */
  private async present(viewer: Viewer, rows: Notification[]): Promise<NotificationModel[]> {
    const [groups, personContentFree] = await Promise.all([
      this.groups.referencesByIds(rows.map((r) => r.groupId).filter((id): id is string => !!id)),
      this.preferences.contentFreeUsers([viewer.userId]).then((set) => set.has(viewer.userId)),
    ]);
    const contentFree = (row: Notification) => personContentFree || (!!row.groupId && !!groups.get(row.groupId)?.contentFree);
    const people = await this.identity.usersByIds(rows.filter((r) => !contentFree(r)).map((r) => r.actorId).filter((id): id is string => !!id));
    return rows.map((row) => {
      const actor = row.actorId ? people.get(row.actorId) : undefined;
      const group = row.groupId ? groups.get(row.groupId) : undefined;
      return Object.assign(new NotificationModel(), {
        id: row.id,
        seq: row.seq,
        type: row.type,
        createdAt: row.createdAt,
        readAt: row.readAt,
        group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
        actor: actor && !contentFree(row) ? UserModel.from(actor) : null,
        subjectId: row.subjectId,
        contentFree: contentFree(row),
      });
    });
  }
}

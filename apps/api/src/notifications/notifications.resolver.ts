import { Args, ID, Int, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { NotificationsService, type NotificationRow } from '@convene/server-notifications';
import { UserModel } from '../identity/user.model.js';
import { NotificationModel } from './notification.model.js';

@SignedIn()
@Resolver(() => NotificationModel)
export class NotificationsResolver {
  constructor(private readonly inbox: NotificationsService) {}

  @Query(() => [NotificationModel], {
    description:
      'With `after`: the notifications after that sequence number, oldest first (to catch up). Without: the newest, newest first.',
  })
  async notifications(
    @CurrentViewer() viewer: Viewer,
    @Args('after', { type: () => Int, nullable: true }) after: number | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
  ): Promise<NotificationModel[]> {
    return this.present(await this.inbox.list(viewer, { after, first }));
  }

  @Query(() => Int)
  unreadNotificationCount(@CurrentViewer() viewer: Viewer): Promise<number> {
    return this.inbox.unreadCount(viewer);
  }

  @Mutation(() => Int, {
    description: 'Marks notifications read, by id or up to a sequence number; returns the unread count.',
  })
  markNotificationsRead(
    @CurrentViewer() viewer: Viewer,
    @Args('ids', { type: () => [ID], nullable: true }) ids: string[] | null,
    @Args('upToSeq', { type: () => Int, nullable: true }) upToSeq: number | null,
  ): Promise<number> {
    return this.inbox.markRead(viewer, { ids, upToSeq });
  }

  /** A page of notifications as the viewer may see them (see NotificationsService.present). */
  private async present(rows: NotificationRow[]): Promise<NotificationModel[]> {
    return (await this.inbox.present(rows)).map(({ row, group, actor, contentFree }) =>
      Object.assign(new NotificationModel(), {
        id: row.id,
        seq: row.seq,
        type: row.type,
        createdAt: row.createdAt,
        readAt: row.readAt,
        group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
        actor: actor ? UserModel.fromValues(actor) : null,
        subjectId: row.subjectId,
        contentFree,
      }),
    );
  }
}

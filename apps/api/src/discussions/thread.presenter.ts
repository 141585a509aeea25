import { Injectable } from '@nestjs/common';
import { ThreadNotificationLevel } from '@convene/shared-contracts';
import type { Viewer } from '@convene/server-core';
import {
  DiscussionsService,
  type Post,
  type PostValues,
  type SearchHit,
  type Thread,
  type ThreadSummary,
} from '@convene/server-discussions';
import { GroupsService, type GroupView } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { preload } from '../graphql/preloaded-fields.js';
import { UserModel } from '../identity/user.model.js';
import { PostModel, SearchResultModel, ThreadModel } from './thread.model.js';

/**
 * Threads and posts as GraphQL models, as the viewer sees them: authors, groups, read positions,
 * notification levels and reaction counts looked up once per page, whatever its size.
 */
@Injectable()
export class ThreadPresenter {
  constructor(
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly discussions: DiscussionsService,
    private readonly preferences: NotificationPreferencesService,
  ) {}

  /**
   * `views`: the groups as the viewer sees them, when the caller has them (a group's own list).
   * `levels`: whether the query asks for the viewer's notification level of each thread.
   */
  async threads(
    viewer: Viewer,
    threads: Thread[],
    opts: { views?: GroupView[]; levels?: boolean } = {},
  ): Promise<ThreadModel[]> {
    const models = threads.map((t) => ThreadModel.from(t));
    const ids = models.map((m) => m.id);
    const known = new Map((opts.views ?? []).map((v) => [v.group.id, v]));
    const missing = [...new Set(models.map((m) => m.groupId))].filter((id) => !known.has(id));
    // Authors the page loaded already (a group's list) are not looked up again.
    const unloaded = threads.filter((t) => !t.author.isInitialized()).map((t) => t.author.id);
    const [people, reads, levels, more] = await Promise.all([
      this.identity.peopleByIds(unloaded),
      this.discussions.readCounts(viewer, ids),
      opts.levels === false ? new Map<string, ThreadNotificationLevel>() : this.preferences.threadLevelsOf(viewer, ids),
      Promise.all(missing.map((id) => this.groups.byId(viewer, id))),
    ]);
    for (const view of more) known.set(view.group.id, view);
    const loaded = new Map(
      threads.filter((t) => t.author.isInitialized()).map((t) => [t.author.id, UserModel.from(t.author.getEntity())]),
    );
    for (const model of models) {
      const person = people.get(model.authorId);
      const group = known.get(model.groupId)?.group;
      model.author = loaded.get(model.authorId) ?? (person ? UserModel.fromValues(person) : null);
      model.group = group ? { id: group.id, slug: group.slug, name: group.name } : null;
      model.readCount = Math.min(reads.get(model.id) ?? 0, model.postCount);
      model.unreadCount = model.postCount - model.readCount;
      model.notificationLevel = levels.get(model.id) ?? ThreadNotificationLevel.NORMAL;
      model.groupArchived = !!group?.archivedAt;
      model.viewerCanModerate = known.get(model.groupId)?.canManage ?? false;
    }
    return models;
  }

  /**
   * Threads of one group (its list, or one thread's page), read with authors, read positions and
   * first unread posts (when asked) in one statement; the viewer's notification levels only when the
   * query asks for them.
   */
  async summaries(
    viewer: Viewer,
    view: GroupView,
    threads: ThreadSummary[],
    asks: { levels: boolean },
  ): Promise<ThreadModel[]> {
    const levels = asks.levels
      ? await this.preferences.threadLevelsOf(
          viewer,
          threads.map((t) => t.id),
        )
      : null;
    const group = { id: view.group.id, slug: view.group.slug, name: view.group.name };
    return threads.map((thread) => {
      const model = ThreadModel.fromSummary(thread);
      model.group = group;
      model.notificationLevel = levels?.get(model.id) ?? ThreadNotificationLevel.NORMAL;
      model.groupArchived = !!view.group.archivedAt;
      model.viewerCanModerate = view.canManage;
      if (thread.firstUnreadPostId !== undefined) preload(model, { firstUnreadPostId: thread.firstUnreadPostId });
      return model;
    });
  }

  /** A page of one thread's posts, read with their authors and reaction counts. */
  postPage(viewer: Viewer, posts: PostValues[], moderator: boolean): PostModel[] {
    return posts.map((p) => PostModel.fromValues(p, { userId: viewer.userId, maySeeHidden: moderator }));
  }

  /** Posts of one thread; `moderator`: the viewer convenes its group (sees hidden posts' text). */
  async posts(viewer: Viewer, posts: Post[], moderator: boolean): Promise<PostModel[]> {
    const models = posts.map((p) =>
      PostModel.from(p, { userId: viewer.userId, maySeeHidden: moderator || p.author.id === viewer.userId }),
    );
    const [people, reactions] = await Promise.all([
      this.identity.peopleByIds(models.map((m) => m.authorId)),
      this.discussions.reactionsOf(
        viewer,
        models.map((m) => m.id),
      ),
    ]);
    for (const model of models) {
      const author = people.get(model.authorId);
      model.author = author ? UserModel.fromValues(author) : null;
      model.reactions = reactions.get(model.id) ?? [];
    }
    return models;
  }

  async searchHits(hits: SearchHit[]): Promise<SearchResultModel[]> {
    const [people, groups] = await Promise.all([
      this.identity.peopleByIds(hits.map((h) => h.authorId)),
      this.groups.referencesByIds(hits.map((h) => h.groupId)),
    ]);
    return hits.map((hit) => {
      const author = people.get(hit.authorId);
      const group = groups.get(hit.groupId);
      return Object.assign(new SearchResultModel(), {
        postId: hit.postId,
        threadId: hit.threadId,
        createdAt: hit.createdAt,
        titleHtml: hit.titleHtml,
        snippetHtml: hit.snippetHtml,
        author: author ? UserModel.fromValues(author) : null,
        group: group ? { id: group.id, slug: group.slug, name: group.name } : null,
      });
    });
  }
}

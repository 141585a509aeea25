import { Args, ID, Info, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { ThreadNotificationLevel } from '@convene/shared-contracts';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import {
  DiscussionAccess,
  DiscussionModerationService,
  DiscussionSearchService,
  discussionsErrors,
  DiscussionsService,
  type Post,
} from '@convene/server-discussions';
import { NotificationPreferencesService } from '@convene/server-notifications';
import { selects } from '../graphql/selection.util.js';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import {
  CreateThreadInput,
  EditPostInput,
  HidePostInput,
  MoveThreadInput,
  ReactInput,
  ReplyInput,
  SearchInput,
  UpdateThreadInput,
} from './discussions.inputs.js';
import {
  MentionCandidateModel,
  PostConnectionModel,
  PostModel,
  PostRevisionModel,
  SearchResultConnectionModel,
  ThreadConnectionModel,
  ThreadModel,
  ThreadRevisionModel,
} from './thread.model.js';
import { ThreadPresenter } from './thread.presenter.js';

// The domain's own errors for a thread or post that is not there (the library exports their codes only).

@SignedIn()
@Resolver(() => ThreadModel)
export class DiscussionsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly moderation: DiscussionModerationService,
    private readonly searching: DiscussionSearchService,
    private readonly access: DiscussionAccess,
    private readonly preferences: NotificationPreferencesService,
    private readonly present: ThreadPresenter,
  ) {}

  @Mutation(() => ThreadModel, { description: 'Starts a discussion in a group the viewer belongs to.' })
  async createThread(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateThreadInput): Promise<ThreadModel> {
    return this.oneThread(viewer, await this.discussions.createThread(viewer, input));
  }

  @Mutation(() => PostModel, {
    description: 'Replies in a discussion, to its opening post or to another of its posts.',
  })
  async reply(@CurrentViewer() viewer: Viewer, @Args('input') input: ReplyInput): Promise<PostModel> {
    return this.onePost(viewer, await this.discussions.reply(viewer, input));
  }

  @Mutation(() => PostModel, {
    description: "Changes the viewer's own post; the text it replaces stays in its revisions.",
  })
  async editPost(@CurrentViewer() viewer: Viewer, @Args('input') input: EditPostInput): Promise<PostModel> {
    return this.onePost(viewer, await this.discussions.editPost(viewer, input));
  }

  @Mutation(() => PostModel, {
    description: "Deletes the viewer's own post: its place in the discussion stays, its text goes.",
  })
  async deletePost(
    @CurrentViewer() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostModel> {
    return this.onePost(viewer, await this.discussions.deletePost(viewer, postId));
  }

  @Mutation(() => PostModel, { description: 'Adds or takes back a reaction to a post.' })
  async reactToPost(@CurrentViewer() viewer: Viewer, @Args('input') input: ReactInput): Promise<PostModel> {
    return this.onePost(viewer, await this.discussions.react(viewer, input));
  }

  @Mutation(() => PostModel, {
    description: 'Hides a post, with a reason members see; its author is told. For the group’s convenors.',
  })
  async hidePost(@CurrentViewer() viewer: Viewer, @Args('input') input: HidePostInput): Promise<PostModel> {
    return this.onePost(viewer, await this.moderation.hide(viewer, input));
  }

  @Mutation(() => PostModel, { description: 'Shows a hidden post again. For the group’s convenors.' })
  async unhidePost(
    @CurrentViewer() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostModel> {
    return this.onePost(viewer, await this.moderation.unhide(viewer, postId));
  }

  @Mutation(() => ThreadModel, {
    description: "Keeps a discussion at the top of its group's list (or not). For the group's convenors.",
  })
  async pinThread(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('pinned', { type: () => Boolean }) pinned: boolean,
  ): Promise<ThreadModel> {
    const thread = await this.moderation.pin(viewer, threadId, pinned);
    return this.oneThread(viewer, thread);
  }

  @Mutation(() => ThreadModel, {
    description: 'Closes a discussion to replies and edits (or opens it again). For the group’s convenors.',
  })
  async lockThread(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('locked', { type: () => Boolean }) locked: boolean,
  ): Promise<ThreadModel> {
    const thread = await this.moderation.lock(viewer, threadId, locked);
    return this.oneThread(viewer, thread);
  }

  @Mutation(() => ThreadModel, {
    description: 'Moves a discussion to another group the viewer also convenes. For the group’s convenors.',
  })
  async moveThread(@CurrentViewer() viewer: Viewer, @Args('input') input: MoveThreadInput): Promise<ThreadModel> {
    const thread = await this.moderation.move(viewer, input);
    return this.oneThread(viewer, thread);
  }

  @Mutation(() => ThreadModel, {
    description: 'Marks a discussion read: up to `readCount` posts in written order, or all of it. Never moves back.',
  })
  async markThreadRead(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('readCount', { type: () => Int, nullable: true }) readCount: number | null,
  ): Promise<ThreadModel> {
    return this.oneThread(viewer, await this.discussions.markRead(viewer, { threadId, readCount }));
  }

  @Mutation(() => ThreadModel, {
    description:
      'How much the viewer hears of a discussion: every reply, replies to them and mentions, or mentions only.',
  })
  async setThreadNotificationLevel(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
    @Args('level', { type: () => ThreadNotificationLevel }) level: ThreadNotificationLevel,
  ): Promise<ThreadModel> {
    const { thread } = await this.access.thread(viewer, threadId);
    await this.preferences.setThreadLevel(viewer, thread.id, level);
    return this.oneThread(viewer, thread);
  }

  @Query(() => String, {
    description: 'The safe HTML a Markdown post would have, to preview it before posting. Nothing is stored.',
  })
  previewPost(
    @CurrentViewer() viewer: Viewer,
    @Args('body', { type: () => String }) body: string,
    @Args('groupId', { type: () => ID, nullable: true, description: 'Shows mentions of its members as they will be.' })
    groupId: string | null,
  ): Promise<string> {
    return this.discussions.preview(viewer, { body, groupId });
  }

  @Query(() => ThreadModel, { description: 'A discussion of a group the viewer belongs to.' })
  async thread(
    @CurrentViewer() viewer: Viewer,
    @Args('id', { type: () => ID }) id: string,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ThreadModel> {
    const { thread, view } = await this.discussions.threadForPage(viewer, id, {
      firstUnread: selects(info, ['firstUnreadPostId']),
    });
    const [model] = await this.present.summaries(viewer, view, [thread], {
      levels: selects(info, ['notificationLevel']),
    });
    if (!model) throw discussionsErrors.threadNotFound();
    return model;
  }

  @Query(() => SearchResultConnectionModel, {
    description: 'Full-text search of the discussions in the groups the viewer belongs to; best matches first.',
  })
  async search(
    @CurrentViewer() viewer: Viewer,
    @Args('input') input: SearchInput,
  ): Promise<SearchResultConnectionModel> {
    const page = await this.searching.search(viewer, input);
    return { ...page, nodes: await this.present.searchHits(page.nodes) };
  }

  @Mutation(() => ThreadModel, {
    description:
      "Changes a discussion's title or tags: its author while it is open, or the group's convenors. What they replace stays in `threadRevisions`.",
  })
  async updateThread(@CurrentViewer() viewer: Viewer, @Args('input') input: UpdateThreadInput): Promise<ThreadModel> {
    return this.oneThread(viewer, await this.discussions.updateThread(viewer, input));
  }

  @Query(() => [ThreadRevisionModel], { description: "A discussion's earlier titles and tags, newest first." })
  async threadRevisions(
    @CurrentViewer() viewer: Viewer,
    @Args('threadId', { type: () => ID }) threadId: string,
  ): Promise<ThreadRevisionModel[]> {
    return (await this.discussions.threadRevisions(viewer, threadId)).map((r) => ThreadRevisionModel.from(r));
  }

  @Query(() => [PostRevisionModel], { description: "A post's earlier texts, newest first." })
  async postRevisions(
    @CurrentViewer() viewer: Viewer,
    @Args('postId', { type: () => ID }) postId: string,
  ): Promise<PostRevisionModel[]> {
    return (await this.discussions.revisions(viewer, postId)).map((r) => PostRevisionModel.from(r));
  }

  @ResolveField(() => PostConnectionModel, {
    description: 'Posts in the order they were written; each names the post it answers.',
  })
  async posts(
    @CurrentViewer() viewer: Viewer,
    @Parent() thread: ThreadModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PostConnectionModel> {
    const page = await this.discussions.postsOf(viewer, thread, { first, after });
    return { ...page, nodes: this.present.postPage(viewer, page.nodes, thread.viewerCanModerate) };
  }

  @ResolveField(() => ID, {
    nullable: true,
    description: 'The first post the viewer has not read (open the discussion there); null when up to date.',
  })
  firstUnreadPostId(@Parent() thread: ThreadModel): Promise<string | null> | null {
    return thread.unreadCount ? this.discussions.firstUnreadPostId(thread, thread.readCount) : null;
  }

  private async oneThread(
    viewer: Viewer,
    thread: Parameters<ThreadPresenter['threads']>[1][number],
  ): Promise<ThreadModel> {
    const [model] = await this.present.threads(viewer, [thread]);
    if (!model) throw discussionsErrors.threadNotFound();
    return model;
  }

  private async onePost(viewer: Viewer, post: Post): Promise<PostModel> {
    const [model] = await this.present.posts(viewer, [post], await this.discussions.maySeeHidden(viewer, post));
    if (!model) throw discussionsErrors.postNotFound();
    return model;
  }
}

/** A group's discussions, and the people one can mention in it, on the group itself. */
@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupThreadsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly present: ThreadPresenter,
  ) {}

  @ResolveField(() => ThreadConnectionModel, {
    nullable: true,
    description: 'Pinned first, then latest activity; null for people outside the group.',
  })
  async threads(
    @CurrentViewer() viewer: Viewer,
    @Parent() group: WorkingGroupModel,
    @Info() info: GraphQLResolveInfo,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ThreadConnectionModel | null> {
    // The group as the viewer sees it was loaded by the parent query: no second lookup.
    const page = await this.discussions.threadsOf(viewer, group.view, {
      first,
      after,
      firstUnread: selects(info, ['nodes', 'firstUnreadPostId']),
    });
    if (!page) return null;
    return {
      ...page,
      nodes: await this.present.summaries(viewer, group.view, page.nodes, {
        levels: selects(info, ['nodes', 'notificationLevel']),
      }),
    };
  }

  @ResolveField(() => [MentionCandidateModel], {
    nullable: true,
    description: 'Members the viewer can @mention, matching the start of a name; null outside the group.',
  })
  async mentionable(
    @Parent() group: WorkingGroupModel,
    @Args('query', { type: () => String, nullable: true }) query: string | null,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 8 }) first: number,
  ): Promise<MentionCandidateModel[] | null> {
    const people = await this.discussions.mentionable(group.view, query, first);
    return people?.map((p) => ({ id: p.id, displayName: p.name })) ?? null;
  }
}

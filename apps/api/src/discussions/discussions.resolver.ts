import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { DiscussionsService } from '@convene/server-discussions';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';
import { CreateThreadInput, ReplyInput } from './discussions.inputs.js';
import { PostConnectionModel, PostModel, ThreadConnectionModel, ThreadModel } from './thread.model.js';
import { ThreadPresenter } from './thread.presenter.js';

@SignedIn()
@Resolver(() => ThreadModel)
export class DiscussionsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly present: ThreadPresenter,
    private readonly realtime: RealtimeGateway,
  ) {}

  @Mutation(() => ThreadModel, { description: 'Starts a discussion in a group the viewer belongs to.' })
  async createThread(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateThreadInput): Promise<ThreadModel> {
    return (await this.present.threads([await this.discussions.createThread(viewer, input)]))[0]!;
  }

  @Mutation(() => PostModel, { description: 'Replies in a discussion, to its opening post or to another of its posts.' })
  async reply(@CurrentViewer() viewer: Viewer, @Args('input') input: ReplyInput): Promise<PostModel> {
    const post = await this.discussions.reply(viewer, input);
    this.realtime.threadPost(post.thread.id, post.id);
    return (await this.present.posts([post]))[0]!;
  }

  @Query(() => String, { description: 'The safe HTML a Markdown post would have, to preview it before posting. Nothing is stored.' })
  previewPost(@Args('body', { type: () => String }) body: string): string {
    return this.discussions.preview(body);
  }

  @Query(() => ThreadModel, { description: 'A discussion of a group the viewer belongs to.' })
  async thread(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ThreadModel> {
    return (await this.present.threads([await this.discussions.thread(viewer, id)]))[0]!;
  }

  @ResolveField(() => PostConnectionModel, { description: 'Posts in the order they were written; each names the post it answers.' })
  async posts(
    @Parent() thread: ThreadModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PostConnectionModel> {
    const page = await this.discussions.postsOf(thread.entity, { first, after });
    return { ...page, nodes: await this.present.posts(page.nodes) };
  }
}

/** A group's discussions, on the group itself. */
@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupThreadsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly present: ThreadPresenter,
  ) {}

  @ResolveField(() => ThreadConnectionModel, { nullable: true, description: 'Latest activity first; null for people outside the group.' })
  async threads(
    @Parent() group: WorkingGroupModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ThreadConnectionModel | null> {
    // The group as the viewer sees it was loaded by the parent query: no second lookup.
    const page = await this.discussions.threadsOf(group.view, { first, after });
    if (!page) return null;
    return { ...page, nodes: await this.present.threads(page.nodes) };
  }
}

import { Args, ID, Int, Mutation, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CurrentViewer, SignedIn, type Viewer } from '@convene/server-core';
import { DiscussionsService, type Post, type Thread } from '@convene/server-discussions';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { WorkingGroupModel } from '../groups/working-group.model.js';
import { UserModel } from '../identity/user.model.js';
import { RealtimeGateway } from '../notifications/realtime.gateway.js';
import { CreateThreadInput, ReplyInput } from './discussions.inputs.js';
import { PostConnectionModel, PostModel, ThreadConnectionModel, ThreadModel } from './thread.model.js';

@SignedIn()
@Resolver(() => ThreadModel)
export class DiscussionsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
    private readonly realtime: RealtimeGateway,
  ) {}

  @Mutation(() => ThreadModel, { description: 'Starts a discussion in a group the viewer belongs to.' })
  async createThread(@CurrentViewer() viewer: Viewer, @Args('input') input: CreateThreadInput): Promise<ThreadModel> {
    return (await this.presentThreads([await this.discussions.createThread(viewer, input)]))[0]!;
  }

  @Mutation(() => PostModel, { description: 'Replies in a discussion, to its opening post or to another of its posts.' })
  async reply(@CurrentViewer() viewer: Viewer, @Args('input') input: ReplyInput): Promise<PostModel> {
    const post = await this.discussions.reply(viewer, input);
    this.realtime.threadPost(post.thread.id, post.id);
    return (await this.presentPosts([post]))[0]!;
  }

  @Query(() => String, { description: 'The safe HTML a Markdown post would have, to preview it before posting. Nothing is stored.' })
  previewPost(@Args('body', { type: () => String }) body: string): string {
    return this.discussions.preview(body);
  }

  @Query(() => ThreadModel, { description: 'A discussion of a group the viewer belongs to.' })
  async thread(@CurrentViewer() viewer: Viewer, @Args('id', { type: () => ID }) id: string): Promise<ThreadModel> {
    return (await this.presentThreads([await this.discussions.thread(viewer, id)]))[0]!;
  }

  @ResolveField(() => PostConnectionModel, { description: 'Posts in the order they were written; each names the post it answers.' })
  async posts(
    @Parent() thread: ThreadModel,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<PostConnectionModel> {
    const page = await this.discussions.postsOf(thread.entity, { first, after });
    return { ...page, nodes: await this.presentPosts(page.nodes) };
  }

  /** Authors and groups of a page of threads, each looked up once. */
  async presentThreads(threads: Thread[]): Promise<ThreadModel[]> {
    const models = threads.map((t) => ThreadModel.from(t));
    const [people, groups] = await Promise.all([
      this.identity.usersByIds(models.map((m) => m.authorId)),
      this.groups.referencesByIds(models.map((m) => m.groupId)),
    ]);
    for (const model of models) {
      const author = people.get(model.authorId);
      const group = groups.get(model.groupId);
      model.author = author ? UserModel.from(author) : null;
      model.group = group ? { id: group.id, slug: group.slug, name: group.name } : null;
    }
    return models;
  }

  private async presentPosts(posts: Post[]): Promise<PostModel[]> {
    const models = posts.map((p) => PostModel.from(p));
    const people = await this.identity.usersByIds(models.map((m) => m.authorId));
    for (const model of models) {
      const author = people.get(model.authorId);
      model.author = author ? UserModel.from(author) : null;
    }
    return models;
  }
}

/** A group's discussions, on the group itself. */
@SignedIn()
@Resolver(() => WorkingGroupModel)
export class GroupThreadsResolver {
  constructor(
    private readonly discussions: DiscussionsService,
    private readonly presenter: DiscussionsResolver,
  ) {}

  @ResolveField(() => ThreadConnectionModel, { nullable: true, description: 'Latest activity first; null for people outside the group.' })
  async threads(
    @Parent() group: WorkingGroupModel,
    @CurrentViewer() viewer: Viewer,
    @Args('first', { type: () => Int, nullable: true, defaultValue: 20 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<ThreadConnectionModel | null> {
    const page = await this.discussions.threadsOf(viewer, group.id, { first, after });
    if (!page) return null;
    return { ...page, nodes: await this.presenter.presentThreads(page.nodes) };
  }
}

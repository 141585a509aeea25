import { Injectable } from '@nestjs/common';
import type { Post, Thread } from '@convene/server-discussions';
import { GroupsService } from '@convene/server-groups';
import { IdentityService } from '@convene/server-identity';
import { UserModel } from '../identity/user.model.js';
import { PostModel, ThreadModel } from './thread.model.js';

/** Threads and posts as GraphQL models, their authors and groups looked up once per page. */
@Injectable()
export class ThreadPresenter {
  constructor(
    private readonly identity: IdentityService,
    private readonly groups: GroupsService,
  ) {}

  async threads(threads: Thread[]): Promise<ThreadModel[]> {
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

  async posts(posts: Post[]): Promise<PostModel[]> {
    const models = posts.map((p) => PostModel.from(p));
    const people = await this.identity.usersByIds(models.map((m) => m.authorId));
    for (const model of models) {
      const author = people.get(model.authorId);
      model.author = author ? UserModel.from(author) : null;
    }
    return models;
  }
}

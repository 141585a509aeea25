import { Field, HideField, ID, Int, ObjectType } from '@nestjs/graphql';
import type { Post, Thread } from '@convene/server-discussions';
import { UserModel } from '../identity/user.model.js';
import { GroupReferenceModel } from '../notifications/notification.model.js';

@ObjectType('Post')
export class PostModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The post this one answers; null for the opening post.' }) parentId!: string | null;
  @Field(() => Int, { description: '0 for the opening post, one more than its parent for a reply.' }) depth!: number;
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => String, { description: 'The Markdown as written.' }) body!: string;
  @Field(() => String, { description: 'Safe HTML rendered from the Markdown: no scripts, no raw HTML, only web, mail and same-site links.' })
  bodyHtml!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true }) editedAt!: Date | null;

  @HideField() authorId!: string;

  static from(post: Post): PostModel {
    return Object.assign(new PostModel(), {
      id: post.id,
      parentId: post.parent?.id ?? null,
      depth: post.depth,
      author: null,
      body: post.body,
      bodyHtml: post.bodyHtml,
      createdAt: post.createdAt,
      editedAt: post.editedAt,
      authorId: post.author.id,
    });
  }
}

@ObjectType('PostConnection')
export class PostConnectionModel {
  @Field(() => [PostModel]) nodes!: PostModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('Thread')
export class ThreadModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => GroupReferenceModel, { nullable: true }) group!: GroupReferenceModel | null;
  @Field(() => Int, { description: 'Posts after the opening one.' }) replyCount!: number;
  @Field(() => Boolean) pinned!: boolean;
  @Field(() => Boolean) locked!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastActivityAt!: Date;

  @HideField() entity!: Thread;
  @HideField() authorId!: string;
  @HideField() groupId!: string;

  static from(thread: Thread): ThreadModel {
    return Object.assign(new ThreadModel(), {
      id: thread.id,
      title: thread.title,
      tags: thread.tags,
      author: null,
      group: null,
      replyCount: thread.postCount - 1,
      pinned: thread.pinned,
      locked: thread.locked,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      entity: thread,
      authorId: thread.author.id,
      groupId: thread.group.id,
    });
  }
}

@ObjectType('ThreadConnection')
export class ThreadConnectionModel {
  @Field(() => [ThreadModel]) nodes!: ThreadModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

import { Field, HideField, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Reaction, ThreadNotificationLevel } from '@convene/shared-contracts';
import type {
  Post,
  PostRevision,
  PostValues,
  Thread,
  ThreadRevision,
  ThreadSummary,
} from '@convene/server-discussions';
import { UserModel } from '../identity/user.model.js';
import { GroupReferenceModel } from '../notifications/notification.model.js';
import { PRELOADED, type Preloadable } from '../graphql/preloaded-fields.js';

registerEnumType(Reaction, { name: 'Reaction' });
registerEnumType(ThreadNotificationLevel, { name: 'ThreadNotificationLevel' });

@ObjectType('ReactionCount')
export class ReactionCountModel {
  @Field(() => Reaction) reaction!: Reaction;
  @Field(() => Int) count!: number;
  @Field(() => Boolean, { description: 'Whether the viewer gave this reaction.' }) mine!: boolean;
}

@ObjectType('PostModeration', { description: 'Why a convenor hid a post.' })
export class PostModerationModel {
  @Field(() => String) reason!: string;
  @Field(() => Date) hiddenAt!: Date;
}

@ObjectType('Post')
export class PostModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) threadId!: string;
  @Field(() => ID, { nullable: true, description: 'The post this one answers; null for the opening post.' }) parentId!:
    string | null;
  @Field(() => Int, { description: '0 for the opening post, one more than its parent for a reply.' }) depth!: number;
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => String, {
    nullable: true,
    description:
      'The Markdown as written; null once deleted, or when hidden (except for its author and the convenors).',
  })
  body!: string | null;
  @Field(() => String, {
    description:
      'Safe HTML rendered from the Markdown: no scripts, no raw HTML, only web, mail and same-site links. Empty when `body` is null.',
  })
  bodyHtml!: string;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date, { nullable: true, description: 'Last edit; its earlier texts are in `revisions`.' })
  editedAt!: Date | null;
  @Field(() => Boolean, { description: 'Deleted by its author: the place in the tree stays, the text is gone.' })
  deleted!: boolean;
  @Field(() => PostModerationModel, { nullable: true, description: 'Set when a convenor hid the post.' })
  hidden!: PostModerationModel | null;
  @Field(() => [ReactionCountModel]) reactions!: ReactionCountModel[];
  @Field(() => Boolean, { description: 'The viewer wrote it and may still edit or delete it.' })
  viewerIsAuthor!: boolean;

  @HideField() authorId!: string;

  /** A post of a page, read as plain values with its author (`maySeeHidden`: the viewer convenes the group). */
  static fromValues(post: PostValues, viewer: { userId: string; maySeeHidden: boolean }): PostModel {
    const visible = !post.deletedAt && (!post.hiddenAt || viewer.maySeeHidden || post.authorId === viewer.userId);
    return Object.assign(new PostModel(), {
      id: post.id,
      threadId: post.threadId,
      parentId: post.parentId,
      depth: post.depth,
      author: post.author ? UserModel.fromValues(post.author) : null,
      body: visible ? post.body : null,
      bodyHtml: visible ? post.bodyHtml : '',
      createdAt: post.createdAt,
      editedAt: post.deletedAt ? null : post.editedAt,
      deleted: !!post.deletedAt,
      hidden: post.hiddenAt ? { reason: post.hiddenReason ?? '', hiddenAt: post.hiddenAt } : null,
      reactions: post.reactions,
      viewerIsAuthor: post.authorId === viewer.userId,
      authorId: post.authorId,
    });
  }

  /** A post entity (a single post a mutation answered); its author and reactions are filled in by the presenter. */
  static from(post: Post, viewer: { userId: string; maySeeHidden: boolean }): PostModel {
    return PostModel.fromValues(
      {
        id: post.id,
        threadId: post.thread.id,
        parentId: post.parent?.id ?? null,
        depth: post.depth,
        body: post.body,
        bodyHtml: post.bodyHtml,
        createdAt: post.createdAt,
        editedAt: post.editedAt,
        deletedAt: post.deletedAt,
        hiddenAt: post.hiddenAt,
        hiddenReason: post.hiddenReason,
        authorId: post.author.id,
        author: null,
        reactions: [],
      },
      viewer,
    );
  }
}

@ObjectType('PostRevision', { description: 'A text a post had before an edit.' })
export class PostRevisionModel {
  @Field(() => ID) id!: string;
  @Field(() => String) body!: string;
  @Field(() => String) bodyHtml!: string;
  @Field(() => Date, { description: 'When this text was written.' }) writtenAt!: Date;
  @Field(() => Date, { description: 'When an edit replaced it.' }) replacedAt!: Date;

  static from(revision: PostRevision): PostRevisionModel {
    return Object.assign(new PostRevisionModel(), {
      id: revision.id,
      body: revision.body,
      bodyHtml: revision.bodyHtml,
      writtenAt: revision.writtenAt,
      replacedAt: revision.replacedAt,
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
export class ThreadModel implements Preloadable<{ firstUnreadPostId: string | null }> {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => GroupReferenceModel, { nullable: true }) group!: GroupReferenceModel | null;
  @Field(() => Int, { description: 'Posts after the opening one.' }) replyCount!: number;
  @Field(() => Int, { description: 'Posts (the opening one included) the viewer has not read yet.' })
  unreadCount!: number;
  @Field(() => Int, { description: 'How many posts, in written order, the viewer has read.' }) readCount!: number;
  @Field(() => Boolean) pinned!: boolean;
  @Field(() => Boolean) locked!: boolean;
  @Field(() => Date) createdAt!: Date;
  @Field(() => Date) lastActivityAt!: Date;
  @Field(() => Date, {
    nullable: true,
    description:
      'When its title or tags last changed (by its author or a convenor); the earlier ones are in `threadRevisions`.',
  })
  editedAt!: Date | null;
  @Field(() => ThreadNotificationLevel, { description: 'How much the viewer hears of this discussion.' })
  notificationLevel!: ThreadNotificationLevel;
  @Field(() => Boolean, {
    description: 'The viewer convenes the group: may pin, lock, move and hide (while the group is not archived).',
  })
  viewerCanModerate!: boolean;
  @Field(() => Boolean, {
    description: 'Its group is archived: the discussion can be read, nothing in it can change.',
  })
  groupArchived!: boolean;

  /** Loaded for a whole page of threads when the query asks for it. */
  declare [PRELOADED]?: Partial<{ firstUnreadPostId: string | null }>;
  @HideField() postCount!: number;
  @HideField() authorId!: string;
  @HideField() groupId!: string;

  /** A thread of a list, with its author and the viewer's read position already in it. */
  static fromSummary(thread: ThreadSummary): ThreadModel {
    return Object.assign(new ThreadModel(), {
      id: thread.id,
      title: thread.title,
      tags: thread.tags,
      author: thread.author ? UserModel.fromValues(thread.author) : null,
      group: null,
      replyCount: thread.postCount - 1,
      unreadCount: thread.postCount - thread.readCount,
      readCount: thread.readCount,
      pinned: thread.pinned,
      locked: thread.locked,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      editedAt: thread.editedAt,
      notificationLevel: ThreadNotificationLevel.NORMAL,
      viewerCanModerate: false,
      groupArchived: false,
      postCount: thread.postCount,
      authorId: thread.author?.id ?? '',
      groupId: thread.groupId,
    });
  }

  /** A thread entity; its author, group and the viewer's position are filled in by the presenter. */
  static from(thread: Thread): ThreadModel {
    const model = ThreadModel.fromSummary({
      id: thread.id,
      groupId: thread.group.id,
      title: thread.title,
      tags: thread.tags,
      pinned: thread.pinned,
      locked: thread.locked,
      postCount: thread.postCount,
      createdAt: thread.createdAt,
      lastActivityAt: thread.lastActivityAt,
      editedAt: thread.editedAt,
      author: null,
      readCount: 0,
    });
    model.authorId = thread.author.id;
    return model;
  }
}

@ObjectType('ThreadRevision', { description: 'A title and tags a discussion had before an edit.' })
export class ThreadRevisionModel {
  @Field(() => ID) id!: string;
  @Field(() => String) title!: string;
  @Field(() => [String]) tags!: string[];
  @Field(() => Date, { description: 'When an edit replaced them.' }) replacedAt!: Date;
  @Field(() => UserModel, { nullable: true, description: 'Who replaced them; null for a deleted account.' })
  editor!: UserModel | null;

  static from(revision: ThreadRevision): ThreadRevisionModel {
    const editor = revision.editor.isInitialized() ? revision.editor.getEntity() : null;
    return Object.assign(new ThreadRevisionModel(), {
      id: revision.id,
      title: revision.title,
      tags: revision.tags,
      replacedAt: revision.replacedAt,
      editor: editor && !editor.deletedAt ? UserModel.from(editor) : null,
    });
  }
}

@ObjectType('ThreadConnection')
export class ThreadConnectionModel {
  @Field(() => [ThreadModel]) nodes!: ThreadModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('SearchResult', { description: 'A post (or a thread, through its opening post) that matches a search.' })
export class SearchResultModel {
  @Field(() => ID) postId!: string;
  @Field(() => ID) threadId!: string;
  @Field(() => GroupReferenceModel, { nullable: true }) group!: GroupReferenceModel | null;
  @Field(() => UserModel, { nullable: true }) author!: UserModel | null;
  @Field(() => Date) createdAt!: Date;
  @Field(() => String, { description: 'The thread title as safe HTML, matched words in <mark>.' }) titleHtml!: string;
  @Field(() => String, { description: 'Passages of the post as safe HTML, matched words in <mark>.' })
  snippetHtml!: string;
}

@ObjectType('SearchResultConnection')
export class SearchResultConnectionModel {
  @Field(() => [SearchResultModel]) nodes!: SearchResultModel[];
  @Field(() => String, { nullable: true, description: 'Pass as `after` for the next page.' }) endCursor!: string | null;
  @Field(() => Boolean) hasNextPage!: boolean;
}

@ObjectType('MentionCandidate', { description: 'A member the viewer can @mention in a group.' })
export class MentionCandidateModel {
  @Field(() => ID) id!: string;
  @Field(() => String) displayName!: string;
}

// Discussions by email: what a notification mail about a post says (the post itself, as its reader
// may read it) and the reader's reply address for the discussion, and finding who and where a
// reply address stands for when mail comes to it.
import { randomBytes, randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, DomainError, type AppConfig, type Viewer } from '@convene/server-core';
import { GroupsService } from '@convene/server-groups';
import { User, base32Encode } from '@convene/server-identity';
import { MailSubjects, type MailRecipient, type PostMailDetails } from '@convene/server-mail';
import { Post } from './post.entity.js';
import { ReplyAddress } from './reply-address.entity.js';
import { Thread } from './thread.entity.js';

/** `reply+<token>@<domain>`: the token is 26 base32 characters. */
const REPLY_LOCAL = /^reply\+([a-z2-7]{26})$/;
/** 128 random bits as 26 lowercase base32 characters: safe in any mail program's address handling. */
const newToken = (): string => base32Encode(randomBytes(16)).toLowerCase();

/** A group the person can't see reads as no group; anything else (the database away) is an error. */
const notFound = (error: unknown): null => {
  if (error instanceof DomainError) return null;
  throw error;
};

/** Who a reply address stands for, as it stands now. */
export type ReplyTarget =
  | { ok: true; user: User; thread: Thread; viewer: Viewer }
  | { ok: false; reason: 'unknown-address' | 'not-member' | 'locked'; user: User | null; thread: Thread | null };

@Injectable()
export class DiscussionMail implements OnModuleInit {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly mailSubjects: MailSubjects,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.mailSubjects.register('post', (postId, recipient) => this.details({ postId }, recipient));
    this.mailSubjects.register('thread', (threadId, recipient) => this.details({ threadId }, recipient));
  }

  /** Whether this hub takes mail at all (through its SMTP receiver or its HTTP route). */
  get takesReplies(): boolean {
    return this.config.inboundMail.smtpPort > 0 || this.config.inboundMail.secret !== null;
  }

  /** The token in `address` when it is one of this hub's reply addresses (any case), else null. */
  tokenOf(address: string): string | null {
    const at = address.lastIndexOf('@');
    if (at < 0 || address.slice(at + 1).toLowerCase() !== this.config.inboundMail.domain) return null;
    return REPLY_LOCAL.exec(address.slice(0, at).toLowerCase())?.[1] ?? null;
  }

  /**
   * Who and which discussion a reply address stands for, checked as now: the person still active
   * with the same password, still a member (the same membership) who may write, the discussion
   * open. A token that was never made, or has ended, is an unknown address.
   */
  async target(token: string): Promise<ReplyTarget> {
    const em = this.em.fork();
    const address = await em.findOne(ReplyAddress, { token }, { populate: ['user', 'thread'] });
    if (!address) return { ok: false, reason: 'unknown-address', user: null, thread: null };
    const user = address.user.getEntity();
    const thread = address.thread.getEntity();
    if (user.deactivatedAt || user.deletedAt || user.passwordChangedAt.getTime() !== address.passwordStamp.getTime())
      return { ok: false, reason: 'unknown-address', user, thread };
    const viewer = this.viewerOf(user);
    const view = await this.groups.byId(viewer, thread.group.id).catch(notFound);
    if (!view?.isActiveMember || !view.canContribute || view.viewerMembership?.id !== address.membershipId)
      return { ok: false, reason: 'not-member', user, thread };
    if (thread.locked) return { ok: false, reason: 'locked', user, thread };
    return { ok: true, user, thread, viewer };
  }

  /** Notes that a reply came through the address (shown nowhere yet; kept for the operators). */
  async used(token: string): Promise<void> {
    await this.em.fork().nativeUpdate(ReplyAddress, { token }, { lastUsedAt: new Date() });
  }

  /** A person acting by email: who they are, without a session. */
  viewerOf(user: User): Viewer {
    return { userId: user.id, sessionId: 'email', networkRole: user.networkRole };
  }

  private async details(
    which: { postId: string } | { threadId: string },
    recipient: MailRecipient,
  ): Promise<PostMailDetails | null> {
    const em = this.em.fork();
    const post =
      'postId' in which
        ? await em.findOne(Post, { id: which.postId }, { populate: ['thread'] })
        : await em.findOne(Post, { thread: which.threadId, parent: null }, { populate: ['thread'] });
    if (!post || post.deletedAt || post.hiddenAt) return null;
    const thread = post.thread.getEntity();
    const user = await em.findOne(User, { id: recipient.id });
    if (!user) return null;
    const view = await this.groups.byId(this.viewerOf(user), thread.group.id).catch(notFound);
    if (!view?.isActiveMember || !view.viewerMembership) return null;
    const replyTo =
      this.takesReplies && view.canContribute && !thread.locked && !view.group.archivedAt
        ? await this.replyAddress(em, user, thread, view.viewerMembership.id)
        : null;
    const base = this.config.publicUrl;
    return {
      threadTitle: thread.title,
      // Links in a post are the app's own paths: in a mail they need the hub's address.
      html: post.bodyHtml.replace(/(href|src)="\/(?!\/)/g, `$1="${base}/`),
      text: post.body,
      link: `${base}/threads/${thread.id}#post-${post.id}`,
      isReply: post.parent !== null,
      replyTo,
      conversation: `thread-${thread.id}`,
    };
  }

  /** The person's reply address for the discussion: the one they have, or a new one if theirs has ended. */
  private async replyAddress(em: EntityManager, user: User, thread: Thread, membershipId: string): Promise<string> {
    const existing = await em.findOne(ReplyAddress, { user: user.id, thread: thread.id });
    const current =
      existing &&
      existing.membershipId === membershipId &&
      existing.passwordStamp.getTime() === user.passwordChangedAt.getTime();
    if (current) return this.address(existing.token);
    // One per person and discussion: a new token replaces an ended one. Two mails prepared at once
    // for the same person and discussion: the second finds the first's token current and keeps it.
    const [made] = await em.execute<{ token: string }[]>(
      `insert into reply_addresses (id, token, user_id, thread_id, membership_id, password_stamp, created_at)
       values (?, ?, ?, ?, ?, ?, now())
       on conflict (user_id, thread_id) do update
         set token = excluded.token, membership_id = excluded.membership_id,
             password_stamp = excluded.password_stamp, created_at = excluded.created_at, last_used_at = null
         where reply_addresses.membership_id <> excluded.membership_id
            or reply_addresses.password_stamp <> excluded.password_stamp
       returning token`,
      [randomUUID(), newToken(), user.id, thread.id, membershipId, user.passwordChangedAt],
    );
    if (made) return this.address(made.token);
    const kept = await em.findOneOrFail(ReplyAddress, { user: user.id, thread: thread.id }, { refresh: true });
    return this.address(kept.token);
  }

  private address(token: string): string {
    return `reply+${token}@${this.config.inboundMail.domain}`;
  }
}

// Mail to a personal reply address becomes a post in that discussion, as that person: quoted text
// and signatures left out, attachments shared as documents of the group under the upload rules.
// Anything refused is answered with a bounce in the person's language, and nothing of it is kept.
// The same mail delivered twice is posted once.
import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import { simpleParser, type ParsedMail } from 'mailparser';
import EmailReplyParser from 'email-reply-parser';
import { DomainError, RateLimiter, type Viewer } from '@convene/server-core';
import { DiscussionMail, DiscussionsErrorCode, DiscussionsService, InboundMail } from '@convene/server-discussions';
import {
  DocumentUploadService,
  DocumentsErrorCode,
  DocumentsService,
  type Document,
  type ReceivedFile,
} from '@convene/server-documents';
import { User } from '@convene/server-identity';
import { MailService, type ReplyRefusal } from '@convene/server-mail';
import { ErrorCode } from '@convene/shared-contracts';
import { FileStorage } from '@convene/server-storage';

/** Replies one person may send by email in an hour (the web's posting is not limited; mail is easier to loop). */
export const INBOUND_REPLIES_PER_HOUR = 60;

export type InboundOutcome =
  | { outcome: 'posted'; postId: string }
  | { outcome: 'duplicate'; postId: string | null }
  | { outcome: 'refused'; reason: ReplyRefusal; bounced: boolean };

/** The envelope an SMTP session gave (the HTTP route has none: the headers say it). */
export interface Envelope {
  from?: string | null;
  to?: string[];
}

/** A mail no one should answer: an auto-reply, a bounce, a list's mail, or one with no sender. */
function isAutomatic(mail: ParsedMail, from: string | null): boolean {
  const header = (name: string) => String(mail.headers.get(name) ?? '').toLowerCase();
  return (
    !from ||
    /^(mailer-daemon|postmaster|no-?reply)@/i.test(from) ||
    (header('auto-submitted') !== '' && header('auto-submitted') !== 'no') ||
    ['bulk', 'junk', 'list'].includes(header('precedence')) ||
    mail.headers.has('x-autoreply') ||
    mail.headers.has('list-id')
  );
}

function addresses(value: ParsedMail['to'] | ParsedMail['cc']): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((group) => group.value.map((address) => address.address ?? '')).filter(Boolean);
}

/** What the person wrote: the text part (or the HTML's text), without the quoted mail and the signature. */
function writtenText(mail: ParsedMail): string {
  const text = mail.text ?? (typeof mail.html === 'string' ? mail.html.replace(/<[^>]+>/g, ' ') : '');
  return new EmailReplyParser().parseReply(text.replace(/\r\n/g, '\n')).trim();
}

@Injectable()
export class InboundMailService {
  private readonly logger = new Logger('InboundMail');

  constructor(
    private readonly em: EntityManager,
    private readonly discussionMail: DiscussionMail,
    private readonly discussions: DiscussionsService,
    private readonly documents: DocumentsService,
    private readonly uploads: DocumentUploadService,
    private readonly storage: FileStorage,
    private readonly mail: MailService,
    private readonly rateLimiter: RateLimiter,
  ) {}

  /** Whether mail for `address` is taken here: only the hub's reply addresses are. */
  accepts(address: string): boolean {
    return this.discussionMail.tokenOf(address) !== null;
  }

  /** One mail, already held to INBOUND_MAIL_MAX_BYTES by whoever took it in (552 over SMTP, 413 over HTTP). */
  async receive(raw: Buffer, envelope: Envelope = {}): Promise<InboundOutcome> {
    const parsed = await simpleParser(raw, { skipImageLinks: true, skipTextLinks: true });
    const from = (parsed.from?.value[0]?.address ?? envelope.from ?? '').toLowerCase() || null;
    const refuse = (reason: ReplyRefusal, locale: string | null, detail = '') =>
      this.refuse(parsed, from, reason, locale, detail);
    const recipients = envelope.to?.length ? envelope.to : [...addresses(parsed.to), ...addresses(parsed.cc)];
    const token = recipients.map((address) => this.discussionMail.tokenOf(address)).find(Boolean);
    if (!token) return refuse('unknown-address', null);
    const target = await this.discussionMail.target(token);
    if (!target.ok) return refuse(target.reason, target.user?.locale ?? null);
    const { user, thread, viewer } = target;
    // The address is the person's only where it comes back from their own mailbox.
    if (from !== user.email.toLowerCase()) return refuse('wrong-sender', null);

    // Claimed before anything is written: a second delivery of the same mail finds the claim.
    const key = createHash('sha256')
      .update(parsed.messageId ? `id:${parsed.messageId}` : raw)
      .digest('hex');
    const claimed = await this.claim(key, user.id);
    if (!claimed) {
      const earlier = await this.em.fork().findOne(InboundMail, { key });
      return { outcome: 'duplicate', postId: earlier?.postId ?? null };
    }
    try {
      const outcome = await this.post(parsed, user, thread.id, thread.group.id, viewer);
      if (outcome.outcome !== 'posted') {
        await this.unclaim(key);
        return refuse(outcome.reason, user.locale, outcome.detail);
      }
      await this.em.fork().nativeUpdate(InboundMail, { key }, { postId: outcome.postId });
      await this.discussionMail.used(token);
      return outcome;
    } catch (error) {
      await this.unclaim(key);
      throw error;
    }
  }

  private async post(
    parsed: ParsedMail,
    user: User,
    threadId: string,
    groupId: string,
    viewer: Viewer,
  ): Promise<{ outcome: 'posted'; postId: string } | { outcome: 'refused'; reason: ReplyRefusal; detail: string }> {
    try {
      await this.rateLimiter.consume([
        { scope: 'inbound-mail:person', subject: user.id, limit: INBOUND_REPLIES_PER_HOUR, windowSeconds: 3600 },
      ]);
    } catch (error) {
      if (error instanceof DomainError && error.code === ErrorCode.RateLimited)
        return { outcome: 'refused', reason: 'too-many', detail: '' };
      throw error;
    }
    // Pictures a mail program put in the signature (inline, with a content id) are not the reply's.
    const attachments = parsed.attachments.filter(
      (a) => !(a.contentDisposition === 'inline' && a.cid && a.contentType.startsWith('image/')),
    );
    const text = writtenText(parsed);
    if (!text && attachments.length === 0) return { outcome: 'refused', reason: 'empty', detail: '' };

    // Every file checked and stored before anything is recorded: one refused, none kept.
    const options = { maxBytes: this.documents.maxBytes, allowedTypes: await this.documents.allowedTypes() };
    const files: ReceivedFile[] = [];
    for (const attachment of attachments) {
      const name = attachment.filename ?? 'attachment';
      try {
        files.push(await this.uploads.receiveWhole(attachment.content, name, options));
      } catch (error) {
        await Promise.all(files.map((file) => this.storage.delete(file.storageKey).catch(() => undefined)));
        if (!(error instanceof DomainError)) throw error;
        return {
          outcome: 'refused',
          reason: error.reason === DocumentsErrorCode.FileTooLarge ? 'too-big' : 'file-refused',
          detail: `${name}: ${error.message}`,
        };
      }
    }

    const shared: Document[] = [];
    try {
      const target = await this.documents.uploadTarget(viewer, groupId);
      // One at a time out of `files`: a file whose record fails is discarded by `create`; the rest stay
      // in `files` and go below.
      for (let file = files.shift(); file; file = files.shift())
        shared.push(await this.documents.create(viewer, target.view, null, file));
      const links = shared.map((document) => `- [${document.title}](/documents/${document.id})`).join('\n');
      const body = [text, links].filter(Boolean).join('\n\n');
      const post = await this.discussions.reply(viewer, { threadId, body });
      for (const document of shared)
        await this.documents.addThreadLink(viewer, document.id, { id: threadId, groupId }).catch(() => undefined);
      return { outcome: 'posted', postId: post.id };
    } catch (error) {
      // Nothing half-written: files not yet recorded go, documents already shared go to the trash.
      await Promise.all(files.map((file) => this.storage.delete(file.storageKey).catch(() => undefined)));
      for (const document of shared) await this.documents.trash(viewer, document.id).catch(() => undefined);
      if (error instanceof DomainError) {
        if (error.reason === DiscussionsErrorCode.ThreadLocked)
          return { outcome: 'refused', reason: 'locked', detail: '' };
        // The reply's text over the length a post may have.
        if (error.code === ErrorCode.BadUserInput)
          return {
            outcome: 'refused',
            reason: 'too-big',
            detail: Object.values(error.fields ?? {}).join(' ') || error.message,
          };
        if (error.code === ErrorCode.NotFound || error.code === ErrorCode.Forbidden)
          return { outcome: 'refused', reason: 'not-member', detail: '' };
      }
      throw error;
    }
  }

  private async claim(key: string, userId: string): Promise<boolean> {
    try {
      await this.em.fork().insert(InboundMail, { key, user: userId, postId: null, receivedAt: new Date() });
      return true;
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) return false;
      throw error;
    }
  }

  private async unclaim(key: string): Promise<void> {
    await this.em.fork().nativeDelete(InboundMail, { key });
  }

  /**
   * Answers the sender (unless the mail was automatic: no answer to an answer), in the language of
   * the account the mail came from, or English when it came from no account.
   */
  private async refuse(
    parsed: ParsedMail,
    from: string | null,
    reason: ReplyRefusal,
    locale: string | null,
    detail: string,
  ): Promise<InboundOutcome> {
    this.logger.log(`Reply by email refused: ${reason}`);
    if (!from || isAutomatic(parsed, from)) return { outcome: 'refused', reason, bounced: false };
    const em = this.em.fork();
    const account = locale ? null : await em.findOne(User, { email: from });
    const message = this.mail.prepare(
      'reply-refused',
      { email: from, locale: locale ?? account?.locale ?? 'en' },
      { reason, subject: (parsed.subject ?? '').slice(0, 200), detail },
      em,
    );
    await em.flush();
    await this.mail.dispatch([message]);
    return { outcome: 'refused', reason, bounced: true };
  }
}

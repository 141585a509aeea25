import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { APP_CONFIG, JobQueue, jobIds, type AppConfig } from '@convene/server-core';
import { MailMessage, MailStatus } from './mail-message.entity.js';
import { MailMessageRepository } from './mail-message.repository.js';
import { renderMail, type MailFooter, type MailKind, type MailTemplates } from './mail-templates.js';
import { MAIL_TRANSPORT, type MailTransport } from './mail-transport.js';

/** Mail whose link is a secret that grants something (an account, a new password). */
const SECRET_LINK_KINDS = new Set<string>(['password-reset', 'network-invitation', 'group-invitation']);
const REMOVED_BODY = 'Removed once sent: it held a private link.';

export interface DevMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  createdAt: Date;
}

const MAX_ATTEMPTS = 6;

/** A calendar invitation a mail carries. */
export interface MailCalendar {
  method: 'PUBLISH' | 'REQUEST' | 'CANCEL';
  ics: string;
}

@Injectable()
export class MailService {
  private readonly logger = new Logger(MailService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly messages: MailMessageRepository,
    private readonly jobs: JobQueue,
    @Inject(MAIL_TRANSPORT) private readonly transport: MailTransport,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Renders a mail and adds it to the caller's unit of work: it is stored by the caller's flush,
   * in the same transaction as the change it reports. Call `dispatch` after the flush.
   */
  prepare<K extends MailKind>(
    kind: K,
    to: { email: string; locale: string },
    params: MailTemplates[K],
    em: EntityManager = this.em,
    calendar?: MailCalendar | null,
  ): MailMessage {
    const rendered = renderMail(kind, to.locale, params);
    return em.create(MailMessage, {
      toAddress: to.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      kind,
      calendar: calendar?.ics ?? null,
      calendarMethod: calendar?.method ?? null,
    });
  }

  /**
   * Like `prepare`, for mail that comes from someone's notification settings: it says why it was
   * sent, carries a one-click unsubscribe link, and has a Message-ID made from `key` (what it is
   * about), which the table keeps unique.
   */
  prepareNotice<K extends MailKind>(
    em: EntityManager,
    kind: K,
    to: { email: string; locale: string },
    params: MailTemplates[K],
    notice: {
      key: string;
      footer: MailFooter;
      calendar?: MailCalendar | null;
      /** A personal reply address: answering the mail posts in the conversation. */
      replyTo?: string | null;
      /** What the mail is part of (a discussion), as a key like `key`: mail programs keep such mails together. */
      conversation?: string | null;
    },
  ): MailMessage {
    const rendered = renderMail(kind, to.locale, params, notice.footer);
    return em.create(MailMessage, {
      toAddress: to.email,
      subject: rendered.subject,
      textBody: rendered.text,
      htmlBody: rendered.html,
      kind,
      messageId: `<${notice.key}@${this.messageIdDomain()}>`,
      unsubscribeUrl: notice.footer.unsubscribeUrl,
      calendar: notice.calendar?.ics ?? null,
      calendarMethod: notice.calendar?.method ?? null,
      replyTo: notice.replyTo ?? null,
      conversationId: notice.conversation ? `<${notice.conversation}@${this.messageIdDomain()}>` : null,
    });
  }

  /** Enqueues delivery of stored mail. Never throws: the sweep catches anything not enqueued. */
  async dispatch(messages: MailMessage[]): Promise<void> {
    await this.jobs.addManyAfterCommit(
      'send-mail',
      messages.map((message) => ({ payload: { mailId: message.id }, jobId: jobIds.sendMail(message.id) })),
    );
  }

  /**
   * Delivers one stored mail at most once: the row is locked, a sent row is skipped. A failed send
   * is recorded and rethrown so the queue retries it with backoff.
   */
  async deliver(mailId: string): Promise<'sent' | 'skipped'> {
    let failure: Error | null = null;
    const outcome = await this.em.fork().transactional(async (em) => {
      const message = await em.getRepository(MailMessage).findForDelivery(mailId);
      if (!message || message.status !== MailStatus.Queued) return 'skipped' as const;
      message.attempts += 1;
      try {
        message.transport = await this.transport.send({
          from: this.config.mailFrom,
          to: message.toAddress,
          subject: message.subject,
          text: message.textBody,
          html: message.htmlBody,
          ...(message.messageId ? { messageId: message.messageId } : {}),
          ...(message.calendar
            ? {
                icalEvent: {
                  method: message.calendarMethod ?? 'PUBLISH',
                  content: message.calendar,
                  filename: 'invitation.ics',
                },
              }
            : {}),
          ...(message.replyTo ? { replyTo: message.replyTo } : {}),
          headers: {
            ...(message.unsubscribeUrl
              ? {
                  'List-Unsubscribe': `<${message.unsubscribeUrl}>`,
                  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
                }
              : {}),
            ...(message.conversationId
              ? { 'In-Reply-To': message.conversationId, References: message.conversationId }
              : {}),
          },
        });
        message.status = MailStatus.Sent;
        message.sentAt = new Date();
        message.lastError = null;
        // Once a real mail server has it, the stored copy of a mail that carries a secret link
        // loses its body: the database keeps only the token's hash. (The development mailbox is
        // the delivery itself, so there the body stays.)
        if (message.transport === 'smtp' && SECRET_LINK_KINDS.has(message.kind)) {
          message.textBody = REMOVED_BODY;
          message.htmlBody = `<p>${REMOVED_BODY}</p>`;
        }
        // The reply address lets whoever holds it post as the person: the database needn't keep it.
        if (message.transport === 'smtp') message.replyTo = null;
        return 'sent' as const;
      } catch (error) {
        failure = error as Error;
        message.lastError = failure.message.slice(0, 2000);
        if (message.attempts >= MAX_ATTEMPTS) message.status = MailStatus.Failed;
        return 'skipped' as const;
      }
    });
    if (failure) throw failure;
    return outcome;
  }

  /** Re-enqueues mail stored but never delivered, e.g. when Redis was down at commit time. */
  async sweepStranded(olderThanMs = 60_000): Promise<number> {
    const ids = await this.em
      .fork()
      .getRepository(MailMessage)
      .findStranded(new Date(Date.now() - olderThanMs), 1000);
    // A message whose job still waits keeps its job id: adding it again does nothing.
    await this.jobs.addMany(
      'send-mail',
      ids.map((id) => ({ payload: { mailId: id }, jobId: jobIds.sendMail(id) })),
    );
    if (ids.length) this.logger.log(`Re-enqueued ${ids.length} stranded mail message(s)`);
    return ids.length;
  }

  private messageIdDomain(): string {
    return new URL(this.config.publicUrl).hostname;
  }

  /** The development mailbox: mail "delivered" without SMTP. */
  async devMailbox(limit = 100): Promise<DevMail[]> {
    const rows = await this.messages.devMailbox(limit);
    return rows.map((m) => ({
      id: m.id,
      to: m.toAddress,
      subject: m.subject,
      text: m.textBody,
      createdAt: m.createdAt,
    }));
  }
}

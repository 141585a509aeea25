import { Injectable } from '@nestjs/common';
import type { MailCalendar } from './mail.service.js';

/** Who a notification mail goes to, for the details that depend on them (their time zone, say). */
export interface MailRecipient {
  id: string;
  locale: string;
  timeZone: string;
}

/** What a mail about a meeting says beyond its one line, for one recipient, with the calendar invitation. */
export interface MeetingMailDetails {
  title: string;
  when: string;
  place: string;
  reason: string;
  link: string;
  invitation: MailCalendar & { method: 'REQUEST' | 'CANCEL' };
}

/** What a mail about a post says: the post itself as the recipient may read it, and how to answer it. */
export interface PostMailDetails {
  threadTitle: string;
  /** The post's safe HTML (the discussions' Markdown), its links made absolute. */
  html: string;
  text: string;
  /** The post on its discussion's page. */
  link: string;
  /** Whether the post answers another (not the discussion's opening post). */
  isReply: boolean;
  /** The recipient's reply address for the discussion, when the hub takes replies by email. */
  replyTo: string | null;
  /** The discussion, as a key its mails share (they thread together in mail programs). */
  conversation: string;
}

/** The kinds of things whose mails carry details, and what those details are. */
export interface MailSubjectDetails {
  meeting: MeetingMailDetails;
  /** A post, by its id. */
  post: PostMailDetails;
  /** A discussion's opening post, by the discussion's id. */
  thread: PostMailDetails;
}

type DetailsProvider<K extends keyof MailSubjectDetails> = (
  subjectId: string,
  recipient: MailRecipient,
) => Promise<MailSubjectDetails[K] | null>;

/**
 * What notification mails say about a subject, provided by the domain that owns it (meetings
 * register theirs when their module starts), so the mails of notifications need not import it.
 */
@Injectable()
export class MailSubjects {
  private readonly providers: { [K in keyof MailSubjectDetails]?: DetailsProvider<K> } = {};

  register<K extends keyof MailSubjectDetails>(kind: K, provider: DetailsProvider<K>): void {
    if (this.providers[kind]) throw new Error(`Mail details for ${kind} registered twice`);
    this.providers[kind] = provider as (typeof this.providers)[K];
  }

  /** The details, or null when nobody provides them or the subject is gone. */
  async details<K extends keyof MailSubjectDetails>(
    kind: K,
    subjectId: string,
    recipient: MailRecipient,
  ): Promise<MailSubjectDetails[K] | null> {
    const provider = this.providers[kind] as DetailsProvider<K> | undefined;
    return provider ? provider(subjectId, recipient) : null;
  }
}

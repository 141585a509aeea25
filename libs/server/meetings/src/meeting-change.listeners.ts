import { Injectable } from '@nestjs/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { MailMessage } from '@convene/server-mail';
import type { Meeting } from './meeting.entity.js';

/** Meetings whose time, place or title changed (their SEQUENCE grew), or that were cancelled. */
export interface MeetingChange {
  /** The unit of work of the change: listeners write in the same transaction. */
  em: EntityManager;
  meetings: Meeting[];
  cancelled: boolean;
}

type Listener = (change: MeetingChange) => Promise<MailMessage[]>;

/**
 * Who else must hear when a meeting changes, inside the meetings domain: open events mail their
 * registrants (who have no account, so no notifications). Listeners return the mail to send after
 * the change commits.
 */
@Injectable()
export class MeetingChangeListeners {
  private readonly listeners: Listener[] = [];

  register(listener: Listener): void {
    this.listeners.push(listener);
  }

  async emit(change: MeetingChange): Promise<MailMessage[]> {
    if (!change.meetings.length) return [];
    const mails: MailMessage[] = [];
    for (const listener of this.listeners) mails.push(...(await listener(change)));
    return mails;
  }
}

// A meeting as one calendar event (RFC 5545): the same UID everywhere, so calendars replace it when
// its SEQUENCE grows. Used for the .ics download, the personal feed and the invitations mail carries.
import { MeetingStatus } from '@convene/shared-contracts';
import type { IcsEvent } from './ics.util.js';
import type { Meeting } from './meeting.entity.js';

export interface MeetingIcsOptions {
  /** What the summary adds after the title, e.g. the group's name. */
  groupName?: string | null;
  /** The meeting's page, for people with an account. */
  link?: string | null;
  organizer: { name: string; email: string };
  attendee?: IcsEvent['attendee'];
}

/** The email address in a `Name <address>` sender. */
export const addressOf = (mailFrom: string): string => /<([^>]+)>/.exec(mailFrom)?.[1] ?? mailFrom;

export function meetingIcsEvent(meeting: Meeting, options: MeetingIcsOptions): IcsEvent {
  const cancelled = meeting.status === MeetingStatus.CANCELLED;
  const description = [
    meeting.description,
    meeting.onlineUrl ? `Join online: ${meeting.onlineUrl}` : '',
    meeting.accessibilityNotes ? `Access: ${meeting.accessibilityNotes}` : '',
    cancelled && meeting.cancellationReason ? `Cancelled: ${meeting.cancellationReason}` : '',
    options.link ? `Details and RSVP: ${options.link}` : '',
  ]
    .filter(Boolean)
    .join('\n\n');
  return {
    uid: `${meeting.id}@convene`,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    timeZone: meeting.timeZone,
    summary: options.groupName ? `${meeting.title} (${options.groupName})` : meeting.title,
    description,
    location: meeting.location || meeting.onlineUrl || null,
    url: options.link ?? null,
    status: cancelled ? 'CANCELLED' : 'CONFIRMED',
    createdAt: meeting.createdAt,
    updatedAt: meeting.updatedAt,
    organizer: options.organizer,
    attendee: options.attendee ?? null,
    alarmsMinutesBefore: [],
  };
}

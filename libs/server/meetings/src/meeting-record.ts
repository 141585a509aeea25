import type { MeetingStatus, RsvpResponse } from '@convene/shared-contracts';
import type { Meeting } from './meeting.entity.js';

/** A meeting's stored values as plain data, for read-only lists (no entity, no identity map). */
export interface MeetingRecord {
  id: string;
  /** Null for a network event. */
  groupId: string | null;
  /** The other groups hosting it. */
  coHostIds: string[];
  seriesId: string | null;
  title: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  /** One meeting of a series moved on its own: the start the series gave it. */
  movedFrom: Date | null;
  timeZone: string;
  location: string;
  accessibilityNotes: string;
  onlineUrl: string | null;
  status: MeetingStatus;
  sequence: number;
  reminderMinutes: number[];
  agendaDocumentId: string | null;
  agendaText: string;
  minutesDocumentId: string | null;
  minutesText: string;
  threadId: string | null;
  pollId: string | null;
  createdById: string;
  cancelledAt: Date | null;
  cancellationReason: string;
  createdAt: Date;
  updatedAt: Date;
}

/** One person's answer to a meeting as plain data. */
export interface RsvpRecord {
  meetingId: string;
  userId: string;
  response: RsvpResponse;
  note: string;
  updatedAt: Date;
}

/** A meeting read together with one person's answer to it (null: they gave none). */
export interface MeetingWithAnswer extends MeetingRecord {
  answer: RsvpRecord | null;
}

/** A loaded meeting's values as a record (for code that reads meetings of both kinds). */
export function meetingRecord(m: Meeting): MeetingRecord {
  return {
    id: m.id,
    groupId: m.group?.id ?? null,
    coHostIds: m.coHostIds,
    seriesId: m.series?.id ?? null,
    title: m.title,
    description: m.description,
    startsAt: m.startsAt,
    endsAt: m.endsAt,
    movedFrom: m.movedFrom,
    timeZone: m.timeZone,
    location: m.location,
    accessibilityNotes: m.accessibilityNotes,
    onlineUrl: m.onlineUrl,
    status: m.status,
    sequence: m.sequence,
    reminderMinutes: m.reminderMinutes,
    agendaDocumentId: m.agendaDocumentId,
    agendaText: m.agendaText,
    minutesDocumentId: m.minutesDocumentId,
    minutesText: m.minutesText,
    threadId: m.threadId,
    pollId: m.pollId,
    createdById: m.createdBy.id,
    cancelledAt: m.cancelledAt,
    cancellationReason: m.cancellationReason,
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

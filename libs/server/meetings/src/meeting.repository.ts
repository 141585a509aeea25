import { EntityRepository, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { MembershipStatus, type MeetingStatus, type RsvpResponse } from '@convene/shared-contracts';
import type { Meeting } from './meeting.entity.js';
import type { MeetingRecord, MeetingWithAnswer, RsvpRecord } from './meeting-record.js';

type MeetingRow = Record<
  | 'id'
  | 'series_id'
  | 'title'
  | 'description'
  | 'time_zone'
  | 'location'
  | 'accessibility_notes'
  | 'online_url'
  | 'status'
  | 'agenda_document_id'
  | 'agenda_text'
  | 'minutes_document_id'
  | 'minutes_text'
  | 'thread_id'
  | 'poll_id'
  | 'created_by_id'
  | 'cancellation_reason',
  string
> & {
  group_id: string | null;
  sequence: number;
  co_host_ids: string[] | string;
  reminder_minutes: number[] | string;
  starts_at: Date | string;
  ends_at: Date | string;
  moved_from: Date | string | null;
  cancelled_at: Date | string | null;
  created_at: Date | string;
  updated_at: Date | string;
};

/** The viewer's answer, left-joined: its columns are not null, so a row has an answer and its time, or neither. */
type AnswerColumns =
  | { answer: RsvpResponse; answer_note: string | null; answer_updated_at: Date | string }
  | { answer: null; answer_note: null; answer_updated_at: null };

/** A Postgres array as the driver gives it: an array, or its text form where array parsing is off. */
const items = (value: (number | string)[] | string): string[] =>
  Array.isArray(value) ? value.map(String) : value.replace(/[{}]/g, '').split(',').filter(Boolean);

function toRecord(row: MeetingRow): MeetingRecord {
  return {
    id: row.id,
    groupId: row.group_id,
    coHostIds: items(row.co_host_ids),
    seriesId: row.series_id,
    title: row.title,
    description: row.description,
    startsAt: new Date(row.starts_at),
    endsAt: new Date(row.ends_at),
    movedFrom: row.moved_from == null ? null : new Date(row.moved_from),
    timeZone: row.time_zone,
    location: row.location,
    accessibilityNotes: row.accessibility_notes,
    onlineUrl: row.online_url,
    status: row.status as MeetingStatus,
    sequence: row.sequence,
    reminderMinutes: items(row.reminder_minutes).map(Number),
    agendaDocumentId: row.agenda_document_id,
    agendaText: row.agenda_text,
    minutesDocumentId: row.minutes_document_id,
    minutesText: row.minutes_text,
    threadId: row.thread_id,
    pollId: row.poll_id,
    createdById: row.created_by_id,
    cancelledAt: row.cancelled_at == null ? null : new Date(row.cancelled_at),
    cancellationReason: row.cancellation_reason,
    createdAt: new Date(row.created_at),
    updatedAt: new Date(row.updated_at),
  };
}

export class MeetingRepository extends EntityRepository<Meeting> {
  /** A meeting in the given unit of work; `refresh` reads it afresh even when the unit of work already holds it. */
  byId(em: EntityManager, id: string, { refresh = false } = {}): Promise<Meeting | null> {
    return em.findOne(this.entityName, { id }, { refresh });
  }

  /** Locks a meeting's row for the rest of the caller's transaction. */
  async lock(em: EntityManager, id: string): Promise<void> {
    await em.findOne(this.entityName, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }

  /**
   * Meetings some groups host (alone or jointly) that overlap a time range, in start order (cancelled ones included),
   * each with the viewer's own answer, as plain records: one statement, no entities (the calendar's
   * hot read-only list).
   */
  async inRange(
    groupIds: string[],
    from: Date,
    to: Date,
    limit: number,
    viewerId: string,
  ): Promise<MeetingWithAnswer[]> {
    if (!groupIds.length) return [];
    return this.withAnswers(
      '(m.group_id = any(?::uuid[]) or m.co_host_ids && ?::uuid[]) and m.starts_at < ? and m.ends_at > ?',
      [`{${groupIds.join(',')}}`, `{${groupIds.join(',')}}`, to, from],
      limit,
      viewerId,
    );
  }

  /** The meetings the (not archived) groups a person is an active member of host, and the network's events, that overlap a range, as `inRange`. */
  async inRangeForMember(userId: string, from: Date, to: Date, limit: number): Promise<MeetingWithAnswer[]> {
    const groupsOf =
      'select s.group_id from memberships s join working_groups g on g.id = s.group_id where s.user_id = ? and s.status = ? and g.archived_at is null';
    return this.withAnswers(
      `(m.group_id in (${groupsOf}) or m.co_host_ids && array(${groupsOf}) or m.group_id is null) and m.starts_at < ? and m.ends_at > ?`,
      [userId, MembershipStatus.ACTIVE, userId, MembershipStatus.ACTIVE, to, from],
      limit,
      userId,
    );
  }

  /** Scheduled meetings some groups host, and the network's events, from a time on (for calendar feeds). */
  upcomingOf(groupIds: string[], from: Date, limit: number): Promise<Meeting[]> {
    return this.find(
      {
        $or: [{ group: { $in: groupIds } }, { coHostIds: { $overlap: groupIds } }, { group: null }],
        endsAt: { $gt: from },
      },
      { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], limit },
    );
  }

  /** One person's answers to some meetings, in one statement. */
  async rsvpsOfUser(userId: string, meetingIds: string[]): Promise<RsvpRecord[]> {
    if (!meetingIds.length) return [];
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<
        { meeting_id: string; user_id: string; response: RsvpResponse; note: string; updated_at: Date | string }[]
      >(
        'select meeting_id, user_id, response, note, updated_at from meeting_rsvps where user_id = ? and meeting_id = any(?::uuid[])',
        [userId, `{${meetingIds.join(',')}}`],
      );
    return rows.map((r) => ({
      meetingId: r.meeting_id,
      userId: r.user_id,
      response: r.response,
      note: r.note,
      updatedAt: new Date(r.updated_at),
    }));
  }

  /** Meetings as records, each with `viewerId`'s answer joined in (no second statement for them). */
  private async withAnswers(
    where: string,
    params: unknown[],
    limit: number,
    viewerId: string,
  ): Promise<MeetingWithAnswer[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<(MeetingRow & AnswerColumns)[]>(
        `select m.id, m.group_id, m.co_host_ids, m.series_id, m.title, m.description, m.starts_at, m.ends_at, m.moved_from, m.time_zone, m.location, m.accessibility_notes,
           m.online_url, m.status, m.sequence, m.reminder_minutes, m.agenda_document_id, m.agenda_text, m.minutes_document_id, m.minutes_text,
           m.thread_id, m.poll_id, m.created_by_id, m.cancelled_at, m.cancellation_reason, m.created_at, m.updated_at,
           r.response as answer, r.note as answer_note, r.updated_at as answer_updated_at
         from meetings m
         left join meeting_rsvps r on r.meeting_id = m.id and r.user_id = ?
         where ${where}
         order by m.starts_at, m.id
         limit ?`,
        [viewerId, ...params, limit],
      );
    return rows.map((row) => ({
      ...toRecord(row),
      answer: row.answer
        ? {
            meetingId: row.id,
            userId: viewerId,
            response: row.answer,
            note: row.answer_note ?? '',
            updatedAt: new Date(row.answer_updated_at),
          }
        : null,
    }));
  }
}

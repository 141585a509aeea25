// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import type { EntityManager } from '@mikro-orm/postgresql';
import { WorkingGroup } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { EventForm } from './event-form.entity.js';
import { EventRegistration } from './event-registration.entity.js';
import { MeetingPollSlot } from './meeting-poll-slot.entity.js';
import { MeetingPollVote } from './meeting-poll-vote.entity.js';
import { MeetingPoll } from './meeting-poll.entity.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';
import { MeetingSeries } from './meeting-series.entity.js';
import { Meeting } from './meeting.entity.js';

export type NewMeetingSeries = Pick<MeetingSeries, 'frequency' | 'interval' | 'timeZone'> &
  Partial<Pick<MeetingSeries, 'count' | 'until'>> & { group: Pick<WorkingGroup, 'id'> };

export type NewMeeting = Pick<Meeting, 'title' | 'startsAt' | 'endsAt' | 'timeZone'> &
  Partial<
    Pick<
      Meeting,
      | 'description'
      | 'location'
      | 'accessibilityNotes'
      | 'onlineUrl'
      | 'agendaText'
      | 'minutesText'
      | 'reminderMinutes'
      | 'coHostIds'
    >
  > & {
    /** Null for a network event. */
    group: Pick<WorkingGroup, 'id'> | null;
    createdBy: Pick<User, 'id'>;
    /** The series it is an occurrence of. */
    series?: MeetingSeries | null;
  };

export type NewMeetingRsvp = Pick<MeetingRsvp, 'response'> &
  Partial<Pick<MeetingRsvp, 'note'>> & { meeting: Pick<Meeting, 'id'>; user: Pick<User, 'id'> };

export type NewMeetingPoll = Pick<MeetingPoll, 'title' | 'timeZone'> &
  Partial<Pick<MeetingPoll, 'description' | 'location' | 'accessibilityNotes' | 'onlineUrl'>> & {
    group: Pick<WorkingGroup, 'id'>;
    createdBy: Pick<User, 'id'>;
  };

export type NewEventForm = Pick<EventForm, 'slug' | 'consentText'> &
  Partial<
    Pick<
      EventForm,
      | 'capacity'
      | 'waitlistEnabled'
      | 'deadline'
      | 'requiresApproval'
      | 'retentionDays'
      | 'fields'
      | 'language'
      | 'translations'
    >
  > & { meeting: Pick<Meeting, 'id'> };

export type NewEventRegistration = Pick<EventRegistration, 'name' | 'email' | 'status'> &
  Partial<Pick<EventRegistration, 'emailKey' | 'organisation' | 'locale' | 'answers'>> & {
    meeting: Pick<Meeting, 'id'>;
  };

export function newMeetingSeries(em: EntityManager, { group, ...values }: NewMeetingSeries): MeetingSeries {
  return em.create(MeetingSeries, { ...values, groupId: group.id });
}

export function newMeeting(em: EntityManager, { group, createdBy, ...values }: NewMeeting): Meeting {
  return em.create(Meeting, {
    ...values,
    group: group && em.getReference(WorkingGroup, group.id, { wrapped: true }),
    createdBy: em.getReference(User, createdBy.id, { wrapped: true }),
  });
}

export function newMeetingRsvp(em: EntityManager, { meeting, user, ...values }: NewMeetingRsvp): MeetingRsvp {
  return em.create(MeetingRsvp, { ...values, meetingId: meeting.id, userId: user.id });
}

export function newMeetingPoll(em: EntityManager, { group, createdBy, ...values }: NewMeetingPoll): MeetingPoll {
  return em.create(MeetingPoll, { ...values, groupId: group.id, createdById: createdBy.id });
}

export function newMeetingPollSlot(
  em: EntityManager,
  { poll, ...values }: Pick<MeetingPollSlot, 'startsAt' | 'endsAt'> & { poll: Pick<MeetingPoll, 'id'> },
): MeetingPollSlot {
  return em.create(MeetingPollSlot, { ...values, pollId: poll.id });
}

/** One person's answer for one slot of a poll. */
export function newMeetingPollVote(
  em: EntityManager,
  {
    poll,
    slot,
    user,
    answer,
  }: Pick<MeetingPollVote, 'answer'> & {
    poll: Pick<MeetingPoll, 'id'>;
    slot: Pick<MeetingPollSlot, 'id'>;
    user: Pick<User, 'id'>;
  },
): MeetingPollVote {
  return em.create(MeetingPollVote, { slotId: slot.id, userId: user.id, pollId: poll.id, answer });
}

/** The public registration form that makes a meeting an open event. */
export function newEventForm(em: EntityManager, { meeting, ...values }: NewEventForm): EventForm {
  return em.create(EventForm, { ...values, meetingId: meeting.id });
}

export function newEventRegistration(
  em: EntityManager,
  { meeting, ...values }: NewEventRegistration,
): EventRegistration {
  return em.create(EventRegistration, { ...values, meetingId: meeting.id });
}

import { CalendarFeed } from './calendar-feed.entity.js';
import { EventForm } from './event-form.entity.js';
import { EventRegistration } from './event-registration.entity.js';
import { EventRegistrationLink } from './event-registration-link.entity.js';
import { MeetingPollSlot } from './meeting-poll-slot.entity.js';
import { MeetingPollVote } from './meeting-poll-vote.entity.js';
import { MeetingPoll } from './meeting-poll.entity.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';
import { MeetingSeries } from './meeting-series.entity.js';
import { Meeting } from './meeting.entity.js';
import { ProgrammeSession } from './programme-session.entity.js';
import { SessionPlace } from './session-place.entity.js';

export { MeetingsModule } from './meetings.module.js';
export {
  MeetingsService,
  organisesEvents,
  type MeetingAccess,
  type RsvpCounts,
  type ScheduleMeetingInput,
  type ScheduleNetworkEventInput,
  type UpdateMeetingInput,
} from './meetings.service.js';
export { MeetingRemindersService } from './meeting-reminders.service.js';
export { MeetingPollsService, type PollAccess, type PollGrid, type CreatePollInput } from './meeting-polls.service.js';
export { MeetingCalendarService } from './meeting-calendar.service.js';
export {
  EventRegistrationsService,
  type PublicEvent,
  type RegistrationCounts,
  type EventFormInput,
  type RegistrationInput,
} from './event-registrations.service.js';
export {
  EventProgrammeService,
  type MySession,
  type ProgrammeSessionInput,
  type SessionWithCounts,
} from './event-programme.service.js';
export type { SessionAttendee } from './programme.repository.js';
export {
  newProgrammeSession,
  newSessionPlace,
  type NewProgrammeSession,
  type NewSessionPlace,
} from './programme.factory.js';
export { MeetingsErrorCode, meetingsErrors } from './meetings.errors.js';
export { DEFAULT_REMINDER_MINUTES } from './meeting.entity.js';
export { meetingRecord, type MeetingRecord, type MeetingWithAnswer, type RsvpRecord } from './meeting-record.js';
export { icsFileName } from './ics.util.js';
export { describeRule, expandRecurrence, rulePattern, type RulePattern } from './recurrence.util.js';
export { formatLocalDateTime, fromZoned, toZoned } from './zoned-time.util.js';
export type { RegistrationField } from './event-form.entity.js';
export {
  newEventForm,
  newEventRegistration,
  newMeeting,
  newMeetingPoll,
  newMeetingPollSlot,
  newMeetingPollVote,
  newMeetingRsvp,
  newMeetingSeries,
  type NewEventForm,
  type NewEventRegistration,
  type NewMeeting,
  type NewMeetingPoll,
  type NewMeetingRsvp,
  type NewMeetingSeries,
} from './meetings.factory.js';
export type {
  Meeting,
  MeetingSeries,
  MeetingRsvp,
  MeetingPoll,
  MeetingPollSlot,
  MeetingPollVote,
  EventForm,
  EventRegistration,
  CalendarFeed,
  ProgrammeSession,
};

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const meetingsEntities = [
  Meeting,
  MeetingSeries,
  MeetingRsvp,
  CalendarFeed,
  MeetingPoll,
  MeetingPollSlot,
  MeetingPollVote,
  EventForm,
  EventRegistration,
  EventRegistrationLink,
  ProgrammeSession,
  SessionPlace,
];

import { DomainError, InputError, forbidden, notFound } from '@convene/server-core';
import { ErrorCode } from '@convene/shared-contracts';

export enum MeetingsErrorCode {
  MeetingNotFound = 'MEETING_NOT_FOUND',
  GroupNotFound = 'GROUP_NOT_FOUND',
  NotAConvenor = 'NOT_A_CONVENOR',
  MeetingCancelled = 'MEETING_CANCELLED',
  MeetingEnded = 'MEETING_ENDED',
  EndBeforeStart = 'END_BEFORE_START',
  UnknownTimeZone = 'UNKNOWN_TIME_ZONE',
  StartInPast = 'START_IN_PAST',
  TooLong = 'MEETING_TOO_LONG',
  TooFarAhead = 'TOO_FAR_AHEAD',
  DeadlineAfterEvent = 'DEADLINE_AFTER_EVENT',
  NotInSeries = 'NOT_IN_SERIES',
  DocumentNotInGroup = 'DOCUMENT_NOT_IN_GROUP',
  ThreadNotInGroup = 'THREAD_NOT_IN_GROUP',
  PollNotFound = 'POLL_NOT_FOUND',
  PollNotOpen = 'POLL_NOT_OPEN',
  SlotNotFound = 'SLOT_NOT_FOUND',
  EventNotFound = 'EVENT_NOT_FOUND',
  RegistrationClosed = 'REGISTRATION_CLOSED',
  EventFull = 'EVENT_FULL',
  CapacityBelowRegistrations = 'CAPACITY_BELOW_REGISTRATIONS',
  RegistrationNotFound = 'REGISTRATION_NOT_FOUND',
  RegistrationNotPending = 'REGISTRATION_NOT_PENDING',
  EventSlugTaken = 'EVENT_SLUG_TAKEN',
  ConsentRequired = 'CONSENT_REQUIRED',
  FeedNotFound = 'FEED_NOT_FOUND',
  CoHostNotFound = 'CO_HOST_NOT_FOUND',
  NotAnOrganiser = 'NOT_AN_ORGANISER',
  NotConvenorOfCoHost = 'NOT_CONVENOR_OF_CO_HOST',
  SessionNotFound = 'SESSION_NOT_FOUND',
  SessionsOverlap = 'SESSIONS_OVERLAP',
  SessionCapacityBelowPlaces = 'SESSION_CAPACITY_BELOW_PLACES',
}

export const meetingsErrors = {
  // A meeting of a group one is not in is "not found": its existence is not revealed.
  meetingNotFound: () => notFound('The meeting', MeetingsErrorCode.MeetingNotFound),
  groupNotFound: () => notFound('The group (among your groups)', MeetingsErrorCode.GroupNotFound),
  notAConvenor: () =>
    forbidden(MeetingsErrorCode.NotAConvenor, 'Only the group’s convenors can schedule and change its meetings.'),
  notAnOrganiser: () =>
    forbidden(
      MeetingsErrorCode.NotAnOrganiser,
      'Only network admins and event organisers can schedule network events.',
    ),
  coHostNotFound: () =>
    new InputError(
      { coHostGroupIds: 'One of these groups does not exist.' },
      MeetingsErrorCode.CoHostNotFound,
      'One of the hosting groups does not exist.',
    ),
  // Hosting a meeting puts it before a group's members: only its convenors decide that.
  notConvenorOfCoHost: (groupName: string) =>
    new DomainError(
      ErrorCode.Forbidden,
      MeetingsErrorCode.NotConvenorOfCoHost,
      `Only convenors of ${groupName} can make it a host of this meeting, or stop it being one.`,
      { coHostGroupIds: `You do not convene ${groupName}.` },
    ),
  meetingCancelled: () =>
    new DomainError(ErrorCode.Conflict, MeetingsErrorCode.MeetingCancelled, 'This meeting was cancelled.'),
  meetingEnded: () =>
    new DomainError(ErrorCode.Conflict, MeetingsErrorCode.MeetingEnded, 'This meeting has already ended.'),
  endBeforeStart: (field = 'endsAt') =>
    new InputError(
      { [field]: 'The end must be after the start.' },
      MeetingsErrorCode.EndBeforeStart,
      'The end must be after the start.',
    ),
  tooLong: (days: number, field = 'endsAt') =>
    new InputError(
      { [field]: `A meeting can last at most ${days} days.` },
      MeetingsErrorCode.TooLong,
      `A meeting can last at most ${days} days.`,
    ),
  unknownTimeZone: (field = 'timeZone') =>
    new InputError(
      { [field]: 'Choose a time zone from the list, like Europe/London.' },
      MeetingsErrorCode.UnknownTimeZone,
      'This time zone does not exist.',
    ),
  tooFarAhead: (days: number, field = 'startsAt') =>
    new InputError(
      { [field]: `Choose a time within ${Math.round(days / 365)} years from now.` },
      MeetingsErrorCode.TooFarAhead,
      `A meeting can be planned at most ${Math.round(days / 365)} years ahead.`,
    ),
  deadlineAfterEvent: (field = 'deadline') =>
    new InputError(
      { [field]: 'Close registration before the event ends.' },
      MeetingsErrorCode.DeadlineAfterEvent,
      'Registration must close before the event ends.',
    ),
  startInPast: (field = 'startsAt') =>
    new InputError(
      { [field]: 'Choose a time in the future.' },
      MeetingsErrorCode.StartInPast,
      'A new meeting can’t start in the past.',
    ),
  notInSeries: () =>
    new InputError(
      { scope: 'This meeting does not repeat.' },
      MeetingsErrorCode.NotInSeries,
      'This meeting does not repeat.',
    ),
  documentNotInGroup: (field: string) =>
    new InputError(
      { [field]: 'Choose a document of this group.' },
      MeetingsErrorCode.DocumentNotInGroup,
      'Choose a document of this group.',
    ),
  threadNotInGroup: () =>
    new InputError(
      { threadId: 'Choose a discussion of this group.' },
      MeetingsErrorCode.ThreadNotInGroup,
      'Choose a discussion of this group.',
    ),
  pollNotFound: () => notFound('The poll', MeetingsErrorCode.PollNotFound),
  pollNotOpen: () =>
    new DomainError(
      ErrorCode.Conflict,
      MeetingsErrorCode.PollNotOpen,
      'This poll is closed: a time was already picked, or it was closed.',
    ),
  slotNotFound: (field = 'slotId') =>
    new InputError(
      { [field]: 'This time is not one of the poll’s.' },
      MeetingsErrorCode.SlotNotFound,
      'This time is not one of the poll’s.',
    ),
  eventNotFound: () => notFound('The event', MeetingsErrorCode.EventNotFound),
  registrationClosed: (message = 'Registration for this event is closed.') =>
    new DomainError(ErrorCode.Conflict, MeetingsErrorCode.RegistrationClosed, message),
  eventFull: (message = 'This event is full.') =>
    new DomainError(ErrorCode.Conflict, MeetingsErrorCode.EventFull, message),
  capacityBelowRegistrations: (taken: number) =>
    new InputError(
      { capacity: `${taken} people are already registered: the capacity can’t be lower.` },
      MeetingsErrorCode.CapacityBelowRegistrations,
      'The capacity is below the current registrations.',
    ),
  // The same answer for a wrong token and a registration that is gone.
  registrationNotFound: () => notFound('The registration', MeetingsErrorCode.RegistrationNotFound),
  registrationNotPending: () =>
    new DomainError(
      ErrorCode.Conflict,
      MeetingsErrorCode.RegistrationNotPending,
      'Only pending or waitlisted registrations can be approved or declined.',
    ),
  eventSlugTaken: () =>
    new InputError(
      { slug: 'Another event uses this address.' },
      MeetingsErrorCode.EventSlugTaken,
      'Another event uses this address.',
    ),
  // A wrong, reset or revoked feed address: nothing says which.
  feedNotFound: () => notFound('This calendar feed', MeetingsErrorCode.FeedNotFound),
  consentRequired: () =>
    new InputError(
      { consent: 'Please agree to how your details are kept, or we can’t register you.' },
      MeetingsErrorCode.ConsentRequired,
      'Consent is required.',
    ),
  sessionNotFound: () => notFound('The session', MeetingsErrorCode.SessionNotFound),
  sessionsOverlap: (first: string, second: string) =>
    new InputError(
      { sessionIds: `“${first}” and “${second}” are at the same time: pick one of them.` },
      MeetingsErrorCode.SessionsOverlap,
      'Two of the sessions picked are at the same time.',
    ),
  sessionCapacityBelowPlaces: (taken: number) =>
    new InputError(
      { capacity: `${taken} people already have a place at this session: the capacity can’t be lower.` },
      MeetingsErrorCode.SessionCapacityBelowPlaces,
      'The capacity is below the places already given.',
    ),
};

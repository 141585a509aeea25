// Input limits shared by server validation and client forms.
export const LIMITS = {
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  displayNameMax: 80,
  groupNameMax: 80,
  groupSlugMin: 2,
  groupSlugMax: 48,
  groupPurposeMax: 2000,
  organisationAreaMax: 200,
  organisationWebsiteMax: 300,
  organisationDescriptionMax: 1000,
  /** Largest page of a group's members or join requests one request may ask for. */
  memberPageMax: 100,
  joinMessageMax: 500,
  organisationNameMax: 120,
  timeZoneMax: 64,
  threadTitleMax: 200,
  postBodyMax: 20_000,
  threadTagsMax: 5,
  threadTagMax: 30,
  /** Largest page of threads or posts one request may ask for. */
  discussionPageMax: 100,
  /** People one post may @mention. */
  mentionsMax: 20,
  moderationReasonMax: 500,
  searchQueryMax: 200,
  searchPageMax: 50,
  documentTitleMax: 255,
  documentDescriptionMax: 2000,
  documentTagsMax: 8,
  documentTagMax: 30,
  folderNameMax: 120,
  /** Largest page of documents one request may ask for. */
  documentPageMax: 100,
  meetingTitleMax: 200,
  meetingDescriptionMax: 10_000,
  meetingLocationMax: 500,
  meetingAccessibilityMax: 1000,
  meetingUrlMax: 2000,
  meetingMinutesTextMax: 50_000,
  /** Longest meeting: a multi-day summit. */
  meetingDurationMaxDays: 14,
  /** How far ahead a meeting (or a poll's proposed time) may be planned: two years. */
  meetingAheadMaxDays: 730,
  /** Occurrences one recurring series creates at most (a year of weekly meetings). */
  meetingSeriesMax: 52,
  /** Widest date range one calendar request may ask for. */
  meetingRangeMaxDays: 100,
  rsvpNoteMax: 500,
  meetingCancellationReasonMax: 500,
  /** Reminders per meeting. */
  remindersMax: 4,
  pollSlotsMin: 2,
  pollSlotsMax: 20,
  registrationNameMax: 120,
  registrationAnswerMax: 1000,
  registrationFieldsMax: 10,
  registrationFieldLabelMax: 200,
  registrationChoicesMax: 12,
  registrationConsentMax: 2000,
  registrationMessageMax: 5000,
  /** Sessions in one event's programme. */
  programmeSessionsMax: 60,
  programmeSessionTitleMax: 200,
  programmeSessionRoomMax: 120,
  programmeSessionDescriptionMax: 2000,
  pitchTitleMax: 200,
  pitchSummaryMax: 5000,
  pitchHelpMax: 3000,
  pitchMessageMax: 5000,
  pitchNoteMax: 5000,
  pitchDeclineReasonMax: 2000,
  pitchFieldsMax: 15,
  pitchAttachmentsMax: 5,
  pitchFormTitleMax: 200,
  pitchFormIntroMax: 3000,
  /** Largest page of pitches one request may ask for. */
  pitchPageMax: 100,
  /** Days after a pitch is closed when it is anonymised, at most. */
  pitchRetentionMaxDays: 1095,
  /** Days after an event when its registrations are anonymised, at most. */
  registrationRetentionMaxDays: 365,
} as const;

export const GROUP_SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Deliberately simple: one @, no spaces, a dot in the domain. Real proof is the invitation mail. */
export const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** When a meeting's reminders may go, in minutes before it starts (the choices the web offers). */
export const REMINDER_CHOICES = [10, 15, 30, 60, 120, 180, 24 * 60, 2 * 24 * 60, 7 * 24 * 60] as const;

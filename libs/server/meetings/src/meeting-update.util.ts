// Changing a meeting (or the following ones of its series): what the input asks for, checked as a
// whole first, then applied to each meeting it reaches.
import { InputCheck } from '@convene/server-core';
import { LIMITS, MeetingChangeScope } from '@convene/shared-contracts';
import { DEFAULT_REMINDER_MINUTES, type Meeting } from './meeting.entity.js';
import { longText, readPlace, readReminders, type MeetingPlace } from './meeting-input.util.js';
import type { UpdateMeetingInput } from './meetings.service.js';

/** A checked change: null means "unchanged". */
export interface MeetingUpdate {
  title: string | null;
  description: string | null;
  agendaText: string | null;
  minutesText: string | null;
  place: MeetingPlace;
  /** Which of the place's parts the input changes. */
  placeGiven: { location: boolean; accessibilityNotes: boolean; onlineUrl: boolean };
  reminderMinutes: number[] | null;
  agendaDocumentId: string | null;
  minutesDocumentId: string | null;
  threadId: string | null;
  clear: Set<NonNullable<UpdateMeetingInput['clear']>[number]>;
  /** The start, end or zone is to change (read against the meeting itself). */
  timeChange: boolean;
  scope: MeetingChangeScope;
}

/** Every field of the input checked, all problems at once (BAD_USER_INPUT), before anything is read. */
export function readMeetingUpdate(input: UpdateMeetingInput): MeetingUpdate {
  const check = new InputCheck();
  const update: MeetingUpdate = {
    title:
      input.title == null ? null : check.text('title', input.title, { max: LIMITS.meetingTitleMax, label: 'Title' }),
    description:
      input.description == null
        ? null
        : longText(check, 'description', input.description, LIMITS.meetingDescriptionMax, 'The description'),
    agendaText:
      input.agendaText == null
        ? null
        : longText(check, 'agendaText', input.agendaText, LIMITS.meetingMinutesTextMax, 'The agenda'),
    minutesText:
      input.minutesText == null
        ? null
        : longText(check, 'minutesText', input.minutesText, LIMITS.meetingMinutesTextMax, 'The minutes'),
    place: readPlace(check, input),
    placeGiven: {
      location: input.location != null,
      accessibilityNotes: input.accessibilityNotes != null,
      onlineUrl: input.onlineUrl != null,
    },
    reminderMinutes:
      input.reminderMinutes == null ? null : readReminders(check, input.reminderMinutes, DEFAULT_REMINDER_MINUTES),
    agendaDocumentId: input.agendaDocumentId
      ? check.uuid('agendaDocumentId', input.agendaDocumentId, 'Document')
      : null,
    minutesDocumentId: input.minutesDocumentId
      ? check.uuid('minutesDocumentId', input.minutesDocumentId, 'Document')
      : null,
    threadId: input.threadId ? check.uuid('threadId', input.threadId, 'Discussion') : null,
    clear: new Set(input.clear ?? []),
    timeChange: input.startsAt != null || input.endsAt != null || input.timeZone != null,
    scope: input.scope ?? MeetingChangeScope.OCCURRENCE,
  };
  check.done();
  return update;
}

type Times = { startsAt: Date; endsAt: Date; timeZone: string };

/**
 * Applies the change to one of the meetings it reaches. `isFirst`: the meeting the change was made
 * on (minutes belong to it alone); `shift`: where the new times put this meeting; `alone`: one
 * meeting of a series moved on its own. Returns whether what calendars show has changed.
 */
export function applyMeetingUpdate(
  meeting: Meeting,
  update: MeetingUpdate,
  at: { isFirst: boolean; shift: ((m: Pick<Meeting, 'id' | 'startsAt' | 'timeZone'>) => Times) | null; alone: boolean },
): boolean {
  const { place, placeGiven, clear } = update;
  if (update.title !== null) meeting.title = update.title;
  if (update.description !== null) meeting.description = update.description;
  if (placeGiven.location) meeting.location = place.location;
  if (placeGiven.accessibilityNotes) meeting.accessibilityNotes = place.accessibilityNotes;
  if (placeGiven.onlineUrl) meeting.onlineUrl = place.onlineUrl;
  if (clear.has('onlineUrl')) meeting.onlineUrl = null;
  if (update.reminderMinutes !== null) meeting.reminderMinutes = update.reminderMinutes;
  if (update.agendaText !== null) meeting.agendaText = update.agendaText;
  if (update.agendaDocumentId) meeting.agendaDocumentId = update.agendaDocumentId;
  if (clear.has('agendaDocumentId')) meeting.agendaDocumentId = null;
  if (update.threadId) meeting.threadId = update.threadId;
  if (clear.has('threadId')) meeting.threadId = null;
  // Minutes belong to one meeting, never to a series.
  if (at.isFirst && update.minutesText !== null) meeting.minutesText = update.minutesText;
  if (at.isFirst && update.minutesDocumentId) meeting.minutesDocumentId = update.minutesDocumentId;
  if (at.isFirst && clear.has('minutesDocumentId')) meeting.minutesDocumentId = null;
  let timesChanged = false;
  if (at.shift) {
    const next = at.shift(meeting);
    timesChanged =
      next.startsAt.getTime() !== meeting.startsAt.getTime() ||
      next.endsAt.getTime() !== meeting.endsAt.getTime() ||
      next.timeZone !== meeting.timeZone;
    // One meeting of a series moved on its own keeps the start its series gave it (the first one,
    // however often it moves), until it is back there; moving it and the following ones moves the
    // series itself.
    if (meeting.series && at.alone) {
      const from = meeting.movedFrom ?? meeting.startsAt;
      meeting.movedFrom = from.getTime() === next.startsAt.getTime() ? null : from;
    } else if (meeting.movedFrom) {
      // The series moves: the meeting it was moved to now starts its new pattern; one moved on its
      // own before stays moved, from where the series now puts it.
      meeting.movedFrom = at.isFirst
        ? null
        : at.shift({ id: '', startsAt: meeting.movedFrom, timeZone: meeting.timeZone }).startsAt;
    }
    Object.assign(meeting, next);
  }
  meeting.updatedAt = new Date();
  // What calendars show: title, place, call link, notes. Reminders and minutes stay in Convene.
  return (
    timesChanged ||
    update.title !== null ||
    update.description !== null ||
    placeGiven.location ||
    placeGiven.onlineUrl ||
    clear.has('onlineUrl') ||
    placeGiven.accessibilityNotes
  );
}

import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, ref } from '@mikro-orm/postgresql';
import { InputCheck, OutboxService, type Viewer } from '@convene/server-core';
import {
  LIMITS,
  MeetingChangeScope,
  MeetingStatus,
  NetworkRole,
  RecurrenceFrequency,
  RsvpResponse,
} from '@convene/shared-contracts';
import { GroupsService, WorkingGroup, type GroupView } from '@convene/server-groups';
import { User } from '@convene/server-identity';
import { DocumentsService } from '@convene/server-documents';
import { DiscussionAccess } from '@convene/server-discussions';
import { MailService } from '@convene/server-mail';
import { DEFAULT_REMINDER_MINUTES, Meeting } from './meeting.entity.js';
import { MeetingRepository } from './meeting.repository.js';
import type { MeetingWithAnswer, RsvpRecord } from './meeting-record.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';
import { MeetingSeries } from './meeting-series.entity.js';
import { MeetingRemindersService } from './meeting-reminders.service.js';
import { MeetingChangeListeners } from './meeting-change.listeners.js';
import { meetingsErrors } from './meetings.errors.js';
import {
  longText,
  readPlace,
  readReminders,
  readTimeZone,
  readTimes,
  type MeetingPlaceInput,
} from './meeting-input.util.js';
import { expandRecurrence, type RecurrenceRule } from './recurrence.util.js';
import { applyMeetingUpdate, readMeetingUpdate } from './meeting-update.util.js';
import { formatLocalDateTime, fromZoned, parseLocalDateTime, toZoned } from './zoned-time.util.js';

/** A meeting as one viewer may see it, with what they may do. */
export interface MeetingAccess {
  meeting: Meeting;
  /** The group it was scheduled in, as the viewer sees it; null for a network event. */
  view: GroupView | null;
  /** An active member of one of its hosts: answers and is reminded. */
  isMember: boolean;
  /** Convenors of any of its hosts (and network admins) change the meeting and read RSVP notes. */
  canManage: boolean;
}

export interface MeetingDetailsInput extends MeetingPlaceInput {
  title?: string | null;
  description?: string | null;
  /** Local date-time in `timeZone`, 'YYYY-MM-DDTHH:mm'. */
  startsAt?: string | null;
  endsAt?: string | null;
  timeZone?: string | null;
  reminderMinutes?: number[] | null;
  agendaText?: string | null;
  agendaDocumentId?: string | null;
  threadId?: string | null;
}

export interface RecurrenceInput {
  frequency: RecurrenceFrequency;
  interval?: number | null;
  count?: number | null;
  /** The last day (in the meeting's zone) an occurrence may fall on, 'YYYY-MM-DD'. */
  until?: string | null;
}

/** A network event: one meeting, hosted by the network (no group, so no group documents or discussion). */
export interface ScheduleNetworkEventInput extends Omit<MeetingDetailsInput, 'agendaDocumentId' | 'threadId'> {
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
}

export interface ScheduleMeetingInput extends MeetingDetailsInput {
  groupId: string;
  /** Other groups hosting it jointly: the scheduler must convene each. */
  coHostGroupIds?: string[] | null;
  title: string;
  startsAt: string;
  endsAt: string;
  timeZone: string;
  recurrence?: RecurrenceInput | null;
}

export interface UpdateMeetingInput extends MeetingDetailsInput {
  id: string;
  scope?: MeetingChangeScope | null;
  minutesText?: string | null;
  minutesDocumentId?: string | null;
  /** The other groups hosting it, all of them (null: unchanged); whoever adds or removes one must convene it. */
  coHostGroupIds?: string[] | null;
  /** Set to unlink the agenda, minutes document or thread (null in the fields above means "unchanged"). */
  clear?: ('agendaDocumentId' | 'minutesDocumentId' | 'threadId' | 'onlineUrl')[] | null;
}

export interface RsvpCounts {
  going: number;
  maybe: number;
  notGoing: number;
}

/** How far ahead a recurring series is created. */
const SERIES_HORIZON_DAYS = 366;
/** Most meetings one calendar answer lists. */
const RANGE_LIMIT = 500;
/** Most groups hosting one meeting with the one it was scheduled in. */
const CO_HOSTS_MAX = 10;

/**
 * A working group's meetings, some hosted jointly with other groups, and the network's events.
 * Active members of any host read them and answer; convenors of any host (and network admins)
 * schedule, change and cancel them. Any other group's meeting is "not found". Network events are
 * for everyone signed in; network admins and organisers schedule and manage them.
 */
@Injectable()
export class MeetingsService {
  constructor(
    private readonly em: EntityManager,
    private readonly meetings: MeetingRepository,
    private readonly groups: GroupsService,
    private readonly documents: DocumentsService,
    private readonly threads: DiscussionAccess,
    private readonly outbox: OutboxService,
    private readonly reminders: MeetingRemindersService,
    private readonly changes: MeetingChangeListeners,
    private readonly mail: MailService,
  ) {}

  // ---- reading ----

  async byId(viewer: Viewer, id: string, field = 'id'): Promise<MeetingAccess> {
    const check = new InputCheck();
    const meetingId = check.uuid(field, id, 'Meeting');
    check.done();
    const meeting = await this.meetings.findOne({ id: meetingId });
    if (!meeting) throw meetingsErrors.meetingNotFound();
    if (!meeting.group) return { meeting, view: null, isMember: true, canManage: organisesEvents(viewer) };
    const [view, coHosts] = await Promise.all([
      this.groups.byId(viewer, meeting.group.id),
      meeting.coHostIds.length ? this.groups.viewsByIds(viewer, meeting.coHostIds) : new Map<string, GroupView>(),
    ]);
    const hosts = [view, ...coHosts.values()];
    const isMember = hosts.some((host) => host.isActiveMember);
    const canManage = hosts.some((host) => host.canManage);
    if (!isMember && !canManage) throw meetingsErrors.meetingNotFound();
    return { meeting, view, isMember, canManage };
  }

  /** The meetings a group hosts (alone or jointly) overlapping a range (at most 100 days), with the viewer's answers; null for people outside the group. */
  async inRange(viewer: Viewer, view: GroupView, range: { from: Date; to: Date }): Promise<MeetingWithAnswer[] | null> {
    if (!view.isActiveMember && !view.canManage) return null;
    checkRange(range);
    return this.meetings.inRange([view.group.id], range.from, range.to, RANGE_LIMIT, viewer.userId);
  }

  /** The meetings every group the viewer is an active member of hosts, overlapping a range, with the viewer's answers. */
  async personalCalendar(viewer: Viewer, range: { from: Date; to: Date }): Promise<MeetingWithAnswer[]> {
    checkRange(range);
    return this.meetings.inRangeForMember(viewer.userId, range.from, range.to, RANGE_LIMIT);
  }

  /** Scheduled and cancelled meetings of a person's groups from some weeks ago on, for their calendar feed. */
  async feedFor(userId: string, now = new Date()): Promise<Meeting[]> {
    const groupIds = await this.groups.activeGroupIdsOf(userId);
    return this.meetings.upcomingOf(groupIds, new Date(now.getTime() - 60 * 86_400_000), 1000);
  }

  async series(id: string): Promise<MeetingSeries | null> {
    return this.em.fork().findOne(MeetingSeries, { id });
  }

  /** The series of a list's meetings, in one query. */
  async seriesByIds(ids: string[]): Promise<Map<string, MeetingSeries>> {
    if (!ids.length) return new Map();
    const rows = await this.em.fork().find(MeetingSeries, { id: { $in: [...new Set(ids)] } });
    return new Map(rows.map((s) => [s.id, s]));
  }

  /** The viewer's own answers to some meetings, in one query. */
  async myRsvps(viewer: Viewer, meetingIds: string[]): Promise<Map<string, RsvpRecord>> {
    const rows = await this.meetings.rsvpsOfUser(viewer.userId, [...new Set(meetingIds)]);
    return new Map(rows.map((r) => [r.meetingId, r]));
  }

  /** Counts of answers for some meetings, in one query. */
  async rsvpCounts(meetingIds: string[]): Promise<Map<string, RsvpCounts>> {
    const out = new Map<string, RsvpCounts>();
    if (!meetingIds.length) return out;
    const rows = await this.em
      .getConnection()
      .execute<{ meetingId: string; response: RsvpResponse; n: string }[]>(
        'select meeting_id as "meetingId", response, count(*) as n from meeting_rsvps where meeting_id = any(?::uuid[]) group by meeting_id, response',
        [`{${[...new Set(meetingIds)].join(',')}}`],
      );
    for (const row of rows) {
      const counts = out.get(row.meetingId) ?? { going: 0, maybe: 0, notGoing: 0 };
      const n = Number(row.n);
      if (row.response === RsvpResponse.GOING) counts.going = n;
      else if (row.response === RsvpResponse.MAYBE) counts.maybe = n;
      else counts.notGoing = n;
      out.set(row.meetingId, counts);
    }
    return out;
  }

  /**
   * Everyone's answers to some meetings, oldest first, as far as the viewer may know who is in
   * each group: where the member list is for convenors only, members see their own answer and the
   * convenors'. Who may see the notes is the caller's business (convenors and their writer). Two
   * queries whatever the number of meetings.
   */
  async rsvpsOf(
    viewer: Viewer,
    accesses: { meeting: { id: string }; view: GroupView | null; canManage: boolean }[],
  ): Promise<Map<string, MeetingRsvp[]>> {
    const out = new Map<string, MeetingRsvp[]>(accesses.map((a) => [a.meeting.id, []]));
    if (!accesses.length) return out;
    const hidden = accesses.flatMap((a) => (a.view && !this.groups.maySeeMemberList(a.view) ? [a.view.group.id] : []));
    const [rows, convenors] = await Promise.all([
      this.em.find(
        MeetingRsvp,
        { meetingId: { $in: [...out.keys()] } },
        { orderBy: [{ updatedAt: 'asc' }, { userId: 'asc' }] },
      ),
      this.groups.convenorIdsIn(hidden),
    ]);
    // Where the member list is for convenors: the viewer's own answer and the convenors'.
    // At a network event, people are not each other's fellow members: the viewer's own answer (all, for its organisers).
    const visible = new Map(
      accesses.map((a) => {
        if (!a.view) return [a.meeting.id, a.canManage ? null : new Set([viewer.userId])] as const;
        const named = convenors.get(a.view.group.id);
        return [a.meeting.id, named ? new Set([viewer.userId, ...named]) : null] as const;
      }),
    );
    for (const row of rows) {
      const only = visible.get(row.meetingId);
      if (!only || only.has(row.userId)) out.get(row.meetingId)?.push(row);
    }
    return out;
  }

  // ---- scheduling ----

  /**
   * `options.within`: more work for the same transaction, given the first meeting before it is
   * stored (a poll marks itself decided); when it throws, nothing is stored.
   */
  async schedule(
    viewer: Viewer,
    input: ScheduleMeetingInput,
    options: { pollId?: string; now?: Date; within?: (em: EntityManager, meeting: Meeting) => Promise<void> } = {},
  ): Promise<Meeting> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    const details = readDetails(check, input);
    const agendaDocumentId = input.agendaDocumentId
      ? check.uuid('agendaDocumentId', input.agendaDocumentId, 'Document')
      : null;
    const threadId = input.threadId ? check.uuid('threadId', input.threadId, 'Discussion') : null;
    const rule = input.recurrence ? readRule(check, input.recurrence) : null;
    const coHostIds = readCoHosts(check, input.coHostGroupIds, groupId);
    check.done();
    const { timeZone, times } = readWhen(input, options.now);
    const until = rule && input.recurrence?.until ? untilOf(input.recurrence.until, timeZone) : null;

    const view = await this.groups.byId(viewer, groupId);
    if (!view.isActiveMember && !view.canManage) throw meetingsErrors.groupNotFound();
    if (!view.canManage) throw meetingsErrors.notAConvenor();
    this.groups.assertWritable(view);
    await this.checkCoHosts(viewer, coHostIds);
    await this.checkLinks(viewer, groupId, { agendaDocumentId, threadId });

    const occurrences = rule
      ? expandRecurrence(times, timeZone, { ...rule, until }, LIMITS.meetingSeriesMax).filter(
          (o) => o.startsAt.getTime() - times.startsAt.getTime() <= SERIES_HORIZON_DAYS * 86_400_000,
        )
      : [times];
    const { meetings, first, event } = await this.em.transactional(async (em) => {
      const series = rule
        ? em.create(MeetingSeries, {
            groupId,
            frequency: rule.frequency,
            interval: rule.interval,
            count: rule.count ?? null,
            until,
            timeZone,
          })
        : null;
      const meetings = occurrences.map((o) =>
        em.create(Meeting, {
          group: ref(WorkingGroup, groupId),
          coHostIds,
          series: series ? ref(series) : null,
          ...details,
          startsAt: o.startsAt,
          endsAt: o.endsAt,
          timeZone,
          agendaDocumentId,
          threadId,
          pollId: options.pollId ?? null,
          createdBy: ref(User, viewer.userId),
        }),
      );
      const [first] = meetings;
      // The first occurrence is the time asked for: a series always has it.
      if (!first) throw new Error('A new meeting has no occurrence');
      if (options.within) await options.within(em, first);
      const event = this.outbox.record('meeting.scheduled', {
        meetingId: first.id,
        groupId,
        coHostIds,
        actorId: viewer.userId,
        occurrences: meetings.length,
        fromPoll: Boolean(options.pollId),
      });
      await em.flush();
      return { meetings, first, event };
    });
    await this.outbox.publish([event]);
    await this.reminders.schedule(meetings);
    return first;
  }

  /**
   * A network event (network admins and organisers): one meeting hosted by the network, in
   * everyone's calendar. Everyone is told; those who answer are reminded.
   */
  async scheduleNetworkEvent(viewer: Viewer, input: ScheduleNetworkEventInput, now?: Date): Promise<Meeting> {
    if (!organisesEvents(viewer)) throw meetingsErrors.notAnOrganiser();
    const check = new InputCheck();
    const details = readDetails(check, input);
    check.done();
    const { timeZone, times } = readWhen(input, now);
    const { meeting, event } = await this.em.transactional(async (em) => {
      const meeting = em.create(Meeting, {
        group: null,
        ...details,
        ...times,
        timeZone,
        createdBy: ref(User, viewer.userId),
      });
      const event = this.outbox.record('meeting.scheduled', {
        meetingId: meeting.id,
        groupId: null,
        actorId: viewer.userId,
        occurrences: 1,
        fromPoll: false,
      });
      await em.flush();
      return { meeting, event };
    });
    await this.outbox.publish([event]);
    await this.reminders.schedule([meeting]);
    return meeting;
  }

  /**
   * Changes a meeting, or it and the later occurrences of its series (`FOLLOWING`). A new time
   * moves each occurrence by the same local amount (a series at 18:00 moved to 19:00 is at 19:00
   * local on every date, across daylight-saving changes). People who answered are told.
   */
  async update(viewer: Viewer, input: UpdateMeetingInput): Promise<Meeting> {
    const update = readMeetingUpdate(input);
    const access = await this.managed(viewer, input.id);
    const current = access.meeting;
    if (current.status === MeetingStatus.CANCELLED) throw meetingsErrors.meetingCancelled();
    if (update.scope === MeetingChangeScope.FOLLOWING && !current.series) throw meetingsErrors.notInSeries();
    const times = update.timeChange ? this.newTimes(current, input) : null;
    const coHostIds = input.coHostGroupIds ? this.changedCoHosts(current, input.coHostGroupIds) : null;
    if (coHostIds) await this.checkCoHosts(viewer, symmetricDifference(current.coHostIds, coHostIds));
    await this.checkLinks(viewer, current.group?.id ?? null, update);

    const { changed, first, event, mails } = await this.em.transactional(async (em) => {
      const targets = await this.lockTargets(em, current, update.scope);
      const first = targets.find((m) => m.id === current.id);
      // Only a change made meanwhile (it was cancelled or moved earlier) leaves it out of what was locked.
      if (!first) throw new Error(`Meeting ${current.id} was not among the occurrences locked to change it`);
      const shift = times ? localShift(first, times) : null;
      const alone = targets.length === 1 && update.scope === MeetingChangeScope.OCCURRENCE;
      const forCalendars = targets.filter((meeting) =>
        applyMeetingUpdate(meeting, update, { isFirst: meeting.id === first.id, shift, alone }),
      );
      // Its hosts are not in calendar files: no new sequence for them alone.
      if (coHostIds)
        for (const meeting of targets) {
          meeting.coHostIds = coHostIds;
          meeting.updatedAt = new Date();
        }
      for (const meeting of forCalendars) meeting.sequence += 1;
      const answeredIds = await this.answeredIds(
        em,
        targets.map((m) => m.id),
      );
      const event = this.outbox.record('meeting.updated', {
        meetingId: current.id,
        groupId: current.group?.id ?? null,
        coHostIds: first.coHostIds,
        actorId: viewer.userId,
        occurrences: targets.length,
        timeChanged: Boolean(shift),
        answeredIds,
      });
      const mails = await this.changes.emit({ em, meetings: forCalendars, cancelled: false });
      await em.flush();
      return { changed: targets, first, event, mails };
    });
    // After commit: the event, the mails to people outside, and the reminders at their new times.
    await this.outbox.publish([event]);
    await this.mail.dispatch(mails);
    if (times || update.reminderMinutes !== null) await this.reminders.schedule(changed);
    return first;
  }

  /** Where the input puts the meeting; moving it into the past is refused, changing only its end (it ran late) is not. */
  private newTimes(
    current: Meeting,
    input: Pick<UpdateMeetingInput, 'startsAt' | 'endsAt' | 'timeZone'>,
  ): { startsAt: Date; endsAt: Date; timeZone: string } {
    const timeZone = input.timeZone == null ? current.timeZone : readTimeZone(input.timeZone);
    const local = (date: Date) => formatLocalDateTime(toZoned(date, current.timeZone));
    const read = readTimes(
      { startsAt: input.startsAt ?? local(current.startsAt), endsAt: input.endsAt ?? local(current.endsAt) },
      timeZone,
      { future: false },
    );
    const moved = read.startsAt.getTime() !== current.startsAt.getTime();
    if (moved && read.startsAt.getTime() <= Date.now()) throw meetingsErrors.startInPast();
    return { ...read, timeZone };
  }

  /** Cancels a meeting, or it and the later occurrences of its series. Its reminders are removed and people who answered are told. */
  async cancel(
    viewer: Viewer,
    input: { id: string; scope?: MeetingChangeScope | null; reason?: string | null },
  ): Promise<Meeting> {
    const check = new InputCheck();
    const reason = longText(check, 'reason', input.reason, LIMITS.meetingCancellationReasonMax, 'The reason');
    check.done();
    const access = await this.managed(viewer, input.id);
    const current = access.meeting;
    if (current.status === MeetingStatus.CANCELLED) throw meetingsErrors.meetingCancelled();
    if (input.scope === MeetingChangeScope.FOLLOWING && !current.series) throw meetingsErrors.notInSeries();
    const { cancelled, event, mails } = await this.em.transactional(async (em) => {
      const targets = (await this.lockTargets(em, current, input.scope ?? MeetingChangeScope.OCCURRENCE)).filter(
        (m) => m.status === MeetingStatus.SCHEDULED,
      );
      const now = new Date();
      for (const meeting of targets) {
        meeting.status = MeetingStatus.CANCELLED;
        meeting.cancelledAt = now;
        meeting.cancellationReason = reason;
        meeting.sequence += 1;
        meeting.updatedAt = now;
      }
      const answeredIds = await this.answeredIds(
        em,
        targets.map((m) => m.id),
      );
      const event = this.outbox.record('meeting.cancelled', {
        meetingId: current.id,
        groupId: current.group?.id ?? null,
        coHostIds: current.coHostIds,
        actorId: viewer.userId,
        occurrences: targets.length,
        answeredIds,
      });
      const mails = await this.changes.emit({ em, meetings: targets, cancelled: true });
      await em.flush();
      return { cancelled: targets, event, mails };
    });
    await this.outbox.publish([event]);
    await this.mail.dispatch(mails);
    await this.reminders.unschedule(cancelled);
    return cancelled.find((m) => m.id === current.id) ?? current;
  }

  // ---- answering ----

  /** Going, maybe or not going, with an optional note for the convenors (access or interpretation needs). */
  async rsvp(
    viewer: Viewer,
    input: { meetingId: string; response: RsvpResponse; note?: string | null },
  ): Promise<{ access: MeetingAccess; rsvp: MeetingRsvp }> {
    const check = new InputCheck();
    check.oneOf('response', input.response, Object.values(RsvpResponse), 'The answer');
    const note = longText(check, 'note', input.note, LIMITS.rsvpNoteMax, 'The note');
    check.done();
    const access = await this.byId(viewer, input.meetingId, 'meetingId');
    if (!access.isMember) throw meetingsErrors.meetingNotFound();
    // A meeting of an archived group is as it stands (a network event has no group).
    if (access.view) this.groups.assertWritable(access.view);
    const { meeting } = access;
    if (meeting.status === MeetingStatus.CANCELLED) throw meetingsErrors.meetingCancelled();
    if (meeting.endsAt.getTime() <= Date.now()) throw meetingsErrors.meetingEnded();
    const em = this.em.fork();
    await em.upsert(MeetingRsvp, {
      meetingId: meeting.id,
      userId: viewer.userId,
      response: input.response,
      note,
      updatedAt: new Date(),
    });
    const rsvp = await em.findOneOrFail(MeetingRsvp, { meetingId: meeting.id, userId: viewer.userId });
    return { access, rsvp };
  }

  // ---- helpers ----

  /** A meeting the viewer manages; members who don't manage it are refused, others learn nothing. */
  private async managed(viewer: Viewer, id: string): Promise<MeetingAccess> {
    const access = await this.byId(viewer, id);
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    if (access.view) this.groups.assertWritable(access.view);
    return access;
  }

  /** Groups becoming or ceasing to be hosts: the viewer must convene each (network admins manage all). */
  private async checkCoHosts(viewer: Viewer, groupIds: string[]): Promise<void> {
    if (!groupIds.length) return;
    const views = await this.groups.viewsByIds(viewer, groupIds);
    for (const id of groupIds) {
      const view = views.get(id);
      if (!view) throw meetingsErrors.coHostNotFound();
      if (!view.canManage) throw meetingsErrors.notConvenorOfCoHost(view.group.name);
      this.groups.assertWritable(view);
    }
  }

  /** The new co-hosts read from an update, or null when they are the same ones. */
  private changedCoHosts(current: Meeting, ids: string[]): string[] | null {
    const check = new InputCheck();
    // A network event is the network's: no group hosts it.
    if (!current.group) check.fail('coHostGroupIds', 'A network event is hosted by the network, not by groups.');
    const coHostIds = readCoHosts(check, ids, current.group?.id ?? null);
    check.done();
    const same =
      coHostIds.length === current.coHostIds.length && coHostIds.every((id) => current.coHostIds.includes(id));
    return same ? null : coHostIds;
  }

  /** The meeting, or it and its series' later occurrences, locked for the change. */
  private async lockTargets(em: EntityManager, meeting: Meeting, scope: MeetingChangeScope): Promise<Meeting[]> {
    if (scope === MeetingChangeScope.FOLLOWING && meeting.series) {
      // Occurrences cancelled on their own stay cancelled and untouched.
      return em.find(
        Meeting,
        { series: meeting.series.id, startsAt: { $gte: meeting.startsAt }, status: MeetingStatus.SCHEDULED },
        { orderBy: { startsAt: 'asc' }, lockMode: LockMode.PESSIMISTIC_WRITE },
      );
    }
    const locked = await em.findOne(
      Meeting,
      { id: meeting.id },
      { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
    );
    if (!locked) throw meetingsErrors.meetingNotFound();
    return [locked];
  }

  private async answeredIds(em: EntityManager, meetingIds: string[]): Promise<string[]> {
    const rows = await em.find(MeetingRsvp, { meetingId: { $in: meetingIds } }, { fields: ['userId'] });
    return [...new Set(rows.map((r) => r.userId))];
  }

  /** Agendas, minutes and threads must be the group's own (and readable by the viewer); a network event has none. */
  private async checkLinks(
    viewer: Viewer,
    groupId: string | null,
    links: { agendaDocumentId?: string | null; minutesDocumentId?: string | null; threadId?: string | null },
  ): Promise<void> {
    for (const field of ['agendaDocumentId', 'minutesDocumentId'] as const) {
      const id = links[field];
      if (!id) continue;
      const document = await this.documents.byId(viewer, id, field).catch(() => null);
      if (!document || document.document.group.id !== groupId || document.document.deletedAt)
        throw meetingsErrors.documentNotInGroup(field);
    }
    if (links.threadId) {
      const thread = await this.threads.thread(viewer, links.threadId).catch(() => null);
      if (!thread || thread.thread.group.id !== groupId) throw meetingsErrors.threadNotInGroup();
    }
  }
}

/** Shifts each occurrence the way the edited one moved, in local time of the (new) zone. */
function localShift(
  first: Meeting,
  next: { startsAt: Date; endsAt: Date; timeZone: string },
): (meeting: Pick<Meeting, 'id' | 'startsAt' | 'timeZone'>) => { startsAt: Date; endsAt: Date; timeZone: string } {
  const before = toZoned(first.startsAt, first.timeZone);
  const after = toZoned(next.startsAt, next.timeZone);
  const dayShift = Math.round(
    (Date.UTC(after.year, after.month - 1, after.day) - Date.UTC(before.year, before.month - 1, before.day)) /
      86_400_000,
  );
  const duration = next.endsAt.getTime() - next.startsAt.getTime();
  return (meeting) => {
    if (meeting.id === first.id) return next;
    const local = toZoned(meeting.startsAt, meeting.timeZone);
    const day = new Date(Date.UTC(local.year, local.month - 1, local.day + dayShift));
    const startsAt = fromZoned(
      {
        year: day.getUTCFullYear(),
        month: day.getUTCMonth() + 1,
        day: day.getUTCDate(),
        hour: after.hour,
        minute: after.minute,
      },
      next.timeZone,
    );
    return { startsAt, endsAt: new Date(startsAt.getTime() + duration), timeZone: next.timeZone };
  };
}

function readRule(check: InputCheck, input: RecurrenceInput): RecurrenceRule {
  const frequency = check.oneOf(
    'recurrence.frequency',
    input.frequency,
    Object.values(RecurrenceFrequency),
    'How often',
  );
  const interval = input.interval ?? 1;
  if (!Number.isInteger(interval) || interval < 1 || interval > 12)
    check.fail('recurrence.interval', 'Repeat every 1 to 12 weeks or months.');
  const count = input.count ?? null;
  if (count !== null && (!Number.isInteger(count) || count < 2 || count > LIMITS.meetingSeriesMax))
    check.fail('recurrence.count', `A series has between 2 and ${LIMITS.meetingSeriesMax} meetings.`);
  if (input.until && (!/^\d{4}-\d{2}-\d{2}$/.test(input.until) || !parseLocalDateTime(`${input.until}T23:59`)))
    check.fail('recurrence.until', 'Enter a date, like 2027-06-30.');
  if (count === null && !input.until) check.fail('recurrence.count', 'Say how many times it repeats, or until when.');
  return { frequency, interval, count };
}

/** The end of the last day in the zone. */
function untilOf(day: string, zone: string): Date {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  return new Date(fromZoned({ year, month, day: date, hour: 23, minute: 59 }, zone).getTime() + 59_999);
}

function checkRange(range: { from: Date; to: Date }): void {
  const check = new InputCheck();
  if (Number.isNaN(range.from.getTime())) check.fail('from', 'Enter a date.');
  if (Number.isNaN(range.to.getTime())) check.fail('to', 'Enter a date.');
  else if (range.to.getTime() <= range.from.getTime())
    check.fail('to', 'The end of the range must be after its start.');
  else if (range.to.getTime() - range.from.getTime() > LIMITS.meetingRangeMaxDays * 86_400_000)
    check.fail('to', `Ask for at most ${LIMITS.meetingRangeMaxDays} days at a time.`);
  check.done();
}

/** Network admins and the organisers they named schedule and manage network events. */
export const organisesEvents = (viewer: Pick<Viewer, 'networkRole'>): boolean =>
  viewer.networkRole === NetworkRole.ADMIN || viewer.networkRole === NetworkRole.ORGANISER;

/** What a new meeting is, says and where (checked into `check`). */
function readDetails(
  check: InputCheck,
  input: Omit<MeetingDetailsInput, 'agendaDocumentId' | 'threadId'> & { title: string },
) {
  return {
    title: check.text('title', input.title, { max: LIMITS.meetingTitleMax, label: 'Title' }),
    description: longText(check, 'description', input.description, LIMITS.meetingDescriptionMax, 'The description'),
    agendaText: longText(check, 'agendaText', input.agendaText, LIMITS.meetingMinutesTextMax, 'The agenda'),
    ...readPlace(check, input),
    reminderMinutes: readReminders(check, input.reminderMinutes, DEFAULT_REMINDER_MINUTES),
  };
}

/** When a new meeting is: its zone and its times, in the future. */
function readWhen(input: { startsAt: string; endsAt: string; timeZone: string }, now?: Date) {
  const timeZone = readTimeZone(input.timeZone);
  return {
    timeZone,
    times: readTimes({ startsAt: input.startsAt, endsAt: input.endsAt }, timeZone, { future: true, now }),
  };
}

/** Co-host group ids: distinct, not the group it is scheduled in, at most `CO_HOSTS_MAX`. */
function readCoHosts(check: InputCheck, ids: string[] | null | undefined, groupId: string | null): string[] {
  const out: string[] = [];
  for (const [i, id] of (ids ?? []).entries()) {
    const read = check.uuid(`coHostGroupIds.${i}`, id, 'Group');
    if (read && read !== groupId && !out.includes(read)) out.push(read);
  }
  if (out.length > CO_HOSTS_MAX)
    check.fail('coHostGroupIds', `At most ${CO_HOSTS_MAX} other groups can host a meeting.`);
  return out;
}

function symmetricDifference(a: string[], b: string[]): string[] {
  return [...a.filter((id) => !b.includes(id)), ...b.filter((id) => !a.includes(id))];
}

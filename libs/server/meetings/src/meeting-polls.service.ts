import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { InputCheck, OutboxService, type Viewer } from '@convene/server-core';
import { LIMITS, PollAnswer, PollStatus } from '@convene/shared-contracts';
import { GroupsService, type GroupView } from '@convene/server-groups';
import { MeetingPoll } from './meeting-poll.entity.js';
import { MeetingPollSlot } from './meeting-poll-slot.entity.js';
import { MeetingPollVote } from './meeting-poll-vote.entity.js';
import type { Meeting } from './meeting.entity.js';
import { MeetingsService } from './meetings.service.js';
import { meetingsErrors } from './meetings.errors.js';
import { longText, readPlace, readTimeZone, readTimes, type MeetingPlaceInput } from './meeting-input.util.js';
import { formatLocalDateTime, toZoned } from './zoned-time.util.js';

export interface PollAccess {
  poll: MeetingPoll;
  view: GroupView;
  canManage: boolean;
}

export interface CreatePollInput extends MeetingPlaceInput {
  groupId: string;
  title: string;
  description?: string | null;
  timeZone: string;
  /** Local date-times in `timeZone`. */
  slots: { startsAt: string; endsAt: string }[];
}

/** A poll's slots in time order, and every answer to them. */
export interface PollGrid {
  slots: MeetingPollSlot[];
  votes: MeetingPollVote[];
}

/**
 * Finding a time: convenors propose slots, active members answer each with yes / if need be / no,
 * and a convenor picks one, which becomes a meeting (and the poll is decided) in one transaction.
 */
@Injectable()
export class MeetingPollsService {
  constructor(
    private readonly em: EntityManager,
    private readonly groups: GroupsService,
    private readonly meetings: MeetingsService,
    private readonly outbox: OutboxService,
  ) {}

  async byId(viewer: Viewer, id: string, field = 'id'): Promise<PollAccess> {
    const check = new InputCheck();
    const pollId = check.uuid(field, id, 'Poll');
    check.done();
    const poll = await this.em.findOne(MeetingPoll, { id: pollId });
    if (!poll) throw meetingsErrors.pollNotFound();
    const view = await this.groups.byId(viewer, poll.groupId);
    if (!view.isActiveMember && !view.canManage) throw meetingsErrors.pollNotFound();
    return { poll, view, canManage: view.canManage };
  }

  /** A group's open polls, and those decided or closed in the last 30 days; null outside the group. */
  async ofGroup(view: GroupView): Promise<MeetingPoll[] | null> {
    if (!view.isActiveMember && !view.canManage) return null;
    const recent = new Date(Date.now() - 30 * 86_400_000);
    return this.em.find(
      MeetingPoll,
      { groupId: view.group.id, $or: [{ status: PollStatus.OPEN }, { updatedAt: { $gt: recent } }] },
      { orderBy: { createdAt: 'desc' }, limit: 50 },
    );
  }

  /**
   * Whose answers the viewer may see by name: everyone's where the group's member list is open to
   * members; otherwise their own and the convenors' (the counts still include everyone).
   */
  async visibleVoters(viewer: Viewer, view: GroupView): Promise<(userId: string) => boolean> {
    if (this.groups.maySeeMemberList(view)) return () => true;
    const visible = new Set([viewer.userId, ...(await this.groups.convenorIds(view.group.id))]);
    return (userId) => visible.has(userId);
  }

  /** Slots and answers of some polls, in two queries. */
  async grids(pollIds: string[]): Promise<Map<string, PollGrid>> {
    const out = new Map<string, PollGrid>(pollIds.map((id) => [id, { slots: [], votes: [] }]));
    if (!pollIds.length) return out;
    const [slots, votes] = await Promise.all([
      this.em.find(MeetingPollSlot, { pollId: { $in: pollIds } }, { orderBy: [{ startsAt: 'asc' }, { id: 'asc' }] }),
      this.em.find(MeetingPollVote, { pollId: { $in: pollIds } }, { orderBy: { updatedAt: 'asc' } }),
    ]);
    for (const slot of slots) out.get(slot.pollId)?.slots.push(slot);
    for (const vote of votes) out.get(vote.pollId)?.votes.push(vote);
    return out;
  }

  async create(viewer: Viewer, input: CreatePollInput): Promise<PollAccess> {
    const check = new InputCheck();
    const groupId = check.uuid('groupId', input.groupId, 'Group');
    const title = check.text('title', input.title, { max: LIMITS.meetingTitleMax, label: 'Title' });
    const description = longText(
      check,
      'description',
      input.description,
      LIMITS.meetingDescriptionMax,
      'The description',
    );
    const place = readPlace(check, input);
    const slotsIn = input.slots ?? [];
    if (slotsIn.length < LIMITS.pollSlotsMin || slotsIn.length > LIMITS.pollSlotsMax)
      check.fail('slots', `Propose between ${LIMITS.pollSlotsMin} and ${LIMITS.pollSlotsMax} times.`);
    check.done();
    const timeZone = readTimeZone(input.timeZone);
    const slots = slotsIn.map((slot, i) =>
      readTimes(slot, timeZone, { future: true, fields: { start: `slots.${i}.startsAt`, end: `slots.${i}.endsAt` } }),
    );
    const seen = new Set<number>();
    slots.forEach((slot, i) => {
      if (seen.has(slot.startsAt.getTime())) check.fail(`slots.${i}.startsAt`, 'This time is proposed twice.');
      seen.add(slot.startsAt.getTime());
    });
    check.done();

    const view = await this.groups.byId(viewer, groupId);
    if (!view.isActiveMember && !view.canManage) throw meetingsErrors.groupNotFound();
    if (!view.canManage) throw meetingsErrors.notAConvenor();
    this.groups.assertWritable(view);
    const { poll, event } = await this.em.transactional(async (em) => {
      const poll = em.create(MeetingPoll, {
        groupId,
        title,
        description,
        timeZone,
        ...place,
        createdById: viewer.userId,
      });
      for (const slot of slots) em.create(MeetingPollSlot, { pollId: poll.id, ...slot });
      const event = this.outbox.record('poll.opened', { pollId: poll.id, groupId, actorId: viewer.userId });
      await em.flush();
      return { poll, event };
    });
    await this.outbox.publish([event]);
    return { poll, view, canManage: true };
  }

  /** The viewer's answers for some (or all) slots of an open poll; other slots keep theirs. */
  async vote(
    viewer: Viewer,
    input: { pollId: string; answers: { slotId: string; answer: PollAnswer }[] },
  ): Promise<PollAccess> {
    const check = new InputCheck();
    const answers = input.answers ?? [];
    if (!answers.length) check.fail('answers', 'Answer for at least one time.');
    if (answers.length > LIMITS.pollSlotsMax) check.fail('answers', `A poll has at most ${LIMITS.pollSlotsMax} times.`);
    if (new Set(answers.map((a) => (a.slotId ?? '').toLowerCase())).size !== answers.length)
      check.fail('answers', 'Answer each time once.');
    answers.forEach((a, i) => {
      check.uuid(`answers.${i}.slotId`, a.slotId, 'Time');
      check.oneOf(`answers.${i}.answer`, a.answer, Object.values(PollAnswer), 'The answer');
    });
    check.done();
    const access = await this.byId(viewer, input.pollId, 'pollId');
    if (!access.view.isActiveMember) throw meetingsErrors.pollNotFound();
    this.groups.assertWritable(access.view);
    await this.em.transactional(async (em) => {
      const poll = await em.findOne(MeetingPoll, { id: access.poll.id }, { lockMode: LockMode.PESSIMISTIC_READ });
      if (poll?.status !== PollStatus.OPEN) throw meetingsErrors.pollNotOpen();
      const slotIds = new Set(
        (await em.find(MeetingPollSlot, { pollId: poll.id }, { fields: ['id'] })).map((s) => s.id),
      );
      answers.forEach((a, i) => {
        if (!slotIds.has(a.slotId.toLowerCase())) throw meetingsErrors.slotNotFound(`answers.${i}.slotId`);
      });
      const now = new Date();
      for (const a of answers)
        await em.upsert(MeetingPollVote, {
          slotId: a.slotId.toLowerCase(),
          userId: viewer.userId,
          pollId: poll.id,
          answer: a.answer,
          updatedAt: now,
        });
    });
    return access;
  }

  /** Picks a slot: it becomes the group's meeting (everyone is told, with the invitation) and the poll is decided. */
  async pick(
    viewer: Viewer,
    input: { pollId: string; slotId: string; reminderMinutes?: number[] | null },
  ): Promise<{ access: PollAccess; meeting: Meeting }> {
    const check = new InputCheck();
    const slotId = check.uuid('slotId', input.slotId, 'Time');
    check.done();
    const access = await this.byId(viewer, input.pollId, 'pollId');
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    this.groups.assertWritable(access.view);
    const { poll } = access;
    if (poll.status !== PollStatus.OPEN) throw meetingsErrors.pollNotOpen();
    const slot = await this.em.findOne(MeetingPollSlot, { id: slotId, pollId: poll.id });
    if (!slot) throw meetingsErrors.slotNotFound();
    const local = (date: Date) => formatLocalDateTime(toZoned(date, poll.timeZone));
    const meeting = await this.meetings.schedule(
      viewer,
      {
        groupId: poll.groupId,
        title: poll.title,
        description: poll.description,
        startsAt: local(slot.startsAt),
        endsAt: local(slot.endsAt),
        timeZone: poll.timeZone,
        location: poll.location,
        accessibilityNotes: poll.accessibilityNotes,
        onlineUrl: poll.onlineUrl,
        reminderMinutes: input.reminderMinutes ?? null,
      },
      {
        pollId: poll.id,
        within: async (em, meeting) => {
          const locked = await em.findOne(
            MeetingPoll,
            { id: poll.id },
            { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
          );
          if (locked?.status !== PollStatus.OPEN) throw meetingsErrors.pollNotOpen();
          locked.status = PollStatus.DECIDED;
          locked.meetingId = meeting.id;
          locked.updatedAt = new Date();
        },
      },
    );
    const decided = await this.em.fork().findOneOrFail(MeetingPoll, { id: poll.id });
    return { access: { ...access, poll: decided }, meeting };
  }

  /** Closes an open poll without picking a time. */
  async close(viewer: Viewer, pollId: string): Promise<PollAccess> {
    const access = await this.byId(viewer, pollId);
    if (!access.canManage) throw meetingsErrors.notAConvenor();
    this.groups.assertWritable(access.view);
    const poll = await this.em.transactional(async (em) => {
      const locked = await em.findOne(
        MeetingPoll,
        { id: access.poll.id },
        { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true },
      );
      if (locked?.status !== PollStatus.OPEN) throw meetingsErrors.pollNotOpen();
      locked.status = PollStatus.CLOSED;
      locked.updatedAt = new Date();
      return locked;
    });
    return { ...access, poll };
  }
}

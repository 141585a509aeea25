import { createHash } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { JobQueue, OutboxEvent, OutboxService, jobIds } from '@convene/server-core';
import { MeetingStatus, REMINDER_CHOICES, RsvpResponse } from '@convene/shared-contracts';
import { GroupsService } from '@convene/server-groups';
import { Meeting } from './meeting.entity.js';
import { MeetingRsvp } from './meeting-rsvp.entity.js';

/** How far ahead the sweep checks that reminder jobs exist. */
const SWEEP_DAYS = 15;

/** A UUID made from a key, so that the same reminder makes the same outbox event however often its job runs. */
function keyedUuid(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * Reminders are BullMQ delayed jobs, one per meeting and offset, with deterministic ids
 * (`reminder-<meetingId>-<minutes>`): moved when the meeting moves, removed when it is cancelled.
 * A job that fires for a meeting that changed since (another time, cancelled) does nothing.
 */
@Injectable()
export class MeetingRemindersService {
  private readonly logger = new Logger(MeetingRemindersService.name);

  constructor(
    private readonly em: EntityManager,
    private readonly jobs: JobQueue,
    private readonly outbox: OutboxService,
    private readonly groups: GroupsService,
  ) {}

  /**
   * (Re)places the reminder jobs of meetings as they are now; jobs for offsets no longer chosen go.
   * Never throws: the sweep repairs what Redis refused.
   */
  async schedule(meetings: Meeting[], now = Date.now()): Promise<void> {
    try {
      const queue = this.jobs.queue('notifications');
      for (const meeting of meetings) {
        for (const minutes of REMINDER_CHOICES)
          if (!meeting.reminderMinutes.includes(minutes))
            await queue.remove(jobIds.meetingReminder(meeting.id, minutes));
        for (const minutes of meeting.reminderMinutes) {
          const jobId = jobIds.meetingReminder(meeting.id, minutes);
          await queue.remove(jobId);
          const fireAt = meeting.startsAt.getTime() - minutes * 60_000;
          if (meeting.status !== MeetingStatus.SCHEDULED || fireAt <= now) continue;
          await this.jobs.add(
            'send-meeting-reminder',
            { meetingId: meeting.id, minutesBefore: minutes, startsAt: meeting.startsAt.getTime() },
            { jobId, delay: fireAt - now },
          );
        }
      }
    } catch (error) {
      this.logger.warn(`Could not place reminders; the sweep will: ${(error as Error).message}`);
    }
  }

  /** Removes every reminder job of cancelled meetings. */
  async unschedule(meetings: Meeting[]): Promise<void> {
    try {
      const queue = this.jobs.queue('notifications');
      for (const meeting of meetings)
        for (const minutes of new Set([...meeting.reminderMinutes, ...REMINDER_CHOICES]))
          await queue.remove(jobIds.meetingReminder(meeting.id, minutes));
    } catch (error) {
      this.logger.warn(
        `Could not remove reminders (they will find the meeting cancelled): ${(error as Error).message}`,
      );
    }
  }

  /**
   * The worker's side: tells the group about a meeting starting soon, once per meeting time and
   * offset. Returns whether an event was recorded.
   */
  async remind(payload: { meetingId: string; minutesBefore: number; startsAt: number }): Promise<boolean> {
    const em = this.em.fork();
    const meeting = await em.findOne(Meeting, { id: payload.meetingId });
    if (!meeting || meeting.status !== MeetingStatus.SCHEDULED) return false;
    if (meeting.startsAt.getTime() !== payload.startsAt || !meeting.reminderMinutes.includes(payload.minutesBefore))
      return false;
    if (meeting.startsAt.getTime() <= Date.now()) return false;
    // An archived group hears nothing more; its jobs stay, and remind again if it is restored in time.
    if (meeting.group && (await this.groups.isArchived(meeting.group.id))) return false;
    const id = keyedUuid(`reminder:${meeting.id}:${payload.minutesBefore}:${payload.startsAt}`);
    if (await em.findOne(OutboxEvent, { id })) return false;
    // A network event reminds those who answered it (its people); a group meeting, its groups.
    const answers = await em.find(
      MeetingRsvp,
      meeting.group ? { meetingId: meeting.id, response: RsvpResponse.NOT_GOING } : { meetingId: meeting.id },
      { fields: ['userId', 'response'] },
    );
    const notGoing = answers.filter((r) => r.response === RsvpResponse.NOT_GOING);
    const event = em.create(OutboxEvent, {
      id,
      type: 'meeting.reminder',
      payload: {
        meetingId: meeting.id,
        groupId: meeting.group?.id ?? null,
        coHostIds: meeting.coHostIds,
        minutesBefore: payload.minutesBefore,
        notGoingIds: notGoing.map((r) => r.userId),
        ...(meeting.group ? {} : { answeredIds: answers.map((r) => r.userId) }),
      },
    });
    await em.flush();
    await this.outbox.publish([event]);
    return true;
  }

  /** Re-creates missing or stale reminder jobs for meetings of the coming days. Returns how many it placed. */
  async sweep(now = Date.now()): Promise<number> {
    const meetings = await this.em.fork().find(
      Meeting,
      {
        status: MeetingStatus.SCHEDULED,
        startsAt: { $gt: new Date(now), $lt: new Date(now + SWEEP_DAYS * 86_400_000) },
      },
      { limit: 2000 },
    );
    const queue = this.jobs.queue('notifications');
    let placed = 0;
    for (const meeting of meetings) {
      for (const minutes of meeting.reminderMinutes) {
        const fireAt = meeting.startsAt.getTime() - minutes * 60_000;
        if (fireAt <= now) continue;
        const jobId = jobIds.meetingReminder(meeting.id, minutes);
        const job = await queue.getJob(jobId);
        const data = job?.data as { startsAt?: number } | undefined;
        if (job && data?.startsAt === meeting.startsAt.getTime()) continue;
        if (job) await queue.remove(jobId);
        await this.jobs.add(
          'send-meeting-reminder',
          { meetingId: meeting.id, minutesBefore: minutes, startsAt: meeting.startsAt.getTime() },
          { jobId, delay: fireAt - now },
        );
        placed += 1;
      }
    }
    if (placed) this.logger.log(`Placed ${placed} missing reminder(s)`);
    return placed;
  }
}

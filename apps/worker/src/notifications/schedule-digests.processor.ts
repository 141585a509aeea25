import { Injectable } from '@nestjs/common';
import { JobQueue, jobIds } from '@convene/server-core';
import { NotificationMailService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

/** Enqueues one send-digest per person whose digest is due; the job id makes a slot's job unique. */
@Injectable()
@JobProcessor('schedule-digests')
export class ScheduleDigestsProcessor implements JobHandler<'schedule-digests'> {
  constructor(
    private readonly mail: NotificationMailService,
    private readonly jobs: JobQueue,
  ) {}

  async handle(): Promise<number> {
    const due = await this.mail.dueDigests(new Date());
    await this.jobs.addManyAfterCommit(
      'send-digest',
      due.map((d) => ({ payload: d, jobId: jobIds.digest(d.userId, d.slot) })),
    );
    return due.length;
  }
}

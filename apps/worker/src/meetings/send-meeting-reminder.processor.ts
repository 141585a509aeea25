import { Injectable } from '@nestjs/common';
import { MeetingRemindersService } from '@convene/server-meetings';
import type { JobPayloads } from '@convene/server-core';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('send-meeting-reminder')
export class SendMeetingReminderProcessor implements JobHandler<'send-meeting-reminder'> {
  constructor(private readonly reminders: MeetingRemindersService) {}

  handle(payload: JobPayloads['send-meeting-reminder']): Promise<boolean> {
    return this.reminders.remind(payload);
  }
}

import { Injectable } from '@nestjs/common';
import { MeetingRemindersService } from '@convene/server-meetings';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('sweep-meeting-reminders')
export class SweepMeetingRemindersProcessor implements JobHandler<'sweep-meeting-reminders'> {
  constructor(private readonly reminders: MeetingRemindersService) {}

  handle(): Promise<number> {
    return this.reminders.sweep();
  }
}

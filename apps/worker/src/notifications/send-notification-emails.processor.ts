import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { NotificationMailService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('send-notification-emails')
export class SendNotificationEmailsProcessor implements JobHandler<'send-notification-emails'> {
  constructor(private readonly mail: NotificationMailService) {}

  handle(payload: JobPayloads['send-notification-emails']): Promise<number> {
    return this.mail.sendImmediate(payload.notificationIds);
  }
}

import { Injectable } from '@nestjs/common';
import type { JobPayloads } from '@convene/server-core';
import { NotificationMailService } from '@convene/server-notifications';
import { JobProcessor, type JobHandler } from '../jobs/job-processor.decorator.js';

@Injectable()
@JobProcessor('send-notification-email')
export class SendNotificationEmailProcessor implements JobHandler<'send-notification-email'> {
  constructor(private readonly mail: NotificationMailService) {}

  handle(payload: JobPayloads['send-notification-email']): Promise<boolean> {
    return this.mail.sendImmediate(payload.notificationId);
  }
}

import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';
import { RateLimiter } from '../redis/rate-limiter.service.js';
import { OutboxService } from '../outbox/outbox.service.js';

@Global()
@Module({ providers: [JobQueue, RateLimiter, OutboxService], exports: [JobQueue, RateLimiter, OutboxService] })
export class QueueModule {}

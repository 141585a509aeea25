import { Global, Module } from '@nestjs/common';
import { JobQueue } from './job-queue.service.js';
import { RateLimiter } from '../redis/rate-limiter.service.js';

@Global()
@Module({ providers: [JobQueue, RateLimiter], exports: [JobQueue, RateLimiter] })
export class QueueModule {}

import { SetMetadata } from '@nestjs/common';
import type { Job } from 'bullmq';
import type { JobName, JobPayloads } from '@convene/server-core';

export const JOB_PROCESSOR = 'convene:job-processor';

/** Marks a provider as the one handler of a job name. */
export const JobProcessor = (name: JobName) => SetMetadata(JOB_PROCESSOR, name);

export interface JobHandler<N extends JobName = JobName> {
  handle(payload: JobPayloads[N], job: Job<JobPayloads[N]>): Promise<unknown>;
}

import { jobIds, type JobPayloads } from '@convene/server-core';

/**
 * How many notifications' emails one job writes: together they share the statements that read
 * their recipients, settings, groups and people, and a retry redoes little.
 */
export const EMAILS_PER_JOB = 50;

/** The send-notification-emails jobs for some notifications, in batches. */
export function notificationEmailJobs(
  notificationIds: string[],
): { payload: JobPayloads['send-notification-emails']; jobId: string }[] {
  const jobs = [];
  for (let i = 0; i < notificationIds.length; i += EMAILS_PER_JOB) {
    const batch = notificationIds.slice(i, i + EMAILS_PER_JOB);
    jobs.push({ payload: { notificationIds: batch }, jobId: jobIds.notificationEmails(batch) });
  }
  return jobs;
}

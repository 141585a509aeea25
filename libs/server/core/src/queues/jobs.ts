// Queue and job names are stable strings kept here, in one place: renaming a class must never strand
// queued jobs. Payloads carry ids only (Redis holds no personal data); each job has one payload type.
import { createHash } from 'node:crypto';

export const QUEUE_NAMES = ['mail', 'notifications', 'maintenance'] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

export interface JobPayloads {
  /** Deliver one stored mail message (idempotent per message). */
  'send-mail': { mailId: string };
  /** Re-enqueue mail left unsent (e.g. Redis was down when it was written, or lost the job); `everything`: whatever its age. */
  'sweep-mail': { everything?: boolean };
  /** Turn one outbox event into notifications for the people it concerns. */
  'deliver-event': { eventId: string };
  /** Hand undelivered outbox events to the queue again (Redis was down, or lost their jobs); `everything`: whatever their age. */
  'relay-outbox': { everything?: boolean };
  /** Delete sessions past their idle or absolute expiry. */
  'purge-sessions': Record<string, never>;
  /** Queue the emails still owed for one event's notifications (after the email delay). */
  'send-event-emails': { eventId: string };
  /** Write and send the emails of some notifications, together (at most once per notification). */
  'send-notification-emails': { notificationIds: string[] };
  /**
   * Send one notification to one of its recipient's push devices (a retry goes to that device
   * alone). A push whose job Redis lost is not sent later: it would arrive stale, and the
   * notification is still in the app and the email.
   */
  'send-push': { notificationId: string; subscriptionId: string };
  /** Re-enqueue notification emails whose job was lost; `everything`: every one due, at once. */
  'sweep-notification-email': { everything?: boolean };
  /** Find the people whose digest is due and enqueue one send-digest each. */
  'schedule-digests': Record<string, never>;
  /** Send one person's digest for one slot (epoch milliseconds; at most once per slot). */
  'send-digest': { userId: string; slot: number };
  /** Read the text of one document version (text and PDF files) for search. */
  'extract-document-text': { documentId: string; version: number };
  /** Enqueue text extraction for documents whose job was lost. */
  'sweep-document-text': Record<string, never>;
  /** Delete documents that have been in the trash for 30 days, and their files. */
  'purge-document-trash': Record<string, never>;
  /** Remind a meeting's people some minutes before it starts (skipped when it moved or was cancelled since). */
  'send-meeting-reminder': { meetingId: string; minutesBefore: number; startsAt: number };
  /** Re-create reminder jobs of the coming days that were lost (e.g. Redis was down when the meeting changed). */
  'sweep-meeting-reminders': Record<string, never>;
  /** Anonymise event registrations kept past their event's retention period. */
  'purge-event-registrations': Record<string, never>;
  /** Anonymise pitches kept past their form's retention period, and remove uploads no pitch claimed. */
  'purge-pitches': Record<string, never>;
  /** Write one person's data export (a zip in the file storage) and tell them it is ready. */
  'build-data-export': { exportId: string };
  /** Delete data exports past their 7 days, and restart exports whose job was lost. */
  'purge-data-exports': Record<string, never>;
}
export type JobName = keyof JobPayloads;

/** Which queue carries each job. */
export const JOB_QUEUES: { [N in JobName]: QueueName } = {
  'send-mail': 'mail',
  'sweep-mail': 'mail',
  'deliver-event': 'notifications',
  'relay-outbox': 'maintenance',
  'purge-sessions': 'maintenance',
  'send-event-emails': 'mail',
  'send-notification-emails': 'mail',
  'send-push': 'notifications',
  'sweep-notification-email': 'maintenance',
  'schedule-digests': 'maintenance',
  'send-digest': 'mail',
  'extract-document-text': 'maintenance',
  'sweep-document-text': 'maintenance',
  'purge-document-trash': 'maintenance',
  'send-meeting-reminder': 'notifications',
  'sweep-meeting-reminders': 'maintenance',
  'purge-event-registrations': 'maintenance',
  'purge-pitches': 'maintenance',
  'build-data-export': 'maintenance',
  'purge-data-exports': 'maintenance',
};

export const JOB_NAMES = Object.keys(JOB_QUEUES) as JobName[];

/** Retry, backoff and retention for every job, in one options map. */
export const DEFAULT_JOB_OPTIONS = {
  attempts: 6,
  backoff: { type: 'exponential', delay: 2000 },
  removeOnComplete: { count: 1000, age: 24 * 3600 },
  removeOnFail: { count: 5000, age: 7 * 24 * 3600 },
} as const;

/** Deterministic job ids, so that enqueueing twice is harmless. (BullMQ refuses ':' in custom ids.) */
export const jobIds = {
  sendMail: (mailId: string) => `mail-${mailId}`,
  deliverEvent: (eventId: string) => `event-${eventId}`,
  eventEmails: (eventId: string) => `event-emails-${eventId}`,
  /** A batch of notification emails, named by what it holds (the same batch again is the same job). */
  notificationEmails: (notificationIds: string[]) =>
    `notification-emails-${createHash('sha256')
      .update([...notificationIds].sort().join(','))
      .digest('base64url')
      .slice(0, 32)}`,
  digest: (userId: string, slot: number) => `digest-${userId}-${slot}`,
  push: (notificationId: string, subscriptionId: string) => `push-${notificationId}-${subscriptionId}`,
  documentText: (documentId: string, version: number) => `document-text-${documentId}-${version}`,
  meetingReminder: (meetingId: string, minutesBefore: number) => `reminder-${meetingId}-${minutesBefore}`,
  dataExport: (exportId: string) => `data-export-${exportId}`,
};

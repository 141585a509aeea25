// What a push says about a notification, in the recipient's language. In content-free mode (the
// group's or the person's choice) it says only that something happened and where: no names, no
// titles, no words of a post, since a phone shows it on a locked screen.
import { createHash } from 'node:crypto';
import { NotificationType, type MembershipRole, type PushMessage } from '@convene/shared-contracts';
import { notificationLineText } from '@convene/server-mail';
import type { PushOptions } from './push-sender.js';

export interface PushSubject {
  type: NotificationType;
  group: { id: string; name: string; slug: string } | null;
  /** Who caused it; left out (null) in content-free mode. */
  actorName: string | null;
  role?: MembershipRole | null;
  subjectId: string | null;
}

const ABOUT_A_THREAD = new Set([
  NotificationType.THREAD_CREATED,
  NotificationType.POST_REPLY,
  NotificationType.MENTIONED,
  NotificationType.POST_HIDDEN,
]);
const ABOUT_A_DOCUMENT = new Set([NotificationType.DOCUMENT_ADDED, NotificationType.DOCUMENT_UPDATED]);
const ABOUT_A_MEETING = new Set([
  NotificationType.MEETING_SCHEDULED,
  NotificationType.MEETING_UPDATED,
  NotificationType.MEETING_CANCELLED,
  NotificationType.MEETING_REMINDER,
  NotificationType.EVENT_REGISTRATION,
]);
const ABOUT_A_PITCH = new Set([
  NotificationType.PITCH_RECEIVED,
  NotificationType.PITCH_ASSIGNED,
  NotificationType.PITCH_REPLY,
]);

/** Where a notification leads (the web's `notificationPath`), and the tag that groups its repeats. */
function destination(subject: PushSubject): { url: string; tag: string } {
  const id = subject.subjectId;
  if (id && ABOUT_A_THREAD.has(subject.type)) return { url: `/threads/${id}`, tag: `thread:${id}` };
  if (id && ABOUT_A_DOCUMENT.has(subject.type)) return { url: `/documents/${id}`, tag: `document:${id}` };
  if (id && ABOUT_A_MEETING.has(subject.type)) return { url: `/meetings/${id}`, tag: `meeting:${id}` };
  if (id && ABOUT_A_PITCH.has(subject.type)) return { url: `/pitches/review/${id}`, tag: `pitch:${id}` };
  if (id && subject.type === NotificationType.POLL_OPENED) return { url: `/polls/${id}`, tag: `poll:${id}` };
  if (subject.group) return { url: `/groups/${subject.group.slug}`, tag: `group:${subject.group.id}` };
  return { url: '/notifications', tag: 'notifications' };
}

const CONTENT_FREE = {
  en: {
    title: (group: string | null) => (group ? `New activity in ${group}` : 'New activity in Convene'),
    body: 'Open Convene to read it.',
  },
  ar: {
    title: (group: string | null) => (group ? `نشاط جديد في ${group}` : 'نشاط جديد في Convene'),
    body: 'افتح Convene للاطلاع عليه.',
  },
};

/** The push message of a notification for one recipient. */
export function pushMessage(subject: PushSubject, locale: string, contentFree: boolean): PushMessage {
  const lang = locale === 'ar' ? 'ar' : 'en';
  const where = { ...destination(subject), lang };
  const groupName = subject.group?.name ?? null;
  if (contentFree) {
    const words = CONTENT_FREE[lang];
    return { title: words.title(groupName), body: words.body, ...where };
  }
  const body = notificationLineText(locale, {
    type: subject.type,
    groupName,
    actorName: subject.actorName,
    role: subject.role ?? null,
    link: where.url,
  });
  return { title: groupName ?? 'Convene', body, ...where };
}

/** Addressed to the person and soon stale: worth waking a phone for. */
const URGENT = new Set([
  NotificationType.MENTIONED,
  NotificationType.POST_REPLY,
  NotificationType.MEETING_REMINDER,
  NotificationType.MEETING_CANCELLED,
]);

const DAY = 24 * 3600;

/**
 * How long the push service keeps it for a device that is offline, how urgent it is, and its
 * topic: a newer message of the same tag replaces one still waiting there.
 */
export function pushOptions(subject: PushSubject, message: PushMessage): PushOptions {
  return {
    // A reminder is worthless once the meeting has started.
    ttl: subject.type === NotificationType.MEETING_REMINDER ? 3600 : DAY,
    urgency: URGENT.has(subject.type) ? 'high' : 'normal',
    topic: createHash('sha256').update(message.tag).digest('base64url').slice(0, 32),
  };
}

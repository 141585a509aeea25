import { describe, expect, it } from '@jest/globals';
import type { NotificationFieldsFragment, NotificationType } from '@convene/web-data-access';
import { notificationPath } from './notificationPath';

const notification = (type: NotificationType, subjectId: string | null = 'thread-1'): NotificationFieldsFragment => ({
  __typename: 'Notification',
  id: 'n1',
  seq: 1,
  type,
  createdAt: '2025-01-01T00:00:00Z',
  readAt: null,
  group: { __typename: 'GroupReference', id: 'g1', slug: 'health-and-social-care', name: 'Health and Social Care' },
  actor: null,
  subjectId,
  contentFree: false,
});

describe(notificationPath.name, () => {
  it.each<NotificationType>(['THREAD_CREATED', 'POST_REPLY', 'MENTIONED', 'POST_HIDDEN'])(
    'leads %s to the discussion',
    (type) => {
      expect(notificationPath(notification(type))).toBe('/threads/thread-1');
    },
  );

  it.each<NotificationType>([
    'MEETING_SCHEDULED',
    'MEETING_UPDATED',
    'MEETING_CANCELLED',
    'MEETING_REMINDER',
    'EVENT_REGISTRATION',
  ])('leads %s to the meeting', (type) => {
    expect(notificationPath(notification(type, 'meeting-1'))).toBe('/meetings/meeting-1');
  });

  it('leads a new poll to the poll', () => {
    expect(notificationPath(notification('POLL_OPENED', 'poll-1'))).toBe('/polls/poll-1');
  });

  it.each<NotificationType>(['PITCH_RECEIVED', 'PITCH_ASSIGNED', 'PITCH_REPLY'])(
    'leads %s to the pitch page',
    (type) => {
      expect(notificationPath(notification(type, 'pitch-1'))).toBe('/pitches/review/pitch-1');
    },
  );

  it('falls back to the group when a pitch notification has no subject', () => {
    expect(notificationPath(notification('PITCH_RECEIVED', null))).toBe('/groups/health-and-social-care');
  });

  it('leads a membership notification to the group', () => {
    expect(notificationPath(notification('MEMBERSHIP_APPROVED', 'membership-1'))).toBe(
      '/groups/health-and-social-care',
    );
  });

  it('falls back to the group when a discussion notification has no subject', () => {
    expect(notificationPath(notification('MENTIONED', null))).toBe('/groups/health-and-social-care');
  });
});

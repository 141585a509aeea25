import { describe, expect, it } from '@jest/globals';
import { NotificationType } from '@convene/shared-contracts';
import { pushMessage, pushOptions, type PushSubject } from './push-message.util.js';

const health = { id: '7b1c2f9e-0000-4000-8000-000000000001', name: 'Health and Social Care', slug: 'health' };
const threadId = '0f6c1a52-0000-4000-8000-000000000002';
const reply: PushSubject = {
  type: NotificationType.POST_REPLY,
  group: health,
  actorName: 'Amal Haddad',
  subjectId: threadId,
};

describe(pushMessage.name, () => {
  it('says who did what and where, and leads to the discussion, grouped by it', () => {
    expect(pushMessage(reply, 'en', false)).toEqual({
      title: 'Health and Social Care',
      body: 'Amal Haddad replied in a discussion you follow in “Health and Social Care”',
      url: `/threads/${threadId}`,
      tag: `thread:${threadId}`,
      lang: 'en',
    });
  });

  it('speaks the recipient’s language', () => {
    expect(pushMessage(reply, 'ar', false)).toEqual({
      title: 'Health and Social Care',
      body: 'ردّ Amal Haddad في نقاش تتابعه في «Health and Social Care»',
      url: `/threads/${threadId}`,
      tag: `thread:${threadId}`,
      lang: 'ar',
    });
    // A language the hub does not speak falls back to English.
    expect(pushMessage(reply, 'fr', false)).toEqual(pushMessage(reply, 'en', false));
  });

  it('in content-free mode says only that something happened and where, in either language', () => {
    const en = pushMessage(reply, 'en', true);
    expect(en).toEqual({
      title: 'New activity in Health and Social Care',
      body: 'Open Convene to read it.',
      url: `/threads/${threadId}`,
      tag: `thread:${threadId}`,
      lang: 'en',
    });
    const ar = pushMessage(reply, 'ar', true);
    expect(ar).toMatchObject({ title: 'نشاط جديد في Health and Social Care', body: 'افتح Convene للاطلاع عليه.' });
    for (const message of [en, ar]) {
      expect(JSON.stringify(message)).not.toContain('Amal');
      // Not even what kind of thing happened.
      expect(message.body).not.toMatch(/repl|ردّ/);
    }
  });

  it('leads each kind of notification to its page, and to the group or the notifications without a subject', () => {
    const at = (type: NotificationType, subjectId: string | null = 's1', group: PushSubject['group'] = health) =>
      pushMessage({ type, group, actorName: null, subjectId }, 'en', false);
    expect(at(NotificationType.DOCUMENT_ADDED)).toMatchObject({ url: '/documents/s1', tag: 'document:s1' });
    expect(at(NotificationType.MEETING_REMINDER)).toMatchObject({ url: '/meetings/s1', tag: 'meeting:s1' });
    expect(at(NotificationType.POLL_OPENED)).toMatchObject({ url: '/polls/s1', tag: 'poll:s1' });
    expect(at(NotificationType.PITCH_ASSIGNED, 's1', null)).toMatchObject({
      title: 'Convene',
      url: '/pitches/review/s1',
    });
    expect(at(NotificationType.MEMBERSHIP_APPROVED)).toMatchObject({
      url: '/groups/health',
      tag: `group:${health.id}`,
    });
    expect(at(NotificationType.PITCH_REPLY, null, null)).toMatchObject({ url: '/notifications', tag: 'notifications' });
  });
});

describe(pushOptions.name, () => {
  it('wakes a phone for what is addressed to the person, keeps a reminder only an hour, and names a topic per tag', () => {
    const message = pushMessage(reply, 'en', false);
    const options = pushOptions(reply, message);
    expect(options).toMatchObject({ ttl: 24 * 3600, urgency: 'high' });
    expect(options.topic).toMatch(/^[A-Za-z0-9_-]{32}$/);
    const newDiscussion = { ...reply, type: NotificationType.THREAD_CREATED };
    expect(pushOptions(newDiscussion, pushMessage(newDiscussion, 'en', false))).toMatchObject({
      urgency: 'normal',
      // Same discussion, same topic: the newer message replaces one still waiting at the push service.
      topic: options.topic,
    });
    const reminder = { ...reply, type: NotificationType.MEETING_REMINDER };
    expect(pushOptions(reminder, pushMessage(reminder, 'en', false)).ttl).toBe(3600);
  });
});

import { describe, expect, it } from '@jest/globals';
import { MembershipRole, NotificationType } from '@convene/shared-contracts';
import { renderMail } from './mail-templates.js';

describe(renderMail.name, () => {
  const params = {
    inviterName: 'Amara <script>',
    link: 'http://localhost:3000/invitations/abc',
    expiresOn: '2026-12-06',
  };

  it('renders text and escaped HTML in English', () => {
    const mail = renderMail('network-invitation', 'en', params);
    expect(mail.subject).toBe('Amara <script> invited you to Convene');
    expect(mail.text).toContain('Accept the invitation: http://localhost:3000/invitations/abc');
    expect(mail.html).toContain('Amara &lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('renders Arabic right to left, and falls back to English for unknown locales', () => {
    expect(renderMail('network-invitation', 'ar', params).html).toContain('dir="rtl"');
    expect(renderMail('membership-declined', 'xx', { groupName: 'Brexit and faith' }).subject).toBe(
      'Your request to join Brexit and faith',
    );
  });

  it('adds the reason, the unsubscribe link and the settings link to both parts', () => {
    const footer = {
      category: 'JOIN_REQUESTS',
      unsubscribeUrl: 'http://localhost:3000/unsubscribe/t1',
      settingsUrl: 'http://localhost:3000/settings/notifications',
    };
    const mail = renderMail(
      'role-changed',
      'en',
      { groupName: 'Brexit and faith', role: MembershipRole.CONVENOR, link: 'http://localhost:3000/groups/brexit' },
      footer,
    );
    expect(mail.subject).toBe('You are now convenor of Brexit and faith');
    expect(mail.text).toContain('because of your notification settings for join requests');
    expect(mail.text).toContain('Stop emails about join requests: http://localhost:3000/unsubscribe/t1');
    expect(mail.html).toContain('href="http://localhost:3000/unsubscribe/t1"');
    expect(mail.html).toContain('href="http://localhost:3000/settings/notifications"');
  });

  it('says what happened and where in content-free mail, and nothing of who or what was said', () => {
    const line = {
      type: NotificationType.JOIN_REQUESTED,
      groupName: 'Policing and surveillance',
      actorName: null,
      link: 'http://localhost:3000/notifications',
    };
    const mail = renderMail('content-free', 'en', { line });
    expect(mail.subject).toBe('Something new in Policing and surveillance');
    expect(mail.text).toContain('A new request to join “Policing and surveillance”.');
  });

  it('carries a post (its safe HTML set apart, its text) and says answering the mail replies, in both languages', () => {
    const params = {
      line: {
        type: NotificationType.POST_REPLY,
        groupName: 'Health and Social Care',
        actorName: 'Amara',
        link: 'http://localhost:3000/threads/t1#post-p1',
      },
      threadTitle: 'GP registration',
      html: '<p>Two <strong>surgeries</strong></p>',
      text: 'Two **surgeries**',
      isReply: true,
      replyable: true,
    };
    const en = renderMail('post', 'en', params);
    expect(en.subject).toBe('Re: GP registration [Health and Social Care]');
    expect(en.html).toContain('<blockquote dir="auto"');
    expect(en.html).toContain('<p>Two <strong>surgeries</strong></p>');
    expect(en.text).toContain('Two **surgeries**');
    expect(en.text).toContain('Reply to this email to answer in the discussion');
    const ar = renderMail('post', 'ar', { ...params, isReply: false, replyable: false });
    expect(ar.subject).toBe('GP registration [Health and Social Care]');
    expect(ar.text).toContain('افتح النقاش');
    expect(ar.text).not.toContain('ردّ على هذه الرسالة');
  });

  it('says why an emailed reply was not posted, and that nothing of it was kept, in both languages', () => {
    const reasons = [
      'unknown-address',
      'wrong-sender',
      'not-member',
      'locked',
      'too-big',
      'file-refused',
      'empty',
      'too-many',
    ] as const;
    const texts = new Set<string>();
    for (const reason of reasons) {
      const en = renderMail('reply-refused', 'en', { reason, subject: 'Re: GP registration', detail: 'setup.exe: no' });
      expect(en.subject).toBe('Not posted: Re: GP registration');
      expect(en.text).toContain('Nothing of it was kept.');
      expect(en.text).toContain('setup.exe: no');
      texts.add(en.text);
      expect(renderMail('reply-refused', 'ar', { reason, subject: 'x', detail: '' }).text).toContain(
        'لم يُحفظ منها شيء',
      );
    }
    // Each reason says something of its own.
    expect(texts.size).toBe(reasons.length);
  });

  it('lists each notification of a digest with its link', () => {
    const lines = [
      {
        type: NotificationType.JOIN_REQUESTED,
        groupName: 'Health and Social Care',
        actorName: 'Samir',
        link: 'http://localhost:3000/groups/health',
      },
      {
        type: NotificationType.ROLE_CHANGED,
        groupName: 'Brexit and faith',
        actorName: 'Maryam',
        role: MembershipRole.OBSERVER,
        link: 'http://localhost:3000/groups/brexit',
      },
    ];
    const mail = renderMail('digest', 'en', {
      frequency: 'WEEKLY',
      lines,
      link: 'http://localhost:3000/notifications',
    });
    expect(mail.subject).toBe('Your weekly Convene digest: 2 new');
    expect(mail.text).toContain(
      '- Samir asked to join “Health and Social Care”\n  http://localhost:3000/groups/health',
    );
    expect(mail.html).toContain(
      '<li><a href="http://localhost:3000/groups/brexit">Maryam made you observer of “Brexit and faith”</a></li>',
    );
  });
});

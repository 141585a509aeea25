import { describe, expect, it } from '@jest/globals';
import { renderMail } from './mail-templates.js';

describe(renderMail.name, () => {
  const params = { inviterName: 'Amara <script>', link: 'http://localhost:3000/invitations/abc', expiresOn: '2026-12-06' };

  it('renders text and escaped HTML in English', () => {
    const mail = renderMail('network-invitation', 'en', params);
    expect(mail.subject).toBe('Amara <script> invited you to Convene');
    expect(mail.text).toContain('Accept the invitation: http://localhost:3000/invitations/abc');
    expect(mail.html).toContain('Amara &lt;script&gt;');
    expect(mail.html).not.toContain('<script>');
  });

  it('renders Arabic right to left, and falls back to English for unknown locales', () => {
    expect(renderMail('network-invitation', 'ar', params).html).toContain('dir="rtl"');
    expect(renderMail('membership-declined', 'xx', { groupName: 'Brexit and faith' }).subject).toBe('Your request to join Brexit and faith');
  });
});

export const appEn = {
  devMail: {
    title: 'Development mailbox',
    notice:
      'This is the development mailbox. With no mail server configured, Convene keeps outgoing mail here instead of sending it. It is not available in production.',
    empty: 'No mail yet. Invitations and other messages will appear here.',
    refresh: 'Refresh',
    to: 'To: {{to}}',
    sentAt: 'Sent {{time}}',
    count: '{{count}} messages',
    loadFailed: 'The mailbox could not be loaded. Is the API running in development mode?',
  },
  forbidden: {
    title: 'Not allowed',
    body: 'This page is only for network admins.',
  },
};

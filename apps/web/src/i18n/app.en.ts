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
  offline: {
    title: "You're offline",
    body: 'You can still read the discussions and meetings you opened on this device. Posting and other changes need a connection.',
  },
  pageLoad: {
    title: 'This page could not be loaded',
    body: 'Convene was probably updated since this tab opened. Reload to get the new version.',
    offlineTitle: 'Not saved on this device',
    offlineBody: "You're offline, and this page wasn't opened here before. It will load once you're back online.",
    reload: 'Reload',
  },
  update: {
    title: 'A new version of Convene is ready',
    body: 'Reload to start using it. Anything you are typing stays on this page until you reload.',
    reload: 'Reload to update',
    later: 'Later',
  },
  forbidden: {
    title: 'Not allowed',
    body: 'This page is only for network admins.',
  },
};

/** The calendar feed's texts (the calendar page only). */
export const calendarFeedEn = {
  title: 'Subscribe in your calendar app',
  intro:
    'Add your meetings to Google Calendar, Outlook, Apple Calendar or Thunderbird. They update by themselves when meetings change.',
  off: 'No subscription link yet.',
  on: 'A subscription link is active, made on {{date}}.',
  lastUsed: 'A calendar app last fetched it on {{date}}.',
  neverUsed: 'No calendar app has used it yet.',
  create: 'Create a subscription link',
  reset: 'Make a new link',
  resetHint: 'The old link stops working at once.',
  revoke: 'Turn off',
  revoked: 'The subscription link is turned off',
  created: 'Your new subscription link is ready',
  urlLabel: 'Your subscription link',
  secretTitle: 'Keep this link secret',
  secret:
    'Anyone with this link can see the meetings of your groups. It is shown only now: copy it into your calendar app. If it leaks, make a new one.',
  copy: 'Copy link',
  copied: 'Copied',
  confirmReset: 'Make a new link? Calendars using the old one will stop updating.',
  confirmRevoke: 'Turn off the subscription? Calendars using it will stop updating.',
  confirm: 'Yes, continue',
  cancel: 'Keep it',
};

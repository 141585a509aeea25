/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import {
  MeDocument,
  MyPushDevicesDocument,
  NotificationSettingsDocument,
  UpdateNotificationSettingsDocument,
  type NotificationSettingsFieldsFragment,
} from '@convene/web-data-access';
import { renderPage } from '@convene/web-ui/testing';
import { notificationsResources } from '../i18n/notifications-resources';
import { NotificationSettingsPage } from './NotificationSettingsPage';

const settings: NotificationSettingsFieldsFragment = {
  __typename: 'NotificationSettings',
  contentFree: false,
  digestFrequency: 'DAILY',
  digestHour: 8,
  digestWeekday: 1,
  channels: [
    { __typename: 'ChannelPreference', category: 'REPLIES', inApp: true, email: 'IMMEDIATE', push: true },
    { __typename: 'ChannelPreference', category: 'DOCUMENTS', inApp: true, email: 'NONE', push: false },
  ],
  groups: [
    {
      __typename: 'GroupNotificationPreference',
      level: 'ALL',
      group: { __typename: 'GroupReference', id: 'g-1', slug: 'health', name: 'Health and Social Care' },
    },
  ],
};

const me = {
  request: { query: MeDocument },
  result: {
    data: {
      me: {
        __typename: 'Viewer',
        id: 'u-1',
        email: 'member@example.org',
        displayName: 'Lucía Moreno',
        locale: 'en',
        timeZone: 'Europe/London',
        networkRole: 'MEMBER',
        twoFactorEnabled: false,
        twoFactorSetupRequired: false,
        organisation: null,
      },
    },
  },
};
const current = {
  request: { query: NotificationSettingsDocument },
  result: { data: { notificationSettings: settings } },
};
const documentsByDigest = { channels: [{ category: 'DOCUMENTS', inApp: true, email: 'DIGEST', push: false }] };
const pushDevices = (count: number) => ({
  request: { query: MyPushDevicesDocument },
  result: {
    data: {
      myPushDevices: Array.from({ length: count }, (_, i) => ({
        __typename: 'PushDevice',
        id: `d-${i}`,
        endpoint: `https://push.example.org/send/${i}`,
        label: 'Chromium on Linux',
        userAgent: null,
        createdAt: '2026-12-01T10:00:00.000Z',
        lastUsedAt: '2026-12-01T10:00:00.000Z',
      })),
    },
  },
});

const open = (mocks: object[]) =>
  renderPage(<NotificationSettingsPage />, {
    route: '/settings/notifications',
    at: '/settings/notifications',
    namespaces: { notifications: notificationsResources },
    mocks: mocks as never,
  });

describe(NotificationSettingsPage.name, () => {
  jest.setTimeout(20_000);

  it('shows how each category reaches the person, and the digest in their own time zone', async () => {
    open([current, me, pushDevices(1)]);
    expect((await screen.findByLabelText<HTMLSelectElement>('By email: Replies to you')).value).toBe('IMMEDIATE');
    expect(screen.getByLabelText<HTMLSelectElement>('By email: Documents').value).toBe('NONE');
    expect(screen.getByRole('switch', { name: 'In the app: Documents' })).toHaveProperty('checked', true);
    expect(await screen.findByText(/Times are in your time zone, .*Europe\/London/)).toBeTruthy();
  });

  it('saves a change of one category alone, and says it is saved', async () => {
    const user = userEvent.setup();
    const saved = jest.fn(() => ({
      data: {
        updateNotificationSettings: {
          ...settings,
          channels: [settings.channels[0], { ...settings.channels[1], email: 'DIGEST' }],
        },
      },
    }));
    open([
      current,
      me,
      pushDevices(1),
      {
        request: { query: UpdateNotificationSettingsDocument, variables: { input: documentsByDigest } },
        result: saved,
      },
    ]);
    await user.selectOptions(await screen.findByLabelText('By email: Documents'), 'DIGEST');
    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(screen.getByLabelText<HTMLSelectElement>('By email: Documents').value).toBe('DIGEST');
    expect(screen.getByLabelText<HTMLSelectElement>('By email: Replies to you').value).toBe('IMMEDIATE');
  });

  it('puts the control back and says why when the change is refused', async () => {
    const user = userEvent.setup();
    const refused = {
      request: { query: UpdateNotificationSettingsDocument, variables: { input: documentsByDigest } },
      result: {
        errors: [
          {
            message: 'You are signing in too often.',
            extensions: { code: 'TOO_MANY_REQUESTS', reason: 'RATE_LIMITED' },
          },
        ],
      },
    };
    open([current, me, pushDevices(1), refused]);
    await user.selectOptions(await screen.findByLabelText('By email: Documents'), 'DIGEST');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toMatch(/\S/));
    expect(screen.queryByText('Settings saved')).toBeNull();
    expect(screen.getByLabelText<HTMLSelectElement>('By email: Documents').value).toBe('NONE');
  });

  it('turns push on for a category where a device is registered', async () => {
    const user = userEvent.setup();
    const pushDocuments = { channels: [{ category: 'DOCUMENTS', inApp: true, email: 'NONE', push: true }] };
    const saved = jest.fn(() => ({
      data: {
        updateNotificationSettings: {
          ...settings,
          channels: [settings.channels[0], { ...settings.channels[1], push: true }],
        },
      },
    }));
    open([
      current,
      me,
      pushDevices(2),
      { request: { query: UpdateNotificationSettingsDocument, variables: { input: pushDocuments } }, result: saved },
    ]);
    const documents = await screen.findByRole('switch', { name: 'On my devices: Documents' });
    expect(screen.getByRole('switch', { name: 'On my devices: Replies to you' })).toHaveProperty('checked', true);
    await waitFor(() => expect(documents).toHaveProperty('disabled', false));
    await user.click(documents);
    expect(await screen.findByText('Settings saved')).toBeTruthy();
    expect(saved).toHaveBeenCalledTimes(1);
    expect(screen.getByRole('switch', { name: 'On my devices: Documents' })).toHaveProperty('checked', true);
  });

  it('waits with push, and says where to turn it on, while no device shows notifications', async () => {
    open([current, me, pushDevices(0)]);
    const replies = await screen.findByRole('switch', { name: 'On my devices: Replies to you' });
    await waitFor(() => expect(replies).toHaveProperty('disabled', true));
    expect(screen.getByText(/need to be turned on there first/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Turn them on in Security' }).getAttribute('href')).toBe(
      '/settings/security',
    );
  });
});

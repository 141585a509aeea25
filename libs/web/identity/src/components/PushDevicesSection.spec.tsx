/**
 * @jest-environment jsdom
 */
import { describe, expect, it, jest } from '@jest/globals';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MyPushDevicesDocument, RemovePushDeviceDocument } from '@convene/web-data-access';
import { renderPage } from '@convene/web-ui/testing';
import { accountResources } from '../i18n/account-resources';
import { identityResources } from '../i18n/identity-resources';
import { PushDevicesSection } from './PushDevicesSection';

const phone = {
  __typename: 'PushDevice' as const,
  id: 'd-1',
  endpoint: 'https://push.example.org/send/1',
  label: 'Firefox on Android',
  userAgent: 'Mozilla/5.0 (Android 14; Mobile) Firefox/133.0',
  createdAt: '2026-12-01T10:00:00.000Z',
  lastUsedAt: '2026-12-06T10:00:00.000Z',
};
const devices = (list: (typeof phone)[]) => ({
  request: { query: MyPushDevicesDocument },
  result: { data: { myPushDevices: list } },
});

const open = (mocks: object[], locale: 'en' | 'ar' = 'en') =>
  renderPage(<PushDevicesSection />, {
    route: '/settings/security',
    at: '/settings/security',
    locale,
    namespaces: { identity: identityResources, account: accountResources },
    mocks: mocks as never,
  });

describe(PushDevicesSection.name, () => {
  jest.setTimeout(20_000);

  it('says when this browser cannot show notifications, and offers no button that would fail', async () => {
    // jsdom has neither a service worker nor push: a browser that cannot.
    open([devices([])]);
    expect(await screen.findByText('This browser cannot show notifications.')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Turn on notifications on this device' })).toBeNull();
    expect(screen.getByText('No device shows your notifications yet.')).toBeTruthy();
  });

  it('lists the devices with their names, and removes one', async () => {
    const user = userEvent.setup();
    const removed = jest.fn(() => ({ data: { removePushDevice: true } }));
    open([
      devices([phone]),
      { request: { query: RemovePushDeviceDocument, variables: { id: 'd-1' } }, result: removed },
      devices([]),
    ]);
    const list = await screen.findByRole('list', { name: 'Devices with notifications on' });
    expect(list.textContent).toContain('Firefox on Android');
    await user.click(screen.getByRole('button', { name: 'Remove Firefox on Android' }));
    expect(await screen.findByText('Firefox on Android will no longer show notifications')).toBeTruthy();
    expect(removed).toHaveBeenCalledTimes(1);
    await waitFor(() => expect(screen.getByText('No device shows your notifications yet.')).toBeTruthy());
  });

  it('speaks Arabic', async () => {
    open([devices([phone])], 'ar');
    // The English name inside the Arabic sentence is isolated, so it keeps its own direction.
    expect(await screen.findByRole('button', { name: 'إزالة \u2068Firefox on Android\u2069' })).toBeTruthy();
    expect(screen.getByText('لا يستطيع هذا المتصفح عرض الإشعارات.')).toBeTruthy();
  });
});

// Live notifications in a real browser: a member asks to join a group, and the convenor, already
// on another page, sees the bell's count change and a toast without reloading; opening the
// notification marks it read and leads to the group. Then an accessibility scan of the centre.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

const MEMBER_NAME = 'Lucía Moreno'; // member@example.org in the demo seed

describe('live notifications', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => session.newPage(viewport);
  const signIn = (page: Page, email: string, password?: string): Promise<void> => session.signIn(page, email, password);

  it('tells a convenor about a join request as it happens', async () => {
    const convenor = await newPage();
    await signIn(convenor, 'convenor@example.org');
    const banner = convenor.getByRole('banner');
    await banner.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    // Nothing is reloaded from here on: a reload would show the count without the socket.
    let reloaded = false;
    convenor.on('framenavigated', (frame) => {
      if (frame === convenor.mainFrame()) reloaded = true;
    });

    const member = await newPage();
    await signIn(member, 'member@example.org');
    await member.goto('/groups/brexit-and-faith');
    await member.getByRole('heading', { name: 'Brexit and faith', level: 1 }).waitFor();
    await member.getByRole('button', { name: 'Request to join' }).click();
    await member.getByText('Your request to join is waiting for a convenor.').waitFor();

    const bell = banner.getByRole('button', { name: 'Notifications, 1 unread' });
    await bell.waitFor();
    await convenor.getByRole('alert').filter({ hasText: 'asked to join Brexit and faith' }).first().waitFor();
    expect(reloaded).toBe(false);
    expect(convenor.url()).toMatch(/\/groups$/);

    await bell.click();
    const dropdown = convenor.getByRole('dialog', { name: 'Notifications' });
    const item = dropdown.getByRole('button', { name: /asked to join Brexit and faith/ });
    await expect(item.textContent()).resolves.toContain(`${MEMBER_NAME} asked to join Brexit and faith`);
    await item.click();

    await convenor.getByRole('heading', { name: 'Brexit and faith', level: 1 }).waitFor();
    expect(convenor.url()).toMatch(/\/groups\/brexit-and-faith$/);
    await banner.getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    expect(await banner.getByRole('button', { name: /unread/ }).count()).toBe(0);
  });

  it('brings a notification to every tab of a person without a request, and a read mark made in one clears the others', async () => {
    // A tab is settled once its socket has connected and caught up (one request, at connect).
    const caughtUp = (page: Page) =>
      page.waitForResponse(
        (r) => r.url().includes('/graphql') && r.request().postDataJSON()?.operationName === 'NotificationsAfter',
      );
    const first = await newPage();
    const firstSettled = caughtUp(first);
    await signIn(first, 'convenor@example.org');
    await firstSettled;
    const second = await first.context().newPage();
    const secondSettled = caughtUp(second);
    await second.goto('/groups');
    await secondSettled;
    const bells = [first, second].map((page) =>
      page.getByRole('banner').getByRole('button', { name: /^Notifications/ }),
    );
    for (const page of [first, second])
      await page
        .getByRole('banner')
        .getByRole('button', { name: /^Notifications/ })
        .waitFor();
    const unreadBefore = await Promise.all(
      bells.map(async (bell) => Number((await bell.getAttribute('aria-label'))?.match(/(\d+) unread/)?.[1] ?? 0)),
    );
    // Every GraphQL request either tab makes from here until the notification is on screen.
    const requests: string[][] = [[], []];
    const listeners = [first, second].map((page, i) => {
      const listener = (request: { url(): string; postDataJSON(): { operationName?: string } | null }) => {
        if (request.url().includes('/graphql')) requests[i]!.push(request.postDataJSON()?.operationName ?? '?');
      };
      page.on('request', listener);
      return listener;
    });

    const partner = await newPage();
    await signIn(partner, 'partner@example.org');
    await partner.goto('/groups/policing-and-surveillance');
    await partner.getByRole('heading', { name: 'Policing and surveillance', level: 1 }).waitFor();
    await partner.getByRole('button', { name: 'Request to join' }).click();
    await partner.getByText('Your request to join is waiting for a convenor.').waitFor();

    for (const [i, page] of [first, second].entries()) {
      await page
        .getByRole('banner')
        .getByRole('button', { name: `Notifications, ${unreadBefore[i]! + 1} unread` })
        .waitFor();
    }
    [first, second].forEach((page, i) => page.off('request', listeners[i]!));
    expect(requests).toEqual([[], []]);
    // The tab in front also says so in a toast (the group is content-free: not who).
    await second
      .getByRole('alert')
      .filter({ hasText: 'A new request to join Policing and surveillance' })
      .first()
      .waitFor();

    // Read in the first tab; the second tab's bell follows without reloading.
    await bells[0]!.click();
    await first.getByRole('dialog', { name: 'Notifications' }).getByRole('button', { name: 'Mark all read' }).click();
    await first.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await second.getByRole('banner').getByRole('button', { name: 'Notifications', exact: true }).waitFor();
    await bells[1]!.click();
    const item = second
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: /request to join Policing and surveillance/ });
    await item.waitFor();
    expect(await item.evaluate((row) => row.closest('li')?.textContent ?? '')).not.toMatch(/unread/i);
  });

  it('has no serious accessibility violations: notification centre', async () => {
    const page = await newPage();
    await signIn(page, 'convenor@example.org');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('link', { name: 'All notifications' }).click();
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.getByRole('list').first().waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });
});

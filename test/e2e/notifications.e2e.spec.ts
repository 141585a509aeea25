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

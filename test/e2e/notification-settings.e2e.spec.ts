// Notification settings in a real browser: each choice saves as it is made and survives a reload,
// a group's bell menu mutes it, and an email's unsubscribe link works without signing in.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

describe('notification settings', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  const newPage = (): Promise<Page> => session.newPage();
  const signIn = (page: Page, email: string): Promise<void> => session.signIn(page, email);
  const saved = (page: Page) => page.getByText('Settings saved').first().waitFor();
  // A segmented control's radios are visually hidden; people click their labels.
  const segment = (scope: Page | ReturnType<Page['getByRole']>, name: string) =>
    scope.locator('label', { hasText: new RegExp(`^${name}$`) }).first();

  it('saves each choice as it is made and keeps it after a reload', async () => {
    const page = await newPage();
    await signIn(page, 'member@example.org');
    await page.getByRole('button', { name: /^Notifications/ }).click();
    await page.getByRole('link', { name: 'Notification settings' }).click();
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByLabel('By email: Your memberships').selectOption('DIGEST');
    await saved(page);
    await page.getByText('One email with what you have not read yet').waitFor();
    await segment(page, 'Weekly').click();
    await page.getByLabel('Day').waitFor();
    await page.getByLabel('Day').selectOption('5');
    await page.getByLabel('Time').selectOption('18');
    await page.getByRole('switch', { name: 'Content-free notifications' }).check({ force: true });
    await segment(page.getByRole('radiogroup', { name: 'Policing and surveillance' }), 'Muted').click();
    await page.waitForLoadState('networkidle');

    await page.reload();
    await page.getByRole('heading', { name: 'Notification settings', level: 1 }).waitFor();
    expect(await page.getByLabel('By email: Your memberships').inputValue()).toBe('DIGEST');
    expect(await page.getByLabel('By email: Join requests').inputValue()).toBe('IMMEDIATE');
    expect(await page.getByRole('radio', { name: 'Weekly' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Day').inputValue()).toBe('5');
    expect(await page.getByLabel('Time').inputValue()).toBe('18');
    expect(await page.getByRole('switch', { name: 'Content-free notifications' }).isChecked()).toBe(true);
    expect(
      await page
        .getByRole('radiogroup', { name: 'Policing and surveillance' })
        .getByRole('radio', { name: 'Muted' })
        .isChecked(),
    ).toBe(true);
    expect(
      await page
        .getByRole('radiogroup', { name: 'Health and Social Care' })
        .getByRole('radio', { name: 'All activity' })
        .isChecked(),
    ).toBe(true);
  });

  it('mutes a group from its page', async () => {
    const page = await newPage();
    await signIn(page, 'samira@example.org');
    await page.goto('/groups/health-and-social-care');
    await page.getByRole('button', { name: 'Notifications for this group: All activity' }).click();
    await page.getByRole('menuitem', { name: /^Muted/ }).click();
    await page.getByText('You will now hear: Muted').first().waitFor();
    await page.getByRole('button', { name: 'Notifications for this group: Muted' }).waitFor();

    await page.goto('/settings/notifications');
    const health = page.getByRole('radiogroup', { name: 'Health and Social Care' });
    await health.waitFor();
    expect(await health.getByRole('radio', { name: 'Muted' }).isChecked()).toBe(true);
  });

  it('stops a category’s email from the link in an email, without signing in', async () => {
    const convenor = await newPage();
    await signIn(convenor, 'chidi@example.org');
    await convenor.goto('/groups/brexit-and-faith');
    await convenor.getByRole('button', { name: 'Invite' }).click();
    const dialog = convenor.getByRole('dialog');
    await dialog.getByLabel(/^Email/).fill('samira@example.org');
    await dialog.getByRole('button', { name: 'Send invitation' }).click();
    await dialog.waitFor({ state: 'hidden' });

    // The worker turns the invitation into a notification, and the notification into an email.
    let link: string | undefined;
    for (let i = 0; i < 120 && !link; i++) {
      const mails = (await (await fetch(`${session.hub.url}/api/dev/mail`)).json()) as {
        to: string;
        subject: string;
        text: string;
      }[];
      const invitation = mails.find(
        (m) => m.to === 'samira@example.org' && m.subject === 'You are invited to Brexit and faith',
      );
      link = invitation && /(http:\/\/\S+\/unsubscribe\/\S+)/.exec(invitation.text)?.[1];
      if (!link) await new Promise((r) => setTimeout(r, 250));
    }
    expect(link).toBeDefined();

    const stranger = await newPage();
    await stranger.goto(new URL(link!).pathname);
    await stranger.getByText('Stop emails about your memberships?').waitFor();
    expect(await seriousA11yViolations(stranger)).toEqual([]);
    await stranger.getByRole('button', { name: 'Stop these emails' }).click();
    await stranger.getByText('You will no longer get emails about your memberships.').waitFor();

    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    await samira.goto('/settings/notifications');
    await samira.getByLabel('By email: Your memberships').waitFor();
    expect(await samira.getByLabel('By email: Your memberships').inputValue()).toBe('NONE');
    expect(await samira.getByLabel('By email: Join requests').inputValue()).toBe('IMMEDIATE');
  });
});

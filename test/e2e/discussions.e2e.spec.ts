// Discussions in a real browser: a member starts a discussion in Markdown, another member replies
// under it; the first sees the reply appear live, is told through the bell, and taken to the
// discussion.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

describe('discussions', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  const newPage = (): Promise<Page> => session.newPage();
  const signIn = (page: Page, email: string): Promise<void> => session.signIn(page, email);

  it('starts a discussion, replies under a post, and tells the author', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    let dialogs = 0;
    lucia.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    await lucia.goto('/groups/health-and-social-care');
    await lucia.getByRole('button', { name: 'Start a discussion' }).click();
    const dialog = lucia.getByRole('dialog');
    await dialog.getByLabel(/^Title/).fill('Charging letters at the Royal Infirmary');
    await dialog.getByLabel(/^What do you want/).fill('Three families got **upfront charging** letters.\n\n<img src=x onerror=alert(1)>');
    await dialog.getByLabel(/^Tags/).fill('nhs-charging');
    // The preview is the server's own rendering.
    await dialog.getByRole('button', { name: 'Preview' }).click();
    await dialog.getByLabel('Preview').locator('strong', { hasText: 'upfront charging' }).waitFor();
    await dialog.getByRole('button', { name: 'Back to writing' }).click();
    await dialog.getByRole('button', { name: 'Start the discussion' }).click();
    await lucia.getByRole('heading', { name: 'Charging letters at the Royal Infirmary', level: 1 }).waitFor();
    const threadUrl = new URL(lucia.url()).pathname;
    let reloaded = false;
    lucia.on('framenavigated', (frame) => {
      if (frame === lucia.mainFrame()) reloaded = true;
    });
    expect(threadUrl).toMatch(/^\/threads\/[0-9a-f-]{36}$/);
    // Markdown rendered, HTML shown as text and never run.
    await lucia.locator('strong', { hasText: 'upfront charging' }).waitFor();
    await lucia.getByText('<img src=x onerror=alert(1)>').waitFor();
    expect(await lucia.locator('.convene-post-body img').count()).toBe(0);
    expect(await seriousA11yViolations(lucia)).toEqual([]);

    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    await samira.goto('/groups/health-and-social-care');
    await samira.getByRole('link', { name: 'Charging letters at the Royal Infirmary' }).click();
    await samira.getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    await samira.getByLabel(/^Your reply/).fill('Two at our clinic too.');
    await samira.getByRole('button', { name: 'Post reply' }).click();
    await samira.locator('li.convene-post[data-depth="1"]', { hasText: 'Two at our clinic too.' }).waitFor();
    // Lucía, still on the discussion, sees the reply appear without reloading.
    await lucia.locator('li.convene-post[data-depth="1"]', { hasText: 'Two at our clinic too.' }).waitFor();
    expect(reloaded).toBe(false);

    // She is told through the bell as well, and the notification leads to the discussion.
    await lucia.goto('/groups');
    const bell = lucia.getByRole('banner').getByRole('button', { name: /^Notifications, \d+ unread/ });
    await bell.waitFor();
    await bell.click();
    await lucia.getByRole('button', { name: /Samira Benali replied to you in Health and Social Care/ }).click();
    await lucia.waitForURL((url) => url.pathname === threadUrl);
    await lucia.getByText('Two at our clinic too.').waitFor();
    expect(dialogs).toBe(0);
  });
});

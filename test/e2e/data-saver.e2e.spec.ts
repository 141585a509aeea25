// "Use less data" in a real browser: a phone whose browser asks to save data (Chrome's and
// Android's data saver, read by the page as navigator.connection.saveData) gets a "Tap to load
// preview" button that says the file's size in place of an image or PDF preview, fetches nothing
// of the file before the tap, and asks for shorter pages of discussions; the same follows from the
// switch in the menu, kept on the device, and turned off again on the profile page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BrowserContext, Page } from 'playwright-core';
import { pdf, png } from '@convene/server-testing';
import { BrowserSession, seriousA11yViolations } from './browser.js';

const PHONE = { width: 360, height: 740 };
const GROUP = 'health-and-social-care';

/** Chromium's own answer would depend on the machine: this one says the person asked to save data. */
const SAVE_DATA = () => {
  const connection = Object.assign(new EventTarget(), { saveData: true, effectiveType: '3g', downlink: 1.5 });
  Object.defineProperty(navigator, 'connection', { configurable: true, get: () => connection });
};

/** The addresses of the file's bytes the browser asked for (the page, pdf.js's worker), as they happen. */
function fileRequests(context: BrowserContext, documentId: string): string[] {
  const seen: string[] = [];
  context.on('request', (request) => {
    if (request.url().includes(`/api/documents/${documentId}/content`)) seen.push(request.url());
  });
  return seen;
}

/** The `first` of each GraphQL request named `operation` the page sends from now on. */
function pageSizesAsked(page: Page, operation: string): number[] {
  const sizes: number[] = [];
  page.on('request', (request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { operationName?: string; variables?: { first?: number } } | null;
    if (body?.operationName === operation && typeof body.variables?.first === 'number')
      sizes.push(body.variables.first);
  });
  return sizes;
}

describe('using less data', () => {
  let session: BrowserSession;
  let imageId: string;
  let pdfId: string;

  beforeAll(async () => {
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
    const page = await session.newPage();
    await session.signIn(page, 'member@example.org');
    const answer = await page.request.post('/graphql', {
      data: { query: 'query ($slug: String!) { workingGroup(slug: $slug) { id } }', variables: { slug: GROUP } },
      headers: { 'apollo-require-preflight': 'true' },
    });
    const groupId = ((await answer.json()) as { data: { workingGroup: { id: string } } }).data.workingGroup.id;
    const upload = async (name: string, mimeType: string, buffer: Buffer) => {
      const res = await page.request.post(`/api/groups/${groupId}/documents`, {
        multipart: { file: { name, mimeType, buffer } },
        headers: { 'x-requested-with': 'convene' },
      });
      expect(res.status()).toBe(201);
      return ((await res.json()) as { document: { id: string } }).document.id;
    };
    imageId = await upload('bus-route-map.png', 'image/png', png(480, 11));
    pdfId = await upload('fares-leaflet.pdf', 'application/pdf', pdf('Bus fares to the clinic, and who pays them'));
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('with the browser asking to save data, previews wait for a tap and discussions and notifications come in shorter pages', async () => {
    const page = await session.newPage(PHONE);
    await page.addInitScript(SAVE_DATA);
    const imageBytes = fileRequests(page.context(), imageId);
    const pdfBytes = fileRequests(page.context(), pdfId);
    const threadPages = pageSizesAsked(page, 'GroupThreads');
    const notificationPages = pageSizesAsked(page, 'Notifications');
    await session.signIn(page, 'member@example.org');

    await page.goto(`/groups/${GROUP}`);
    await page.getByRole('heading', { name: 'Discussions', level: 2 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(threadPages).toEqual([10]);
    // The notification centre too (the bell's own eight aside).
    await page.goto('/notifications');
    await page.getByRole('heading', { name: 'Notifications', level: 1 }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(notificationPages.filter((first) => first !== 8)).toEqual([10]);

    // The image: a button with its size, and nothing of the file fetched until it is tapped.
    await page.goto(`/documents/${imageId}`);
    const tap = page.getByRole('button', { name: /^Tap to load preview \(\d+(\.\d)? (B|KB|MB)\)$/ });
    await tap.waitFor();
    await page.waitForLoadState('networkidle');
    expect(imageBytes).toEqual([]);
    expect(await page.getByRole('img', { name: 'bus-route-map.png' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await tap.click();
    const image = page.getByRole('img', { name: 'bus-route-map.png' });
    await image.waitFor();
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await image.elementHandle(),
    );
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
    expect(imageBytes.length).toBeGreaterThan(0);

    // The PDF: neither pdf.js nor the file before the tap; its first page drawn after.
    await page.goto(`/documents/${pdfId}`);
    await tap.waitFor();
    await page.waitForLoadState('networkidle');
    expect(pdfBytes).toEqual([]);
    await tap.click();
    await page.getByRole('img', { name: 'Page 1' }).waitFor();
    expect(pdfBytes.length).toBeGreaterThan(0);
  });

  it('the switch in the menu does the same on a phone whose browser does not ask, and the profile page turns it off', async () => {
    const page = await session.newPage(PHONE);
    const imageBytes = fileRequests(page.context(), imageId);
    await session.signIn(page, 'member@example.org');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    const inMenu = page.locator('#convene-mobile-nav').getByRole('switch', { name: /^Use less data/ });
    expect(await inMenu.isChecked()).toBe(false);
    await inMenu.click();
    expect(await inMenu.isChecked()).toBe(true);
    await page.keyboard.press('Escape');

    // Kept on the device: still on after a reload.
    await page.goto(`/documents/${imageId}`);
    await page.reload();
    await page.getByRole('button', { name: /^Tap to load preview/ }).waitFor();
    await page.waitForLoadState('networkidle');
    expect(imageBytes).toEqual([]);

    await page.goto('/profile');
    const onProfile = page
      .getByRole('region', { name: 'On this device' })
      .getByRole('switch', { name: /^Use less data/ });
    expect(await onProfile.isChecked()).toBe(true);
    await onProfile.click();
    expect(await page.evaluate(() => window.localStorage.getItem('convene.dataSaver'))).toBe('off');
    await page.goto(`/documents/${imageId}`);
    await page.getByRole('img', { name: 'bus-route-map.png' }).waitFor();
    expect(imageBytes.length).toBeGreaterThan(0);
  });
});

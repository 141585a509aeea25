// Shared documents in a real browser: a member uploads three files at once and watches each one's
// progress (the upload is slowed down so that progress can be seen), previews a PDF and an image
// in the page, uploads a new version, and downloads the old version, which must be byte for byte
// what was first uploaded.
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { pdf, png, random, sha256 } from '@convene/server-testing';
import { BrowserSession, seriousA11yViolations } from './browser.js';

/** Every value a progress bar shows until it is full, read as often as the page allows. */
async function progressSeen(page: Page, name: string): Promise<number[]> {
  const bar = page.getByRole('progressbar', { name });
  const seen: number[] = [];
  for (let i = 0; i < 600; i++) {
    const value = Number(await bar.getAttribute('aria-valuenow'));
    if (seen.at(-1) !== value) seen.push(value);
    if (value >= 100) break;
    await page.waitForTimeout(20);
  }
  return seen;
}

describe('documents', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('uploads three files with progress, previews a PDF and an image, adds a version and gives back the old one unchanged', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'member@example.org');
    await page.goto('/groups/health-and-social-care');

    // A PDF large enough for its progress to be seen, an image and a text file.
    const report = Buffer.concat([
      pdf('Evidence of NHS charging, first draft'),
      Buffer.from('%'),
      random(6 * 1024 * 1024),
      Buffer.from('\n%%EOF\n'),
    ]);
    const poster = png(64, 3);
    const notes = Buffer.from('Notes from the clinic visit.\nNext steps: write to the trust.\n');
    // Chromium slows the uploads down (about 3 MB/s), as on a modest connection.
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 20,
      downloadThroughput: -1,
      uploadThroughput: 3 * 1024 * 1024,
    });
    await page.getByLabel('Files to upload').setInputFiles([
      { name: 'charging-evidence.pdf', mimeType: 'application/pdf', buffer: report },
      { name: 'clinic-poster.png', mimeType: 'image/png', buffer: poster },
      { name: 'visit-notes.txt', mimeType: 'text/plain', buffer: notes },
    ]);
    const progress = await progressSeen(page, 'charging-evidence.pdf');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    // The bar moved through values between empty and full: real progress, not a jump.
    expect(progress.at(-1)).toBe(100);
    expect(progress.filter((v) => v > 0 && v < 100).length).toBeGreaterThanOrEqual(2);
    for (const name of ['charging-evidence.pdf', 'clinic-poster.png', 'visit-notes.txt']) {
      await page.locator('li[data-upload-status="done"]', { hasText: name }).waitFor();
      await page.getByRole('link', { name }).waitFor();
    }
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The PDF, drawn page by page in the browser.
    await page.getByRole('link', { name: 'charging-evidence.pdf' }).click();
    await page.getByRole('heading', { name: 'charging-evidence.pdf', level: 1 }).waitFor();
    const firstPage = page.getByRole('img', { name: 'Page 1' });
    await firstPage.waitFor();
    expect(await firstPage.evaluate((canvas) => (canvas as HTMLCanvasElement).width)).toBeGreaterThan(100);
    const documentUrl = page.url();

    // The image, shown in place.
    await page.goto('/groups/health-and-social-care');
    await page.getByRole('link', { name: 'clinic-poster.png' }).click();
    const image = page.getByRole('img', { name: 'clinic-poster.png' });
    await image.waitFor();
    await page.waitForFunction(
      (img) => (img as HTMLImageElement).complete && (img as HTMLImageElement).naturalWidth > 0,
      await image.elementHandle(),
    );
    expect(await image.evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(64);

    // A new version of the PDF; the first stays, and downloads exactly as uploaded.
    await page.goto(documentUrl);
    const second = pdf('Evidence of NHS charging, final');
    await page
      .getByLabel('Upload new version')
      .setInputFiles({ name: 'charging-evidence-final.pdf', mimeType: 'application/pdf', buffer: second });
    const versions = page.getByRole('table', { name: 'Versions' });
    await versions.locator('tr[data-version="2"]').waitFor();
    await versions.locator('tr[data-version="1"]').waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByLabel('Download version 1').click(),
    ]);
    expect(download.suggestedFilename()).toBe('charging-evidence.pdf');
    expect(sha256(await readFile((await download.path())!))).toBe(sha256(report));
    const [current] = await Promise.all([page.waitForEvent('download'), page.getByLabel('Download version 2').click()]);
    expect(sha256(await readFile((await current.path())!))).toBe(sha256(second));
  });

  it('a network admin narrows the file types; a member sees a clear message for a refused file', async () => {
    const admin = await session.newPage();
    await session.signIn(admin, 'admin@example.org');
    await admin.goto('/admin');
    const types = admin.getByRole('region', { name: 'File types members may share' });
    await types.getByRole('checkbox', { name: 'PNG image', exact: true }).uncheck();
    await types.getByRole('button', { name: 'Save file types' }).click();
    await admin.getByText('File types saved').waitFor();

    const member = await session.newPage();
    await session.signIn(member, 'member@example.org');
    await member.goto('/groups/health-and-social-care');
    await member
      .getByLabel('Files to upload')
      .setInputFiles([{ name: 'flyer.png', mimeType: 'image/png', buffer: png(8, 9) }]);
    const failed = member.locator('li[data-upload-status="failed"]', { hasText: 'flyer.png' });
    await failed
      .getByRole('alert')
      .filter({ hasText: /PNG image files can.t be shared here/ })
      .waitFor();
    expect(await member.getByRole('link', { name: 'flyer.png' }).count()).toBe(0);

    await types.getByRole('checkbox', { name: 'PNG image', exact: true }).check();
    await types.getByRole('button', { name: 'Save file types' }).click();
    await admin.getByText('File types saved').last().waitFor();
  });

  it('links a document to a discussion; the discussion lists it', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'member@example.org');
    await page.goto('/groups/health-and-social-care');
    await page.getByRole('button', { name: 'Evidence' }).click();
    await page.getByRole('link', { name: 'NHS charging – evidence log.md' }).click();
    const links = page.getByRole('region', { name: 'Discussions' });
    await links.getByLabel('Link to a discussion').click();
    await page.getByRole('option', { name: 'NHS charging letters sent before treatment' }).click();
    await links.getByRole('button', { name: 'Link', exact: true }).click();
    await links.getByRole('link', { name: 'NHS charging letters sent before treatment' }).click();
    await page.getByRole('heading', { name: 'NHS charging letters sent before treatment', level: 1 }).waitFor();
    await page
      .getByRole('region', { name: 'Documents' })
      .getByRole('link', { name: 'NHS charging – evidence log.md' })
      .waitFor();
  });
});

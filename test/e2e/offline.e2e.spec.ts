// The installable app, in a real browser with its service worker:
// - a member reads a discussion and a meeting; offline, both open again from the device under an
//   "offline" banner, while a page never opened says it cannot be shown;
// - after signing out, nothing of them is left in the device's caches, and offline they are gone;
// - a new version is offered with "Reload to update" and runs only once accepted;
// - the manifest names the app in English and Arabic, with its icons.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { BrowserSession } from './browser.js';

const root = join(import.meta.dirname, '../..');

/** Waits until the service worker controls the page (a first visit is not controlled: one reload). */
async function underServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

/** The text of every response kept in the origin's caches (what a next person on the device could find). */
function everythingCached(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const texts: string[] = [];
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        const response = await cache.match(request);
        if (response && !/\.(png|svg)$/.test(request.url)) texts.push(await response.text());
      }
    }
    return texts.join('\n');
  });
}

describe('installable and readable offline', () => {
  let session: BrowserSession;
  /** A copy of the built web of this hub alone: the update test publishes a new version into it. */
  let webDir: string;
  let thread: { id: string; title: string };
  let otherThread: { id: string; title: string };
  let meeting: { id: string; title: string };

  beforeAll(async () => {
    webDir = await mkdtemp(join(tmpdir(), 'convene-e2e-web-'));
    await cp(process.env['WEB_DIST_DIR'] ?? join(root, 'dist/apps/web'), webDir, { recursive: true });
    session = await BrowserSession.start({ WEB_DIST_DIR: webDir });
    const database = `${process.env['E2E_NAME'] ?? 'convene_e2e'}_${process.env['JEST_WORKER_ID'] ?? '0'}`;
    const db = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:5432/${database}` });
    await db.connect();
    try {
      const threads = await db.query<{ id: string; title: string }>(
        `SELECT t.id, t.title FROM threads t JOIN working_groups g ON g.id = t.group_id
          WHERE g.slug = 'health-and-social-care' ORDER BY t.created_at DESC LIMIT 2`,
      );
      [thread, otherThread] = threads.rows as [typeof thread, typeof thread];
      const meetings = await db.query<{ id: string; title: string }>(
        `SELECT m.id, m.title FROM meetings m JOIN working_groups g ON g.id = m.group_id
          WHERE g.slug = 'policing-and-surveillance' ORDER BY m.starts_at DESC LIMIT 1`,
      );
      meeting = meetings.rows[0] as typeof meeting;
    } finally {
      await db.end();
    }
  });
  afterAll(async () => {
    await session?.stop();
    await rm(webDir, { recursive: true, force: true });
  });

  it('opens the discussions and meetings read on this device while offline, and forgets them at sign-out', async () => {
    const page = await session.newPage({ width: 390, height: 844 }, { serviceWorker: true });
    await session.signIn(page, 'member@example.org');
    await underServiceWorker(page);

    await page.goto(`/threads/${thread.id}`);
    await page.getByRole('heading', { name: thread.title }).waitFor();
    await page.goto(`/meetings/${meeting.id}`);
    await page.getByRole('heading', { name: meeting.title }).waitFor();
    await expect(page.getByRole('status').filter({ hasText: "You're offline" }).count()).resolves.toBe(0);

    await page.context().setOffline(true);
    await page.goto(`/threads/${thread.id}`);
    await page.getByRole('heading', { name: thread.title }).waitFor();
    await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
    await page.screenshot({ path: join(tmpdir(), 'convene-offline-thread.png') });
    await page.goto(`/meetings/${meeting.id}`);
    await page.getByRole('heading', { name: meeting.title }).waitFor();
    // A discussion never opened here cannot be read offline.
    await page.goto(`/threads/${otherThread.id}`);
    await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Not saved on this device' }).waitFor();
    await expect(page.getByText(otherThread.title).count()).resolves.toBe(0);
    // Nor can a page whose code was never loaded here: it says so instead of leaving the screen blank.
    await page.goto('/settings/security');
    await page.getByRole('alert').filter({ hasText: 'Not saved on this device' }).waitFor();
    await page.getByRole('button', { name: 'Reload' }).waitFor();

    await page.context().setOffline(false);
    await page.goto('/groups');
    expect(await everythingCached(page)).toContain(thread.title);
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Email').waitFor();
    await expect(everythingCached(page)).resolves.not.toContain(thread.title);
    await expect(everythingCached(page)).resolves.not.toContain(meeting.title);

    await page.context().setOffline(true);
    await page.goto(`/threads/${thread.id}`);
    await page.getByRole('status').filter({ hasText: "You're offline" }).waitFor();
    await page.getByRole('alert').filter({ hasText: 'Not saved on this device' }).waitFor();
    await expect(page.getByText(thread.title).count()).resolves.toBe(0);
    await page.context().setOffline(false);
  });

  it('offers a new version with "Reload to update", and runs it only once accepted', async () => {
    const page = await session.newPage(undefined, { serviceWorker: true });
    await page.goto('/signin');
    await underServiceWorker(page);
    /** The version the worker in charge of the page says it is (only the next one answers). */
    const runningVersion = () =>
      page.evaluate(
        () =>
          new Promise<string | null>((resolve) => {
            const channel = new MessageChannel();
            channel.port1.onmessage = (event) => resolve(String(event.data));
            navigator.serviceWorker.controller?.postMessage('version?', [channel.port2]);
            setTimeout(() => resolve(null), 1000);
          }),
      );
    expect(await runningVersion()).toBeNull();

    // A new version is published: its worker differs from the running one, and says so when asked.
    const worker = join(webDir, 'sw.js');
    await writeFile(
      worker,
      `${await readFile(worker, 'utf8')}\nself.addEventListener('message', (e) => { if (e.data === 'version?') e.ports[0].postMessage('next'); });\n`,
    );
    await page.evaluate(async () => {
      await (await navigator.serviceWorker.ready).update();
    });
    const prompt = page.getByRole('status').filter({ hasText: 'A new version of Convene is ready' });
    await prompt.waitFor();
    // Until accepted, the page keeps the version it started with; the new one waits.
    expect(await runningVersion()).toBeNull();
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(
      true,
    );

    await Promise.all([page.waitForEvent('load'), prompt.getByRole('button', { name: 'Reload to update' }).click()]);
    await page.getByLabel('Email').waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    expect(await runningVersion()).toBe('next');
    await expect(prompt.count()).resolves.toBe(0);
  });

  it('names the installed app in English and Arabic, with its icons', async () => {
    const page = await session.newPage(undefined, { serviceWorker: true });
    await page.goto('/signin');
    const manifests = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]')?.getAttribute('href');
      const en = await (await fetch('/manifest.webmanifest')).json();
      const ar = await (await fetch('/manifest.ar.webmanifest')).json();
      return { href, en, ar };
    });
    expect(manifests.href).toBe('/manifest.webmanifest');
    expect(manifests.en).toMatchObject({ short_name: 'Convene', lang: 'en', dir: 'ltr', display: 'standalone' });
    expect(manifests.ar).toMatchObject({ short_name: 'Convene', lang: 'ar', dir: 'rtl' });
    expect(manifests.ar.name).toMatch(/[\u0600-\u06FF]/);
    for (const icon of manifests.en.icons as { src: string; sizes: string }[]) {
      const response = await page.request.get(icon.src);
      expect([icon.src, response.status(), response.headers()['content-type']]).toEqual([icon.src, 200, 'image/png']);
    }
    expect((manifests.en.icons as { purpose: string }[]).map((i) => i.purpose)).toContain('maskable');
  });
});

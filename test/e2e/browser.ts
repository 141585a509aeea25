// Debian's Chromium driven by Playwright; the browser download of Playwright is never used.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { AxeBuilder } from '@axe-core/playwright';
import { HubProcess } from './hub-process.js';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
}

/** Serious and critical accessibility violations on the current page, as readable lines. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // A dialog still fading in has colours half-way: judge the page once its transitions are over.
  // (Endless ones, such as a loader's spin, are left running.)
  await page.evaluate(() =>
    Promise.all(
      document
        .getAnimations()
        .filter((animation) => Number.isFinite(animation.effect?.getComputedTiming().endTime ?? Infinity))
        .map((animation) => animation.finished.catch(() => undefined)),
    ),
  );
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

export const DEMO_PASSWORD = 'convene-demo-pass';

/** A mail as the development mailbox lists it. */
export interface DevMail {
  to: string;
  subject: string;
  text: string;
}

/** The path of the first link under `/<prefix>/` in a mail (a private link, e.g. `registrations`). */
export function mailedPath(mail: DevMail, prefix: string): string {
  const link = new RegExp(`https?://\\S+/${prefix}/[A-Za-z0-9_-]+`).exec(mail.text)?.[0];
  if (!link) throw new Error(`no /${prefix}/ link in: ${mail.text}`);
  return new URL(link).pathname;
}

/** The built hub and a Chromium for one test file: pages in their own contexts, and sign-in. */
export class BrowserSession {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly hub: HubProcess,
    readonly browser: Browser,
  ) {}

  static async start(extraEnv: Record<string, string> = {}): Promise<BrowserSession> {
    const hub = await HubProcess.start(extraEnv);
    return new BrowserSession(hub, await launchBrowser());
  }

  /** The newest mail the hub's worker has written that matches, once it has. */
  async waitForMail(match: (mail: DevMail) => boolean): Promise<DevMail> {
    for (let i = 0; i < 100; i++) {
      const mails = (await (await fetch(`${this.hub.url}/api/dev/mail`)).json()) as DevMail[];
      const found = mails.find(match);
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error('the mail never arrived');
  }

  /**
   * A page in a fresh browser context (its own cookies), on the hub's origin. The service worker is
   * kept out unless asked for (`offline.e2e.spec.ts` tests it): installing it in every context of
   * every suite costs minutes of CPU and tests nothing more.
   */
  async newPage(viewport = { width: 1280, height: 900 }, { serviceWorker = false } = {}): Promise<Page> {
    const context = await this.browser.newContext({
      viewport,
      baseURL: this.hub.url,
      serviceWorkers: serviceWorker ? 'allow' : 'block',
    });
    this.contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  }

  async signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
    await page.goto('/signin');
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Working groups' }).waitFor();
  }

  async stop(): Promise<void> {
    await Promise.all(this.contexts.map((c) => c.close()));
    await this.browser.close();
    await this.hub.stop();
  }
}

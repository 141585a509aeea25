// Account security in a real browser: turning two-factor sign-in on and signing in with it, a
// forgotten password while it is on, signing other devices out, and (on a hub that enforces it)
// the setup a convenor cannot get past.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, DEMO_PASSWORD, mailedPath, seriousA11yViolations } from './browser.js';
import { totpCode, totpStep } from '../support/totp.js';

/** An authenticator app (RFC 6238: SHA-1, 6 digits, 30-second steps) that never repeats a code. */
class Authenticator {
  private lastStep = -1;
  private lastCode = '';

  constructor(private readonly secret: string) {}

  /** The code the server has not seen yet: each step's code works once, so wait for a new step if needed. */
  async nextCode(): Promise<string> {
    const stepOf = () => totpStep();
    while (stepOf() <= this.lastStep)
      await new Promise((resolve) => setTimeout(resolve, (this.lastStep + 1) * 30_000 - Date.now() + 100));
    this.lastStep = stepOf();
    this.lastCode = totpCode(this.secret, this.lastStep);
    return this.lastCode;
  }

  /** The code given last, for trying it a second time. */
  get usedCode(): string {
    return this.lastCode;
  }
}

/** Sets two-factor sign-in up from the security page, as a person with their phone would. */
async function turnOnTwoFactor(page: Page): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await page.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  return confirmSetup(page, 'Done');
}

/** From "Start setting up" to the recovery codes stored, on the security page or the required setup page. */
async function confirmSetup(
  page: Page,
  doneLabel: string,
): Promise<{ authenticator: Authenticator; recoveryCodes: string[] }> {
  await page.getByRole('button', { name: 'Start setting up' }).click();
  const qr = page.getByRole('img', { name: 'QR code to add Convene to your authenticator app' });
  await qr.waitFor();
  expect(await qr.getAttribute('src')).toMatch(/^data:image\/svg\+xml;base64,/);
  const shownKey = await page.getByLabel('Setup key').inputValue();
  expect(shownKey).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
  const authenticator = new Authenticator(shownKey.replace(/\s/g, ''));
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByLabel(/^6-digit code/).fill(await authenticator.nextCode());
  await page.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  const list = page.getByRole('list', { name: 'Recovery codes' });
  await list.waitFor();
  const recoveryCodes = (await list.getByRole('listitem').allTextContents()).map((code) => code.trim());
  expect(recoveryCodes).toHaveLength(10);
  for (const code of recoveryCodes) expect(code).toMatch(/^[a-z0-9]{5}-[a-z0-9]{5}$/);
  await page.getByText('Store these codes somewhere safe').waitFor();
  const download = decodeURIComponent(
    (await page.getByRole('link', { name: 'Download as .txt' }).getAttribute('href')) ?? '',
  );
  expect(download).toContain(recoveryCodes.join('\n'));

  // Going on needs saying the codes are stored.
  const done = page.getByRole('button', { name: doneLabel });
  expect(await done.isDisabled()).toBe(true);
  await page.getByLabel('I have stored my recovery codes somewhere safe').check();
  await done.click();
  return { authenticator, recoveryCodes };
}

async function signInWithCode(page: Page, email: string, password: string, code: string): Promise<void> {
  await page.goto('/signin');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel(/^Password/).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('heading', { name: 'Two-factor sign-in' }).waitFor();
  await page.getByLabel(/^6-digit code/).fill(code);
  await page.getByRole('button', { name: 'Verify and sign in' }).click();
}

describe('account security', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('turns two-factor sign-in on, then asks for a code that works only once', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'tomasz@example.org');
    await page.goto('/profile');
    await page.getByRole('link', { name: 'Manage sign-in and security' }).click();
    await page.getByRole('heading', { name: 'Sign-in and security', level: 1 }).waitFor();
    await page.getByText('Two-factor sign-in is off').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const { authenticator, recoveryCodes } = await turnOnTwoFactor(page);
    await page.getByText('Two-factor sign-in is on', { exact: true }).waitFor();
    await page.getByText('10 recovery codes left').waitFor();

    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await signInWithCode(page, 'tomasz@example.org', DEMO_PASSWORD, await authenticator.nextCode());
    await page.getByRole('heading', { name: 'Working groups' }).waitFor();

    // The same code again, on another device: refused, whatever the clock says.
    const other = await session.newPage();
    await signInWithCode(other, 'tomasz@example.org', DEMO_PASSWORD, authenticator.usedCode);
    await other.getByText('That code is not right, or it was used already.').waitFor();
    expect(new URL(other.url()).pathname).toBe('/signin');

    await other.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await other.getByLabel(/^Recovery code/).fill(recoveryCodes[0] ?? '');
    await other.getByRole('button', { name: 'Verify and sign in' }).click();
    await other.getByRole('heading', { name: 'Working groups' }).waitFor();
    await other.goto('/settings/security');
    await other.getByText('9 recovery codes left').waitFor();
  }, 120_000);

  it('resets a forgotten password by the mailed link, with a recovery code as second factor', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'samira@example.org');
    await page.goto('/settings/security');
    const { authenticator, recoveryCodes } = await turnOnTwoFactor(page);
    await page.getByText('Two-factor sign-in is on', { exact: true }).waitFor();

    const visitor = await session.newPage();
    await visitor.goto('/signin');
    await visitor.getByRole('link', { name: 'Forgot your password?' }).click();
    await visitor.getByRole('heading', { name: 'Reset your password' }).waitFor();
    await visitor.getByLabel('Email').fill('samira@example.org');
    await visitor.getByRole('button', { name: 'Send reset link' }).click();
    await visitor.getByText('If an account exists for this address, we sent a link. It works for an hour.').waitFor();

    const mail = await session.waitForMail(
      (m) => m.to === 'samira@example.org' && m.subject === 'Reset your Convene password',
    );
    const link = mailedPath(mail, 'reset-password');
    await visitor.goto(link);
    await visitor.getByRole('heading', { name: 'Choose a new password' }).waitFor();
    await visitor.getByText('Two-factor sign-in is on for this account, so a code is needed as well.').waitFor();
    const newPassword = 'tea by the river at dawn';
    await visitor.getByLabel(/^New password/).fill(newPassword);
    await visitor.getByRole('button', { name: 'Use a recovery code instead' }).click();
    await visitor.getByLabel(/^Recovery code/).fill(recoveryCodes[0] ?? '');
    await visitor.getByRole('button', { name: 'Change password' }).click();
    await visitor.getByText('Your password has been changed. Sign in with your new password.').waitFor();

    // The link works once, and every earlier session has ended.
    await visitor.goto(link);
    await visitor.getByText('This password reset link is not valid any more.').waitFor();
    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();

    await signInWithCode(visitor, 'samira@example.org', newPassword, await authenticator.nextCode());
    await visitor.getByRole('heading', { name: 'Working groups' }).waitFor();
  }, 120_000);

  it('shows many sessions of one browser as one entry, opened to sign each out', async () => {
    const here = await session.newPage();
    await session.signIn(here, 'partner@example.org');
    // A phone that signed in day after day: four more sessions of the same browser and system.
    for (let i = 0; i < 4; i++) await session.signIn(await session.newPage(), 'partner@example.org');
    await here.goto('/settings/security');
    const devices = here.getByRole('list', { name: 'Signed-in devices' });
    await devices.getByText('4 sessions').waitFor();
    // This device, and one entry for the other four.
    expect(await devices.locator(':scope > li').count()).toBe(2);
    await here.getByRole('button', { name: 'Sign out everywhere else (4 other sessions)' }).waitFor();
    await devices.getByRole('button', { name: 'Show them' }).click();
    const group = devices.getByRole('list', { name: 'Chrome on Linux' });
    expect(await group.getByRole('listitem').count()).toBe(4);
    expect(await seriousA11yViolations(here)).toEqual([]);
    await group
      .getByRole('button', { name: /^Sign out Chrome on Linux \(/ })
      .first()
      .click();
    await here.getByText('Chrome on Linux was signed out').first().waitFor();
    await devices.getByText('3 sessions').waitFor();
    // The entry stays open where it was.
    expect(await group.getByRole('listitem').count()).toBe(3);
  });

  it('signs another device out from the security page', async () => {
    const here = await session.newPage();
    const elsewhere = await session.newPage();
    const third = await session.newPage();
    await session.signIn(here, 'member@example.org');
    await session.signIn(elsewhere, 'member@example.org');
    await session.signIn(third, 'member@example.org');

    await here.goto('/settings/security');
    const devices = here.getByRole('list', { name: 'Signed-in devices' });
    await devices.getByRole('listitem').nth(2).waitFor();
    expect(await devices.getByRole('listitem').count()).toBe(3);
    await devices.getByRole('listitem').filter({ hasText: 'This device' }).getByText('Chrome on Linux').waitFor();
    expect(await seriousA11yViolations(here)).toEqual([]);

    // This device comes first, then the most recently active: `third`, then `elsewhere`.
    await devices
      .getByRole('button', { name: /^Sign out Chrome on Linux \(/ })
      .nth(1)
      .click();
    await here.getByText('Chrome on Linux was signed out').first().waitFor();
    await devices.getByRole('listitem').nth(2).waitFor({ state: 'detached' });

    await elsewhere.goto('/groups');
    await elsewhere.getByRole('heading', { name: 'Sign in' }).waitFor();
    await third.goto('/groups');
    await third.getByRole('heading', { name: 'Working groups' }).waitFor();

    await here.getByRole('button', { name: /^Sign out everywhere else \(\d+ other sessions?\)$/ }).click();
    await here
      .getByText(/^Signed out of \d+ other devices?$/)
      .first()
      .waitFor();
    await here.getByText('You are signed in on this device only.').waitFor();
    await third.goto('/calendar');
    await third.getByRole('heading', { name: 'Sign in' }).waitFor();
    await here.goto('/groups');
    await here.getByRole('heading', { name: 'Working groups' }).waitFor();
  });
});

describe('two-factor sign-in required for network admins and convenors', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start({ TWO_FACTOR_ENFORCED: 'true' });
  });
  afterAll(async () => {
    await session?.stop();
  });

  const signInExpectingSetup = async (page: Page, email: string, path: string) => {
    await page.goto(path);
    await page.getByLabel('Email').fill(email);
    await page.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Set up two-factor sign-in', level: 1 }).waitFor();
  };

  it('holds a convenor on the setup page until it is done, then goes on to where they were going', async () => {
    const page = await session.newPage();
    await signInExpectingSetup(page, 'convenor@example.org', '/groups/brexit-and-faith');
    await page.getByText('Your role (network admin / convenor) needs two-factor sign-in.').waitFor();
    expect(await page.getByRole('link', { name: 'Groups' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Set up two-factor sign-in', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/two-factor-setup');

    await confirmSetup(page, 'Continue');
    await page.getByRole('heading', { name: 'Working groups' }).waitFor();
    await page.getByRole('link', { name: 'Groups' }).first().waitFor();
  });

  it('lets a convenor sign out from the setup page', async () => {
    const page = await session.newPage();
    await signInExpectingSetup(page, 'chidi@example.org', '/signin');
    await page.getByRole('main').getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  });
});

// The foundation's whole path, in a real browser: an admin invites someone, the invitee reads the
// mail in the dev mailbox, signs up, asks to join a group, a convenor approves, and the new member
// sees the member list. Then the same hub in Arabic, and an accessibility scan of every page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

describe('joining the network and a working group', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  const newPage = (viewport?: { width: number; height: number }): Promise<Page> => session.newPage(viewport);
  const signIn = (page: Page, email: string, password?: string): Promise<void> => session.signIn(page, email, password);

  it('invites, signs up, requests to join, is approved, and sees the members', async () => {
    const email = `newcomer-${Date.now()}@example.org`;

    const admin = await newPage();
    await signIn(admin, 'admin@example.org');
    await admin.getByRole('link', { name: 'Admin' }).click();
    const inviteForm = admin.locator('form').filter({ has: admin.getByRole('button', { name: 'Send invitation' }) });
    await inviteForm.getByLabel('Email').fill(email);
    await inviteForm.getByRole('button', { name: 'Send invitation' }).click();
    await admin.getByText(`Invitation sent to ${email}`).first().waitFor();

    // The invitee reads the mail in the development mailbox (the worker delivers it).
    const invitee = await newPage();
    let link: string | null = null;
    for (let attempt = 0; attempt < 30 && !link; attempt++) {
      await invitee.goto('/dev/mail');
      await invitee.getByRole('heading', { name: 'Development mailbox' }).waitFor();
      const mail = invitee.getByRole('listitem').filter({ hasText: email });
      if (await mail.count())
        link = await mail
          .getByRole('link', { name: /\/invitations\// })
          .first()
          .getAttribute('href');
      else await invitee.waitForTimeout(500);
    }
    expect(link).toMatch(/\/invitations\/[A-Za-z0-9_-]{40,}$/);

    await invitee.goto(link!);
    await invitee.getByRole('heading', { name: 'Accept your invitation' }).waitFor();
    await expect(invitee.getByLabel('Email').inputValue()).resolves.toBe(email);
    await invitee.getByLabel('Display name').fill('Nadia Karim');
    await invitee.getByLabel(/^Password/).fill('a long walk by the canal');
    await invitee.getByRole('button', { name: 'Create account' }).click();
    await invitee.getByRole('heading', { name: 'Working groups' }).waitFor();

    await invitee
      .getByRole('link', { name: /Brexit and faith/ })
      .first()
      .click();
    await invitee.getByRole('heading', { name: 'Brexit and faith', level: 1 }).waitFor();
    await invitee
      .getByLabel('Message to the convenors (optional)')
      .fill('I volunteer with a faith-based advice centre.');
    await invitee.getByRole('button', { name: 'Request to join' }).click();
    await invitee.getByText('Your request to join is waiting for a convenor.').waitFor();

    const convenor = await newPage();
    await signIn(convenor, 'convenor@example.org');
    await convenor.goto('/groups/brexit-and-faith');
    const requests = convenor.getByRole('region', { name: 'Pending requests' });
    await requests.getByText('Nadia Karim').first().waitFor();
    await requests.getByText('I volunteer with a faith-based advice centre.').waitFor();
    await requests.getByRole('button', { name: 'Approve' }).click();
    await convenor.getByText('Nadia Karim is now a member').first().waitFor();

    await invitee.reload();
    const members = invitee.getByRole('region', { name: 'Members' });
    await members.getByText('Nadia Karim').first().waitFor();
    await members.getByText('Grace Mensah').first().waitFor();
    await expect(members.getByText('Eastside Migrant Hub').count()).resolves.toBeGreaterThan(0);
  });

  it('mirrors the layout right to left in Arabic', async () => {
    const page = await newPage();
    // The language is saved to the profile: an account no other test signs in with.
    await signIn(page, 'partner@example.org');
    const englishBrand = await page.getByRole('banner').getByText('Convene', { exact: true }).boundingBox();
    await page.getByRole('banner').getByRole('button', { name: 'العربية' }).click();
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ar');
    await page.getByRole('heading', { name: 'مجموعات العمل' }).waitFor();
    const arabicBrand = await page.getByRole('banner').getByText('Convene', { exact: true }).boundingBox();
    // The product name moves from the left edge to the right edge.
    expect(englishBrand!.x).toBeLessThan(400);
    expect(arabicBrand!.x).toBeGreaterThan(800);
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it.each([
    ['sign in', '/signin', null, 'Sign in'],
    ['create account', '/signup', null, 'Create account'],
    ['groups', '/groups', 'member@example.org', 'Working groups'],
    ['group page (convenor)', '/groups/policing-and-surveillance', 'convenor@example.org', 'Policing and surveillance'],
    ['group page (non-member)', '/groups/brexit-and-faith', 'member@example.org', 'Brexit and faith'],
    ['profile', '/profile', 'member@example.org', 'Profile'],
    ['admin', '/admin', 'admin@example.org', 'Network admin'],
    ['development mailbox', '/dev/mail', null, 'Development mailbox'],
  ])('has no serious accessibility violations: %s', async (_name, path, who, heading) => {
    const page = await newPage();
    if (who) await signIn(page, who);
    await page.goto(path);
    await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('lets a network admin edit a group, and nobody else', async () => {
    const convenor = await newPage();
    await signIn(convenor, 'convenor@example.org');
    await convenor.goto('/groups/policing-and-surveillance');
    await convenor.getByRole('heading', { name: 'Policing and surveillance', level: 1 }).waitFor();
    expect(await convenor.getByRole('button', { name: 'Edit group' }).count()).toBe(0);

    const admin = await newPage();
    await signIn(admin, 'admin@example.org');
    await admin.goto('/groups/health-and-social-care');
    await admin.getByRole('button', { name: 'Edit group' }).click();
    const dialog = admin.getByRole('dialog', { name: 'Edit Health and Social Care' });
    await dialog
      .getByLabel(/^Purpose/)
      .fill('Access to health and social care for migrants, and the evidence to change local practice.');
    await dialog.getByLabel('Join policy').selectOption('REQUEST');
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await dialog.getByRole('button', { name: 'Save changes' }).click();
    await admin.getByText('Changes to Health and Social Care saved').first().waitFor();
    await admin
      .getByRole('region', { name: 'Purpose' })
      .getByText('Access to health and social care for migrants, and the evidence to change local practice.')
      .waitFor();
    await admin.getByText('Join by request').first().waitFor();
  });

  it('works on a phone-sized screen through the navigation menu', async () => {
    const page = await newPage({ width: 390, height: 844 });
    await signIn(page, 'member@example.org');
    await page.getByRole('button', { name: 'Open navigation' }).click();
    await page.getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Profile', level: 1 }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('shows a long member list 50 people at a time, convenors first, the rest with “Show more members”', async () => {
    // Sixty more members of the demo's policing group, straight into the hub's database.
    const db = new pg.Client({
      connectionString: `postgres://postgres@127.0.0.1:5432/${process.env['E2E_NAME'] ?? 'convene_e2e'}_${process.env['JEST_WORKER_ID'] ?? '0'}`,
    });
    await db.connect();
    try {
      await db.query(
        `with people as (
           insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
           select gen_random_uuid(), 'many-' || i || '@example.org', 'Member ' || lpad(i::text, 2, '0'), 'x', now(), now() from generate_series(1, 60) i returning id)
         insert into memberships (id, group_id, user_id, role, status, created_at)
         select gen_random_uuid(), (select id from working_groups where slug = 'policing-and-surveillance'), id, 'MEMBER', 'ACTIVE', now() from people`,
      );
    } finally {
      await db.end();
    }
    const convenor = await newPage();
    await signIn(convenor, 'convenor@example.org');
    await convenor.goto('/groups/policing-and-surveillance');
    const members = convenor.getByRole('region', { name: 'Members' });
    const people = members.getByRole('listitem');
    await members.getByRole('button', { name: 'Show more members' }).waitFor();
    expect(await people.count()).toBe(50);
    // Convenors first.
    await expect(people.first().textContent()).resolves.toContain('Yusuf Haddad');
    await members.getByRole('button', { name: 'Show more members' }).click();
    await members.getByText('Member 60').waitFor();
    expect(await members.getByRole('button', { name: 'Show more members' }).count()).toBe(0);
    const names = await people.allTextContents();
    expect(names.length).toBeGreaterThan(60);
    expect(new Set(names).size).toBe(names.length);
  });
});

// Archiving a working group in a real browser: a network admin archives Health and Social Care after
// a confirmation; it leaves a member's directory, and the member still reads its discussion under a
// banner, with no way to start one or reply. The admin restores it from the archived groups.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

const GROUP = 'Health and Social Care';
const PATH = '/groups/health-and-social-care';

describe('archiving a working group', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  const signedIn = async (email: string): Promise<Page> => {
    const page = await session.newPage();
    await session.signIn(page, email);
    return page;
  };

  it('archives a group, which its members read but cannot write to, and restores it', async () => {
    const admin = await signedIn('admin@example.org');
    await admin.goto(PATH);
    await admin.getByRole('heading', { name: GROUP, level: 1 }).waitFor();
    await admin.getByRole('button', { name: 'Archive group' }).click();
    const confirm = admin.getByRole('dialog', { name: `Archive ${GROUP}?` });
    await confirm.getByRole('button', { name: 'Archive group' }).click();
    await admin.getByText(`${GROUP} was archived`).first().waitFor();
    await admin.getByText('This group is archived').waitFor();

    const member = await signedIn('member@example.org');
    await member.getByRole('heading', { name: 'Working groups', level: 1 }).waitFor();
    await member
      .getByRole('link', { name: /Policing and surveillance/ })
      .first()
      .waitFor();
    expect(await member.getByRole('link', { name: new RegExp(GROUP) }).count()).toBe(0);

    await member.goto(PATH);
    await member.getByText('This group is archived').waitFor();
    expect(await seriousA11yViolations(member)).toEqual([]);
    expect(await member.getByRole('button', { name: 'Start a discussion' }).count()).toBe(0);
    await member.getByRole('link', { name: /Start here: how this group works/ }).click();
    await member.getByRole('heading', { name: 'Start here: how this group works', level: 1 }).waitFor();
    await member.getByText(/This group is archived: its discussions can be read/).waitFor();
    await member.getByText(/We share what we see about/).waitFor();
    expect(await member.getByRole('button', { name: /^Reply to / }).count()).toBe(0);

    // Restored from the admins' list of archived groups, it is open again.
    await admin.goto('/groups');
    const archived = admin.getByRole('region', { name: 'Archived groups' });
    await archived.getByRole('link', { name: GROUP }).waitFor();
    expect(await seriousA11yViolations(admin)).toEqual([]);
    await archived.getByRole('button', { name: `Restore group: ${GROUP}` }).click();
    await admin
      .getByRole('dialog', { name: `Restore ${GROUP}?` })
      .getByRole('button', { name: 'Restore group' })
      .click();
    await admin.getByText(`${GROUP} was restored`).first().waitFor();

    await member.goto(PATH);
    await member.getByRole('button', { name: 'Start a discussion' }).waitFor();
    expect(await member.getByText('This group is archived').count()).toBe(0);
  });
});

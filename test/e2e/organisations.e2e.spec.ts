// Partner organisations in a real browser: a network admin finds the demo's Eastside Migrant Hub
// from the header, confirms Tomasz, who said he works there, and he shows among its people; the
// convenor of his group sees him there too, with the group, and a member of no group of his does not.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BrowserSession, seriousA11yViolations } from './browser.js';

describe('partner organisations', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('a network admin confirms someone waiting; their organisation’s page shows them as their group shows them', async () => {
    const admin = await session.newPage();
    await session.signIn(admin, 'admin@example.org');
    await admin.getByRole('banner').getByRole('link', { name: 'Organisations' }).click();
    await admin.getByRole('heading', { name: 'Partner organisations', level: 1 }).waitFor();
    await admin.getByRole('link', { name: 'Eastside Migrant Hub' }).click();
    await admin.getByRole('heading', { name: 'Eastside Migrant Hub', level: 1 }).waitFor();
    await admin
      .getByText('Advice drop-ins, English classes and a hardship fund for migrants in East London.')
      .waitFor();

    // Tomasz waits for confirmation: nothing shows beside his name yet.
    const people = admin.getByRole('region', { name: 'People' });
    await admin.getByRole('region', { name: 'Waiting for confirmation' }).getByText('Tomasz Nowak').waitFor();
    expect(await people.getByText('Tomasz Nowak').count()).toBe(0);
    expect(await seriousA11yViolations(admin)).toEqual([]);

    await admin.getByRole('button', { name: 'Confirm that Tomasz Nowak works here' }).click();
    await admin.getByText('Nobody is waiting for confirmation.').waitFor();
    await people.getByText('Tomasz Nowak').waitFor();

    // His group shows its member list to its convenors: its convenor sees him, with the group.
    const convenor = await session.newPage();
    await session.signIn(convenor, 'convenor@example.org');
    await convenor.goto(admin.url().replace(/^https?:\/\/[^/]+/, ''));
    const seen = convenor.getByRole('region', { name: 'People' });
    await seen.getByText('Tomasz Nowak').waitFor();
    await seen.getByRole('link', { name: 'Policing and surveillance' }).waitFor();
    expect(await convenor.getByRole('region', { name: 'Waiting for confirmation' }).count()).toBe(0);

    // A member who shares no group where they may see him does not.
    const member = await session.newPage();
    await session.signIn(member, 'member@example.org');
    await member.goto(admin.url().replace(/^https?:\/\/[^/]+/, ''));
    await member.getByRole('heading', { name: 'Eastside Migrant Hub', level: 1 }).waitFor();
    await member.getByText('No confirmed people you can see.').waitFor();
    expect(await member.getByText('Tomasz Nowak').count()).toBe(0);
  });
});

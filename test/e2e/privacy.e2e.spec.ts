// A person's own data in a real browser:
// - a member asks for a copy of their data; the hub's worker prepares it, the security page shows
//   it ready without a reload, the link answers the zip, and the ready email arrives;
// - a member deletes their account: the password is checked, they land on the goodbye page, cannot
//   sign in again, and their discussion stays, shown as from "Former member";
// - the only convenor of a group is told to hand it over first, and keeps their account.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, DEMO_PASSWORD, seriousA11yViolations } from './browser.js';

/** A GraphQL call as the person signed in on the page (same cookies), for setting up data quickly. */
async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', {
    data: { query, variables },
    headers: { 'apollo-require-preflight': 'true' },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** True once the page has gone through a full load after this call (it should not, for live updates). */
function watchReloads(page: Page): () => boolean {
  let reloaded = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });
  return () => reloaded;
}

async function openDeletion(page: Page) {
  await page.goto('/settings/security');
  await page.getByRole('heading', { name: 'Delete your account', level: 2 }).waitFor();
  await page.getByRole('button', { name: 'Delete my account…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete your account' });
  await dialog.waitFor();
  return dialog;
}

describe('your data and your account', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    // The set-up shortcuts (`graphql` above) send documents of their own, which only run with
    // trusted documents off; the web's requests are still its persisted documents' hashes.
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('prepares a copy of a member’s data, shows it ready without a reload, and serves the zip', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'member@example.org');
    await page.goto('/settings/security');
    const section = page.getByRole('region', { name: 'Your data' });
    await section.getByText('the documents you uploaded, with their files').waitFor();
    await section.getByText('Each copy is kept for 7 days, then deleted.', { exact: false }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    const reloaded = watchReloads(page);
    await section.getByRole('button', { name: 'Prepare a copy of my data' }).click();
    const copies = section.getByRole('list', { name: 'Your copies' });
    const copy = copies.getByRole('listitem').first();
    // The worker writes the zip; the page asks again every few seconds until it is done.
    await section.getByRole('status').getByText('Your copy is ready to download.').waitFor({ timeout: 30_000 });
    await copy.getByText('Ready', { exact: true }).waitFor();
    await copy.getByText(/^\d+(\.\d)? (B|KB|MB) · deleted on /).waitFor();
    expect(await copies.getByRole('listitem').count()).toBe(1);
    expect(await section.getByRole('button', { name: 'Prepare a copy of my data' }).isEnabled()).toBe(true);
    expect(reloaded()).toBe(false);
    expect(await seriousA11yViolations(page)).toEqual([]);

    const link = copy.getByRole('link', { name: 'Download (zip)' });
    const href = (await link.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/api\/data-exports\/[0-9a-f-]{36}\/download$/);
    const download = await page.evaluate(async (path) => {
      const response = await fetch(path);
      const bytes = new Uint8Array(await response.arrayBuffer());
      return {
        status: response.status,
        type: response.headers.get('content-type'),
        disposition: response.headers.get('content-disposition'),
        start: String.fromCharCode(bytes[0] ?? 0, bytes[1] ?? 0),
        size: bytes.length,
      };
    }, href);
    expect(download).toMatchObject({ status: 200, type: 'application/zip', start: 'PK' });
    expect(download.disposition).toMatch(/^attachment; filename="convene-data-\d{4}-\d{2}-\d{2}\.zip"/);
    expect(download.size).toBeGreaterThan(100);

    // Someone else's browser (no session) gets nothing from the same address.
    const stranger = await session.newPage();
    const refused = await stranger.request.get(href);
    expect(refused.status()).toBeGreaterThanOrEqual(400);
    expect((await refused.body()).subarray(0, 2).toString()).not.toBe('PK');

    const mail = await session.waitForMail(
      (m) => m.to === 'member@example.org' && m.subject === 'Your Convene data export is ready',
    );
    expect(mail.text).toContain(`${session.hub.url}/settings/security`);
  }, 120_000);

  it('deletes a member’s account after checking the password, and keeps their discussion as from a former member', async () => {
    const samira = await session.newPage();
    await session.signIn(samira, 'samira@example.org');
    const { workingGroup } = await graphql<{ workingGroup: { id: string } }>(
      samira,
      'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
      { slug: 'policing-and-surveillance' },
    );
    const { createThread } = await graphql<{ createThread: { id: string; posts: { nodes: { id: string }[] } } }>(
      samira,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id posts(first: 1) { nodes { id } } } }',
      {
        input: {
          groupId: workingGroup.id,
          title: 'Stop and search leaflets in Tigrinya',
          body: 'Who can check the translation before we print?',
        },
      },
    );
    const openingId = createThread.posts.nodes[0]?.id ?? '';
    expect(openingId).not.toBe('');

    const dialog = await openDeletion(samira);
    await dialog
      .getByText('Your posts and uploaded documents stay with their groups as from “Former member”', { exact: false })
      .waitFor();
    expect(await seriousA11yViolations(samira)).toEqual([]);

    // Nothing given: the password and the "cannot be undone" box are asked for.
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('This field is required').waitFor();
    await dialog.getByText('Tick this box to confirm you understand').waitFor();

    await dialog.getByLabel(/^Your password/).fill('not my password at all');
    await dialog.getByLabel('I understand this cannot be undone').check();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await dialog.getByText('Your password is not correct').waitFor();
    // The message is tied to the field, so a screen reader reads it with the field.
    const describedBy = (await dialog.getByLabel(/^Your password/).getAttribute('aria-describedby')) ?? '';
    expect(await samira.locator(`[id="${describedBy}"]`).textContent()).toBe('Your password is not correct');

    await dialog.getByLabel(/^Your password/).fill(DEMO_PASSWORD);
    await dialog.getByRole('button', { name: 'Delete my account' }).click();
    await samira.getByRole('heading', { name: 'Your account has been deleted', level: 1 }).waitFor();
    expect(new URL(samira.url()).pathname).toBe('/account-deleted');
    // Signed out: the header offers to sign in, and nothing of the account is left on screen.
    await samira.getByRole('link', { name: 'Sign in' }).waitFor();
    expect(await samira.getByText('Samira Benali').count()).toBe(0);
    expect(await seriousA11yViolations(samira)).toEqual([]);
    await samira.getByRole('link', { name: 'Go to the home page' }).click();
    await samira.getByRole('heading', { name: 'Sign in' }).waitFor();

    await samira.getByLabel('Email').fill('samira@example.org');
    await samira.getByLabel(/^Password/).fill(DEMO_PASSWORD);
    await samira.getByRole('button', { name: 'Sign in' }).click();
    await samira.getByText('Email or password is incorrect').waitFor();

    const convenor = await session.newPage();
    await session.signIn(convenor, 'convenor@example.org');
    await convenor.goto(`/threads/${createThread.id}`);
    await convenor.getByRole('heading', { name: 'Stop and search leaflets in Tigrinya' }).waitFor();
    const author = convenor.locator(`[id="post-${openingId}-author"] bdi`);
    await author.waitFor();
    expect(await author.textContent()).toBe('Former member');
    await convenor.getByText('Who can check the translation before we print?').waitFor();
  }, 120_000);

  it('tells the only convenor of a group to hand it over first, and keeps their account', async () => {
    const page = await session.newPage();
    await session.signIn(page, 'convenor@example.org');
    const dialog = await openDeletion(page);
    await dialog.getByLabel(/^Your password/).fill(DEMO_PASSWORD);
    await dialog.getByLabel('I understand this cannot be undone').check();
    await dialog.getByRole('button', { name: 'Delete my account' }).click();

    const alert = dialog.getByRole('alert');
    await alert.getByText('Hand over your role first').waitFor();
    await alert
      .getByText('You are the only convenor of “Policing and surveillance”: make someone else a convenor first.', {
        exact: false,
      })
      .waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // The close button says the same; the one beside "Delete my account" is the last.
    await dialog.getByRole('button', { name: 'Keep my account' }).last().click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto('/groups');
    await page.getByRole('heading', { name: 'Working groups' }).waitFor();
  });
});

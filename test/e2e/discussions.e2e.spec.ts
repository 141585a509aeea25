// Discussions in a real browser, with several people in their own browsers at once:
// - a member starts a discussion in Markdown, another replies under it; the first sees the reply
//   live, is told through the bell, and taken to the discussion;
// - a member mentions another through the composer's autocomplete; she is told live, lands on the
//   first post she has not read, and answers in a nested reply that appears live for the first;
// - search finds posts whatever their accents and capitals, and marks the words found;
// - a convenor hides a post with a reason and locks the discussion; members see the reason live;
// - an author edits (with history), reacts, deletes; a mention of a non-member is refused;
// - a long discussion opens at the first unread post even when it is on a later page.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, seriousA11yViolations } from './browser.js';

const GROUP = 'health-and-social-care';

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

async function groupId(page: Page, slug = GROUP): Promise<string> {
  const data = await graphql<{ workingGroup: { id: string } }>(
    page,
    'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
    { slug },
  );
  return data.workingGroup.id;
}

async function startThread(
  page: Page,
  input: { title: string; body: string },
): Promise<{ threadId: string; openingId: string }> {
  const data = await graphql<{ createThread: { id: string; posts: { nodes: { id: string }[] } } }>(
    page,
    'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id posts(first: 1) { nodes { id } } } }',
    { input: { groupId: await groupId(page), ...input } },
  );
  return { threadId: data.createThread.id, openingId: data.createThread.posts.nodes[0]!.id };
}

async function reply(page: Page, input: { threadId: string; parentPostId?: string; body: string }): Promise<string> {
  const data = await graphql<{ reply: { id: string } }>(
    page,
    'mutation ($input: ReplyInput!) { reply(input: $input) { id } }',
    { input },
  );
  return data.reply.id;
}

/** A post's card (its own text, not its replies') by its id. */
const postCard = (page: Page, postId: string) => page.locator(`[id="post-${postId}"]`);
/** The list item of a post: its card, then its replies. */
const postItem = (page: Page, postId: string) =>
  page.locator('li.convene-post', { has: page.locator(`:scope > [id="post-${postId}"]`) });

/** True once the page has gone through a full load after this call (it should not, for live updates). */
function watchReloads(page: Page): () => boolean {
  let reloaded = false;
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) reloaded = true;
  });
  return () => reloaded;
}

describe('discussions', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    // The set-up shortcuts (`graphql` above) send documents of their own, which only run with
    // trusted documents off; the web's requests are still its persisted documents' hashes.
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
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
    await dialog
      .getByLabel(/^What do you want/)
      .fill('Three families got **upfront charging** letters.\n\n<img src=x onerror=alert(1)>');
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

  it('mentions a member through the autocomplete; she is told live, opens the discussion at what she has not read, and her nested reply appears live', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const samira = await newPage();
    await signIn(samira, 'samira@example.org');

    // Lucía starts a discussion; with a few long replies it is taller than the window.
    await lucia.goto(`/groups/${GROUP}`);
    await lucia.getByRole('button', { name: 'Start a discussion' }).click();
    const dialog = lucia.getByRole('dialog');
    await dialog.getByLabel(/^Title/).fill('Interpreters at the maternity unit');
    await dialog
      .getByLabel(/^What do you want/)
      .fill('Have any of you seen interpreters refused at the maternity unit?');
    await dialog.getByRole('button', { name: 'Start the discussion' }).click();
    await lucia.getByRole('heading', { name: 'Interpreters at the maternity unit', level: 1 }).waitFor();
    const threadId = new URL(lucia.url()).pathname.split('/').pop()!;
    const paragraph =
      'The ward said the telephone line was enough, although the appointment was about consent to surgery. '.repeat(4);
    for (let i = 1; i <= 5; i++) await reply(lucia, { threadId, body: `Case ${i}.\n\n${paragraph}\n\n${paragraph}` });

    // Samira reads all of it, then goes elsewhere.
    const marked = samira.waitForResponse(
      (r) => r.url().endsWith('/graphql') && r.request().postDataJSON()?.operationName === 'MarkThreadRead',
    );
    await samira.goto(`/threads/${threadId}`);
    await samira.getByText('Case 5.').waitFor();
    await marked;
    await samira.goto('/groups');
    await samira.getByRole('heading', { name: 'Working groups' }).waitFor();
    const samiraReloaded = watchReloads(samira);

    // Lucía, on the discussion, mentions her with the autocomplete: letters, the list, Enter.
    const luciaReloaded = watchReloads(lucia);
    await lucia.getByText('Case 5.').waitFor();
    const opening = lucia.locator('.convene-post-card').first();
    await opening.getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    const box = lucia.getByLabel(/^Your reply/);
    await box.pressSequentially('Could you ask in Leeds, @Sam', { delay: 20 });
    const suggestions = lucia.getByRole('listbox', { name: 'People to mention' });
    await suggestions.getByRole('option', { name: 'Samira Benali' }).waitFor();
    await box.press('Enter');
    expect(await box.inputValue()).toBe('Could you ask in Leeds, @[Samira Benali] ');
    expect(await suggestions.count()).toBe(0);
    await box.pressSequentially('whether this happens there too?');
    await lucia.getByRole('button', { name: 'Post reply' }).click();
    const mention = lucia.locator('.convene-post-card', {
      has: lucia.locator('.convene-post-body', { hasText: 'whether this happens there too?' }),
    });
    await mention.locator('span.mention[data-user-id]', { hasText: '@Samira Benali' }).waitFor();
    const mentionId = (await mention.getAttribute('id'))!.replace('post-', '');

    // Samira is told as it happens, without reloading: a toast, and the bell.
    await samira
      .getByRole('alert')
      .filter({ hasText: 'Lucía Moreno mentioned you in Health and Social Care' })
      .first()
      .waitFor();
    expect(samiraReloaded()).toBe(false);
    await samira
      .getByRole('banner')
      .getByRole('button', { name: /^Notifications, \d+ unread/ })
      .click();
    await samira
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: /Lucía Moreno mentioned you in Health and Social Care/ })
      .first()
      .click();
    await samira.waitForURL((url) => url.pathname === `/threads/${threadId}`);

    // She lands on the first post she has not read, below the fold, after a "New" divider.
    const unread = postCard(samira, mentionId);
    await samira.locator(`[id="post-${mentionId}"][data-highlighted]`).waitFor();
    await samira.waitForFunction(() => window.scrollY > 0);
    const shown = (await unread.boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y + shown.height).toBeLessThanOrEqual(samira.viewportSize()!.height);
    const divider = postItem(samira, mentionId).locator(':scope > [role="separator"]');
    expect(await divider.getAttribute('aria-label')).toBe('New since your last visit');
    expect(await samira.getByRole('separator', { name: 'New since your last visit' }).count()).toBe(1);

    // She answers Lucía's reply (not the opening post), and Lucía sees it appear in its place,
    // from the socket message alone: her page fetches no post.
    const luciaAsked: string[] = [];
    lucia.on('request', (request) => {
      if (request.url().endsWith('/graphql')) luciaAsked.push(request.postDataJSON()?.operationName ?? '?');
    });
    await unread.getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    await samira.getByLabel(/^Your reply/).fill('Yes: two families in Leeds were told the same last week.');
    await samira.getByRole('button', { name: 'Post reply' }).click();
    await postItem(samira, mentionId)
      .locator('li.convene-post[data-depth="2"]', { hasText: 'two families in Leeds' })
      .waitFor();

    const nested = postItem(lucia, mentionId).locator(':scope > ol > li.convene-post[data-depth="2"]', {
      hasText: 'two families in Leeds',
    });
    await nested.waitFor();
    expect(await nested.locator('.convene-post-card').textContent()).toContain('Samira Benali');
    expect(await postItem(lucia, mentionId).locator('li.convene-post').count()).toBe(1);
    await lucia.getByRole('status').filter({ hasText: 'New reply from Samira Benali' }).waitFor();
    expect(luciaReloaded()).toBe(false);
    expect(luciaAsked.filter((name) => name === 'Thread')).toEqual([]);
  });

  it('finds posts whatever their accents and capitals, marks the words found, filters by group, and leads to the post', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const { threadId } = await startThread(lucia, {
      title: 'Notes from the Oñate family visit',
      body: 'Opening notes.',
    });
    const postId = await reply(lucia, {
      threadId,
      body: 'Lucía asked the **surgery** to register the whole family without proof of address.',
    });

    // From the header's search box, in lower case and without the accent.
    await lucia.goto('/groups');
    await lucia.getByRole('banner').getByRole('searchbox', { name: 'Search' }).fill('lucia surgery');
    await lucia.getByRole('banner').getByRole('searchbox', { name: 'Search' }).press('Enter');
    await lucia.waitForURL((url) => url.pathname === '/search' && url.searchParams.get('q') === 'lucia surgery');
    await lucia.getByRole('heading', { name: 'Discussions matching “lucia surgery”' }).waitFor();
    const result = lucia.locator('.convene-search-result', {
      has: lucia.getByRole('link', { name: 'Notes from the Oñate family visit' }),
    });
    await result.waitFor();
    expect(await result.locator('mark').allTextContents()).toEqual(expect.arrayContaining(['Lucía', 'surgery']));
    expect(await result.getByRole('link').getAttribute('href')).toBe(`/threads/${threadId}#post-${postId}`);
    expect(await seriousA11yViolations(lucia)).toEqual([]);

    // An accent the title has and the words lack, in capitals.
    await lucia.getByLabel('Words to find').fill('ONATE');
    await lucia.getByRole('button', { name: 'Search', exact: true }).click();
    await lucia.getByRole('heading', { name: 'Discussions matching “ONATE”' }).waitFor();
    const byTitle = lucia
      .locator('.convene-search-result', {
        has: lucia.getByRole('link', { name: 'Notes from the Oñate family visit' }),
      })
      .first();
    await byTitle.waitFor();
    expect(await byTitle.getByRole('link').locator('mark').allTextContents()).toContain('Oñate');

    // Only another group: nothing, said plainly, with a way back to all groups.
    await lucia.getByLabel('Group').selectOption({ label: 'Policing and surveillance' });
    await lucia.getByRole('heading', { name: 'Discussions matching “ONATE” in Policing and surveillance' }).waitFor();
    await lucia.getByRole('status').filter({ hasText: 'No posts match “ONATE”.' }).waitFor();
    expect(await lucia.locator('.convene-search-result').count()).toBe(0);
    await lucia.getByRole('link', { name: 'Search all your groups' }).click();
    await lucia.getByRole('heading', { name: 'Discussions matching “ONATE”' }).waitFor();
    await byTitle.waitFor();

    // The result leads to the post itself.
    await lucia.getByLabel('Words to find').fill('lucia surgery');
    await lucia.getByRole('button', { name: 'Search', exact: true }).click();
    await lucia.getByRole('heading', { name: 'Discussions matching “lucia surgery”' }).waitFor();
    await result.getByRole('link').click();
    await lucia.waitForURL((url) => url.pathname === `/threads/${threadId}` && url.hash === `#post-${postId}`);
    await lucia.locator(`[id="post-${postId}"][data-highlighted]`).waitFor();
  });

  it('lets a convenor hide a post with a reason and lock the discussion; members see the reason, its author still sees the text', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    const priya = await newPage();
    await signIn(priya, 'priya@example.org');

    const { threadId, openingId } = await startThread(lucia, {
      title: 'Who to call at the trust',
      body: 'Who do we call about charging decisions?',
    });
    const hiddenId = await reply(samira, {
      threadId,
      parentPostId: openingId,
      body: 'Ring the overseas visitors manager on her mobile, 07700 900123.',
    });

    // Lucía and Samira have the discussion open while the convenor acts.
    await lucia.goto(`/threads/${threadId}`);
    await postCard(lucia, hiddenId).getByText('07700 900123').waitFor();
    await samira.goto(`/threads/${threadId}`);
    await postCard(samira, hiddenId).getByText('07700 900123').waitFor();
    const luciaReloaded = watchReloads(lucia);

    await priya.goto(`/threads/${threadId}`);
    await postCard(priya, hiddenId).getByRole('button', { name: 'Actions for the post by Samira Benali' }).click();
    await priya.getByRole('menuitem', { name: 'Hide…' }).click();
    const dialog = priya.getByRole('dialog', { name: 'Hide this post' });
    await dialog
      .getByLabel(/^Reason/)
      .fill('Personal phone numbers stay out of the group: ask a convenor for contacts.');
    await dialog.getByRole('button', { name: 'Hide post' }).click();
    await postCard(priya, hiddenId).getByText('Hidden by a convenor:').waitFor();

    // A member sees the reason in place of the post, live, and not its text.
    const luciaCard = postCard(lucia, hiddenId);
    await luciaCard.getByText('Personal phone numbers stay out of the group: ask a convenor for contacts.').waitFor();
    expect(await luciaCard.textContent()).toContain('Hidden by a convenor:');
    expect(await luciaCard.textContent()).not.toContain('07700 900123');
    expect(await luciaCard.getByRole('button', { name: /^Reply to/ }).count()).toBe(0);
    expect(luciaReloaded()).toBe(false);

    // Its author sees the reason, and her text dimmed under it; so does the convenor.
    const samiraCard = postCard(samira, hiddenId);
    await samiraCard.getByText('Personal phone numbers stay out of the group').waitFor();
    await samiraCard.locator('.convene-hidden-text').getByText('07700 900123').waitFor();
    await postCard(priya, hiddenId).locator('.convene-hidden-text').getByText('07700 900123').waitFor();

    // She is told, and the notification leads to the discussion.
    await samira
      .getByRole('banner')
      .getByRole('button', { name: /^Notifications, \d+ unread/ })
      .click();
    await samira
      .getByRole('dialog', { name: 'Notifications' })
      .getByRole('button', { name: /Priya Raman hid one of your posts in Health and Social Care/ })
      .first()
      .click();
    await samira.waitForURL((url) => url.pathname === `/threads/${threadId}`);

    // Locked: a notice, and no more reply forms, for the members watching.
    await priya.getByRole('button', { name: 'Moderate' }).click();
    await priya.getByRole('menuitem', { name: 'Lock: no more replies' }).click();
    await lucia.getByText('This discussion is locked: no new replies.').waitFor();
    expect(await lucia.getByRole('button', { name: /^Reply to/ }).count()).toBe(0);
    expect(luciaReloaded()).toBe(false);

    // Pinned, it is at the top of the group's list with a pin.
    await priya.getByRole('button', { name: 'Moderate' }).click();
    await priya.getByRole('menuitem', { name: 'Pin to the top of the group' }).click();
    await priya.getByRole('alert').filter({ hasText: 'Discussion pinned' }).waitFor();
    await lucia.goto(`/groups/${GROUP}`);
    const firstRow = lucia.getByRole('region', { name: 'Discussions' }).getByRole('listitem').first();
    await firstRow.getByRole('link', { name: 'Who to call at the trust' }).waitFor();
    expect(await firstRow.textContent()).toContain('Pinned');
  });

  it('lets an author edit (with history), react, and delete; refuses a mention of someone outside the group', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    const { threadId, openingId } = await startThread(lucia, {
      title: 'Flyer for the drop-in',
      body: 'Draft flyer attached soon.',
    });
    await samira.goto(`/threads/${threadId}`);
    await samira.getByText('Draft flyer attached soon.').waitFor();
    await lucia.goto(`/threads/${threadId}`);
    await lucia.getByText('Draft flyer attached soon.').waitFor();

    // Yusuf convenes other groups, not this one: the server refuses, the message is under the box.
    await postCard(lucia, openingId).getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    const box = lucia.getByLabel(/^Your reply/);
    await box.fill('Asking @[Yusuf Haddad] to print it.');
    await lucia.getByRole('button', { name: 'Post reply' }).click();
    await lucia.getByText('@Yusuf Haddad is not a member of this group. Mention members only.').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');

    await box.fill('The drop-in is on Tuesdays, 10 till 1.');
    await lucia.getByRole('button', { name: 'Post reply' }).click();
    const card = lucia.locator('.convene-post-card', {
      has: lucia.locator('.convene-post-body', { hasText: 'Tuesdays, 10 till 1' }),
    });
    await card.waitFor();
    const postId = (await card.getAttribute('id'))!.replace('post-', '');
    const mine = postCard(lucia, postId);

    // Edited: the new text, an "edited" marker, and the earlier text in the history.
    await mine.getByRole('button', { name: 'Actions for the post by Lucía Moreno' }).click();
    await lucia.getByRole('menuitem', { name: 'Edit' }).click();
    await mine.getByLabel(/^Your post/).fill('The drop-in is on Wednesdays, 10 till 1.');
    await mine.getByRole('button', { name: 'Save changes' }).click();
    await mine.getByText('Wednesdays, 10 till 1').waitFor();
    await postCard(samira, postId).getByText('Wednesdays, 10 till 1').waitFor();
    await mine.getByRole('button', { name: /^Edited .*: show earlier versions$/ }).click();
    const history = lucia.getByRole('dialog', { name: 'Earlier versions' });
    await history.getByText('The drop-in is on Tuesdays, 10 till 1.').waitFor();
    expect(await history.getByText('Wednesdays').count()).toBe(0);
    await history.getByRole('button', { name: 'Close' }).click();

    // A reaction from Samira: a pressed chip for her, a count for Lucía as it happens.
    const samiraCard = postCard(samira, postId);
    await samiraCard.getByRole('button', { name: 'Add a reaction' }).click();
    await samira.getByRole('button', { name: 'Thank you', exact: true }).click();
    const chip = samiraCard.getByRole('button', { name: 'Thank you: 1' });
    await chip.waitFor();
    expect(await chip.getAttribute('aria-pressed')).toBe('true');
    const luciaChip = mine.getByRole('button', { name: 'Thank you: 1' });
    await luciaChip.waitFor();
    expect(await luciaChip.getAttribute('aria-pressed')).toBe('false');

    // A reply under it, then Lucía deletes hers: its place and the reply stay.
    await reply(samira, { threadId, parentPostId: postId, body: 'I can cover the first one.' });
    await postItem(lucia, postId).getByText('I can cover the first one.').waitFor();
    await mine.getByRole('button', { name: 'Actions for the post by Lucía Moreno' }).click();
    await lucia.getByRole('menuitem', { name: 'Delete' }).click();
    await lucia.getByRole('dialog', { name: 'Delete this post?' }).getByRole('button', { name: 'Delete post' }).click();
    await mine.getByText('This post was deleted.').waitFor();
    expect(await mine.textContent()).not.toContain('Wednesdays');
    expect(await mine.getByRole('button', { name: /Thank you/ }).count()).toBe(0);
    await postItem(lucia, postId).getByText('I can cover the first one.').waitFor();
    await postCard(samira, postId).getByText('This post was deleted.').waitFor();
    expect(await seriousA11yViolations(lucia)).toEqual([]);
  });

  it('lets the author retitle and retag a discussion; others see it was edited and what it was called', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const { threadId } = await startThread(lucia, { title: 'Charging leters', body: 'Letters from the trust.' });
    await lucia.goto(`/threads/${threadId}`);
    await lucia.getByRole('button', { name: 'Edit title and tags' }).click();
    const dialog = lucia.getByRole('dialog', { name: 'Edit title and tags' });
    await dialog.getByLabel(/^Title/).fill('Charging letters at the Royal Infirmary');
    await dialog.getByLabel(/^Tags/).fill('nhs-charging, letters');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await lucia.getByRole('heading', { name: 'Charging letters at the Royal Infirmary', level: 1 }).waitFor();
    await lucia.getByText('letters', { exact: true }).waitFor();

    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    await samira.goto(`/threads/${threadId}`);
    await samira.getByRole('heading', { name: 'Charging letters at the Royal Infirmary', level: 1 }).waitFor();
    // Not hers: she may read its history, not change it.
    expect(await samira.getByRole('button', { name: 'Edit title and tags' }).count()).toBe(0);
    await samira.getByRole('button', { name: 'Title or tags edited: see earlier versions' }).click();
    const history = samira.getByRole('dialog', { name: 'Earlier titles and tags' });
    await history.getByText('Charging leters', { exact: true }).waitFor();
    await history.getByText(/^Changed by Lucía Moreno · /).waitFor();
    expect(await seriousA11yViolations(samira)).toEqual([]);
  });

  it('opens a long discussion at the first unread post when it is past the first page', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const samira = await newPage();
    await signIn(samira, 'samira@example.org');
    const { threadId } = await startThread(lucia, { title: 'Weekly clinic log', body: 'One line per clinic session.' });
    const ids: string[] = [];
    for (let i = 1; i <= 104; i++) ids.push(await reply(lucia, { threadId, body: `Session ${i}: nothing unusual.` }));
    // Samira has read the opening post and the first 101 replies: the first unread is the 103rd post.
    await graphql(samira, 'mutation ($threadId: ID!) { markThreadRead(threadId: $threadId, readCount: 102) { id } }', {
      threadId,
    });

    await samira.goto(`/threads/${threadId}`);
    const firstUnread = ids[101]!;
    await samira.locator(`[id="post-${firstUnread}"][data-highlighted]`).waitFor();
    expect(await postCard(samira, firstUnread).textContent()).toContain('Session 102: nothing unusual.');
    expect(await postItem(samira, firstUnread).locator(':scope > [role="separator"]').getAttribute('aria-label')).toBe(
      'New since your last visit',
    );
    const shown = (await postCard(samira, firstUnread).boundingBox())!;
    expect(shown.y).toBeGreaterThanOrEqual(0);
    expect(shown.y).toBeLessThan(samira.viewportSize()!.height);
    // Every post is on the page now, and none is marked new before the divider.
    expect(await samira.locator('.convene-post-card').count()).toBe(105);
    expect(await samira.locator('.convene-post-card[data-unread]').count()).toBe(3);
  });

  it('keeps a pasted text over the limit whole, counts it, and refuses it in sight instead of cutting it', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const { threadId, openingId } = await startThread(lucia, {
      title: 'Evidence pack',
      body: 'Paste the notes under this.',
    });
    await lucia.goto(`/threads/${threadId}`);
    await postCard(lucia, openingId).getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    const box = lucia.getByLabel(/^Your reply/);
    await box.fill('a'.repeat(20_050));
    // All of it stays in the box (a browser limit would have cut it at 20,000 without a word).
    expect(await box.evaluate((area: HTMLTextAreaElement) => area.value.length)).toBe(20_050);
    await lucia.getByText('20,050 / 20,000').waitFor();
    await lucia.getByText('At most 20,000 characters: this text has 20,050.').waitFor();
    expect(await box.getAttribute('aria-invalid')).toBe('true');
    expect(await lucia.getByRole('button', { name: 'Post reply' }).isDisabled()).toBe(true);
    await lucia.mouse.move(0, 0);
    expect(await seriousA11yViolations(lucia)).toEqual([]);
    // Within the limit again, the count is quiet and the reply goes.
    await box.fill('Notes to follow.');
    await lucia.getByText('16 / 20,000').waitFor();
    await lucia.getByRole('button', { name: 'Post reply' }).click();
    await lucia.locator('.convene-post-body', { hasText: 'Notes to follow.' }).waitFor();
  });

  it('works from the keyboard: the reaction picker takes focus and arrows move in it; a sent reply takes focus', async () => {
    const lucia = await newPage();
    await signIn(lucia, 'member@example.org');
    const { threadId, openingId } = await startThread(lucia, {
      title: 'Keyboard check',
      body: 'React to this, then reply.',
    });
    await lucia.goto(`/threads/${threadId}`);
    const card = postCard(lucia, openingId);
    await card.getByRole('button', { name: 'Add a reaction' }).focus();
    await lucia.keyboard.press('Enter');
    const focused = () =>
      lucia.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName);
    await lucia.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Thumbs up');
    await lucia.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Heart');
    await lucia.keyboard.press('End');
    expect(await focused()).toBe('Looking into it');
    await lucia.keyboard.press('ArrowRight');
    expect(await focused()).toBe('Thumbs up');
    await lucia.keyboard.press('Escape');
    await lucia.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Add a reaction');
    await lucia.keyboard.press('Enter');
    await lucia.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Thumbs up');
    await lucia.keyboard.press('ArrowRight');
    await lucia.waitForFunction(() => document.activeElement?.getAttribute('aria-label') === 'Heart');
    await lucia.keyboard.press('Enter');
    await card.getByRole('button', { name: 'Heart: 1' }).waitFor();

    await card.getByRole('button', { name: 'Reply to Lucía Moreno' }).click();
    await lucia.getByLabel(/^Your reply/).fill('Replying from the keyboard.');
    await lucia.getByRole('button', { name: 'Post reply' }).click();
    const reply = lucia.locator('.convene-post-card', {
      has: lucia.locator('.convene-post-body', { hasText: 'Replying from the keyboard.' }),
    });
    await reply.waitFor();
    const replyId = await reply.getAttribute('id');
    await lucia.waitForFunction((id) => document.activeElement?.id === id, replyId);
  });
});

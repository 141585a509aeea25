// Every page on a 360 × 740 phone, in English and in Arabic, with the data that used to push pages
// wider than the screen: a long link, a long unbroken word and paragraphs of Arabic and English in
// one post, a long discussion title, and the calendar's month. A page wider than the viewport (the
// whole page scrolling sideways) fails, naming the route and the language.
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, mailedPath, seriousA11yViolations } from './browser.js';

// Each sweep visits some thirty pages in both of a fresh context's first loads: on two busy cores,
// beside another browser suite, that takes longer than the 90 s other tests get.
jest.setTimeout(300_000);

const PHONE = { width: 360, height: 740 };
const GROUP = 'health-and-social-care';
const LONG_LINK = `https://www.example.org/reports/2026/${'housing-and-health-access-for-migrants-'.repeat(4)}final.pdf`;
const LONG_WORD = 'Antidisestablishmentarianism'.repeat(6);
const MIXED = [
  'نلتقي يوم الخميس في المركز المجتمعي لمناقشة رسائل طلبات حرية المعلومات.',
  'Bring the FOI letters!',
  'Bring the printed copies, too.',
  `See ${LONG_LINK} and ${LONG_WORD}.`,
].join('\n\n');

async function graphql<T>(page: Page, query: string, variables: Record<string, unknown>): Promise<T> {
  const response = await page.request.post('/graphql', {
    data: { query, variables },
    headers: { 'apollo-require-preflight': 'true' },
  });
  const body = (await response.json()) as { data?: T; errors?: unknown[] };
  if (body.errors?.length || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** How far the page reaches past the viewport's right (or, in Arabic, left) edge, in pixels. */
async function overflow(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Signs in through the form by its fields' types, whatever language the page is in. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/signin');
  await page.locator('input[type="email"]').fill(email);
  await page.locator('input[type="password"]').fill('convene-demo-pass');
  await page.locator('main button[type="submit"]').click();
  await page.waitForURL(/\/groups$/);
}

/**
 * Signed in, the person's own language applies: switch to `language` as a person would, in the
 * header, or on a phone in the menu the header folds it into.
 */
async function useLanguage(page: Page, language: 'en' | 'ar'): Promise<void> {
  if ((await page.evaluate(() => document.documentElement.lang)) === language) return;
  const inHeader = page.getByRole('banner').locator(`button[lang="${language}"]`);
  if (await inHeader.isVisible()) await inHeader.click();
  else {
    await page.locator('button[aria-controls="convene-mobile-nav"]').click();
    await page.locator(`#convene-mobile-nav button[lang="${language}"]`).click();
    await page.keyboard.press('Escape');
  }
  await page.waitForFunction((locale) => document.documentElement.lang === locale, language);
}

/** Whether the first and last characters of `text` on the page sit left to right (null when it is not there). */
async function readsLeftToRight(page: Page, text: string): Promise<boolean | null> {
  return page.evaluate((wanted) => {
    const walker = document.createTreeWalker(document.querySelector('main') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node.textContent ?? '').indexOf(wanted);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + 1);
      const first = range.getBoundingClientRect().left;
      range.setStart(node, at + wanted.length - 1);
      range.setEnd(node, at + wanted.length);
      return range.getBoundingClientRect().left > first;
    }
    return null;
  }, text);
}

/** The header's buttons (menu, search, bell and its count; the language when signed out) are all on the screen. */
async function expectHeaderOnScreen(page: Page, path: string): Promise<void> {
  const items = await page
    .getByRole('banner')
    .locator('*')
    .evaluateAll((elements) =>
      elements
        .map((element) => ({ element, box: element.getBoundingClientRect() }))
        .filter(({ box }) => box.width > 0)
        .map(({ element, box }) => ({
          name: `${element.tagName} ${element.textContent ?? ''}`.slice(0, 40),
          left: Math.floor(box.left),
          right: Math.ceil(box.right),
        })),
    );
  expect({ path, outside: items.filter((item) => item.left < 0 || item.right > PHONE.width) }).toEqual({
    path,
    outside: [],
  });
}

/** The page fits the screen's width; if not, the failure names the elements sticking out. */
async function expectFits(page: Page, path: string): Promise<void> {
  const wider = await overflow(page);
  expect({ path, overflow: wider, culprits: wider > 0 ? await culprits(page) : [] }).toEqual({
    path,
    overflow: 0,
    culprits: [],
  });
}

/** The elements sticking out of the viewport, for the failure message. */
async function culprits(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const out: string[] = [];
    for (const element of Array.from(document.querySelectorAll('body *'))) {
      const box = element.getBoundingClientRect();
      // Inside a box that scrolls or clips on its own, sticking out is that box's business.
      let clipped = false;
      for (let parent = element.parentElement; parent && !clipped; parent = parent.parentElement)
        clipped = getComputedStyle(parent).overflowX !== 'visible';
      if (
        box.width > 0 &&
        (box.right > width + 1 || box.left < -1) &&
        !clipped &&
        !element.closest('[aria-hidden="true"], [hidden]')
      ) {
        const name = `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''}.${String(element.className).split(' ').slice(0, 2).join('.')}`;
        out.push(`${name} [${Math.round(box.left)}, ${Math.round(box.right)}]`);
      }
    }
    return out.slice(0, 8);
  });
}

/**
 * One page on the phone: it opens in the language chosen, fits the screen with every header button
 * on it, and axe finds nothing serious (colour contrast included) with this data and language.
 * With PHONE_SHOTS set, a screenshot of it is kept there.
 */
async function checkPage(page: Page, path: string, language: 'en' | 'ar'): Promise<void> {
  await page.goto(path);
  await page.locator('main h1').first().waitFor();
  await page.waitForLoadState('networkidle');
  expect({ path, lang: await page.evaluate(() => document.documentElement.lang) }).toEqual({ path, lang: language });
  if (process.env['PHONE_SHOTS'])
    await page.screenshot({
      path: `${process.env['PHONE_SHOTS']}/${language}${path.replace(/[/?=]/g, '_')}.png`,
      fullPage: true,
    });
  await expectFits(page, path);
  await expectHeaderOnScreen(page, path);
  expect({ path, violations: await seriousA11yViolations(page) }).toEqual({ path, violations: [] });
}

describe('on a phone', () => {
  let session: BrowserSession;
  let threadId: string;
  let meetingId: string | null;
  let seriesMeetingId: string | undefined;
  let pollId: string | undefined;
  let documentId: string | undefined;

  beforeAll(async () => {
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
    const page = await session.newPage(PHONE);
    await session.signIn(page, 'member@example.org');
    const group = await graphql<{ workingGroup: { id: string } }>(
      page,
      'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
      { slug: GROUP },
    );
    const created = await graphql<{ createThread: { id: string; posts: { nodes: { id: string }[] } } }>(
      page,
      'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id posts(first: 1) { nodes { id } } } }',
      {
        input: {
          groupId: group.workingGroup.id,
          title: `Housing evidence ${LONG_WORD.slice(0, 60)} ${LONG_LINK.slice(0, 80)}`,
          body: MIXED,
        },
      },
    );
    threadId = created.createThread.id;
    await graphql(page, 'mutation ($input: ReplyInput!) { reply(input: $input) { id } }', {
      input: {
        threadId,
        parentPostId: created.createThread.posts.nodes[0]!.id,
        body: `> ${LONG_LINK}\n\n\`${LONG_WORD}\`\n\n\`\`\`\n${LONG_WORD} ${LONG_LINK}\n\`\`\``,
      },
    });
    const from = new Date(Date.now() - 30 * 86_400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86_400_000).toISOString();
    const calendar = await graphql<{ myCalendar: { id: string; title: string }[] }>(
      page,
      'query ($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { id title } }',
      { from, to },
    );
    meetingId = calendar.myCalendar[0]?.id ?? null;
    seriesMeetingId = calendar.myCalendar.find((m) => m.title.endsWith('monthly meeting'))?.id;
    const health = await graphql<{
      workingGroup: { meetingPolls: { id: string }[]; documents: { nodes: { id: string }[] } };
    }>(
      page,
      'query ($slug: String!) { workingGroup(slug: $slug) { meetingPolls { id } documents(first: 1) { nodes { id } } } }',
      { slug: GROUP },
    );
    pollId = health.workingGroup.meetingPolls[0]?.id;
    documentId = health.workingGroup.documents.nodes[0]?.id;
    // The pages below need the demo's meetings, its monthly series, a poll and a document.
    expect([meetingId, seriesMeetingId, pollId, documentId].every(Boolean)).toBe(true);
  });

  afterAll(async () => {
    await session?.stop();
  });

  const routes = (): string[] => [
    '/groups',
    `/groups/${GROUP}`,
    `/groups/${GROUP}?tab=meetings`,
    `/threads/${threadId}`,
    `/meetings/${meetingId}`,
    '/calendar',
    '/search?q=housing',
    '/notifications',
    '/settings/notifications',
    '/profile',
    '/settings/security',
    '/organisations',
  ];

  for (const language of ['en', 'ar'] as const) {
    it(`no page is wider than a 360 px screen, in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      const page = await session.newPage(PHONE);
      await page.goto('/signin');
      await page.evaluate((locale) => window.localStorage.setItem('convene.locale', locale), language);
      await signIn(page, 'member@example.org');
      await useLanguage(page, language);
      for (const path of routes()) await checkPage(page, path, language);
      // A document's type is named in the page's language; the documents table scrolls sideways
      // on its own, and the keyboard reaches it.
      await page.goto(`/groups/${GROUP}`);
      await page
        .getByText(language === 'en' ? 'Plain text' : 'نص عادي', { exact: true })
        .first()
        .waitFor();
      const table = page.getByRole('region', { name: language === 'en' ? 'List of documents' : 'قائمة المستندات' });
      expect(await table.evaluate((box: HTMLElement) => [box.scrollWidth > box.clientWidth, box.tabIndex])).toEqual([
        true,
        0,
      ]);
      if (process.env['PHONE_SHOTS'])
        await table.screenshot({ path: `${process.env['PHONE_SHOTS']}/${language}-documents-table.png` });
      // A series says how it repeats in the page's language (the demo's is monthly, on a Tuesday).
      await page.goto(`/meetings/${seriesMeetingId}`);
      await page
        .getByText(
          language === 'en'
            ? /^Repeats: monthly on the (first|second|third|fourth|last) Tuesday$/
            : /^يتكرر: شهريًا، يوم الثلاثاء (الأول|الثاني|الثالث|الرابع|الأخير) من الشهر$/,
        )
        .waitFor();
      // Each paragraph of the mixed post reads in its own direction, whatever the page's.
      await page.goto(`/threads/${threadId}`);
      const direction = (text: string) =>
        page
          .locator('.convene-post-body p', { hasText: text })
          .first()
          .evaluate((p) => getComputedStyle(p).direction);
      expect([
        await direction('نلتقي يوم الخميس'),
        await direction('Bring the FOI letters!'),
        await direction('Bring the printed copies'),
      ]).toEqual(['rtl', 'ltr', 'ltr']);
    });
  }

  /** The pages reached by a link in a mail, the public forms, the convenors' and admins' pages (made once). */
  let madeRoutes: Promise<{ signedOut: string[]; admin: string[] }> | undefined;
  const otherRoutes = () => (madeRoutes ??= makeOtherRoutes());
  async function makeOtherRoutes(): Promise<{ signedOut: string[]; admin: string[] }> {
    const page = await session.newPage(PHONE);
    const stamp = Date.now().toString(36);
    const guest = `guest-${stamp}@example.net`;
    const partner = `partner-${stamp}@example.net`;
    await page.goto('/signin');
    await graphql(page, 'mutation ($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }', {
      input: {
        slug: 'summit',
        name: 'Amal Guest',
        email: guest,
        consent: true,
      },
    });
    await graphql(page, 'mutation ($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }', {
      input: {
        formSlug: 'pitch-an-idea',
        organisationName: 'Northern Refugee Action',
        organisationType: 'COMMUNITY_ORGANISATION',
        contactName: 'Salma Haddad',
        contactEmail: partner,
        title: `A legal clinic for newcomers ${LONG_WORD.slice(0, 40)}`,
        summary: MIXED,
        helpWanted: 'Volunteer lawyers.',
        groupIds: [],
        notSure: true,
        answers: [{ fieldId: 'stage', value: 'Planned' }],
        consent: true,
      },
    });
    await graphql(page, 'mutation ($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }', {
      input: { email: 'partner@example.org' },
    });
    const admin = await session.newPage(PHONE);
    await session.signIn(admin, 'admin@example.org');
    const invited = `invited-${stamp}@example.net`;
    await graphql(admin, 'mutation ($input: InviteToNetworkInput!) { inviteToNetwork(input: $input) { id } }', {
      input: { email: invited },
    });
    const { pitches, pitchForms, partnerOrganisations } = await graphql<{
      pitches: { nodes: { id: string; title: string }[] };
      pitchForms: { id: string }[];
      partnerOrganisations: { id: string; name: string }[];
    }>(admin, '{ pitches { nodes { id title } } pitchForms { id } partnerOrganisations { id name } }', {});
    // The demo's organisation with a confirmed person in a group, an area and descriptions in both languages.
    const organisation = partnerOrganisations.find((o) => o.name === 'Northern Refugee Action');
    const pitch = pitches.nodes.find((p) => p.title.startsWith('A legal clinic for newcomers'));
    const mailTo = async (to: string, prefix: string) =>
      mailedPath(await session.waitForMail((mail) => mail.to === to && mail.text.includes(`/${prefix}/`)), prefix);
    return {
      signedOut: [
        '/signin',
        '/signup',
        '/forgot-password',
        '/events/summit',
        '/pitch/pitch-an-idea',
        await mailTo(guest, 'registrations'),
        await mailTo(partner, 'pitches'),
        await mailTo('partner@example.org', 'reset-password'),
        await mailTo(invited, 'invitations'),
        '/unsubscribe/no-such-link',
        '/account-deleted',
        '/no-such-page',
      ],
      admin: [
        '/pitches',
        `/pitches/review/${pitch?.id}`,
        '/pitch-forms',
        `/pitch-forms/${pitchForms[0]!.id}`,
        '/admin',
        '/admin/people',
        '/admin/audit',
        '/organisations',
        `/organisations/${organisation?.id}`,
        `/polls/${pollId}`,
        `/documents/${documentId}`,
      ],
    };
  }

  for (const language of ['en', 'ar'] as const) {
    it(`the public pages, the pages mails link to and the convenors' and admins' pages fit a 360 px screen and pass axe, in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      const routes = await otherRoutes();
      const page = await session.newPage(PHONE);
      await page.goto('/signin');
      await page.evaluate((locale) => window.localStorage.setItem('convene.locale', locale), language);
      for (const path of routes.signedOut) await checkPage(page, path, language);
      await signIn(page, 'admin@example.org');
      await useLanguage(page, language);
      for (const path of routes.admin) await checkPage(page, path, language);
      // The pitch's summary is plain text: its English lines read left to right under the Arabic one.
      await page.goto(routes.admin[1]!);
      await page.getByText('Bring the printed copies, too.').waitFor();
      expect([
        await readsLeftToRight(page, 'Bring the FOI letters!'),
        await readsLeftToRight(page, 'Bring the printed copies, too.'),
      ]).toEqual([true, true]);
    });
  }

  /** Where a control of the header is across the screen (left and right edges), or null when hidden. */
  const across = async (locator: ReturnType<Page['locator']>) => {
    if (!(await locator.isVisible())) return null;
    const box = await locator.boundingBox();
    return box && { left: Math.floor(box.x), right: Math.ceil(box.x + box.width) };
  };

  for (const language of ['en', 'ar'] as const) {
    it(`the header fits a 360 px screen with the bell's count showing, and its menu holds what it folds, in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      // Something unread for Lucía: Samira answers a discussion she opens.
      const lucia = await session.newPage(PHONE);
      await signIn(lucia, 'member@example.org');
      const group = await graphql<{ workingGroup: { id: string } }>(
        lucia,
        'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
        { slug: GROUP },
      );
      const opened = await graphql<{ createThread: { id: string; posts: { nodes: { id: string }[] } } }>(
        lucia,
        'mutation ($input: CreateThreadInput!) { createThread(input: $input) { id posts(first: 1) { nodes { id } } } }',
        {
          input: {
            groupId: group.workingGroup.id,
            title: 'Bus fares to the clinic',
            body: 'Who can lend a travel card?',
          },
        },
      );
      const samira = await session.newPage(PHONE);
      await session.signIn(samira, 'samira@example.org');
      await graphql(samira, 'mutation ($input: ReplyInput!) { reply(input: $input) { id } }', {
        input: {
          threadId: opened.createThread.id,
          parentPostId: opened.createThread.posts.nodes[0]!.id,
          body: 'I have one.',
        },
      });
      await useLanguage(lucia, language);
      await lucia.goto('/groups');
      const header = lucia.getByRole('banner');
      const menuButton = header.locator('button[aria-controls="convene-mobile-nav"]');
      const bell = header.locator('button:has(.mantine-Badge-root)');
      await bell.waitFor();

      // Menu, name, search and the bell with its count: each on the screen, none on another.
      const controls = {
        menu: await across(menuButton),
        name: await across(header.locator('a.convene-brand')),
        search: await across(header.locator('a[href="/search"]')),
        bell: await across(bell),
        count: await across(bell.locator('.mantine-Badge-root')),
      };
      const shown = Object.entries(controls).filter(([name]) => name !== 'count');
      expect(shown.filter(([, box]) => !box || box.left < 0 || box.right > PHONE.width)).toEqual([]);
      const overlapping = shown.flatMap(([a, x], i) =>
        shown.slice(i + 1).flatMap(([b, y]) => (x && y && x.left < y.right && y.left < x.right ? [`${a}/${b}`] : [])),
      );
      expect(overlapping).toEqual([]);
      expect(controls.count).not.toBeNull();
      // In Arabic the menu button is at the right edge, the bell at the left.
      expect(controls.menu!.left < controls.bell!.left).toBe(language === 'en');
      // The language is in the menu, not the header.
      expect(await header.locator('button[lang]').isVisible()).toBe(false);

      // The menu lists what the header folded: the pages, the language, "Use less data", sign-out.
      await menuButton.click();
      expect(await menuButton.getAttribute('aria-expanded')).toBe('true');
      const menu = lucia.locator('#convene-mobile-nav');
      const texts =
        language === 'en'
          ? {
              pages: ['Groups', 'Calendar', 'Pitches', 'Organisations', 'Profile'],
              saver: /^Use less data/,
              signOut: 'Sign out',
            }
          : {
              pages: ['المجموعات', 'التقويم', 'المقترحات', 'المنظمات', 'الملف الشخصي'],
              saver: /^استخدام بيانات أقل/,
              signOut: 'تسجيل الخروج',
            };
      for (const name of texts.pages) await menu.getByRole('link', { name, exact: true }).waitFor();
      await menu.locator(`button[lang="${language === 'en' ? 'ar' : 'en'}"]`).waitFor();
      await menu.getByRole('switch', { name: texts.saver }).waitFor();
      await menu.getByRole('button', { name: texts.signOut, exact: true }).waitFor();
      await expectFits(lucia, 'the open menu');
      expect({ what: 'the open menu', violations: await seriousA11yViolations(lucia) }).toEqual({
        what: 'the open menu',
        violations: [],
      });
      if (process.env['PHONE_SHOTS'])
        await lucia.screenshot({ path: `${process.env['PHONE_SHOTS']}/${language}-header-menu.png` });

      // Escape closes it and gives focus back to the menu button.
      await lucia.keyboard.press('Escape');
      await menu.getByRole('switch').waitFor({ state: 'detached' });
      expect(await menuButton.getAttribute('aria-expanded')).toBe('false');
      expect(await menuButton.evaluate((button) => button === document.activeElement)).toBe(true);
    });
  }

  for (const language of ['en', 'ar'] as const) {
    it(`axe finds nothing serious on a desktop with the states a phone does not show, in ${language === 'en' ? 'English' : 'Arabic'}`, async () => {
      const page = await session.newPage({ width: 1280, height: 860 });
      await signIn(page, 'member@example.org');
      await useLanguage(page, language);
      const scan = async (what: string) =>
        expect({ what, violations: await seriousA11yViolations(page) }).toEqual({ what, violations: [] });
      // The month grid, with the days of the months before and after.
      await page.goto('/calendar');
      await page.locator('table.convene-cal-month').waitFor();
      await scan('the calendar month');
      // The week, with its empty days.
      await page
        .locator('.convene-calendar label', { hasText: language === 'en' ? 'Week' : 'أسبوع' })
        .first()
        .click();
      await page.locator('.convene-cal-week').waitFor();
      await scan('the calendar week');
      // A poll with answers and its best time marked.
      await page.goto(`/polls/${pollId}`);
      await page.locator('table.convene-poll-table').waitFor();
      await scan('a poll');
      // A document with no description, and its current version marked.
      await page.goto(`/documents/${documentId}`);
      await page.locator('main h1').first().waitFor();
      await page.waitForLoadState('networkidle');
      await scan('a document');
    });
  }
});

// An event's programme in a real browser: the organisers plan a plenary and two workshops (one with
// a single place), a visitor without an account picks a workshop on the public form, finds it in
// their programme through the link in their email, and the organisers see them on its list.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, mailedPath, seriousA11yViolations } from './browser.js';

const GROUP = 'policing-and-surveillance';
const ZONE = 'Europe/London';

/** 'YYYY-MM-DD' of a day some days from now, in London. */
function londonDay(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );
}

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

describe('an event’s programme', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    // The set-up shortcuts send documents of their own, which only run with trusted documents off.
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('a visitor picks a workshop when registering and finds it in their programme; the organisers see them on its list', async () => {
    const stamp = Date.now();
    const title = `Regional health summit ${stamp}`;
    const slug = `health-summit-${stamp}`;
    const day = londonDay(21);
    const organiser = await session.newPage();
    await session.signIn(organiser, 'convenor@example.org');
    const group = await graphql<{ workingGroup: { id: string } }>(
      organiser,
      'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
      { slug: GROUP },
    );
    const meetingId = (
      await graphql<{ scheduleMeeting: { id: string } }>(
        organiser,
        'mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
        {
          input: {
            groupId: group.workingGroup.id,
            title,
            startsAt: `${day}T10:00`,
            endsAt: `${day}T16:00`,
            timeZone: ZONE,
            location: 'Community hall, 1 High Street',
          },
        },
      )
    ).scheduleMeeting.id;
    await graphql(organiser, 'mutation ($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }', {
      input: { meetingId, slug, consentText: 'We keep your name and email to run the summit.' },
    });
    const add = (input: Record<string, unknown>) =>
      graphql(organiser, 'mutation ($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id } }', {
        input: { meetingId, ...input },
      });
    await add({ title: 'Opening plenary', kind: 'PLENARY', startsAt: `${day}T10:00`, endsAt: `${day}T11:00` });
    await add({
      title: 'Access to healthcare',
      kind: 'WORKSHOP',
      startsAt: `${day}T11:30`,
      endsAt: `${day}T13:00`,
      room: 'Room 2',
      capacity: 1,
    });
    await add({ title: 'Interpreting in clinics', kind: 'WORKSHOP', startsAt: `${day}T11:30`, endsAt: `${day}T13:00` });

    // A visitor registers, picking one workshop.
    const email = `salma-${stamp}@example.net`;
    const visitor = await session.newPage();
    await visitor.goto(`/events/${slug}`);
    await visitor.getByRole('heading', { level: 1, name: title }).waitFor();
    const workshop = visitor.getByRole('checkbox', { name: 'Access to healthcare' });
    await workshop.waitFor();
    await visitor.getByText(/Room 2 · 1 place left/).waitFor();
    expect(await visitor.getByRole('checkbox', { name: 'Opening plenary' }).count()).toBe(0);
    await workshop.check();
    await visitor.getByLabel(/^Your name/).fill('Salma Haddad');
    await visitor.getByLabel(/^Your email/).fill(email);
    await visitor.getByLabel(/^I agree/).check();
    expect(await seriousA11yViolations(visitor)).toEqual([]);
    await visitor.getByRole('button', { name: 'Register' }).click();
    await visitor.getByText('Thank you. We have sent you an email').waitFor();

    // Their private page shows their programme: the plenary for everyone, their workshop confirmed.
    const mail = await session.waitForMail((m) => m.to === email && m.subject === `You are registered: ${title}`);
    await visitor.goto(mailedPath(mail, 'registrations'));
    const programme = visitor.getByRole('region', { name: 'Your programme' });
    await programme.getByText('Access to healthcare').waitFor();
    await programme.getByText('Your place is confirmed').waitFor();
    await programme.getByText('For everyone').waitFor();
    await programme.getByText('Not picked').waitFor();
    expect(
      await programme.getByRole('link', { name: /Add your programme to your calendar/ }).getAttribute('href'),
    ).toMatch(/^\/api\/registrations\/[A-Za-z0-9_-]{32}\/programme\.ics$/);

    // The organisers see the place taken, and who took it.
    await organiser.goto(`/meetings/${meetingId}`);
    const editor = organiser.getByRole('region', { name: 'Programme' });
    await editor.getByText('1 place · 1 with a place · 0 waiting').waitFor();
    await editor.getByRole('button', { name: 'Who is coming' }).first().click();
    await editor.getByRole('row', { name: /Salma Haddad.*Has a place/ }).waitFor();
  });
});

// Meetings in a real browser, with several people in their own browsers:
// - a convenor proposes three times; two members answer in their own browsers; the convenor sees
//   their answers, picks a time, and both members find the meeting in their calendar;
// - an open event with one place and a waitlist: one outside person gets the place, a second is
//   waitlisted, the first cancels through the private link in their email, and the second is given
//   the place (their private page says so, and they got the "place confirmed" mail);
// - a joint meeting of two groups, scheduled by an admin with a co-host, on the calendar of a
//   convenor of each group and closed to a member of neither;
// - a network event scheduled from the calendar page, found and answered by a member of another group.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Page } from 'playwright-core';
import { BrowserSession, mailedPath, seriousA11yViolations } from './browser.js';

const GROUP = 'policing-and-surveillance';
const ZONE = 'Europe/London';

/** 'YYYY-MM-DD' of a day some days from now, in London (where the demo people live). */
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

describe('meetings', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    // The set-up shortcuts (`graphql` above) send documents of their own, which only run with
    // trusted documents off; the web's requests are still its persisted documents' hashes.
    session = await BrowserSession.start({ GRAPHQL_TRUSTED_DOCUMENTS: 'false' });
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('finds a time with a poll: two members answer, the convenor picks one, and both see the meeting in their calendar', async () => {
    const title = `Know-your-rights training ${Date.now()}`;
    const days = [londonDay(9), londonDay(10), londonDay(11)];

    const yusuf = await session.newPage();
    await session.signIn(yusuf, 'convenor@example.org');
    await yusuf.goto(`/groups/${GROUP}`);
    await yusuf.getByRole('tab', { name: 'Meetings' }).click();
    await yusuf.getByRole('button', { name: 'Find a time' }).click();
    const dialog = yusuf.getByRole('dialog', { name: 'Find a time' });
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel(/^Time zone/).fill(ZONE);
    await yusuf.getByRole('option', { name: ZONE, exact: true }).click();
    for (const [index, day] of days.entries())
      await dialog.getByLabel(new RegExp(`^Time ${index + 1}`)).fill(`${day}T18:30`);
    await dialog.getByRole('button', { name: 'Ask the group' }).click();
    await yusuf.getByRole('heading', { level: 1, name: title }).waitFor();
    const pollPath = new URL(yusuf.url()).pathname;
    expect(pollPath).toMatch(/^\/polls\/[0-9a-f-]{36}$/);
    expect(await seriousA11yViolations(yusuf)).toEqual([]);

    // Each member answers in their own browser; the second time suits both.
    const answers: [string, string[]][] = [
      ['member@example.org', ['No', 'Yes', 'If need be']],
      ['samira@example.org', ['Yes', 'Yes', 'No']],
    ];
    const members: Page[] = [];
    for (const [email, choices] of answers) {
      const page = await session.newPage();
      members.push(page);
      await session.signIn(page, email);
      await page.goto(pollPath);
      const selects = page.getByLabel(/^Your answer for/);
      await selects.first().waitFor();
      expect(await selects.count()).toBe(3);
      for (const [index, choice] of choices.entries()) await selects.nth(index).selectOption({ label: choice });
      await page.getByRole('button', { name: 'Save my answers' }).click();
      await page.getByText('Your answers are saved').waitFor();
    }

    // The convenor sees both people's answers and the totals, then picks the second time.
    await yusuf.reload();
    await yusuf.getByText('2 people answered').waitFor();
    const grid = yusuf.getByRole('table');
    await grid.getByRole('rowheader', { name: 'Lucía Moreno' }).waitFor();
    await grid.getByRole('rowheader', { name: 'Samira Benali' }).waitFor();
    const totals = grid.getByRole('row').filter({ has: yusuf.getByRole('rowheader', { name: 'Totals' }) });
    expect(await totals.getByRole('cell').allInnerTexts()).toEqual([
      '1 yes, 0 if need be',
      '2 yes, 0 if need be',
      '0 yes, 1 if need be',
    ]);
    await yusuf
      .getByRole('button', { name: /^Pick this time: .*18:30–19:30/ })
      .nth(1)
      .click();
    await yusuf.getByRole('dialog').getByRole('button', { name: 'Pick it and invite the group' }).click();
    await yusuf.getByText('A time was picked.').waitFor();
    await yusuf.getByRole('link', { name: 'Open the meeting' }).click();
    await yusuf.getByRole('heading', { level: 1, name: title }).waitFor();
    const meetingPath = new URL(yusuf.url()).pathname;
    expect(meetingPath).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);

    // Both members find it on their calendar, on the picked day, and it opens the meeting.
    const picked = londonDay(10);
    const dayNumber = String(Number(picked.slice(8)));
    for (const page of members) {
      await page.goto('/calendar');
      await page.getByRole('heading', { level: 1, name: 'My calendar' }).waitFor();
      if (picked.slice(0, 7) !== londonDay(0).slice(0, 7))
        await page.getByRole('button', { name: 'Next month' }).click();
      const month = page.locator('table.convene-cal-month');
      const cell = month.locator('td:not([data-outside])', {
        has: page.locator('.convene-cal-daynum', { hasText: new RegExp(`^${dayNumber}$`) }),
      });
      const link = cell.getByRole('link', { name: new RegExp(title) });
      await link.waitFor();
      expect(await link.innerText()).toContain('18:30');
      await link.click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(meetingPath);
    }
    for (const page of members.slice(0, 1)) expect(await seriousA11yViolations(page)).toEqual([]);
  });

  it('holds a joint meeting of two groups: an admin schedules it with a co-host, a convenor of each group finds it on their calendar, a member of neither cannot open it', async () => {
    const title = `Joint briefing for health workers ${Date.now()}`;
    const day = londonDay(12);
    const amara = await session.newPage();
    await session.signIn(amara, 'admin@example.org');
    await amara.goto('/groups/health-and-social-care');
    await amara.getByRole('tab', { name: 'Meetings' }).click();
    await amara.getByRole('button', { name: 'Schedule a meeting' }).first().click();
    const dialog = amara.getByRole('dialog', { name: 'Schedule a meeting' });
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel(/^Starts/).fill(`${day}T17:00`);
    await dialog.getByLabel(/^Ends/).fill(`${day}T18:30`);
    await dialog.getByLabel(/^Time zone/).fill(ZONE);
    await amara.getByRole('option', { name: ZONE, exact: true }).click();
    await dialog.getByLabel('Hosted jointly with').click();
    await amara.getByRole('option', { name: 'Policing and surveillance' }).click();
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await amara.getByRole('heading', { level: 1, name: title }).waitFor();
    const meetingPath = new URL(amara.url()).pathname;
    const hosts = amara.getByTestId('meeting-hosts');
    expect(await hosts.innerText()).toBe('Hosted by Health and Social Care and Policing and surveillance');
    expect(await hosts.getByRole('link').allInnerTexts()).toEqual([
      'Health and Social Care',
      'Policing and surveillance',
    ]);

    // Yusuf convenes Policing and surveillance, Priya convenes Health and Social Care: both find it.
    const dayNumber = String(Number(day.slice(8)));
    for (const email of ['convenor@example.org', 'priya@example.org']) {
      const page = await session.newPage();
      await session.signIn(page, email);
      await page.goto('/calendar');
      await page.getByRole('heading', { level: 1, name: 'My calendar' }).waitFor();
      if (day.slice(0, 7) !== londonDay(0).slice(0, 7)) await page.getByRole('button', { name: 'Next month' }).click();
      const cell = page.locator('table.convene-cal-month td:not([data-outside])', {
        has: page.locator('.convene-cal-daynum', { hasText: new RegExp(`^${dayNumber}$`) }),
      });
      const link = cell.getByRole('link', { name: new RegExp(title) });
      await link.waitFor();
      expect(await link.innerText()).toContain('Health and Social Care, Policing and surveillance');
      await link.click();
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      expect(new URL(page.url()).pathname).toBe(meetingPath);
      // Either convenor may change it.
      await page.getByRole('button', { name: 'Edit' }).waitFor();
    }

    // Someone in Brexit and faith only is in neither group.
    const partner = await session.newPage();
    await session.signIn(partner, 'partner@example.org');
    await partner.goto(meetingPath);
    await partner.getByRole('heading', { level: 1, name: 'Meeting not found' }).waitFor();
  });

  it('schedules a network event from the calendar: someone of another group finds it in their calendar and answers it', async () => {
    const title = `Network assembly ${Date.now()}`;
    const day = londonDay(13);
    const amara = await session.newPage();
    await session.signIn(amara, 'admin@example.org');
    await amara.goto('/calendar');
    await amara.getByRole('button', { name: 'Schedule a network event' }).click();
    const dialog = amara.getByRole('dialog', { name: 'Schedule a network event' });
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel(/^Starts/).fill(`${day}T11:00`);
    await dialog.getByLabel(/^Ends/).fill(`${day}T13:00`);
    // No group: nothing of a group's to link or host it with.
    expect(await dialog.getByLabel('Hosted jointly with').count()).toBe(0);
    expect(await dialog.getByLabel(/^Discussion/).count()).toBe(0);
    await dialog.getByRole('button', { name: 'Schedule', exact: true }).click();
    await amara.getByRole('heading', { level: 1, name: title }).waitFor();
    await amara.getByText('Network event', { exact: true }).waitFor();
    const eventPath = new URL(amara.url()).pathname;

    // Tomasz only observes Policing and surveillance: the network's event is his too.
    const tomasz = await session.newPage();
    await session.signIn(tomasz, 'tomasz@example.org');
    await tomasz.goto('/calendar');
    if (day.slice(0, 7) !== londonDay(0).slice(0, 7)) await tomasz.getByRole('button', { name: 'Next month' }).click();
    // In the month and under "Coming up": the latter opens it.
    await tomasz.getByRole('link', { name: new RegExp(`${title}.*Network event`) }).waitFor();
    await tomasz.getByRole('link', { name: title, exact: true }).click();
    await tomasz.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(new URL(tomasz.url()).pathname).toBe(eventPath);
    expect(await tomasz.getByRole('button', { name: 'Edit' }).count()).toBe(0);
    await tomasz.getByLabel('Note for the organisers (optional)').waitFor();
    await tomasz.getByRole('radio', { name: 'Going', exact: true }).check();
    await tomasz.getByRole('button', { name: 'Save my answer' }).click();
    await tomasz.getByText('Your answer is saved').waitFor();
  });

  it('gives a freed place to the waitlist: one outside person cancels by the link in their email, the next is confirmed', async () => {
    const title = `Open clinic on stop and search ${Date.now()}`;
    const slug = `clinic-${Date.now()}`;
    const yusuf = await session.newPage();
    await session.signIn(yusuf, 'convenor@example.org');
    const group = await graphql<{ workingGroup: { id: string } }>(
      yusuf,
      'query ($slug: String!) { workingGroup(slug: $slug) { id } }',
      { slug: GROUP },
    );
    const scheduled = await graphql<{ scheduleMeeting: { id: string } }>(
      yusuf,
      'mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }',
      {
        input: {
          groupId: group.workingGroup.id,
          title,
          startsAt: `${londonDay(14)}T10:00`,
          endsAt: `${londonDay(14)}T12:00`,
          timeZone: ZONE,
          location: 'Community hall, 1 High Street',
        },
      },
    );

    // The convenor opens registration on the meeting's page: one place, with a waitlist.
    await yusuf.goto(`/meetings/${scheduled.scheduleMeeting.id}`);
    await yusuf.getByRole('button', { name: 'Open registration' }).first().click();
    const dialog = yusuf.getByRole('dialog');
    await dialog.getByLabel(/^Address of the public page/).fill(slug);
    await dialog.getByLabel(/^Places/).fill('1');
    expect(await dialog.getByLabel('When full, let people join a waitlist').isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Save' }).click();
    await yusuf.getByText('Registration settings saved').waitFor();
    await yusuf.getByRole('link', { name: new RegExp(`/events/${slug}$`) }).waitFor();

    // Two people without accounts register, each in a fresh browser.
    const register = async (name: string, email: string, expectFull: boolean): Promise<Page> => {
      const page = await session.newPage();
      await page.goto(`/events/${slug}`);
      await page.getByRole('heading', { level: 1, name: title }).waitFor();
      if (expectFull) await page.getByText('This event is full. You can still register to join the waitlist').waitFor();
      else await page.getByText('1 place left').waitFor();
      await page.getByLabel(/^Your name/).fill(name);
      await page.getByLabel(/^Your email/).fill(email);
      await page.getByLabel(/^I agree/).check();
      // The honeypot stays out of the way of people: not focusable, not announced.
      expect(await page.locator('input[name="website"]').getAttribute('tabindex')).toBe('-1');
      await page.getByRole('button', { name: expectFull ? 'Join the waitlist' : 'Register' }).click();
      await page.getByText('Thank you. We have sent you an email').waitFor();
      return page;
    };
    const stamp = Date.now();
    const aEmail = `amina-${stamp}@example.net`;
    const bEmail = `bilal-${stamp}@example.net`;
    const amina = await register('Amina Yusuf', aEmail, false);
    expect(await seriousA11yViolations(amina)).toEqual([]);
    const bilal = await register('Bilal Ahmed', bEmail, true);

    const aMail = await session.waitForMail(
      (mail) => mail.to === aEmail && mail.subject === `You are registered: ${title}`,
    );
    const bMail = await session.waitForMail(
      (mail) => mail.to === bEmail && mail.subject === `You are on the waitlist: ${title}`,
    );

    // Bilal's private page says he is first on the waitlist.
    await bilal.goto(mailedPath(bMail, 'registrations'));
    await bilal.getByText('You are on the waitlist, number 1.').waitFor();

    // Amina cancels through her link.
    await amina.goto(mailedPath(aMail, 'registrations'));
    await amina.getByText('Your place is confirmed.').waitFor();
    await amina.getByRole('button', { name: 'Cancel my registration' }).click();
    await amina.getByRole('dialog').getByRole('button', { name: 'Yes, cancel it' }).click();
    await amina.getByText('Your registration is cancelled.').waitFor();
    expect(await amina.getByRole('button', { name: 'Cancel my registration' }).count()).toBe(0);

    // Bilal is given the place: the mail says so, and so does his private page.
    const confirmed = await session.waitForMail(
      (mail) => mail.to === bEmail && mail.subject === `Your place is confirmed: ${title}`,
    );
    expect(confirmed.text).toContain('a place came free');
    await bilal.goto(mailedPath(confirmed, 'registrations'));
    await bilal.getByText('Your place is confirmed.').waitFor();
    expect(await bilal.getByText('You are on the waitlist').count()).toBe(0);

    // The organiser's table agrees.
    await yusuf.reload();
    const table = yusuf.getByRole('table');
    await table.getByRole('row', { name: /Bilal Ahmed.*Confirmed/ }).waitFor();
    await table.getByRole('row', { name: /Amina Yusuf.*Cancelled/ }).waitFor();
  });

  it('says when a proposed time ends the next day, in the form and on the poll', async () => {
    const title = `Night shift workers’ meeting ${Date.now()}`;
    const yusuf = await session.newPage();
    await session.signIn(yusuf, 'convenor@example.org');
    await yusuf.goto(`/groups/${GROUP}?tab=meetings`);
    await yusuf.getByRole('button', { name: 'Find a time' }).click();
    const dialog = yusuf.getByRole('dialog', { name: 'Find a time' });
    await dialog.getByLabel(/^Title/).fill(title);
    await dialog.getByLabel(/^Time zone/).fill(ZONE);
    await yusuf.getByRole('option', { name: ZONE, exact: true }).click();
    await dialog.getByLabel(/^Time 1/).fill(`${londonDay(9)}T23:30`);
    await dialog.getByLabel(/^Time 2/).fill(`${londonDay(10)}T18:00`);
    await dialog.getByLabel(/^Time 3/).fill(`${londonDay(11)}T18:00`);
    // One hour from 23:30 ends after midnight; the evening times say nothing.
    await dialog.getByText('Ends 00:30 the next day').waitFor();
    expect(await dialog.getByText(/the next day/).count()).toBe(1);
    await dialog.getByRole('button', { name: 'Ask the group' }).click();
    await yusuf.getByRole('heading', { level: 1, name: title }).waitFor();
    await yusuf.getByRole('table').getByText('23:30–00:30 (next day)').waitFor();
    await yusuf.getByRole('table').getByText('18:00–19:00').first().waitFor();
  });

  it('takes the person to a refused field when it is out of sight: the end before the start', async () => {
    const yusuf = await session.newPage({ width: 390, height: 640 });
    await session.signIn(yusuf, 'convenor@example.org');
    await yusuf.goto(`/groups/${GROUP}?tab=meetings`);
    await yusuf.getByRole('button', { name: 'Schedule a meeting' }).click();
    const dialog = yusuf.getByRole('dialog', { name: 'Schedule a meeting' });
    await dialog.getByLabel(/^Title/).fill('Evening planning');
    await dialog.getByLabel(/^Starts/).fill(`${londonDay(9)}T18:00`);
    await dialog.getByLabel(/^Ends/).fill(`${londonDay(9)}T17:00`);
    const send = dialog.getByRole('button', { name: 'Schedule', exact: true });
    await send.scrollIntoViewIfNeeded();
    await send.click();
    const ends = dialog.getByLabel(/^Ends/);
    await yusuf.waitForFunction(() => document.activeElement?.getAttribute('aria-invalid') === 'true');
    expect(await ends.evaluate((input) => input === document.activeElement)).toBe(true);
    expect(await ends.isVisible()).toBe(true);
    const box = (await ends.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.y + box.height).toBeLessThanOrEqual(640);
  });
});

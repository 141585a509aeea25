// An event's programme in a real browser: a network admin schedules a network event from their
// calendar, opens its registration and plans a plenary and two workshops (one with a single place);
// a visitor without an account picks a workshop on the public form, finds it in their programme
// through the link in their email, and the organisers see them on its list.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { BrowserSession, mailedPath, seriousA11yViolations } from './browser.js';

const ZONE = 'Europe/London';

/** 'YYYY-MM-DD' of a day some days from now, in London. */
function londonDay(daysAhead: number): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(Date.now() + daysAhead * 86_400_000),
  );
}

describe('an event’s programme', () => {
  let session: BrowserSession;

  beforeAll(async () => {
    session = await BrowserSession.start();
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('an admin makes a network event with two workshops; a visitor picks one when registering and finds it in their programme; the organisers see them on its list', async () => {
    const stamp = Date.now();
    const title = `Regional summit ${stamp}`;
    const slug = `regional-summit-${stamp}`;
    const day = londonDay(21);

    // The admin schedules the network's event from their calendar and opens its registration.
    const organiser = await session.newPage();
    await session.signIn(organiser, 'admin@example.org');
    await organiser.goto('/calendar');
    await organiser.getByRole('button', { name: 'Schedule a network event' }).click();
    const eventForm = organiser.getByRole('dialog', { name: 'Schedule a network event' });
    await eventForm.getByLabel(/^Title/).fill(title);
    await eventForm.getByLabel(/^Starts/).fill(`${day}T10:00`);
    await eventForm.getByLabel(/^Ends/).fill(`${day}T16:00`);
    await eventForm.getByLabel(/^Place/).fill('Community hall, 1 High Street');
    await eventForm.getByRole('button', { name: 'Schedule', exact: true }).click();
    await organiser.getByRole('heading', { level: 1, name: title }).waitFor();
    const meetingPath = new URL(organiser.url()).pathname;
    await organiser.getByRole('button', { name: 'Open registration' }).first().click();
    const registration = organiser.getByRole('dialog');
    await registration.getByLabel(/^Address of the public page/).fill(slug);
    await registration.getByRole('button', { name: 'Save' }).click();
    await organiser.getByText('Registration settings saved').waitFor();

    // Its programme: a plenary for everyone and two workshops at the same time, one with a single place.
    const editor = organiser.getByRole('region', { name: 'Programme' });
    const addSession = async (fields: {
      title: string;
      kind: string;
      from: string;
      to: string;
      room?: string;
      places?: string;
    }) => {
      await editor.getByRole('button', { name: 'Add a session' }).click();
      const dialog = organiser.getByRole('dialog', { name: 'Add a session' });
      await dialog.getByLabel(/^Title/).fill(fields.title);
      await dialog.getByLabel('Kind', { exact: true }).click();
      await organiser.getByRole('option', { name: fields.kind, exact: true }).click();
      await dialog.getByLabel(/^Starts/).fill(`${day}T${fields.from}`);
      await dialog.getByLabel(/^Ends/).fill(`${day}T${fields.to}`);
      if (fields.room) await dialog.getByLabel(/^Room/).fill(fields.room);
      if (fields.places) await dialog.getByLabel(/^Places/).fill(fields.places);
      await dialog.getByRole('button', { name: 'Save' }).click();
      await editor.getByText(fields.title).waitFor();
    };
    await addSession({ title: 'Opening plenary', kind: 'Plenary', from: '10:00', to: '11:00' });
    await addSession({
      title: 'Access to healthcare',
      kind: 'Workshop',
      from: '11:30',
      to: '13:00',
      room: 'Room 2',
      places: '1',
    });
    await addSession({ title: 'Interpreting in clinics', kind: 'Workshop', from: '11:30', to: '13:00' });

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
    await organiser.goto(meetingPath);
    await editor.getByText('1 place · 1 with a place · 0 waiting').waitFor();
    await editor.getByRole('button', { name: 'Who is coming' }).first().click();
    await editor.getByRole('row', { name: /Salma Haddad.*Has a place/ }).waitFor();
  });
});

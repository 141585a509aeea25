// An anonymous visitor on a public page: registers for an open event or pitches an idea through a
// partner form, taking some seconds to fill the form in, as the web's public pages do it. Each
// comes from an address of its own.
import { Browser } from './browser.mjs';
import { chance, pick, sentence, sleep, uniform } from './random.mjs';

const ORGANISATIONS = [
  'Northside Refugee Forum',
  'Harbour Migrant Centre',
  'Eastgate Women’s Network',
  'Riverside Law Clinic',
  'Hillview Faith Partnership',
  'Tower Youth Project',
];
const NAMES = [
  'Amal Haddad',
  'Joseph Mensah',
  'Irina Popescu',
  'Kofi Boateng',
  'Leila Ahmadi',
  'Tomasz Nowak',
  'Yusuf Demir',
  'Ana Sousa',
];

/** One answer to an organiser's question as the web form sends it (every question, '' if skipped). */
function answer(field) {
  if (field.kind === 'CHOICE') return field.required || chance(0.7) ? pick(field.options) : '';
  if (field.kind === 'CHECKBOX') return chance(0.5) ? 'true' : 'false';
  if (field.required || chance(0.5)) return field.kind === 'LONG_TEXT' ? sentence(3) : sentence(1);
  return '';
}

const answers = (fields) => fields.map((field) => ({ fieldId: field.id, value: answer(field) }));

export async function visit(run, index) {
  const browser = new Browser({
    origin: run.origin,
    recorder: run.recorder,
    address: `172.${16 + ((index >> 16) & 15)}.${(index >> 8) & 255}.${index & 255}`,
  });
  const stopped = () => run.stopped;
  const email = `visitor-${run.id}-${index}@example.org`;
  const name = pick(NAMES);
  try {
    // Every page of the app asks who is signed in.
    await browser.graphql('Me');
    // A run that must cover everything (the smoke) sends its first visitor to an event and its
    // second to a pitch form; the others choose at random.
    const registers = run.coverAll && index < 2 ? index === 0 : chance(0.6);
    if (run.network.events.length && registers) {
      const event = pick(run.network.events);
      const { data } = await browser.graphql('PublicEvent', { slug: event.slug });
      if (!data?.publicEvent) return;
      await sleep(uniform(5_000, 15_000), stopped);
      if (stopped()) return;
      const registered = await browser.graphql('RegisterForEvent', {
        input: {
          slug: event.slug,
          name,
          email,
          organisation: chance(0.6) ? pick(ORGANISATIONS) : null,
          answers: answers(data.publicEvent.fields),
          consent: true,
          website: '',
          locale: 'en',
        },
      });
      if (!registered.data) return;
      const group = run.groupsById.get(event.groupId);
      run.ledger.changed({
        sentAt: registered.sentAt,
        types: ['EVENT_REGISTRATION'],
        groupId: event.groupId,
        subjectId: event.meetingId,
        certain: { EVENT_REGISTRATION: group?.convenorIds ?? [] },
      });
      await browser.graphql('PublicEvent', { slug: event.slug });
      return;
    }
    const slug = pick(run.network.pitchForms);
    const { data } = await browser.graphql('PitchForm', { slug });
    const form = data?.pitchForm;
    if (!form?.isOpen || !form.groups.length) return;
    const choice = pick(form.groups);
    await sleep(uniform(5_000, 15_000), stopped);
    if (stopped()) return;
    const pitched = await browser.graphql('SubmitPitch', {
      input: {
        formSlug: slug,
        organisationName: pick(ORGANISATIONS),
        organisationType: pick(['COMMUNITY_ORGANISATION', 'NGO', 'FAITH_ORGANISATION', 'RESEARCH', 'OTHER']),
        contactName: name,
        contactEmail: email,
        title: sentence(1).slice(0, 100),
        summary: sentence(3),
        helpWanted: sentence(2),
        groupIds: [choice.id],
        notSure: false,
        answers: answers(form.fields),
        attachments: [],
        consent: true,
        website: '',
        locale: 'en',
      },
    });
    if (!pitched.data) return;
    const group = run.groupsById.get(choice.id);
    run.ledger.changed({
      sentAt: pitched.sentAt,
      types: ['PITCH_RECEIVED'],
      groupId: choice.id,
      certain: { PITCH_RECEIVED: group?.convenorIds ?? [] },
    });
  } finally {
    await browser.close();
  }
}

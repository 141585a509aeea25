// Partner organisations: network admins add, edit, archive, restore and merge them and confirm who
// works at each; a person's organisation waits for that confirmation before it shows beside their
// name; an organisation's page shows its people as their groups' member lists do, and its
// pitches (matched by its confirmed people's addresses) to those who triage them.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from '@jest/globals';
import { MemberListVisibility, MembershipRole, OrganisationType, PitchStatus } from '@convene/shared-contracts';
import { newPitch, newPitchForm } from '@convene/server-submissions';
import type { User } from '@convene/server-identity';
import { useApiHarness, type GqlResult } from './api-harness.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';

const FIELDS = `id name kind area website archivedAt descriptions { language text }`;
const CREATE = `mutation C($input: PartnerOrganisationInput!) { createPartnerOrganisation(input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation U($id: ID!, $input: PartnerOrganisationInput!) { updatePartnerOrganisation(id: $id, input: $input) { ${FIELDS} } }`;
const ARCHIVE = `mutation A($id: ID!) { archivePartnerOrganisation(id: $id) { id archivedAt } }`;
const RESTORE = `mutation R($id: ID!) { restorePartnerOrganisation(id: $id) { id archivedAt } }`;
const MERGE = `mutation M($sourceId: ID!, $targetId: ID!) { mergePartnerOrganisations(sourceId: $sourceId, targetId: $targetId) { id name } }`;
const DECIDE = `mutation D($input: DecideAffiliationInput!) { decideAffiliation(input: $input) { id pendingAffiliations { userId } } }`;
const LIST = `query L($includeArchived: Boolean) { partnerOrganisations(includeArchived: $includeArchived) { id } }`;
const PAGE = `query P($id: ID!) { partnerOrganisation(id: $id) { id name
  people { id displayName workingGroups { id } } workingGroups { id name } pitches { id title status }
  pendingAffiliations { userId email } } }`;
const COUNTS = `{ partnerOrganisations { id pendingAffiliationCount } }`;
const PROFILE = `mutation P($input: UpdateProfileInput!) { updateProfile(input: $input) { organisation { id } pendingOrganisation { id } } }`;
const ME = `{ me { organisation { id } pendingOrganisation { id } } }`;
const PITCH = `query Q($id: ID!) { pitch(id: $id) { id senderOrganisation { id name } } }`;

type Page = {
  partnerOrganisation: {
    people: { id: string; displayName: string; workingGroups: { id: string }[] }[];
    workingGroups: { id: string; name: string }[];
    pitches: { id: string; title: string; status: PitchStatus }[];
    pendingAffiliations: { userId: string; email: string }[] | null;
  };
};
type Profile = { organisation: { id: string } | null; pendingOrganisation: { id: string } | null };

const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
const fieldsOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.fields ?? {};
const reasonOf = (result: GqlResult<unknown>) => result.errors?.[0]?.extensions?.reason;

describe('partner organisations', () => {
  const api = useApiHarness();
  let g: GroupPersonas;
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  const admin = () => g.as('admin');

  beforeAll(async () => {
    g = await groupPersonas(api);
  });

  const unique = (name: string) => `${name} ${randomUUID().slice(0, 8)}`;
  const created = async (name = unique('Northern Refugee Action')) =>
    dataOf(
      await (
        await admin()
      ).request<{ createPartnerOrganisation: { id: string; name: string } }>(CREATE, {
        input: { name, kind: 'COMMUNITY_ORGANISATION' },
      }),
    ).createPartnerOrganisation;
  const listed = async (client: Awaited<ReturnType<typeof admin>>, includeArchived = false) =>
    dataOf(
      await client.request<{ partnerOrganisations: { id: string }[] }>(LIST, { includeArchived }),
    ).partnerOrganisations.map((o) => o.id);
  const page = async (persona: Persona, id: string) => (await g.as(persona)).request<Page>(PAGE, { id });
  const saysWorksAt = async (client: Awaited<ReturnType<typeof admin>>, user: User, organisationId: string | null) =>
    dataOf(
      await client.request<{ updateProfile: Profile }>(PROFILE, {
        input: { displayName: user.displayName, locale: 'en', timeZone: 'Europe/London', organisationId },
      }),
    ).updateProfile;
  const decide = async (userId: string, organisationId: string, confirm: boolean) =>
    (await admin()).request<{ decideAffiliation: { pendingAffiliations: { userId: string }[] } }>(DECIDE, {
      input: { userId, organisationId, confirm },
    });
  /** A person confirmed at the organisation (said so, then an admin confirmed it). */
  const confirmedAt = async (user: User, organisationId: string) => {
    await saysWorksAt(await api.signedIn(user), user, organisationId);
    dataOf(await decide(user.id, organisationId, true));
  };
  /** A pitch sent from `email` to the group. */
  const pitchFrom = async (email: string, title = unique('Know your rights workshops')) => {
    const em = api.orm.em.fork();
    const form = newPitchForm(em, {
      slug: `form-${randomUUID().slice(0, 8)}`,
      title: 'Pitch an idea',
      consentText: 'We keep your details to reply.',
      createdBy: g.people.admin,
    });
    const pitch = newPitch(em, {
      form,
      organisationName: 'As they wrote it',
      organisationType: OrganisationType.COMMUNITY_ORGANISATION,
      contactName: 'Pat Partner',
      contactEmail: email,
      title,
      summary: 'Workshops in community centres.',
      helpWanted: 'Trainers and rooms.',
      groupIds: [g.group.id],
    });
    await em.flush();
    return pitch;
  };

  describe('managing them', () => {
    it.each(
      PERSONAS.map((p): [Persona, string] => [
        p,
        p === 'anonymous' ? 'UNAUTHENTICATED' : p === 'admin' ? 'OK' : 'FORBIDDEN',
      ]),
    )('createPartnerOrganisation as %s → %s, and nothing is made otherwise', async (persona, expected) => {
      const name = unique(`Made by ${persona}`);
      const result = await (await g.as(persona)).request(CREATE, { input: { name, kind: 'NGO' } });
      expect(codeOf(result)).toBe(expected);
      const rows = await sql('select id from partner_organisations where name = ?', [name]);
      expect(rows).toHaveLength(expected === 'OK' ? 1 : 0);
    });

    it.each(['outsider', 'member', 'convenor'] as Persona[])(
      'update, archive, restore, merge and decide are for network admins only: %s changes nothing',
      async (persona) => {
        const org = await created();
        const other = await created();
        const client = await g.as(persona);
        const answers = [
          await client.request(UPDATE, { id: org.id, input: { name: 'Taken over', kind: 'OTHER' } }),
          await client.request(ARCHIVE, { id: org.id }),
          await client.request(RESTORE, { id: org.id }),
          await client.request(MERGE, { sourceId: org.id, targetId: other.id }),
          await client.request(DECIDE, {
            input: { userId: g.people.member.id, organisationId: org.id, confirm: true },
          }),
        ];
        expect(answers.map(codeOf)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
        const [row] = await sql<{ name: string; archived_at: Date | null }>(
          'select name, archived_at from partner_organisations where id = ?',
          [org.id],
        );
        expect(row).toEqual({ name: org.name, archived_at: null });
      },
    );

    it('keeps what an admin gives it: kind, area served, website and descriptions in English and Arabic', async () => {
      const name = unique('Eastside Migrant Hub');
      const result = await (
        await admin()
      ).request<{ createPartnerOrganisation: Record<string, unknown> }>(CREATE, {
        input: {
          name: `  ${name}  `,
          kind: 'LEGAL_SERVICE',
          area: 'East London',
          website: 'https://eastside.example.org',
          descriptions: [
            { language: 'en', text: 'Free immigration advice.' },
            { language: 'ar', text: 'استشارات مجانية في شؤون الهجرة.' },
          ],
        },
      });
      expect(dataOf(result).createPartnerOrganisation).toMatchObject({
        name,
        kind: 'LEGAL_SERVICE',
        area: 'East London',
        website: 'https://eastside.example.org',
        archivedAt: null,
        descriptions: [
          { language: 'en', text: 'Free immigration advice.' },
          { language: 'ar', text: 'استشارات مجانية في شؤون الهجرة.' },
        ],
      });
      const id = dataOf(result).createPartnerOrganisation['id'] as string;
      const updated = await (
        await admin()
      ).request<{ updatePartnerOrganisation: Record<string, unknown> }>(UPDATE, {
        id,
        input: { name, kind: 'NGO', descriptions: [{ language: 'en', text: 'Advice and casework.' }] },
      });
      expect(dataOf(updated).updatePartnerOrganisation).toMatchObject({
        kind: 'NGO',
        area: '',
        website: null,
        descriptions: [{ language: 'en', text: 'Advice and casework.' }],
      });
    });

    it('answers bad input with BAD_USER_INPUT and a message per field, making nothing', async () => {
      const name = unique('Bad input');
      const result = await (
        await admin()
      ).request(CREATE, {
        input: {
          name: '   ',
          kind: 'NGO',
          area: 'x'.repeat(201),
          website: 'javascript:alert(1)',
          descriptions: [
            { language: 'fr', text: 'Bonjour' },
            { language: 'en', text: 'y'.repeat(1001) },
          ],
        },
      });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(Object.keys(fieldsOf(result)).sort()).toEqual(
        ['area', 'descriptions.0.language', 'descriptions.1.text', 'name', 'website'].sort(),
      );
      expect(await sql('select id from partner_organisations where name = ?', [name])).toHaveLength(0);
    });

    it('refuses a name another organisation has, whatever its case, on creating and on renaming', async () => {
      const first = await created();
      const again = await (await admin()).request(CREATE, { input: { name: first.name.toUpperCase(), kind: 'NGO' } });
      expect(codeOf(again)).toBe('BAD_USER_INPUT');
      expect(reasonOf(again)).toBe('ORGANISATION_NAME_TAKEN');
      expect(fieldsOf(again)).toHaveProperty('name');

      const second = await created();
      const renamed = await (
        await admin()
      ).request(UPDATE, { id: second.id, input: { name: first.name, kind: 'NGO' } });
      expect(reasonOf(renamed)).toBe('ORGANISATION_NAME_TAKEN');
      // Its own name is not a clash.
      expect(
        codeOf(await (await admin()).request(UPDATE, { id: first.id, input: { name: first.name, kind: 'OTHER' } })),
      ).toBe('OK');
    });

    it('an unknown or malformed id is NOT_FOUND or a field message', async () => {
      expect(codeOf(await (await admin()).request(PAGE, { id: randomUUID() }))).toBe('NOT_FOUND');
      const malformed = await (await admin()).request(PAGE, { id: 'not-an-id' });
      expect(codeOf(malformed)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(malformed)).toHaveProperty('id');
    });
  });

  describe('archiving', () => {
    it('takes it out of everyone’s lists and the profile’s choices; admins still list it when they ask, and restore it', async () => {
      const org = await created();
      const member = await g.as('member');
      expect(await listed(member)).toContain(org.id);

      const archived = await (
        await admin()
      ).request<{ archivePartnerOrganisation: { archivedAt: string | null } }>(ARCHIVE, { id: org.id });
      expect(dataOf(archived).archivePartnerOrganisation.archivedAt).toEqual(expect.any(String));
      expect(await listed(member)).not.toContain(org.id);
      // Members asking for archived ones get the same list.
      expect(await listed(member, true)).not.toContain(org.id);
      expect(await listed(await admin())).not.toContain(org.id);
      expect(await listed(await admin(), true)).toContain(org.id);
      // Nobody can say they work there now.
      const chosen = await member.request(PROFILE, {
        input: { displayName: 'Mina Member', locale: 'en', timeZone: 'Europe/London', organisationId: org.id },
      });
      expect(reasonOf(chosen)).toBe('ORGANISATION_ARCHIVED');
      expect(fieldsOf(chosen)).toHaveProperty('organisationId');

      dataOf(await (await admin()).request(RESTORE, { id: org.id }));
      expect(await listed(member)).toContain(org.id);
    });

    it('declines the requests waiting for it, and keeps its confirmed people', async () => {
      const org = await created();
      const confirmed = await api.data.user();
      const waiting = await api.data.user();
      await confirmedAt(confirmed, org.id);
      await saysWorksAt(await api.signedIn(waiting), waiting, org.id);

      dataOf(await (await admin()).request(ARCHIVE, { id: org.id }));
      const rows = await sql<{ id: string; organisation_id: string | null; pending_organisation_id: string | null }>(
        'select id, organisation_id, pending_organisation_id from users where id in (?, ?) order by id',
        [confirmed.id, waiting.id],
      );
      expect(Object.fromEntries(rows.map((r) => [r.id, [r.organisation_id, r.pending_organisation_id]]))).toEqual({
        [confirmed.id]: [org.id, null],
        [waiting.id]: [null, null],
      });
    });
  });

  describe('saying where one works', () => {
    it('waits for a network admin: nothing shows beside their name until it is confirmed', async () => {
      const org = await created();
      const person = await api.data.user();
      const client = await api.signedIn(person);

      expect(await saysWorksAt(client, person, org.id)).toEqual({
        organisation: null,
        pendingOrganisation: { id: org.id },
      });
      const before = dataOf(await page('admin', org.id)).partnerOrganisation;
      expect(before.people.map((p) => p.id)).not.toContain(person.id);
      expect(before.pendingAffiliations).toEqual([{ userId: person.id, email: person.email }]);
      // Only admins see who is waiting, and how many, in the list too.
      expect(dataOf(await page('member', org.id)).partnerOrganisation.pendingAffiliations).toBeNull();
      const counts = async (persona: Persona) =>
        dataOf(
          await (
            await g.as(persona)
          ).request<{ partnerOrganisations: { id: string; pendingAffiliationCount: number | null }[] }>(COUNTS),
        ).partnerOrganisations.find((o) => o.id === org.id)?.pendingAffiliationCount;
      expect([await counts('admin'), await counts('member')]).toEqual([1, null]);

      const decided = await decide(person.id, org.id, true);
      expect(dataOf(decided).decideAffiliation.pendingAffiliations).toEqual([]);
      expect(dataOf(await client.request<{ me: Profile }>(ME)).me).toEqual({
        organisation: { id: org.id },
        pendingOrganisation: null,
      });
      expect(dataOf(await page('admin', org.id)).partnerOrganisation.people.map((p) => p.id)).toContain(person.id);

      // Choosing it again changes nothing; choosing none takes it away at once.
      expect(await saysWorksAt(client, person, org.id)).toEqual({
        organisation: { id: org.id },
        pendingOrganisation: null,
      });
      expect(await saysWorksAt(client, person, null)).toEqual({ organisation: null, pendingOrganisation: null });
    });

    it('a declined request leaves them without one; a request decided already cannot be decided again', async () => {
      const org = await created();
      const person = await api.data.user();
      await saysWorksAt(await api.signedIn(person), person, org.id);
      dataOf(await decide(person.id, org.id, false));
      const [row] = await sql<{ organisation_id: string | null; pending_organisation_id: string | null }>(
        'select organisation_id, pending_organisation_id from users where id = ?',
        [person.id],
      );
      expect(row).toEqual({ organisation_id: null, pending_organisation_id: null });
      const audited = await sql<{ actor_id: string; detail: Record<string, unknown> }>(
        `select actor_id, detail from audit_events where action = 'AFFILIATION_DECIDED' and subject_user_id = ?`,
        [person.id],
      );
      expect(audited).toEqual([{ actor_id: g.people.admin.id, detail: { organisationId: org.id, confirmed: false } }]);
      const again = await decide(person.id, org.id, true);
      expect(codeOf(again)).toBe('CONFLICT');
      expect(reasonOf(again)).toBe('NO_PENDING_AFFILIATION');
    });

    it('keeps the organisations people had before confirmation existed: they stay confirmed', async () => {
      const org = await api.data.organisation(unique('Seeded before'));
      const person = await api.data.user({ organisation: org });
      expect(dataOf(await (await api.signedIn(person)).request<{ me: Profile }>(ME)).me).toEqual({
        organisation: { id: org.id },
        pendingOrganisation: null,
      });
    });
  });

  describe('its page', () => {
    let org: { id: string; name: string };
    let pitchId: string;
    let elsewhere: User;

    beforeAll(async () => {
      org = await created();
      await confirmedAt(g.people.member, org.id);
      // Confirmed too, but in no group: only admins know of them.
      elsewhere = await api.data.user();
      await confirmedAt(elsewhere, org.id);
      pitchId = (await pitchFrom(g.people.member.email.toUpperCase(), 'Legal clinics in mosques')).id;
      await pitchFrom(`someone-else-${randomUUID().slice(0, 8)}@example.org`);
    });

    it.each([
      ['anonymous', 'UNAUTHENTICATED', null],
      ['outsider', 'OK', []],
      ['member', 'OK', ['member']],
      ['convenor', 'OK', ['member']],
      ['admin', 'OK', ['member', 'elsewhere']],
    ] as [Persona, string, string[] | null][])(
      'shows %s its people as their groups’ member lists do (%s)',
      async (persona, code, expected) => {
        const result = await page(persona, org.id);
        expect(codeOf(result)).toBe(code);
        if (!expected) return;
        const ids = { member: g.people.member.id, elsewhere: elsewhere.id };
        const { people, workingGroups } = dataOf(result).partnerOrganisation;
        expect(people.map((p) => p.id).sort()).toEqual(expected.map((e) => ids[e as keyof typeof ids]).sort());
        expect(workingGroups.map((w) => w.id)).toEqual(expected.length ? [g.group.id] : []);
      },
    );

    it('hides a person from members where the group shows its list to convenors only', async () => {
      const hidden = await groupPersonas(api, { memberListVisibility: MemberListVisibility.CONVENORS });
      const quiet = await created();
      await confirmedAt(hidden.people.member, quiet.id);
      const asConvenor = await (await hidden.as('convenor')).request<Page>(PAGE, { id: quiet.id });
      expect(dataOf(asConvenor).partnerOrganisation.people.map((p) => p.id)).toEqual([hidden.people.member.id]);
      const colleague = await api.data.user();
      await api.data.membership(hidden.group, colleague, MembershipRole.MEMBER);
      const asColleague = await (await api.signedIn(colleague)).request<Page>(PAGE, { id: quiet.id });
      expect(dataOf(asColleague).partnerOrganisation.people).toEqual([]);
    });

    it.each([
      ['outsider', false],
      ['member', false],
      ['convenor', true],
      ['admin', true],
    ] as [Persona, boolean][])(
      'lists its people’s pitches to those who triage them: %s → %s',
      async (persona, sees) => {
        const { pitches } = dataOf(await page(persona, org.id)).partnerOrganisation;
        expect(pitches).toEqual(sees ? [{ id: pitchId, title: 'Legal clinics in mosques', status: 'RECEIVED' }] : []);
      },
    );

    it('a pitch names the organisation of its sender for those who triage it', async () => {
      const result = await (
        await g.as('convenor')
      ).request<{ pitch: { senderOrganisation: unknown } }>(PITCH, {
        id: pitchId,
      });
      expect(dataOf(result).pitch.senderOrganisation).toEqual({ id: org.id, name: org.name });
      expect(codeOf(await (await g.as('member')).request(PITCH, { id: pitchId }))).toBe('NOT_FOUND');
    });
  });

  describe('merging', () => {
    it('moves the source’s people (confirmed and waiting) to the target and removes the source; pitches follow', async () => {
      const source = await created(unique('Refugee Action North'));
      const target = await created(unique('Northern Refugee Action'));
      const confirmed = await api.data.user();
      await api.data.membership(g.group, confirmed, MembershipRole.MEMBER);
      await confirmedAt(confirmed, source.id);
      const waiting = await api.data.user();
      await saysWorksAt(await api.signedIn(waiting), waiting, source.id);
      const pitch = await pitchFrom(confirmed.email);

      const merged = await (
        await admin()
      ).request<{ mergePartnerOrganisations: { id: string } }>(MERGE, {
        sourceId: source.id,
        targetId: target.id,
      });
      expect(dataOf(merged).mergePartnerOrganisations.id).toBe(target.id);

      expect(await sql('select id from partner_organisations where id = ?', [source.id])).toEqual([]);
      const after = dataOf(await page('admin', target.id)).partnerOrganisation;
      expect(after.people.map((p) => p.id)).toContain(confirmed.id);
      expect(after.pendingAffiliations?.map((p) => p.userId)).toEqual([waiting.id]);
      expect(after.pitches.map((p) => p.id)).toContain(pitch.id);
      // The people and the pitch themselves are untouched.
      expect(await sql('select id from users where id in (?, ?)', [confirmed.id, waiting.id])).toHaveLength(2);
      const [stored] = await sql<{ contact_email: string }>('select contact_email from pitches where id = ?', [
        pitch.id,
      ]);
      expect(stored?.contact_email).toBe(confirmed.email);
      // The convenor sees them under the target too.
      const asConvenor = dataOf(await page('convenor', target.id)).partnerOrganisation;
      expect(asConvenor.people.map((p) => p.id)).toContain(confirmed.id);
      expect(asConvenor.pitches.map((p) => p.id)).toContain(pitch.id);
      // The audit log keeps who merged what into what, by id.
      const audited = await sql<{ actor_id: string; detail: Record<string, string> }>(
        `select actor_id, detail from audit_events where action = 'ORGANISATION_CHANGED' and detail->>'organisationId' = ?`,
        [source.id],
      );
      expect(audited.map((e) => [e.actor_id, e.detail['change'], e.detail['into']])).toEqual(
        expect.arrayContaining([[g.people.admin.id, 'merged', target.id]]),
      );
    });

    it('refuses merging into itself or into an archived organisation, changing nothing', async () => {
      const source = await created();
      const person = await api.data.user();
      await confirmedAt(person, source.id);
      const itself = await (await admin()).request(MERGE, { sourceId: source.id, targetId: source.id });
      expect(codeOf(itself)).toBe('BAD_USER_INPUT');
      expect(fieldsOf(itself)).toHaveProperty('targetId');

      const archived = await created();
      dataOf(await (await admin()).request(ARCHIVE, { id: archived.id }));
      const into = await (await admin()).request(MERGE, { sourceId: source.id, targetId: archived.id });
      expect(reasonOf(into)).toBe('ORGANISATION_ARCHIVED');
      const [row] = await sql<{ organisation_id: string }>('select organisation_id from users where id = ?', [
        person.id,
      ]);
      expect(row?.organisation_id).toBe(source.id);
      expect(codeOf(await (await admin()).request(MERGE, { sourceId: randomUUID(), targetId: source.id }))).toBe(
        'NOT_FOUND',
      );
    });
  });
});

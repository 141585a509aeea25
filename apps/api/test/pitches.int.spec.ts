// Partner pitches on the real API, PostgreSQL and Redis: the public form and its attachments, the
// private link, who may triage what (every operation and route by persona), bad input with nothing
// stored, notifications, acceptance into a group's discussion, CSV and retention.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MembershipRole } from '@convene/shared-contracts';
import { NotificationsService } from '@convene/server-notifications';
import { PitchAttachmentsService, PitchRetentionService } from '@convene/server-submissions';
import { FileStorage } from '@convene/server-storage';
import { ApiHarness, type GqlClient } from './api-harness.js';
import { pdf, random, upload } from './document-files.js';
import { codeOf, dataOf, groupPersonas, type GroupPersonas, type Persona } from './group-personas.js';
import { pageStatements } from './page-statements.js';

const LIMIT = 256 * 1024;
const PERSONAS: Persona[] = ['anonymous', 'outsider', 'member', 'convenor', 'admin'];
const DAY = 86_400_000;

const FORM = `query F($slug: String!) { pitchForm(slug: $slug) { id slug title isOpen fields { id label kind required options } groups { id name } } }`;
const SAVE_FORM = `mutation S($input: SavePitchFormInput!) { savePitchForm(input: $input) { id slug isOpen fields { id label kind } } }`;
const FORMS = `{ pitchForms { id slug } }`;
const SUBMIT = `mutation P($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`;
const MY_PITCH = `query M($token: String!) { myPitch(token: $token) { title status declineReason groupNames messages { author body } attachments { fileName downloadUrl } } }`;
const REPLY = `mutation R($token: String!, $body: String!) { replyToPitch(token: $token, body: $body) { status messages { author body } } }`;
const WITHDRAW = `mutation W($token: String!) { withdrawPitch(token: $token) { status } }`;
const PITCH_FIELDS = `id title status declineReason notSure groups { id } acceptInto { id } threadId answers { fieldId label value } messages { author body convenor { displayName } } notes { body author { displayName } } reviewers { id } reviewerCandidates { id } attachments { id fileName downloadUrl }`;
const PITCHES = `query L($status: PitchStatus, $groupId: ID) { pitches(status: $status, groupId: $groupId) { nodes { id title status } hasNextPage } }`;
const PITCH = `query P($id: ID!) { pitch(id: $id) { ${PITCH_FIELDS} } }`;
const REVIEW = `mutation R($input: ReviewPitchInput!) { reviewPitch(input: $input) { ${PITCH_FIELDS} } }`;
const ACCEPT = `mutation A($input: AcceptPitchInput!) { acceptPitch(input: $input) { ${PITCH_FIELDS} } }`;

interface PitchSeen {
  id: string;
  title: string;
  status: string;
  threadId: string | null;
  notes: { body: string }[];
  messages: { author: string; body: string }[];
  reviewers: { id: string }[];
  attachments: { id: string; fileName: string; downloadUrl: string }[];
}

describe('partner pitches', () => {
  let api: ApiHarness;
  const sql = <T>(query: string, params: unknown[] = []) =>
    api.orm.em.fork().getConnection().execute<T[]>(query, params);
  let formSlug: string;

  beforeAll(async () => {
    api = await ApiHarness.start({ DOCUMENT_MAX_BYTES: String(LIMIT) });
    const admin = await api.signedIn(await api.data.admin());
    formSlug = `ideas-${randomUUID().slice(0, 8)}`;
    dataOf(await admin.request(SAVE_FORM, { input: formInput(formSlug) }));
  });
  afterAll(async () => {
    await api.stop();
  });

  function formInput(slug: string, change: Record<string, unknown> = {}) {
    return {
      slug,
      title: 'Pitch us an idea',
      consentText: 'We use your details only to discuss your pitch, and anonymise it a year after it closes.',
      fields: [
        {
          id: 'stage',
          label: 'How far along is it?',
          kind: 'CHOICE',
          required: true,
          options: ['Just an idea', 'Running'],
        },
        { id: 'area', label: 'Where are you based?', kind: 'TEXT' },
      ],
      ...change,
    };
  }
  function pitchInput(groupIds: string[], change: Record<string, unknown> = {}) {
    return {
      formSlug,
      organisationName: 'Northern Refugee Action',
      organisationType: 'COMMUNITY_ORGANISATION',
      contactName: 'Samira Partner',
      contactEmail: `partner-${randomUUID().slice(0, 12)}@example.org`,
      title: `Interpreters at GP surgeries ${randomUUID().slice(0, 6)}`,
      summary: 'Patients are turned away without an interpreter.',
      helpWanted: 'A survey template and advice.',
      groupIds,
      answers: [{ fieldId: 'stage', value: 'Just an idea' }],
      consent: true,
      ...change,
    };
  }
  const pitchRows = (title: string) =>
    sql<{ id: string; status: string }>('select id, status from pitches where title = ?', [title]);
  /** The private link's token from the last mail to an address (the dev mailbox). */
  async function tokenFor(email: string): Promise<string> {
    const [mail] = await sql<{ text_body: string }>(
      'select text_body from mail_messages where to_address = ? order by created_at desc limit 1',
      [email],
    );
    const token = /\/pitches\/([A-Za-z0-9_-]{32})/.exec(mail?.text_body ?? '')?.[1];
    if (!token) throw new Error(`no pitch link mailed to ${email}`);
    return token;
  }
  async function submitted(w: GroupPersonas, change: Record<string, unknown> = {}) {
    const input = pitchInput([w.group.id], change);
    dataOf(await api.client().request(SUBMIT, { input }));
    const [row] = await pitchRows(input.title);
    return { id: row!.id, input, token: await tokenFor(input.contactEmail) };
  }
  async function attachment(client: GqlClient = api.client(), bytes = pdf('Our survey draft')) {
    const result = await upload(api.url, client, '/api/pitch-attachments', [{ name: 'survey draft.pdf', bytes }]);
    return {
      status: result.status,
      json: result.json as { id: string; claim: string; fileName: string; error?: { code: string; reason: string } },
    };
  }

  describe('who may do what', () => {
    const triage: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'NOT_FOUND',
      convenor: 'OK',
      admin: 'OK',
    };

    it.each(PERSONAS.map((p) => [p] as const))(
      'the public form, uploading, submitting, the private link, replying and withdrawing as %s → OK (no account needed)',
      async (persona) => {
        const w = await groupPersonas(api);
        const client = await w.as(persona);
        expect(
          dataOf(await client.request<{ pitchForm: { slug: string } }>(FORM, { slug: formSlug })).pitchForm.slug,
        ).toBe(formSlug);
        // POST /api/pitch-attachments is public too: the upload is attached by its claim.
        const file = await attachment(client);
        expect(file.status).toBe(201);
        const input = pitchInput([w.group.id], { attachments: [{ id: file.json.id, claim: file.json.claim }] });
        expect(codeOf(await client.request(SUBMIT, { input }))).toBe('OK');
        const token = await tokenFor(input.contactEmail);
        expect(dataOf(await client.request<{ myPitch: { status: string } }>(MY_PITCH, { token })).myPitch.status).toBe(
          'RECEIVED',
        );
        expect(
          dataOf(
            await client.request<{ replyToPitch: { messages: unknown[] } }>(REPLY, { token, body: 'One more thing.' }),
          ).replyToPitch.messages,
        ).toHaveLength(1);
        expect(
          dataOf(await client.request<{ withdrawPitch: { status: string } }>(WITHDRAW, { token })).withdrawPitch.status,
        ).toBe('WITHDRAWN');
      },
    );

    it.each(PERSONAS.map((p) => [p, p === 'anonymous' ? 'UNAUTHENTICATED' : 'OK'] as const))(
      'pitches as %s → %s, listing only pitches to groups they convene (all for admins)',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const { id } = await submitted(w);
        const result = await (await w.as(persona)).request<{ pitches: { nodes: { id: string }[] } }>(PITCHES, {});
        expect(codeOf(result)).toBe(outcome);
        if (outcome === 'OK')
          expect(dataOf(result).pitches.nodes.some((p) => p.id === id)).toBe(
            persona === 'convenor' || persona === 'admin',
          );
      },
    );

    it.each(PERSONAS.map((p) => [p, triage[p]] as const))('pitch(id) as %s → %s', async (persona, outcome) => {
      const w = await groupPersonas(api);
      const { id } = await submitted(w);
      expect(codeOf(await (await w.as(persona)).request(PITCH, { id }))).toBe(outcome);
    });

    it.each(PERSONAS.map((p) => [p, triage[p]] as const))(
      'reviewPitch as %s → %s, and a refused one changes nothing',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const { id, input } = await submitted(w);
        const result = await (
          await w.as(persona)
        ).request(REVIEW, {
          input: { pitchId: id, status: 'UNDER_REVIEW', note: 'Looks promising', message: 'Thank you!' },
        });
        expect(codeOf(result)).toBe(outcome);
        expect((await pitchRows(input.title))[0]!.status).toBe(outcome === 'OK' ? 'UNDER_REVIEW' : 'RECEIVED');
        expect(await sql('select 1 from pitch_notes where pitch_id = ?', [id])).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );

    // Accepting makes a discussion in the accepting person's name: network admins who are not members are told to join first.
    const acceptors: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'NOT_FOUND',
      member: 'NOT_FOUND',
      convenor: 'OK',
      admin: 'BAD_USER_INPUT',
    };
    it.each(PERSONAS.map((p) => [p, acceptors[p]] as const))(
      'acceptPitch as %s → %s, and a refused one makes no discussion',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const { id, input } = await submitted(w);
        const result = await (await w.as(persona)).request(ACCEPT, { input: { pitchId: id, groupId: w.group.id } });
        expect(codeOf(result)).toBe(outcome);
        expect((await pitchRows(input.title))[0]!.status).toBe(outcome === 'OK' ? 'ACCEPTED' : 'RECEIVED');
        expect(
          await sql('select 1 from threads where group_id = ? and title = ?', [w.group.id, input.title]),
        ).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );

    const managers: Record<Persona, string> = {
      anonymous: 'UNAUTHENTICATED',
      outsider: 'FORBIDDEN',
      member: 'FORBIDDEN',
      convenor: 'OK',
      admin: 'OK',
    };
    it.each(PERSONAS.map((p) => [p, managers[p]] as const))(
      'pitchForms and savePitchForm as %s → %s',
      async (persona, outcome) => {
        const w = await groupPersonas(api);
        const client = await w.as(persona);
        expect(codeOf(await client.request(FORMS))).toBe(outcome);
        const slug = `form-${randomUUID().slice(0, 8)}`;
        expect(codeOf(await client.request(SAVE_FORM, { input: formInput(slug) }))).toBe(outcome);
        expect(await sql('select 1 from pitch_forms where slug = ?', [slug])).toHaveLength(outcome === 'OK' ? 1 : 0);
      },
    );

    it.each(
      PERSONAS.map((p) => [p, { anonymous: 401, outsider: 404, member: 404, convenor: 200, admin: 200 }[p]] as const),
    )('GET /api/pitches/:id/attachments/:attachmentId as %s → %d', async (persona, status) => {
      const w = await groupPersonas(api);
      const file = await attachment();
      const { id } = await submitted(w, { attachments: [{ id: file.json.id, claim: file.json.claim }] });
      const res = await (await w.as(persona)).get(`/api/pitches/${id}/attachments/${file.json.id}`);
      expect(res.status).toBe(status);
      const body = Buffer.from(await res.arrayBuffer());
      if (status === 200) {
        expect(body.equals(pdf('Our survey draft'))).toBe(true);
        expect(res.headers.get('content-disposition')).toMatch(/^attachment/);
      } else expect(body.toString()).not.toContain('%PDF');
    });

    it('the partner downloads through the private link; a wrong token gets nothing', async () => {
      const w = await groupPersonas(api);
      const file = await attachment();
      const { token } = await submitted(w, { attachments: [{ id: file.json.id, claim: file.json.claim }] });
      const seen = dataOf(
        await api.client().request<{ myPitch: { attachments: { downloadUrl: string }[] } }>(MY_PITCH, { token }),
      ).myPitch;
      const res = await api.client().get(seen.attachments[0]!.downloadUrl);
      expect(res.status).toBe(200);
      expect((await api.client().get(`/api/pitch-links/${'A'.repeat(32)}/attachments/${file.json.id}`)).status).toBe(
        404,
      );
    });

    it.each(
      PERSONAS.map((p) => [p, { anonymous: 401, outsider: 200, member: 200, convenor: 200, admin: 200 }[p]] as const),
    )('GET /api/pitches.csv as %s → %d, with only the pitches they triage', async (persona, status) => {
      const w = await groupPersonas(api);
      const { input } = await submitted(w, { title: `=cmd|' /C calc'!A0 ${randomUUID().slice(0, 6)}` });
      const res = await (await w.as(persona)).get(`/api/pitches.csv?groupId=${w.group.id}`);
      expect(res.status).toBe(status);
      const text = await res.text();
      const listed = text.includes(input.contactEmail);
      expect(listed).toBe(persona === 'convenor' || persona === 'admin');
      if (listed) expect(text).toContain(`"'=cmd|`);
    });

    it('a wrong or reset-looking private link is "not found", and says nothing', async () => {
      const result = await api.client().request(MY_PITCH, { token: 'B'.repeat(32) });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'PITCH_NOT_FOUND' });
      expect(codeOf(await api.client().request(REPLY, { token: 'short', body: 'x' }))).toBe('NOT_FOUND');
    });
  });

  describe('bad input: a clear coded error, and nothing stored', () => {
    it.each([
      ['an invalid email', { contactEmail: 'not-an-email' }, 'contactEmail'],
      ['an over-long title', { title: 'x'.repeat(201) }, 'title'],
      ['an over-long summary', { summary: 'x'.repeat(5001) }, 'summary'],
      ['no group and not "not sure"', { groupIds: [] }, 'groupIds'],
      ['a missing required answer', { answers: [] }, 'answers.stage'],
      ['an answer that is not an option', { answers: [{ fieldId: 'stage', value: 'Finished' }] }, 'answers.stage'],
      ['an unknown organisation type', { organisationType: 'ALIENS' }, null],
    ])('submitPitch with %s → BAD_USER_INPUT', async (_what, change, field) => {
      const w = await groupPersonas(api);
      const input = pitchInput([w.group.id], change);
      const result = await api.client().request(SUBMIT, { input });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      if (field) expect(result.errors?.[0]?.extensions?.fields?.[field]).toEqual(expect.any(String));
      expect(JSON.stringify(result.errors)).not.toMatch(/at .*\.js:\d+/);
      expect(await pitchRows(input.title)).toEqual([]);
    });

    it('an unknown group, a closed form, a missing consent and someone else’s upload are refused; nothing is stored', async () => {
      const w = await groupPersonas(api);
      const unknown = pitchInput([randomUUID()]);
      expect((await api.client().request(SUBMIT, { input: unknown })).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'UNKNOWN_GROUP',
      });
      const noConsent = pitchInput([w.group.id], { consent: false });
      expect((await api.client().request(SUBMIT, { input: noConsent })).errors?.[0]?.extensions).toMatchObject({
        reason: 'CONSENT_REQUIRED',
      });
      const file = await attachment();
      const stolen = pitchInput([w.group.id], { attachments: [{ id: file.json.id, claim: 'guessed-claim' }] });
      expect((await api.client().request(SUBMIT, { input: stolen })).errors?.[0]?.extensions).toMatchObject({
        reason: 'ATTACHMENT_NOT_FOUND',
      });
      const admin = await api.signedIn(await api.data.admin());
      const slug = `closed-${randomUUID().slice(0, 8)}`;
      const form = dataOf(
        await admin.request<{ savePitchForm: { id: string } }>(SAVE_FORM, {
          input: formInput(slug, { isOpen: false }),
        }),
      ).savePitchForm;
      expect(form.id).toEqual(expect.any(String));
      const closed = pitchInput([w.group.id], { formSlug: slug });
      expect((await api.client().request(SUBMIT, { input: closed })).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'FORM_CLOSED',
      });
      for (const input of [unknown, noConsent, stolen, closed]) expect(await pitchRows(input.title)).toEqual([]);
      expect(
        (
          await sql<{ pitch_id: string | null }>('select pitch_id from pitch_attachments where id = ?', [file.json.id])
        )[0]!.pitch_id,
      ).toBeNull();
    });

    it('an attachment over the limit, of a refused type, or without the app header is refused with nothing kept', async () => {
      const before = (await sql<{ n: number }>('select count(*)::int as n from pitch_attachments'))[0]!.n;
      const big = await attachment(api.client(), Buffer.concat([pdf(), random(LIMIT)]));
      expect([big.status, big.json.error?.reason]).toEqual([413, 'FILE_TOO_LARGE']);
      const program = await upload(api.url, api.client(), '/api/pitch-attachments', [
        {
          name: 'setup',
          bytes: Buffer.concat([Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]), Buffer.alloc(4000, 1)]),
        },
      ]);
      expect([program.status, program.json.error?.reason]).toEqual([415, 'TYPE_NOT_ALLOWED']);
      const noHeader = await upload(
        api.url,
        api.client(),
        '/api/pitch-attachments',
        [{ name: 'a.pdf', bytes: pdf() }],
        { 'x-requested-with': '' },
      );
      expect([noHeader.status, noHeader.json.error?.reason]).toEqual([403, 'UPLOAD_HEADER_MISSING']);
      expect((await sql<{ n: number }>('select count(*)::int as n from pitch_attachments'))[0]!.n).toBe(before);
    });

    it('a filled honeypot gets the usual answer and stores nothing; too many pitches from one address are limited', async () => {
      const w = await groupPersonas(api);
      const bot = api.client();
      const input = pitchInput([w.group.id], { website: 'http://spam.example' });
      expect(codeOf(await bot.request(SUBMIT, { input }))).toBe('OK');
      expect(await pitchRows(input.title)).toEqual([]);
      let limited = false;
      for (let i = 0; i < 12 && !limited; i++)
        limited =
          codeOf(await bot.request(SUBMIT, { input: pitchInput([w.group.id], { website: 'x' }) })) === 'RATE_LIMITED';
      expect(limited).toBe(true);
    });

    it('declining needs a reason; a closed pitch takes no more replies or changes', async () => {
      const w = await groupPersonas(api);
      const { id, token } = await submitted(w);
      const convenor = await w.as('convenor');
      expect(
        (await convenor.request(REVIEW, { input: { pitchId: id, status: 'DECLINED' } })).errors?.[0]?.extensions
          ?.fields,
      ).toMatchObject({ declineReason: expect.any(String) });
      dataOf(
        await convenor.request(REVIEW, {
          input: { pitchId: id, status: 'DECLINED', declineReason: 'Outside what the network does.' },
        }),
      );
      expect(
        dataOf(await api.client().request<{ myPitch: { status: string; declineReason: string } }>(MY_PITCH, { token }))
          .myPitch,
      ).toMatchObject({ status: 'DECLINED', declineReason: 'Outside what the network does.' });
      expect((await api.client().request(REPLY, { token, body: 'But why?' })).errors?.[0]?.extensions).toMatchObject({
        code: 'CONFLICT',
        reason: 'PITCH_CLOSED',
      });
      expect(
        (await convenor.request(ACCEPT, { input: { pitchId: id, groupId: w.group.id } })).errors?.[0]?.extensions,
      ).toMatchObject({ reason: 'PITCH_CLOSED' });
    });
  });

  describe('a form in the network’s languages', () => {
    const TEXTS = `query F($slug: String!) { pitchForm(slug: $slug) { language translations { locale title intro consentText } fields { id label options translations { locale label options } } } }`;
    const arabic = {
      locale: 'ar',
      title: 'اقترح علينا فكرة',
      intro: 'أخبرونا عن فكرتكم.',
      consentText: 'نستخدم بياناتكم لمناقشة مقترحكم فقط.',
    };

    it('keeps each language’s texts, and a question’s choices in the order of its own; empty ones are left to fall back', async () => {
      const admin = await api.signedIn(await api.data.admin());
      const slug = `languages-${randomUUID().slice(0, 8)}`;
      const fields = [
        {
          id: 'stage',
          label: 'How far along is it?',
          kind: 'CHOICE',
          required: true,
          options: ['Just an idea', 'Running'],
          translations: [{ locale: 'ar', label: 'إلى أين وصلت؟', options: ['', 'قيد التنفيذ'] }],
        },
        {
          id: 'area',
          label: 'Where are you based?',
          kind: 'TEXT',
          translations: [{ locale: 'ar', label: '  ', options: [] }],
        },
      ];
      dataOf(
        await admin.request(SAVE_FORM, { input: formInput(slug, { language: 'en', translations: [arabic], fields }) }),
      );
      const form = dataOf(
        await api.client().request<{
          pitchForm: { language: string; translations: unknown[]; fields: { id: string; translations: unknown[] }[] };
        }>(TEXTS, { slug }),
      ).pitchForm;
      expect(form.language).toBe('en');
      expect(form.translations).toEqual([arabic]);
      expect(form.fields.find((f) => f.id === 'stage')!.translations).toEqual([
        { locale: 'ar', label: 'إلى أين وصلت؟', options: ['', 'قيد التنفيذ'] },
      ]);
      expect(form.fields.find((f) => f.id === 'area')!.translations).toEqual([]);

      // An answer is still the choice as the form wrote it, whatever language the partner read it in.
      const w = await groupPersonas(api);
      const translatedAnswer = pitchInput([w.group.id], {
        formSlug: slug,
        answers: [{ fieldId: 'stage', value: 'قيد التنفيذ' }],
      });
      const refused = await api.client().request(SUBMIT, { input: translatedAnswer });
      expect(refused.errors?.[0]?.extensions?.fields?.['answers.stage']).toEqual(expect.any(String));
      const ownAnswer = pitchInput([w.group.id], {
        formSlug: slug,
        answers: [{ fieldId: 'stage', value: 'Running' }],
        locale: 'ar',
      });
      dataOf(await api.client().request(SUBMIT, { input: ownAnswer }));
      expect(await pitchRows(ownAnswer.title)).toHaveLength(1);
    });

    it.each([
      ['its own language again', { language: 'ar', translations: [arabic] }, 'translations.0.locale'],
      ['a language the network does not use', { translations: [{ ...arabic, locale: 'fr' }] }, 'translations.0.locale'],
      ['one language twice', { translations: [arabic, arabic] }, 'translations.1.locale'],
      ['an unknown form language', { language: 'xx' }, 'language'],
      ['an over-long introduction', { translations: [{ ...arabic, intro: 'ن'.repeat(3001) }] }, 'translations.0.intro'],
      ['a title of two lines', { translations: [{ ...arabic, title: 'سطر\u0007ثان' }] }, 'translations.0.title'],
      [
        'more choices than the question has',
        {
          fields: [
            {
              id: 'stage',
              label: 'Stage?',
              kind: 'CHOICE',
              options: ['A', 'B'],
              translations: [{ locale: 'ar', options: ['أ', 'ب', 'ج'] }],
            },
          ],
        },
        'fields.0.translations.0.options',
      ],
    ])('savePitchForm with %s → BAD_USER_INPUT on the field; nothing stored', async (_what, change, field) => {
      const admin = await api.signedIn(await api.data.admin());
      const slug = `refused-${randomUUID().slice(0, 8)}`;
      const result = await admin.request(SAVE_FORM, { input: formInput(slug, change) });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields?.[field]).toEqual(expect.any(String));
      expect(await sql('select id from pitch_forms where slug = ?', [slug])).toEqual([]);
    });
  });

  describe('triage', () => {
    it('the partner never sees internal notes or reviewers’ names; convenors see the conversation with names', async () => {
      const w = await groupPersonas(api);
      const { id, token } = await submitted(w);
      const convenor = await w.as('convenor');
      dataOf(
        await convenor.request(REVIEW, {
          input: {
            pitchId: id,
            status: 'UNDER_REVIEW',
            note: 'SECRET-NOTE check their funding',
            message: 'Which area do you cover?',
            reviewerIds: [w.people.convenor.id],
          },
        }),
      );
      dataOf(await api.client().request(REPLY, { token, body: 'Leeds and Bradford.' }));
      const partnerSide = await api.client().request<{ myPitch: { messages: unknown[] } }>(MY_PITCH, { token });
      const text = JSON.stringify(partnerSide);
      expect(text).not.toContain('SECRET-NOTE');
      expect(text).not.toContain('Cora Convenor');
      expect(dataOf(partnerSide).myPitch.messages).toEqual([
        { author: 'CONVENOR', body: 'Which area do you cover?' },
        { author: 'PARTNER', body: 'Leeds and Bradford.' },
      ]);
      const seen = dataOf(
        await convenor.request<{ pitch: PitchSeen & { messages: { convenor: { displayName: string } | null }[] } }>(
          PITCH,
          { id },
        ),
      ).pitch;
      expect(seen.notes.map((n) => n.body)).toEqual(['SECRET-NOTE check their funding']);
      expect(seen.messages[0]!.convenor?.displayName).toBe('Cora Convenor');
      expect(seen.reviewers).toEqual([{ id: w.people.convenor.id }]);
    });

    it('the board loads its pitches with their conversations, notes, reviewers and files in the same number of statements for 3 pitches as for 12', async () => {
      const w = await groupPersonas(api);
      const convenor = await w.as('convenor');
      const BOARD = `query B($groupId: ID) { pitches(groupId: $groupId, first: 100) { nodes { id title groups { name } answers { label value } messages { body convenor { displayName } } notes { body author { displayName } } reviewers { displayName } reviewerCandidates { displayName } attachments { fileName } } } }`;
      const count = async () =>
        api.statements(async () => dataOf(await convenor.request(BOARD, { groupId: w.group.id })));
      const add = async (n: number) => {
        for (let i = 0; i < n; i++) {
          const { id } = await submitted(w);
          dataOf(
            await convenor.request(REVIEW, {
              input: { pitchId: id, note: `note ${i}`, message: `message ${i}`, reviewerIds: [w.people.convenor.id] },
            }),
          );
        }
      };
      await add(3);
      const few = await count();
      await add(9);
      expect(await count()).toBe(few);
    });

    it('answers the board as the web asks for it in as many SQL statements for 100 pitches as for 20', async () => {
      // As libs/web/submissions asks for it.
      const BOARD_PAGE = `query Pitches($status: PitchStatus, $groupId: ID, $formId: ID, $from: DateTime, $to: DateTime, $first: Int, $after: String) {
        pitches(status: $status, groupId: $groupId, formId: $formId, from: $from, to: $to, first: $first, after: $after) {
          nodes { id formId formTitle title organisationName organisationType status notSure createdAt groups { id slug name } } hasNextPage endCursor } }`;
      /** A convenor's group with n pitches, each from a form of its own and also offered to a group of its own. */
      async function boardOf(n: number) {
        const w = await groupPersonas(api);
        await sql(
          `with forms as (
             insert into pitch_forms (id, slug, title, intro, is_open, consent_text, fields, translations, retention_days, created_by_id, created_at, updated_at)
             select gen_random_uuid(), 'board-' || ? || '-' || i, 'Board form ' || i, '', true, 'We keep it.', '[]', '[]', 365, ?, now(), now() from generate_series(1, ?) i returning id, slug),
           groups as (
             insert into working_groups (id, slug, name, purpose, created_at, updated_at) select gen_random_uuid(), f.slug, 'Board group ' || f.slug, 'For the board test.', now(), now() from forms f returning id, slug)
           insert into pitches (id, form_id, organisation_name, organisation_type, contact_name, contact_email, title, summary, help_wanted, group_ids, answers, consent_text, retention_days, created_at, updated_at)
           select gen_random_uuid(), f.id, 'Partner ' || f.slug, 'NGO', 'Sam', 'board-' || f.slug || '@example.org', 'Pitch ' || f.slug, 'Summary.', 'Help.', array[?::uuid, g.id], '[]', 'We keep it.', 365, now(), now()
           from forms f join groups g on g.slug = f.slug`,
          [w.group.id, w.people.admin.id, n, w.group.id],
        );
        return { n, w };
      }
      type Board = { pitches: { nodes: { formTitle: string | null; groups: { name: string }[] }[] } };
      const counts: number[] = [];
      for (const { n, w } of [await boardOf(20), await boardOf(100)]) {
        const page = await pageStatements<Board>(api, await w.as('convenor'), BOARD_PAGE, {
          groupId: w.group.id,
          first: n,
        });
        expect(
          page.data.pitches.nodes.filter((p) => p.formTitle?.startsWith('Board form ') && p.groups.length === 2),
        ).toHaveLength(n);
        counts.push(page.statements);
      }
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBe(counts[0]);
    });

    it('a convenor of one of several groups learns nothing of the other group’s convenors, and can’t accept into a group the partner didn’t choose', async () => {
      const a = await groupPersonas(api);
      const b = await groupPersonas(api);
      const input = pitchInput([a.group.id, b.group.id]);
      dataOf(await api.client().request(SUBMIT, { input }));
      const [row] = await pitchRows(input.title);
      const convenorA = await a.as('convenor');
      const seen = dataOf(
        await convenorA.request<{ pitch: { reviewerCandidates: { id: string }[]; acceptInto: { id: string }[] } }>(
          PITCH,
          { id: row!.id },
        ),
      ).pitch;
      expect(seen.reviewerCandidates.map((c) => c.id)).toEqual([a.people.convenor.id]);
      expect(seen.acceptInto.map((g) => g.id)).toEqual([a.group.id]);
      const assign = await convenorA.request(REVIEW, {
        input: { pitchId: row!.id, reviewerIds: [b.people.convenor.id] },
      });
      expect(assign.errors?.[0]?.extensions).toMatchObject({ reason: 'REVIEWER_NOT_A_CONVENOR' });
      // B's convenor writes a note; A sees the note but not who wrote it.
      dataOf(
        await (await b.as('convenor')).request(REVIEW, { input: { pitchId: row!.id, note: 'From the other group' } }),
      );
      const notes = dataOf(
        await convenorA.request<{ pitch: { notes: { body: string; author: { displayName: string } | null }[] } }>(
          PITCH,
          { id: row!.id },
        ),
      ).pitch.notes;
      expect(notes).toEqual([{ body: 'From the other group', author: null }]);
      // A convenor of A who also convenes C can't move the pitch into C.
      const c = await api.data.group();
      await api.data.membership(c, a.people.convenor, MembershipRole.CONVENOR);
      const moved = await convenorA.request(ACCEPT, { input: { pitchId: row!.id, groupId: c.id } });
      expect(moved.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'UNKNOWN_GROUP' });
      expect((await pitchRows(input.title))[0]!.status).toBe('RECEIVED');
    });

    it('the partner’s messages carry no convenor at all (the field does not exist for them)', async () => {
      const w = await groupPersonas(api);
      const { token } = await submitted(w);
      const result = await api
        .client()
        .request(`query M($token: String!) { myPitch(token: $token) { messages { convenor { displayName } } } }`, {
          token,
        });
      expect(codeOf(result)).toBe('BAD_USER_INPUT');
      expect(result.data ?? null).toBeNull();
    });

    it('a form is changed by its maker or a network admin only', async () => {
      const w = await groupPersonas(api);
      const other = await groupPersonas(api);
      const slug = `mine-${randomUUID().slice(0, 8)}`;
      const form = dataOf(
        await (
          await w.as('convenor')
        ).request<{ savePitchForm: { id: string } }>(SAVE_FORM, { input: formInput(slug) }),
      ).savePitchForm;
      const taken = await (
        await other.as('convenor')
      ).request(SAVE_FORM, { input: formInput(slug, { id: form.id, retentionDays: 0 }) });
      expect(taken.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'NOT_THE_FORM_MAKER' });
      expect(
        (await sql<{ retention_days: number }>('select retention_days from pitch_forms where id = ?', [form.id]))[0]!
          .retention_days,
      ).toBe(365);
      dataOf(
        await (await w.as('admin')).request(SAVE_FORM, { input: formInput(slug, { id: form.id, isOpen: false }) }),
      );
    });

    it('reviewers are convenors of the pitch’s groups', async () => {
      const w = await groupPersonas(api);
      const { id } = await submitted(w);
      const result = await (
        await w.as('convenor')
      ).request(REVIEW, { input: { pitchId: id, reviewerIds: [w.people.member.id] } });
      expect(result.errors?.[0]?.extensions).toMatchObject({ reason: 'REVIEWER_NOT_A_CONVENOR' });
      expect(await sql('select 1 from pitch_reviewers where pitch_id = ?', [id])).toEqual([]);
    });

    it('filters by status and group', async () => {
      const w = await groupPersonas(api);
      const a = await submitted(w);
      const b = await submitted(w);
      const convenor = await w.as('convenor');
      dataOf(await convenor.request(REVIEW, { input: { pitchId: b.id, status: 'UNDER_REVIEW' } }));
      const reviewing = dataOf(
        await convenor.request<{ pitches: { nodes: { id: string }[] } }>(PITCHES, {
          status: 'UNDER_REVIEW',
          groupId: w.group.id,
        }),
      ).pitches.nodes.map((p) => p.id);
      expect(reviewing).toEqual([b.id]);
      const all = dataOf(
        await convenor.request<{ pitches: { nodes: { id: string }[] } }>(PITCHES, { groupId: w.group.id }),
      ).pitches.nodes.map((p) => p.id);
      expect(all).toEqual([b.id, a.id]);
    });

    it('notifications: a new pitch → the group’s convenors ("not sure" → the admins); assignment → the reviewer; a partner’s reply → the reviewers', async () => {
      const w = await groupPersonas(api);
      const other = await api.data.user({ displayName: 'Second Convenor' });
      await api.data.membership(w.group, other, MembershipRole.CONVENOR);
      const fan = async (type: string, pitchId: string) => {
        const events = await sql<{ id: string }>(
          `select id from outbox_events where type = ? and payload->>'pitchId' = ?`,
          [type, pitchId],
        );
        const out: string[] = [];
        for (const e of events)
          out.push(
            ...(await api.asJob(() => api.app.get(NotificationsService).fanOut(e.id))).map((d) => d.recipientId),
          );
        return out.sort();
      };
      const { id, token } = await submitted(w);
      expect(await fan('pitch.submitted', id)).toEqual([w.people.convenor.id, other.id].sort());
      dataOf(await (await w.as('convenor')).request(REVIEW, { input: { pitchId: id, reviewerIds: [other.id] } }));
      expect(await fan('pitch.assigned', id)).toEqual([other.id]);
      dataOf(await api.client().request(REPLY, { token, body: 'Any news?' }));
      expect(await fan('pitch.replied', id)).toEqual([other.id]);
      const unsure = pitchInput([], { notSure: true });
      dataOf(await api.client().request(SUBMIT, { input: unsure }));
      const [row] = await pitchRows(unsure.title);
      const admins = (await sql<{ id: string }>(`select id from users where network_role = 'ADMIN'`))
        .map((u) => u.id)
        .sort();
      expect(await fan('pitch.submitted', row!.id)).toEqual(admins);
    });
  });

  describe('acceptance', () => {
    it('becomes a discussion of the group with its attachments as linked documents; the contact can be invited as an observer; the partner is told', async () => {
      const w = await groupPersonas(api);
      const file = await attachment();
      const { id, input, token } = await submitted(w, { attachments: [{ id: file.json.id, claim: file.json.claim }] });
      const accepted = dataOf(
        await (
          await w.as('convenor')
        ).request<{ acceptPitch: PitchSeen }>(ACCEPT, {
          input: { pitchId: id, groupId: w.group.id, inviteContact: true },
        }),
      ).acceptPitch;
      expect(accepted.status).toBe('ACCEPTED');
      const [thread] = await sql<{ id: string; title: string }>('select id, title from threads where id = ?', [
        accepted.threadId,
      ]);
      expect(thread!.title).toBe(input.title);
      const [post] = await sql<{ body: string }>('select body from posts where thread_id = ?', [thread!.id]);
      expect(post!.body).toContain('Patients are turned away without an interpreter.');
      const docs = await sql<{ title: string; sha: string }>(
        'select d.title, v.sha256 as sha from documents d join document_versions v on v.document_id = d.id join document_thread_links l on l.document_id = d.id where l.thread_id = ?',
        [thread!.id],
      );
      expect(docs.map((d) => d.title)).toEqual(['survey draft.pdf']);
      const member = await w.as('member');
      const seen = await member.request<{ thread: { title: string } }>(
        `query T($id: ID!) { thread(id: $id) { title } }`,
        { id: thread!.id },
      );
      expect(dataOf(seen).thread.title).toBe(input.title);
      expect(await sql('select 1 from invitations where email = ?', [input.contactEmail])).toHaveLength(1);
      expect(
        dataOf(await api.client().request<{ myPitch: { status: string } }>(MY_PITCH, { token })).myPitch.status,
      ).toBe('ACCEPTED');
      const [mail] = await sql<{ kind: string }>(
        'select kind from mail_messages where to_address = ? and kind = ? order by created_at desc limit 1',
        [input.contactEmail, 'pitch-status'],
      );
      expect(mail!.kind).toBe('pitch-status');
    });
  });

  describe('retention', () => {
    it('closed pitches are anonymised after their form’s retention period, with their files, links and messages; unclaimed uploads go after a day', async () => {
      const w = await groupPersonas(api);
      const file = await attachment();
      const { id, token, input } = await submitted(w, { attachments: [{ id: file.json.id, claim: file.json.claim }] });
      const [{ storage_key: stored }] = (await sql<{ storage_key: string }>(
        'select storage_key from pitch_attachments where id = ?',
        [file.json.id],
      )) as [{ storage_key: string }];
      expect(await api.app.get(FileStorage).size(stored)).toBeGreaterThan(0);
      dataOf(await api.client().request(REPLY, { token, body: 'A detail.' }));
      dataOf(await (await w.as('convenor')).request(REVIEW, { input: { pitchId: id, note: 'Internal' } }));
      dataOf(await api.client().request(WITHDRAW, { token }));
      const service = api.app.get(PitchRetentionService);
      await service.purgeExpired(new Date(Date.now() + 30 * DAY));
      expect(
        (await sql<{ contact_email: string }>('select contact_email from pitches where id = ?', [id]))[0]!
          .contact_email,
      ).toBe(input.contactEmail);
      expect(await service.purgeExpired(new Date(Date.now() + 400 * DAY))).toBeGreaterThanOrEqual(1);
      expect(await sql('select organisation_name, contact_email, summary from pitches where id = ?', [id])).toEqual([
        { organisation_name: 'Removed', contact_email: '', summary: '' },
      ]);
      expect(await sql('select 1 from pitch_attachments where pitch_id = ?', [id])).toEqual([]);
      for (const table of ['pitch_messages', 'pitch_notes', 'pitch_links'])
        expect(await sql(`select 1 from ${table} where pitch_id = ?`, [id])).toEqual([]);
      expect(
        await sql(`select 1 from mail_messages where to_address = ? and kind like 'pitch-%'`, [input.contactEmail]),
      ).toEqual([]);
      expect(await api.app.get(FileStorage).size(stored)).toBeNull();
      expect(codeOf(await api.client().request(MY_PITCH, { token }))).toBe('NOT_FOUND');
      const loose = await attachment();
      await api.app.get(PitchAttachmentsService).purgeUnclaimed(new Date(Date.now() + 2 * DAY));
      expect(await sql('select 1 from pitch_attachments where id = ?', [loose.json.id])).toEqual([]);
    });
  });
});

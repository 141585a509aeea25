import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { NetworkRole, SignUpMode } from '@convene/shared-contracts';
import { TEST_PASSWORD } from '@convene/server-testing';
import { ApiHarness, type GqlClient } from './api-harness.js';

const ME = `{ me { id email displayName locale timeZone networkRole organisation { name } } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id email displayName } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }`;
const SIGN_OUT = `mutation { signOut }`;
const INVITE = `mutation Invite($input: InviteToNetworkInput!) { inviteToNetwork(input: $input) { id email expiresAt } }`;
const PREVIEW = `query Preview($token: String!) { invitation(token: $token) { email groupName expiresAt } }`;
const SETTINGS = `mutation Settings($mode: SignUpMode!) { updateNetworkSettings(signUpMode: $mode) { signUpMode } }`;
const PROFILE = `mutation Profile($input: UpdateProfileInput!) { updateProfile(input: $input) { displayName locale timeZone organisation { name } } }`;
const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }`;

const newEmail = () => `someone-${Math.random().toString(36).slice(2, 10)}@example.org`;

describe('accounts and sessions', () => {
  let api: ApiHarness;
  let admin: GqlClient;

  beforeAll(async () => {
    api = await ApiHarness.start({ SIGNIN_LIMIT_PER_ACCOUNT: '5', SIGNIN_LIMIT_PER_ADDRESS: '40' });
    admin = await api.signedIn(await api.data.admin());
  });
  afterAll(async () => {
    await api.stop();
  });

  async function setMode(mode: SignUpMode) {
    const result = await admin.request(SETTINGS, { mode });
    expect(result.errors).toBeUndefined();
  }

  async function latestMailTo(email: string): Promise<{ subject: string; text: string }> {
    const res = await admin.get('/api/dev/mail');
    const mails = (await res.json()) as { to: string; subject: string; text: string }[];
    const mail = mails.find((m) => m.to === email);
    if (!mail) throw new Error(`no mail to ${email}`);
    return mail;
  }

  /** Waits for the mail row to exist; delivery itself is the worker's job, tested in the worker. */
  async function invitationTokenFor(email: string): Promise<string> {
    const rows = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ text_body: string }[]>(
        'select text_body from mail_messages where to_address = ? order by created_at desc limit 1',
        [email],
      );
    const match = /\/invitations\/([A-Za-z0-9_-]+)/.exec(rows[0]?.text_body ?? '');
    if (!match) throw new Error(`no invitation mail to ${email}`);
    return match[1]!;
  }

  it('signs up on an open network, sets an httpOnly SameSite=Lax cookie, and knows the person', async () => {
    await setMode(SignUpMode.OPEN);
    const client = api.client();
    const email = newEmail();
    const result = await client.request(SIGN_UP, {
      input: { email: email.toUpperCase(), password: 'a long and unusual phrase', displayName: '  Ada Lovelace ' },
    });
    expect(result.errors).toBeUndefined();
    expect(client.lastSetCookie).toMatch(/HttpOnly/i);
    expect(client.lastSetCookie).toMatch(/SameSite=Lax/i);
    const me = await client.request<{ me: { email: string; displayName: string; networkRole: string } }>(ME);
    expect(me.data?.me).toMatchObject({ email, displayName: 'Ada Lovelace', networkRole: NetworkRole.MEMBER });
  });

  it('refuses sign-up without an invitation when the network is invitation-only', async () => {
    await setMode(SignUpMode.INVITATION_ONLY);
    const email = newEmail();
    const result = await api
      .client()
      .request(SIGN_UP, { input: { email, password: 'a long and unusual phrase', displayName: 'Someone' } });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'SIGN_UP_BY_INVITATION_ONLY' });
    const signIn = await api.client().request(SIGN_IN, { input: { email, password: 'a long and unusual phrase' } });
    expect(signIn.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it.each([
    ['a malformed email', { email: 'not-an-email' }, 'email'],
    ['a short password', { password: 'short' }, 'password'],
    ['a common password', { password: 'password123' }, 'password'],
    ['an over-long password', { password: 'x'.repeat(129) }, 'password'],
    ['an empty display name', { displayName: '   ' }, 'displayName'],
    ['an over-long display name', { displayName: 'n'.repeat(81) }, 'displayName'],
    ['an unknown time zone', { timeZone: 'Mars/Olympus' }, 'timeZone'],
  ])('refuses sign-up with %s, naming the field, and creates nothing', async (_label, change, field) => {
    await setMode(SignUpMode.OPEN);
    const email = newEmail();
    const input = { email, password: 'a long and unusual phrase', displayName: 'Someone', ...change };
    const result = await api.client().request(SIGN_UP, { input });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.extensions?.fields?.[field]).toEqual(expect.any(String));
    const count = await api.orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>('select count(*)::int as n from users where email = ?', [input.email]);
    expect(count[0]?.n).toBe(0);
  });

  it('refuses a second account for the same email', async () => {
    await setMode(SignUpMode.OPEN);
    const existing = await api.data.user();
    const result = await api.client().request(SIGN_UP, {
      input: { email: existing.email, password: 'a long and unusual phrase', displayName: 'Copy' },
    });
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { email: expect.any(String) },
    });
  });

  it('answers a wrong password and an unknown email with the same error', async () => {
    const user = await api.data.user();
    const wrong = await api
      .client()
      .request(SIGN_IN, { input: { email: user.email, password: 'not the password at all' } });
    const unknown = await api
      .client()
      .request(SIGN_IN, { input: { email: newEmail(), password: 'not the password at all' } });
    expect(wrong.errors?.[0]).toMatchObject({
      message: 'Email or password is incorrect.',
      extensions: { code: 'UNAUTHENTICATED', reason: 'INVALID_CREDENTIALS' },
    });
    expect(unknown.errors?.[0]).toEqual(wrong.errors?.[0]);
  });

  it('limits sign-in attempts per account; aliasing attempts into one request gains nothing', async () => {
    const user = await api.data.user();
    const aliased = `mutation { ${[1, 2, 3, 4, 5, 6, 7]
      .map((i) => `a${i}: signIn(input: { email: "${user.email}", password: "wrong password ${i}" }) { id }`)
      .join(' ')} }`;
    // Mutations run one after another and the first refusal ends the request, so every attempt
    // that runs is counted and none runs uncounted.
    for (let i = 0; i < 5; i++) {
      const result = await api.client().request(aliased);
      expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
    }
    const limited = await api.client().request(aliased);
    expect(limited.errors?.map((e) => e.extensions?.code)).toEqual(['RATE_LIMITED']);
    // Even the right password is refused now, from another address too.
    const right = await api.client().request(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } });
    expect(right.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });

  it('limits sign-in attempts per client address across accounts', async () => {
    const client = api.client('10.77.0.1');
    let limited = 0;
    for (let i = 0; i < 42; i++) {
      const result = await client.request(SIGN_IN, { input: { email: newEmail(), password: 'wrong password here' } });
      if (result.errors?.[0]?.extensions?.code === 'RATE_LIMITED') limited++;
    }
    expect(limited).toBe(2);
  });

  it('signs out: the session ends on the server, not only in the browser', async () => {
    const user = await api.data.user();
    const client = await api.signedIn(user);
    const stolenCookie = client.cookie;
    expect((await client.request(SIGN_OUT)).data).toEqual({ signOut: true });
    const replay = api.client();
    replay.cookie = stolenCookie;
    const me = await replay.request<{ me: unknown }>(ME);
    expect(me.data?.me).toBeNull();
  });

  it('issues a new token at each sign-in', async () => {
    const user = await api.data.user();
    const first = await api.signedIn(user);
    const second = await api.signedIn(user);
    expect(first.cookie).not.toEqual(second.cookie);
  });

  it('ends sessions that were idle too long', async () => {
    const user = await api.data.user();
    const client = await api.signedIn(user);
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update sessions set last_seen_at = now() - interval '30 days' where user_id = ?`, [user.id]);
    const me = await client.request<{ me: unknown }>(ME);
    expect(me.data?.me).toBeNull();
  });

  it('ends sessions past their absolute expiry', async () => {
    const user = await api.data.user();
    const client = await api.signedIn(user);
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update sessions set expires_at = now() - interval '1 minute' where user_id = ?`, [user.id]);
    expect((await client.request<{ me: unknown }>(ME)).data?.me).toBeNull();
  });

  it('ends every other session when the password changes, and checks the current password', async () => {
    const user = await api.data.user();
    const laptop = await api.signedIn(user);
    const phone = await api.signedIn(user);
    const wrong = await laptop.request(CHANGE_PASSWORD, {
      input: { currentPassword: 'not my password', newPassword: 'another long phrase here' },
    });
    expect(wrong.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { currentPassword: expect.any(String) },
    });
    const weak = await laptop.request(CHANGE_PASSWORD, {
      input: { currentPassword: TEST_PASSWORD, newPassword: '1234567890' },
    });
    expect(weak.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { newPassword: expect.any(String) },
    });
    const changed = await laptop.request(CHANGE_PASSWORD, {
      input: { currentPassword: TEST_PASSWORD, newPassword: 'another long phrase here' },
    });
    expect(changed.data).toEqual({ changePassword: true });
    expect((await laptop.request<{ me: { id: string } | null }>(ME)).data?.me?.id).toBe(user.id);
    expect((await phone.request<{ me: unknown }>(ME)).data?.me).toBeNull();
    expect((await api.client().signIn(user.email, 'another long phrase here')).errors).toBeUndefined();
  });

  it('updates the profile with validation', async () => {
    const org = await api.data.organisation();
    const client = await api.signedIn(await api.data.user());
    const ok = await client.request(PROFILE, {
      input: { displayName: 'Noor', organisationId: org.id, locale: 'ar', timeZone: 'Africa/Cairo' },
    });
    // The organisation waits for a network admin's confirmation (partner-organisations.int.spec.ts).
    expect(ok.data).toEqual({
      updateProfile: { displayName: 'Noor', locale: 'ar', timeZone: 'Africa/Cairo', organisation: null },
    });
    const bad = await client.request(PROFILE, {
      input: {
        displayName: 'Noor',
        organisationId: '00000000-0000-4000-8000-000000000000',
        locale: 'xx',
        timeZone: 'Nowhere',
      },
    });
    expect(Object.keys(bad.errors?.[0]?.extensions?.fields ?? {}).sort()).toEqual(['locale', 'timeZone']);
    expect((await client.request<{ me: { locale: string } }>(ME)).data?.me.locale).toBe('ar');
  });

  it('invites someone by email with a single-use, expiring link that signs them up', async () => {
    await setMode(SignUpMode.INVITATION_ONLY);
    const email = newEmail();
    const invited = await admin.request<{ inviteToNetwork: { email: string; expiresAt: string } }>(INVITE, {
      input: { email },
    });
    expect(invited.data?.inviteToNetwork.email).toBe(email);
    const token = await invitationTokenFor(email);

    const preview = await api.client().request<{ invitation: { email: string } }>(PREVIEW, { token });
    expect(preview.data?.invitation.email).toBe(email);

    const wrongEmail = await api.client().request(SIGN_UP, {
      input: {
        email: newEmail(),
        password: 'a long and unusual phrase',
        displayName: 'Guest',
        invitationToken: token,
      },
    });
    expect(wrongEmail.errors?.[0]?.extensions?.fields?.['email']).toEqual(expect.any(String));

    const signedUp = await api.client().request(SIGN_UP, {
      input: { email, password: 'a long and unusual phrase', displayName: 'Guest', invitationToken: token },
    });
    expect(signedUp.errors).toBeUndefined();

    const reused = await api.client().request(SIGN_UP, {
      input: {
        email: newEmail(),
        password: 'a long and unusual phrase',
        displayName: 'Guest',
        invitationToken: token,
      },
    });
    expect(reused.errors?.[0]?.extensions).toMatchObject({ code: 'NOT_FOUND', reason: 'INVITATION_INVALID' });
    expect((await api.client().request(PREVIEW, { token })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses expired invitations and replaces older ones to the same address', async () => {
    const email = newEmail();
    await admin.request(INVITE, { input: { email } });
    const first = await invitationTokenFor(email);
    await admin.request(INVITE, { input: { email } });
    const second = await invitationTokenFor(email);
    expect(second).not.toBe(first);
    expect((await api.client().request(PREVIEW, { token: first })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update invitations set expires_at = now() - interval '1 second' where email = ?`, [email]);
    expect((await api.client().request(PREVIEW, { token: second })).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('keeps invitation mail in the dev mailbox with a link to the invitation page', async () => {
    const email = newEmail();
    await admin.request(INVITE, { input: { email } });
    // Without the worker, the row is stored but not yet "delivered"; deliver it like the worker would.
    await api.orm.em
      .fork()
      .getConnection()
      .execute(`update mail_messages set status = 'sent', transport = 'dev', sent_at = now() where to_address = ?`, [
        email,
      ]);
    const mail = await latestMailTo(email);
    expect(mail.subject).toMatch(/invited you to Convene/);
    expect(mail.text).toMatch(new RegExp(`${api.config.publicUrl}/invitations/[A-Za-z0-9_-]{40,}`));
  });
});

// The API and the worker never write secrets to their logs. Real processes from the build go
// through the paths that handle secrets (passwords right and wrong, session cookies, two-factor
// secrets and codes, reset, invitation, registration and calendar-feed tokens, a document's bytes)
// and through failures that tend to get logged; then every line they wrote is searched for them.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { io } from 'socket.io-client';
import pg from 'pg';
import { totpCode, totpStep } from '../support/totp.js';
import { Client, PrivateRedis, prepareDatabase, startApi, startWorker, systemEnv, type Proc } from './processes.js';

const marker = (label: string) => `${label}-${randomBytes(9).toString('base64url')}`;
const until = async (check: () => Promise<boolean>, what: string, seconds = 30) => {
  for (let i = 0; i < seconds * 4; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`gave up waiting for ${what}`);
};

describe('log hygiene across a full run of the hub', () => {
  let redis: PrivateRedis;
  let env: Record<string, string>;
  let api: { proc: Proc; url: string };
  let worker: Proc;
  let db: pg.Client;
  /** Every secret the run handled, by what it is. */
  const secrets = new Map<string, string>();

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    // Verbose logging, as an operator chasing a problem would turn on.
    env = { ...systemEnv('logs', redis.url), LOG_LEVEL: 'debug' };
    prepareDatabase(env);
    [api, worker] = await Promise.all([startApi(env), startWorker(env)]);
    db = new pg.Client({ connectionString: env['DATABASE_URL'] });
    await db.connect();
  });
  afterAll(async () => {
    await Promise.all([api?.proc.stop(), worker?.stop()]);
    await db?.end();
    await redis?.stop();
  });

  /** The first link to `path` in the newest mail to `to`, once the worker has written it. */
  async function mailedToken(to: string, path: string): Promise<string> {
    let token = '';
    await until(async () => {
      const rows = (
        await db.query(`select text_body from mail_messages where to_address = $1 order by created_at desc`, [to])
      ).rows as { text_body: string }[];
      const match = rows.map((r) => new RegExp(`${path}/([A-Za-z0-9_-]{20,})`).exec(r.text_body)).find(Boolean);
      token = match?.[1] ?? '';
      return !!token;
    }, `a ${path} link mailed to ${to}`);
    return token;
  }

  const ok = <T>(result: { data?: T; errors?: { message: string }[] }): T => {
    if (result.errors?.length || !result.data) throw new Error(result.errors?.[0]?.message ?? 'no data');
    return result.data;
  };

  it('handles every kind of secret without writing one to the logs', async () => {
    // An account: its password, a wrong one, the session cookie.
    const email = `${marker('newcomer')}@example.org`.toLowerCase();
    const person = new Client(api.url);
    const firstPassword = marker('first-password');
    ok(
      await person.request(`mutation S($input: SignUpInput!) { signUp(input: $input) { id } }`, {
        input: { email, password: firstPassword, displayName: 'Log Hygiene Newcomer' },
      }),
    );
    secrets.set('first password', firstPassword).set('session cookie', person.cookie.split('=')[1]!);
    const wrong = marker('wrong-password');
    secrets.set('wrong password', wrong);
    await new Client(api.url).request(`mutation S($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email: 'member@example.org', password: wrong },
    });

    // Two-factor sign-in: the secret and the recovery codes.
    const setup = ok(
      await person.request<{ beginTwoFactorSetup: { secret: string } }>(`mutation { beginTwoFactorSetup { secret } }`),
    ).beginTwoFactorSetup;
    const step = totpStep();
    const codes = ok(
      await person.request<{ confirmTwoFactorSetup: string[] }>(
        `mutation C($code: String!) { confirmTwoFactorSetup(code: $code) }`,
        { code: totpCode(setup.secret, step) },
      ),
    ).confirmTwoFactorSetup;
    secrets.set('authenticator secret', setup.secret);
    codes.forEach((code, i) => secrets.set(`recovery code ${i}`, code));
    await new Client(api.url).request(`mutation S($input: SignInInput!) { signIn(input: $input) { id } }`, {
      input: { email, password: firstPassword, code: totpCode(setup.secret, step) },
    });

    // A new password, then a reset by link with a recovery code.
    const secondPassword = marker('second-password');
    ok(
      await person.request(`mutation P($input: ChangePasswordInput!) { changePassword(input: $input) }`, {
        input: { currentPassword: firstPassword, newPassword: secondPassword },
      }),
    );
    secrets.set('second password', secondPassword).set('new session cookie', person.cookie.split('=')[1]!);
    ok(
      await new Client(api.url).request(
        `mutation R($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`,
        { input: { email } },
      ),
    );
    const resetToken = await mailedToken(email, '/reset-password');
    const thirdPassword = marker('third-password');
    ok(
      await new Client(api.url).request(`mutation R($input: ResetPasswordInput!) { resetPassword(input: $input) }`, {
        input: { token: resetToken, newPassword: thirdPassword, code: codes[0] },
      }),
    );
    secrets.set('reset token', resetToken).set('third password', thirdPassword);

    // A convenor invites someone new, and shares a document.
    const convenor = await new Client(api.url).signIn('convenor@example.org');
    const groupId = ok(
      await convenor.request<{ workingGroup: { id: string } }>(
        `query G($slug: String!) { workingGroup(slug: $slug) { id } }`,
        { slug: 'policing-and-surveillance' },
      ),
    ).workingGroup.id;
    const invitee = `${marker('invitee')}@example.org`.toLowerCase();
    ok(
      await convenor.request(`mutation I($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`, {
        input: { groupId, email: invitee },
      }),
    );
    const invitationToken = await mailedToken(invitee, '/invitations');
    ok(
      await new Client(api.url).request(`query I($token: String!) { invitation(token: $token) { email } }`, {
        token: invitationToken,
      }),
    );
    secrets.set('invitation token', invitationToken);
    const contents = marker('document-contents');
    const form = new FormData();
    form.append(
      'file',
      new Blob([`Notes from the legal observers. ${contents}\n`], { type: 'text/plain' }),
      'notes.txt',
    );
    const uploaded = await fetch(`${api.url}/api/groups/${groupId}/documents`, {
      method: 'POST',
      headers: { cookie: convenor.cookie, 'x-requested-with': 'convene' },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    secrets.set('document contents', contents);

    // Someone registers for the summit; their private link; a calendar feed.
    const registrant = `${marker('registrant')}@example.org`.toLowerCase();
    const { fields } = ok(
      await new Client(api.url).request<{ publicEvent: { fields: { id: string; kind: string; options: string[] }[] } }>(
        `{ publicEvent(slug: "summit") { fields { id kind options } } }`,
      ),
    ).publicEvent;
    const answers = fields.map((f) => ({
      fieldId: f.id,
      value: f.kind === 'CHOICE' ? f.options[0]! : f.kind === 'CHECKBOX' ? 'true' : 'An answer',
    }));
    ok(
      await new Client(api.url).request(
        `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`,
        { input: { slug: 'summit', name: 'Log Hygiene Registrant', email: registrant, consent: true, answers } },
      ),
    );
    const registrationToken = await mailedToken(registrant, '/registrations');
    ok(
      await new Client(api.url).request(`query R($token: String!) { myRegistration(token: $token) { name } }`, {
        token: registrationToken,
      }),
    );
    secrets.set('registration link', registrationToken);
    const feed = ok(
      await convenor.request<{ resetCalendarFeed: { url: string } }>(`mutation { resetCalendarFeed { url } }`),
    ).resetCalendarFeed.url;
    const feedToken = /calendar\/([^/.]+)\.ics/.exec(feed)![1]!;
    expect((await fetch(feed.replace(/^https?:\/\/[^/]+/, api.url))).status).toBe(200);
    secrets.set('calendar feed token', feedToken);

    // The newcomer takes a copy of their data (written by the worker) and deletes their account.
    const again = new Client(api.url);
    ok(
      await again.request(`mutation S($input: SignInInput!) { signIn(input: $input) { id } }`, {
        input: { email, password: thirdPassword, code: codes[1] },
      }),
    );
    const requested = ok(
      await again.request<{ requestDataExport: { id: string } }>(`mutation { requestDataExport { id } }`),
    ).requestDataExport;
    await until(
      async () =>
        (await db.query(`select status from data_exports where id = $1`, [requested.id])).rows[0]?.status === 'READY',
      'the data export to be written',
    );
    ok(
      await again.request(`mutation D($input: DeleteAccountInput!) { deleteAccount(input: $input) }`, {
        input: { password: thirdPassword, code: codes[2] },
      }),
    );

    // Failures that tend to be logged with what caused them.
    const forged = marker('forged-cookie');
    secrets.set('forged cookie', forged);
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: `convene_session=${forged}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    await fetch(`${api.url}/api/calendar/${forged}.ics`);
    await fetch(`${api.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: `{"query": "${forged}`,
    });
    const socket = io(api.url, {
      path: '/socket.io',
      transports: ['websocket'],
      extraHeaders: { cookie: `convene_session=${forged}` },
      reconnection: false,
    });
    await new Promise((resolve) => socket.once('connect_error', resolve));
    socket.disconnect();
    // The worker has sent every mail the run asked for.
    await until(
      async () =>
        Number((await db.query(`select count(*) as n from mail_messages where status <> 'sent'`)).rows[0].n) === 0,
      'every mail to be sent',
    );

    const logs = [...api.proc.logs, ...worker.logs].join('');
    // The search can fail: the processes did write, and the log holds what a test can plant in it.
    expect(logs).toContain('Convene worker started');
    expect(logs.length).toBeGreaterThan(200);
    const leaked = [...secrets].filter(([, value]) => logs.includes(value)).map(([what]) => what);
    expect(leaked).toEqual([]);
    // Nor the demo password, nor anyone's email address in full.
    expect(logs).not.toContain('convene-demo-pass');
    for (const address of [email, invitee, registrant]) expect(logs).not.toContain(address);
  });
});

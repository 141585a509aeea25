// Account security against the running API: sessions a person can see and end, live sockets that
// drop when a session ends, two-factor sign-in with one-use codes, password resets that never skip
// the second factor, deactivation, and the audit log that records it all without secrets.
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from '@jest/globals';
import type { Socket } from 'socket.io-client';
import { AuditAction } from '@convene/shared-contracts';
import { totpCode, totpStep, type User } from '@convene/server-identity';
import { TEST_PASSWORD } from '@convene/server-testing';
import { ApiHarness, type GqlClient, useApiHarness } from './api-harness.js';
import { codeOf, dataOf, groupPersonas } from './group-personas.js';
import { pageStatements } from './page-statements.js';
import { devMailbox, waitForMail } from './mail-delivery.js';

const ME = `{ me { id twoFactorEnabled twoFactorSetupRequired } }`;
const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id twoFactorSetupRequired } }`;
const SIGN_OUT = `mutation { signOut }`;
const SESSIONS = `{ mySessions { id userAgent current } }`;
const REVOKE = `mutation Revoke($id: ID!) { revokeSession(id: $id) }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions }`;
const STATUS = `{ twoFactor { enabled recoveryCodesLeft required } }`;
const BEGIN = `mutation { beginTwoFactorSetup { secret otpauthUri qrSvg } }`;
const CONFIRM = `mutation Confirm($code: String!) { confirmTwoFactorSetup(code: $code) }`;
const DISABLE = `mutation Disable($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) }`;
const REGENERATE = `mutation Regenerate($code: String!) { regenerateRecoveryCodes(code: $code) }`;
const CHANGE_PASSWORD = `mutation Change($input: ChangePasswordInput!) { changePassword(input: $input) }`;
const REQUEST_RESET = `mutation Request($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET_PREVIEW = `query Preview($token: String!) { passwordReset(token: $token) { twoFactorRequired } }`;
const RESET = `mutation Reset($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const PEOPLE = `query People($search: String) { networkPeople(search: $search) { id email networkRole twoFactorEnabled deactivatedAt } }`;
const SET_ROLE = `mutation Role($userId: ID!, $role: NetworkRole!) { setNetworkRole(userId: $userId, role: $role) { id networkRole } }`;
const DEACTIVATE = `mutation Deactivate($userId: ID!) { deactivateAccount(userId: $userId) { id deactivatedAt } }`;
const REACTIVATE = `mutation Reactivate($userId: ID!) { reactivateAccount(userId: $userId) { id deactivatedAt } }`;
const AUDIT = `query Audit($action: AuditAction, $userId: ID, $first: Int, $before: String) {
  auditLog(action: $action, userId: $userId, first: $first, before: $before) { events { id action actor { id displayName } subject { id } group { id name } detail { key value } } nextCursor } }`;
const GROUPS = `{ workingGroups { id } }`;
const NEW_PASSWORD = 'a brand new passphrase for this account';

const reasonOf = (result: { errors?: { extensions?: { reason?: string } }[] }) =>
  result.errors?.[0]?.extensions?.reason ?? null;
const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);

/** Resolves with the reason the socket was dropped, or rejects when it is still connected after `ms`. */
function dropped(socket: Socket, ms = 5000): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`socket still connected after ${ms} ms`)), ms);
    socket.once('disconnect', (reason) => {
      clearTimeout(timer);
      resolve(reason);
    });
  });
}

describe('account security', () => {
  const api = useApiHarness({}, { deliverMail: true });

  /** Turns two-factor sign-in on for a signed-in client; answers the secret, the step used and the recovery codes. */
  async function enableTwoFactor(client: GqlClient): Promise<{ secret: string; step: number; codes: string[] }> {
    const { secret } = dataOf(
      await client.request<{ beginTwoFactorSetup: { secret: string } }>(BEGIN),
    ).beginTwoFactorSetup;
    const step = totpStep();
    const codes = dataOf(
      await client.request<{ confirmTwoFactorSetup: string[] }>(CONFIRM, { code: totpCode(secret, step) }),
    ).confirmTwoFactorSetup;
    return { secret, step, codes };
  }

  const signIn = (client: GqlClient, user: User, extra: { password?: string; code?: string } = {}) =>
    client.request<{ signIn: { id: string; twoFactorSetupRequired: boolean } }>(SIGN_IN, {
      input: { email: user.email, password: extra.password ?? TEST_PASSWORD, code: extra.code },
    });

  it.each([
    ['mySessions', SESSIONS, {}],
    ['revokeSession', REVOKE, { id: randomUUID() }],
    ['revokeOtherSessions', REVOKE_OTHERS, {}],
    ['twoFactor', STATUS, {}],
    ['beginTwoFactorSetup', BEGIN, {}],
    ['confirmTwoFactorSetup', CONFIRM, { code: '123456' }],
    ['disableTwoFactor', DISABLE, { input: { password: TEST_PASSWORD, code: '123456' } }],
    ['regenerateRecoveryCodes', REGENERATE, { code: '123456' }],
  ] as const)('%s refuses anonymous callers', async (_name, query, variables) => {
    expect(codeOf(await api.client().request(query, variables))).toBe('UNAUTHENTICATED');
  });

  describe('sessions', () => {
    it('gives the device that changed the password a new session and ends the old one', async () => {
      const user = await api.data.user();
      const device = await api.signedIn(user);
      const oldCookie = device.cookie;
      const changed = await device.request(CHANGE_PASSWORD, {
        input: { currentPassword: TEST_PASSWORD, newPassword: 'a brand new long phrase' },
      });
      expect(changed.errors).toBeUndefined();
      expect(device.cookie).not.toBe(oldCookie);
      expect((await device.request<{ me: { id: string } | null }>('{ me { id } }')).data?.me?.id).toBe(user.id);
      const replay = api.client();
      replay.cookie = oldCookie;
      expect((await replay.request<{ me: unknown }>('{ me { id } }')).data?.me).toBeNull();
      expect(
        await api.orm.em
          .fork()
          .getConnection()
          .execute<{ n: number }[]>('select count(*)::int as n from sessions where user_id = ?', [user.id]),
      ).toEqual([{ n: 1 }]);
    });

    it('lists the person’s own sessions, marking this one, and nobody else’s', async () => {
      const user = await api.data.user();
      const laptop = await api.signedIn(user);
      const phone = await api.signedIn(user);
      await api.signedIn(await api.data.user());
      const seen = dataOf(
        await laptop.request<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS),
      ).mySessions;
      expect(seen).toHaveLength(2);
      expect(seen.filter((s) => s.current)).toHaveLength(1);
      const fromPhone = dataOf(
        await phone.request<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS),
      ).mySessions;
      expect(fromPhone.map((s) => s.id).sort()).toEqual(seen.map((s) => s.id).sort());
      expect(fromPhone.find((s) => s.current)?.id).not.toBe(seen.find((s) => s.current)?.id);
      expect(codeOf(await api.client().request(SESSIONS))).toBe('UNAUTHENTICATED');
    });

    it('revokes another of one’s own sessions: its cookie stops working and its socket drops within 5 seconds', async () => {
      const user = await api.data.user();
      const laptop = await api.signedIn(user);
      const phone = await api.signedIn(user);
      const socket = await api.connect(phone);
      const phoneSession = dataOf(
        await phone.request<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS),
      ).mySessions.find((s) => s.current)!;
      const drop = dropped(socket);
      expect(dataOf(await laptop.request(REVOKE, { id: phoneSession.id }))).toEqual({ revokeSession: true });
      expect(await drop).toBe('io server disconnect');
      expect(dataOf(await phone.request<{ me: null }>(ME)).me).toBeNull();
      expect(dataOf(await laptop.request<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    });

    it('refuses to revoke someone else’s session, as if it did not exist', async () => {
      const victim = await api.signedIn(await api.data.user());
      const victimSession = dataOf(await victim.request<{ mySessions: { id: string }[] }>(SESSIONS)).mySessions[0]!;
      const attacker = await api.signedIn(await api.data.user());
      const result = await attacker.request(REVOKE, { id: victimSession.id });
      expect(codeOf(result)).toBe('NOT_FOUND');
      expect(codeOf(await attacker.request(REVOKE, { id: 'not-a-uuid' }))).toBe('NOT_FOUND');
      expect(dataOf(await victim.request<{ me: { id: string } | null }>(ME)).me).not.toBeNull();
    });

    it('signs out everywhere else, dropping those sockets and keeping this one', async () => {
      const user = await api.data.user();
      const here = await api.signedIn(user);
      const others = [await api.signedIn(user), await api.signedIn(user)];
      const hereSocket = await api.connect(here);
      const sockets = await Promise.all(others.map((c) => api.connect(c)));
      const drops = Promise.all(sockets.map((socket) => dropped(socket)));
      expect(dataOf(await here.request(REVOKE_OTHERS))).toEqual({ revokeOtherSessions: 2 });
      expect(await drops).toEqual(['io server disconnect', 'io server disconnect']);
      for (const other of others) expect(dataOf(await other.request<{ me: null }>(ME)).me).toBeNull();
      expect(hereSocket.connected).toBe(true);
    });

    it('drops the socket of a session that signs out, within 5 seconds', async () => {
      const client = await api.signedIn(await api.data.user());
      const drop = dropped(await api.connect(client));
      dataOf(await client.request(SIGN_OUT));
      expect(await drop).toBe('io server disconnect');
    });

    it('ends every other session and drops their sockets when the password changes', async () => {
      const user = await api.data.user();
      const here = await api.signedIn(user);
      const there = await api.signedIn(user);
      const drop = dropped(await api.connect(there));
      dataOf(
        await here.request(CHANGE_PASSWORD, { input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }),
      );
      expect(await drop).toBe('io server disconnect');
      expect(dataOf(await there.request<{ me: null }>(ME)).me).toBeNull();
      expect(dataOf(await here.request<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
    });
  });

  describe('two-factor sign-in', () => {
    it('is set up with a code from the new secret, and answers ten recovery codes once', async () => {
      const user = await api.data.user();
      const client = await api.signedIn(user);
      expect(dataOf(await client.request(STATUS))).toEqual({
        twoFactor: { enabled: false, recoveryCodesLeft: 0, required: false },
      });
      const setup = dataOf(
        await client.request<{ beginTwoFactorSetup: { secret: string; otpauthUri: string; qrSvg: string } }>(BEGIN),
      ).beginTwoFactorSetup;
      expect(setup.secret).toMatch(/^[A-Z2-7]{32}$/);
      expect(setup.otpauthUri).toBe(
        `otpauth://totp/Convene%3A${encodeURIComponent(user.email)}?secret=${setup.secret}&issuer=Convene&algorithm=SHA1&digits=6&period=30`,
      );
      expect(setup.qrSvg).toMatch(/^<svg[\s\S]*<\/svg>\s*$/);
      // A wrong code: a clear field message, and nothing turned on.
      const wrong = await client.request(CONFIRM, { code: totpCode(setup.secret, totpStep() + 5) });
      expect(wrong.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TWO_FACTOR_CODE_INVALID',
        fields: { code: expect.any(String) },
      });
      expect(dataOf(await client.request<{ twoFactor: { enabled: boolean } }>(STATUS)).twoFactor.enabled).toBe(false);
      const codes = dataOf(
        await client.request<{ confirmTwoFactorSetup: string[] }>(CONFIRM, {
          code: totpCode(setup.secret, totpStep()),
        }),
      ).confirmTwoFactorSetup;
      expect(codes).toHaveLength(10);
      expect(dataOf(await client.request(STATUS))).toEqual({
        twoFactor: { enabled: true, recoveryCodesLeft: 10, required: false },
      });
      expect(codeOf(await client.request(BEGIN))).toBe('CONFLICT');
      // The secrets are not kept in the clear anywhere a query shows, and the codes are stored hashed.
      const stored = await api.orm.em
        .fork()
        .getConnection()
        .execute<{ code_hash: string }[]>('select code_hash from recovery_codes where user_id = ?', [user.id]);
      expect(stored).toHaveLength(10);
      for (const row of stored) expect(codes).not.toContain(row.code_hash);
    });

    it('asks for the code only after the right password, accepts a code once, and refuses it reused', async () => {
      const user = await api.data.user();
      const { secret, step } = await enableTwoFactor(await api.signedIn(user));
      const client = api.client();
      expect(reasonOf(await signIn(client, user, { password: 'not the right password' }))).toBe('INVALID_CREDENTIALS');
      expect(reasonOf(await signIn(client, user))).toBe('TWO_FACTOR_CODE_NEEDED');
      expect(client.cookie).toBeNull();
      // The code that confirmed the setup is spent already.
      expect(reasonOf(await signIn(client, user, { code: totpCode(secret, step) }))).toBe('TWO_FACTOR_CODE_INVALID');
      const next = totpCode(secret, step + 1);
      expect(codeOf(await signIn(client, user, { code: next }))).toBe('OK');
      expect(dataOf(await client.request<{ me: { id: string } }>(ME)).me.id).toBe(user.id);
      // The same code again, from another device: refused.
      const replay = api.client();
      expect(reasonOf(await signIn(replay, user, { code: next }))).toBe('TWO_FACTOR_CODE_INVALID');
      expect(replay.cookie).toBeNull();
    });

    it('accepts each recovery code once, in any case and spacing, and counts what is left', async () => {
      const user = await api.data.user();
      const { codes } = await enableTwoFactor(await api.signedIn(user));
      const first = codes[0]!;
      const client = api.client();
      expect(codeOf(await signIn(client, user, { code: ` ${first.toUpperCase()} ` }))).toBe('OK');
      expect(dataOf(await client.request(STATUS))).toEqual({
        twoFactor: { enabled: true, recoveryCodesLeft: 9, required: false },
      });
      expect(reasonOf(await signIn(api.client(), user, { code: first }))).toBe('TWO_FACTOR_CODE_INVALID');
      expect(reasonOf(await signIn(api.client(), user, { code: 'aaaaa-bbbbb' }))).toBe('TWO_FACTOR_CODE_INVALID');
    });

    it('regenerates recovery codes with a current code; the old ones stop working', async () => {
      const user = await api.data.user();
      const client = await api.signedIn(user);
      const { secret, step, codes } = await enableTwoFactor(client);
      expect(reasonOf(await client.request(REGENERATE, { code: totpCode(secret, step) }))).toBe(
        'TWO_FACTOR_CODE_INVALID',
      );
      const fresh = dataOf(
        await client.request<{ regenerateRecoveryCodes: string[] }>(REGENERATE, { code: totpCode(secret, step + 1) }),
      ).regenerateRecoveryCodes;
      expect(fresh).toHaveLength(10);
      expect(fresh.some((c) => codes.includes(c))).toBe(false);
      expect(reasonOf(await signIn(api.client(), user, { code: codes[0]! }))).toBe('TWO_FACTOR_CODE_INVALID');
      expect(codeOf(await signIn(api.client(), user, { code: fresh[0]! }))).toBe('OK');
    });

    it('limits code checks per account, whatever path and address they come from', async () => {
      const user = await api.data.user();
      const client = await api.signedIn(user);
      const { secret, step } = await enableTwoFactor(client);
      // Ten wrong codes: some at sign-in from many addresses, some from the signed-in session.
      for (let i = 0; i < 5; i++)
        expect(reasonOf(await signIn(api.client(), user, { code: '000000' }))).toBe('TWO_FACTOR_CODE_INVALID');
      for (let i = 0; i < 5; i++)
        expect(reasonOf(await client.request(REGENERATE, { code: '000000' }))).toBe('TWO_FACTOR_CODE_INVALID');
      // The right code is now refused too, until the window passes.
      expect(codeOf(await client.request(REGENERATE, { code: totpCode(secret, step + 1) }))).toBe('RATE_LIMITED');
    });

    it('turns off with the password and a code, and not otherwise', async () => {
      const user = await api.data.user();
      const client = await api.signedIn(user);
      const { codes } = await enableTwoFactor(client);
      const wrongPassword = await client.request(DISABLE, { input: { password: 'not my password', code: codes[0] } });
      expect(wrongPassword.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { password: expect.any(String) },
      });
      expect(reasonOf(await client.request(DISABLE, { input: { password: TEST_PASSWORD, code: '000000' } }))).toBe(
        'TWO_FACTOR_CODE_INVALID',
      );
      expect(dataOf(await client.request<{ twoFactor: { enabled: boolean } }>(STATUS)).twoFactor.enabled).toBe(true);
      dataOf(await client.request(DISABLE, { input: { password: TEST_PASSWORD, code: codes[1] } }));
      expect(dataOf(await client.request(STATUS))).toEqual({
        twoFactor: { enabled: false, recoveryCodesLeft: 0, required: false },
      });
      expect(codeOf(await signIn(api.client(), user))).toBe('OK');
    });
  });

  describe('password reset', () => {
    async function resetLink(email: string): Promise<string> {
      dataOf(await api.client().request(REQUEST_RESET, { input: { email } }));
      const message = await waitForMail(await api.signedIn(await api.data.user()), email);
      const match = /\/reset-password\/([A-Za-z0-9_-]+)/.exec(message.text);
      if (!match) throw new Error(`no reset link in: ${message.text}`);
      return match[1]!;
    }

    it('answers the same for an unknown address and sends nothing', async () => {
      const email = `nobody-${unique()}@example.org`;
      expect(dataOf(await api.client().request(REQUEST_RESET, { input: { email } }))).toEqual({
        requestPasswordReset: true,
      });
      const reader = await api.signedIn(await api.data.user());
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect((await devMailbox(reader)).some((m) => m.to === email)).toBe(false);
      const bad = await api.client().request(REQUEST_RESET, { input: { email: 'not an email' } });
      expect(bad.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { email: expect.any(String) },
      });
    });

    it('sets a new password by the mailed link, once, ending every session', async () => {
      const user = await api.data.user();
      const before = await api.signedIn(user);
      const drop = dropped(await api.connect(before));
      const token = await resetLink(user.email);
      expect(dataOf(await api.client().request(RESET_PREVIEW, { token }))).toEqual({
        passwordReset: { twoFactorRequired: false },
      });
      const weak = await api.client().request(RESET, { input: { token, newPassword: 'short' } });
      expect(weak.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: { newPassword: expect.any(String) },
      });
      dataOf(await api.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD } }));
      expect(await drop).toBe('io server disconnect');
      expect(dataOf(await before.request<{ me: null }>(ME)).me).toBeNull();
      expect(reasonOf(await signIn(api.client(), user))).toBe('INVALID_CREDENTIALS');
      expect(codeOf(await signIn(api.client(), user, { password: NEW_PASSWORD }))).toBe('OK');
      expect(
        reasonOf(await api.client().request(RESET, { input: { token, newPassword: 'yet another long passphrase' } })),
      ).toBe('RESET_LINK_INVALID');
      expect(codeOf(await api.client().request(RESET_PREVIEW, { token }))).toBe('NOT_FOUND');
    });

    it('never bypasses two-factor sign-in: the reset needs a code, and a wrong one changes nothing', async () => {
      const user = await api.data.user();
      const { codes } = await enableTwoFactor(await api.signedIn(user));
      const token = await resetLink(user.email);
      expect(dataOf(await api.client().request(RESET_PREVIEW, { token }))).toEqual({
        passwordReset: { twoFactorRequired: true },
      });
      const noCode = await api.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD } });
      expect(noCode.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        reason: 'TWO_FACTOR_CODE_NEEDED',
        fields: { code: expect.any(String) },
      });
      expect(
        reasonOf(await api.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD, code: '123456' } })),
      ).toBe('TWO_FACTOR_CODE_INVALID');
      // Nothing changed: the old password still works (with a second factor), the link still works.
      expect(codeOf(await signIn(api.client(), user, { code: codes[0]! }))).toBe('OK');
      dataOf(await api.client().request(RESET, { input: { token, newPassword: NEW_PASSWORD, code: codes[1] } }));
      // The reset does not sign anyone in: the new password still needs the second factor.
      expect(reasonOf(await signIn(api.client(), user, { password: NEW_PASSWORD }))).toBe('TWO_FACTOR_CODE_NEEDED');
      expect(codeOf(await signIn(api.client(), user, { password: NEW_PASSWORD, code: codes[2]! }))).toBe('OK');
    });
  });

  describe('network admins and accounts', () => {
    it('finds people, changes network roles, and refuses the same to everyone else', async () => {
      const w = await groupPersonas(api);
      const admin = await w.as('admin');
      const found = dataOf(
        await admin.request<{ networkPeople: { id: string; email: string }[] }>(PEOPLE, {
          search: w.people.member.email,
        }),
      ).networkPeople;
      expect(found.map((p) => p.id)).toEqual([w.people.member.id]);
      expect(dataOf(await admin.request(SET_ROLE, { userId: w.people.member.id, role: 'ADMIN' }))).toEqual({
        setNetworkRole: { id: w.people.member.id, networkRole: 'ADMIN' },
      });
      dataOf(await admin.request(SET_ROLE, { userId: w.people.member.id, role: 'MEMBER' }));
      expect(reasonOf(await admin.request(SET_ROLE, { userId: w.people.admin.id, role: 'MEMBER' }))).toBe(
        'NOT_YOURSELF',
      );
      for (const persona of ['anonymous', 'outsider', 'member', 'convenor'] as const) {
        const client = await w.as(persona);
        const expected = persona === 'anonymous' ? 'UNAUTHENTICATED' : 'FORBIDDEN';
        expect(codeOf(await client.request(PEOPLE, { search: null }))).toBe(expected);
        expect(codeOf(await client.request(SET_ROLE, { userId: w.people.outsider.id, role: 'ADMIN' }))).toBe(expected);
        expect(codeOf(await client.request(DEACTIVATE, { userId: w.people.outsider.id }))).toBe(expected);
        expect(codeOf(await client.request(REACTIVATE, { userId: w.people.outsider.id }))).toBe(expected);
        expect(codeOf(await client.request(AUDIT, {}))).toBe(expected);
      }
      const roles = await api.orm.em
        .fork()
        .getConnection()
        .execute<{ network_role: string; deactivated_at: Date | null }[]>(
          'select network_role, deactivated_at from users where id = ?',
          [w.people.outsider.id],
        );
      expect(roles).toEqual([{ network_role: 'MEMBER', deactivated_at: null }]);
    });

    it('deactivates an account: sessions end, sockets drop within 5 seconds, sign-in is refused until reactivated', async () => {
      const w = await groupPersonas(api);
      const member = await w.as('member');
      const drop = dropped(await api.connect(member));
      const result = dataOf(
        await (
          await w.as('admin')
        ).request<{ deactivateAccount: { deactivatedAt: string | null } }>(DEACTIVATE, { userId: w.people.member.id }),
      );
      expect(result.deactivateAccount.deactivatedAt).not.toBeNull();
      expect(await drop).toBe('io server disconnect');
      expect(dataOf(await member.request<{ me: null }>(ME)).me).toBeNull();
      expect(codeOf(await member.request(GROUPS))).toBe('UNAUTHENTICATED');
      // The right password is told the account is deactivated; a wrong one learns nothing.
      expect(reasonOf(await signIn(api.client(), w.people.member))).toBe('ACCOUNT_DEACTIVATED');
      expect(reasonOf(await signIn(api.client(), w.people.member, { password: 'wrong password here' }))).toBe(
        'INVALID_CREDENTIALS',
      );
      await expect(api.connect(member)).rejects.toThrow('UNAUTHENTICATED');
      dataOf(await (await w.as('admin')).request(REACTIVATE, { userId: w.people.member.id }));
      expect(codeOf(await signIn(api.client(), w.people.member))).toBe('OK');
    });

    it('answers the people page in as many SQL statements for 100 people as for 20', async () => {
      // As libs/web/identity asks for it.
      const PEOPLE_PAGE = `query NetworkPeople($search: String, $first: Int!, $after: ID) { networkPeople(search: $search, first: $first, after: $after) {
        id email displayName networkRole organisation { id name } twoFactorEnabled deactivatedAt createdAt } }`;
      const admin = await api.signedIn(await api.data.admin());
      /** n people whose names share a word, each with an organisation of their own. */
      async function peopleNamed(n: number) {
        const word = `Kin${randomUUID().slice(0, 8)}`;
        await api.orm.em
          .fork()
          .getConnection()
          .execute(
            `with orgs as (insert into partner_organisations (id, name, created_at) select gen_random_uuid(), ? || ' org ' || i, now() from generate_series(1, ?) i returning id, name)
             insert into users (id, email, display_name, password_hash, organisation_id, created_at, password_changed_at)
             select gen_random_uuid(), lower(replace(name, ' ', '-')) || '@example.org', replace(name, ' org ', ' person '), 'x', id, now(), now() from orgs`,
            [word, n],
          );
        return { n, word };
      }
      const counts: number[] = [];
      for (const { n, word } of [await peopleNamed(20), await peopleNamed(100)]) {
        const page = await pageStatements<{ networkPeople: { organisation: { name: string } | null }[] }>(
          api,
          admin,
          PEOPLE_PAGE,
          { search: word, first: n },
        );
        expect(page.data.networkPeople.filter((p) => p.organisation?.name.startsWith(`${word} org `))).toHaveLength(n);
        counts.push(page.statements);
      }
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBe(counts[0]);
    });

    it('refuses an admin deactivating or demoting themselves, so the network always keeps an admin', async () => {
      const admin = await api.data.admin();
      const client = await api.signedIn(admin);
      expect(reasonOf(await client.request(DEACTIVATE, { userId: admin.id }))).toBe('NOT_YOURSELF');
      expect(reasonOf(await client.request(SET_ROLE, { userId: admin.id, role: 'MEMBER' }))).toBe('NOT_YOURSELF');
      expect(dataOf(await client.request<{ me: { id: string } }>(ME)).me.id).toBe(admin.id);
    });
  });
});

describe('two-factor sign-in required for network admins and convenors', () => {
  const api = useApiHarness({ TWO_FACTOR_ENFORCED: 'true' });

  it.each(['convenor', 'admin'] as const)(
    'a %s without it can only set it up (or sign out) until they have; then everything works',
    async (persona) => {
      const w = await groupPersonas(api);
      const client = await w.as(persona);
      expect(
        dataOf(await client.request<{ me: { twoFactorSetupRequired: boolean } }>(ME)).me.twoFactorSetupRequired,
      ).toBe(true);
      const blocked = await client.request(GROUPS);
      expect(blocked.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'TWO_FACTOR_SETUP_REQUIRED' });
      expect(reasonOf(await client.request(SESSIONS))).toBe('TWO_FACTOR_SETUP_REQUIRED');
      const rest = await client.get('/api/pitches.csv');
      expect(rest.status).toBe(403);
      expect(await rest.json()).toMatchObject({ error: { code: 'FORBIDDEN', reason: 'TWO_FACTOR_SETUP_REQUIRED' } });
      await expect(api.connect(client)).rejects.toThrow('TWO_FACTOR_SETUP_REQUIRED');
      expect(dataOf(await client.request<{ twoFactor: { required: boolean } }>(STATUS)).twoFactor.required).toBe(true);

      const { secret } = dataOf(
        await client.request<{ beginTwoFactorSetup: { secret: string } }>(BEGIN),
      ).beginTwoFactorSetup;
      const step = totpStep();
      dataOf(await client.request(CONFIRM, { code: totpCode(secret, step) }));
      expect(
        dataOf(await client.request<{ me: { twoFactorSetupRequired: boolean } }>(ME)).me.twoFactorSetupRequired,
      ).toBe(false);
      expect(codeOf(await client.request(GROUPS))).toBe('OK');
      // And it cannot be turned off while the role needs it.
      expect(
        reasonOf(
          await client.request(DISABLE, { input: { password: TEST_PASSWORD, code: totpCode(secret, step + 1) } }),
        ),
      ).toBe('TWO_FACTOR_REQUIRED_FOR_ROLE');
      expect(dataOf(await client.request<{ twoFactor: { enabled: boolean } }>(STATUS)).twoFactor.enabled).toBe(true);
    },
  );

  it('leaves members free to choose', async () => {
    const w = await groupPersonas(api);
    const member = await w.as('member');
    expect(
      dataOf(await member.request<{ me: { twoFactorSetupRequired: boolean } }>(ME)).me.twoFactorSetupRequired,
    ).toBe(false);
    expect(codeOf(await member.request(GROUPS))).toBe('OK');
    expect(dataOf(await member.request<{ twoFactor: { required: boolean } }>(STATUS)).twoFactor.required).toBe(false);
  });
});

describe('audit log', () => {
  const api = useApiHarness();

  interface AuditSeen {
    id: string;
    action: AuditAction;
    actor: { id: string; displayName: string } | null;
    subject: { id: string } | null;
    group: { id: string; name: string | null } | null;
    detail: { key: string; value: string }[];
  }
  const audit = async (admin: GqlClient, variables: Record<string, unknown>) =>
    dataOf(await admin.request<{ auditLog: { events: AuditSeen[]; nextCursor: string | null } }>(AUDIT, variables))
      .auditLog;

  it('records sign-ins and failures, role changes and membership decisions, for network admins to read', async () => {
    const w = await groupPersonas(api);
    const admin = await w.as('admin');
    const wrong = 'my-secret-wrong-password-1234';
    await signInAs(api, w.people.member, wrong);
    await w.as('member');
    dataOf(
      await (
        await w.as('convenor')
      ).request(`mutation Role($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id } }`, {
        input: { membershipId: w.memberships.member.id, role: 'OBSERVER' },
      }),
    );
    dataOf(await admin.request(SET_ROLE, { userId: w.people.outsider.id, role: 'ADMIN' }));

    const aboutMember = await audit(admin, { userId: w.people.member.id, first: 50 });
    const actions = aboutMember.events.map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining([AuditAction.SIGN_IN_FAILED, AuditAction.SIGN_IN, AuditAction.MEMBER_ROLE_CHANGED]),
    );
    const roleChange = aboutMember.events.find((e) => e.action === AuditAction.MEMBER_ROLE_CHANGED)!;
    expect(roleChange).toMatchObject({
      actor: { id: w.people.convenor.id, displayName: w.people.convenor.displayName },
      subject: { id: w.people.member.id },
      group: { id: w.group.id, name: w.group.name },
    });
    expect(roleChange.detail).toHaveLength(2);
    expect(roleChange.detail).toEqual(
      expect.arrayContaining([
        { key: 'from', value: 'MEMBER' },
        { key: 'to', value: 'OBSERVER' },
      ]),
    );
    const promoted = (await audit(admin, { action: AuditAction.NETWORK_ROLE_CHANGED, userId: w.people.outsider.id }))
      .events;
    expect(promoted).toHaveLength(1);
    expect(promoted[0]).toMatchObject({ actor: { id: w.people.admin.id }, subject: { id: w.people.outsider.id } });
    // Nothing secret or personal in the stored rows: no password, no email, no names.
    const rows = await api.orm.em
      .fork()
      .getConnection()
      .execute<Record<string, unknown>[]>('select * from audit_events where actor_id = ? or subject_user_id = ?', [
        w.people.member.id,
        w.people.member.id,
      ]);
    expect(rows.length).toBeGreaterThanOrEqual(3);
    const text = JSON.stringify(rows);
    for (const secret of [wrong, TEST_PASSWORD, w.people.member.email, w.people.member.displayName])
      expect(text).not.toContain(secret);
  });

  it('answers the audit log page in as many SQL statements for 100 events as for 20', async () => {
    // As libs/web/identity asks for it.
    const AUDIT_PAGE = `query AuditLog($action: AuditAction, $first: Int!, $before: String) { auditLog(action: $action, first: $first, before: $before) {
      events { id at action actor { id displayName } subject { id displayName } group { id name } detail { key value } } nextCursor } }`;
    const admin = await api.signedIn(await api.data.admin());
    /** n new events, each by a person of their own, about another, in a group of its own. */
    async function newestEvents(n: number) {
      const tag = randomUUID();
      await api.orm.em
        .fork()
        .getConnection()
        .execute(
          `with people as (
             insert into users (id, email, display_name, password_hash, created_at, password_changed_at)
             select gen_random_uuid(), 'audit-' || ? || '-' || i || '@example.org', 'Audited ' || i, 'x', now(), now() from generate_series(1, 2 * ?) i returning id),
           numbered as (select id, row_number() over () as i from people),
           groups as (
             insert into working_groups (id, slug, name, purpose, created_at, updated_at)
             select gen_random_uuid(), 'audit-' || ? || '-' || i, 'Audited group ' || i, 'For the audit test.', now(), now() from generate_series(1, ?) i returning id, slug)
           insert into audit_events (id, created_at, action, actor_id, subject_user_id, group_id, detail)
           select gen_random_uuid(), clock_timestamp(), 'MEMBER_ROLE_CHANGED', a.id, s.id, g.id, '{"from": "MEMBER", "to": "OBSERVER"}'::jsonb
           from numbered a join numbered s on s.i = a.i + ? join groups g on g.slug = 'audit-' || ? || '-' || a.i`,
          [tag, n, tag, n, n, tag],
        );
      return n;
    }
    type Page = {
      auditLog: {
        events: {
          actor: { displayName: string } | null;
          subject: { displayName: string } | null;
          group: { name: string | null } | null;
        }[];
      };
    };
    const counts: number[] = [];
    for (const n of [await newestEvents(20), await newestEvents(100)]) {
      const page = await pageStatements<Page>(api, admin, AUDIT_PAGE, {
        action: AuditAction.MEMBER_ROLE_CHANGED,
        first: n,
      });
      expect(
        page.data.auditLog.events.filter(
          (e) =>
            e.actor?.displayName.startsWith('Audited ') &&
            e.subject?.displayName.startsWith('Audited ') &&
            e.group?.name?.startsWith('Audited group '),
        ),
      ).toHaveLength(n);
      counts.push(page.statements);
    }
    expect(counts[0]).toBeGreaterThan(0);
    expect(counts[1]).toBe(counts[0]);
  });

  it('pages back through older events with a cursor', async () => {
    const admin = await api.signedIn(await api.data.admin());
    const user = await api.data.user();
    for (let i = 0; i < 3; i++) await signInAs(api, user, `wrong password attempt ${i}`);
    const first = await audit(admin, { userId: user.id, first: 2 });
    expect(first.events).toHaveLength(2);
    expect(first.nextCursor).not.toBeNull();
    const second = await audit(admin, { userId: user.id, first: 2, before: first.nextCursor });
    expect(second.events).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    expect(new Set([...first.events, ...second.events].map((e) => e.id)).size).toBe(3);
    const bad = await admin.request(AUDIT, { before: 'not-a-cursor' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: { before: expect.any(String) },
    });
  });
});

/** A sign-in attempt from a fresh client (the failure is written in the background, so wait for it). */
async function signInAs(api: ApiHarness, user: User, password: string): Promise<void> {
  await api.client().request(SIGN_IN, { input: { email: user.email, password } });
  await new Promise((resolve) => setTimeout(resolve, 100));
}

// Who is asking comes from a short-lived session cache: no SQL statement per request once a
// session was looked up, and whatever ends a session or changes what its person may do drops it
// on every API instance at once (through Redis).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SessionCache } from '@convene/server-identity';
import { ApiHarness, type GqlClient } from './api-harness.js';
import { dataOf } from './group-personas.js';

const ME = `{ me { id networkRole } }`;
const TYPENAME = `{ __typename }`;
const SESSIONS = `{ mySessions { id current } }`;
const REVOKE = `mutation Revoke($id: ID!) { revokeSession(id: $id) }`;
const REVOKE_OTHERS = `mutation { revokeOtherSessions }`;
const SET_ROLE = `mutation SetRole($userId: ID!, $role: NetworkRole!) { setNetworkRole(userId: $userId, role: $role) { id networkRole } }`;
const DEACTIVATE = `mutation Deactivate($userId: ID!) { deactivateAccount(userId: $userId) { id } }`;
const PEOPLE = `{ networkPeople { id } }`;

/** Asks twice, so the instance has looked the session up and holds it. */
async function warm(client: GqlClient): Promise<{ id: string; networkRole: string } | null> {
  await client.request(ME);
  return (await client.request<{ me: { id: string; networkRole: string } | null }>(ME)).data?.me ?? null;
}

describe('session cache', () => {
  let api: ApiHarness;
  let other: Awaited<ReturnType<ApiHarness['anotherInstance']>>;

  beforeAll(async () => {
    api = await ApiHarness.start();
    other = await api.anotherInstance();
    // Each instance uses its cache once its Redis subscription is up (the first lookup starts it).
    const caches = [api.app.get(SessionCache), other.app.get(SessionCache)];
    for (let i = 0; i < 100 && !caches.every((c) => c.inUse()); i++) await new Promise((r) => setTimeout(r, 20));
    expect(caches.map((c) => c.inUse())).toEqual([true, true]);
  });
  afterAll(() => api.stop());

  it('knows who is asking without an SQL statement once it looked the session up', async () => {
    const client = await api.signedIn(await api.data.user());
    await warm(client);
    expect(await api.statements(() => client.request(TYPENAME))).toBe(0);
    // A token it does not know is asked of PostgreSQL every time (and not kept).
    const stranger = api.client();
    for (let i = 0; i < 2; i++) {
      // The API clears an unknown session cookie; the stranger sends it again.
      stranger.cookie = client.cookie!.replace(/=.*/, '=not-a-session-token');
      expect(await api.statements(() => stranger.request(TYPENAME))).toBe(1);
    }
  });

  it('ends a session revoked on one instance at once on the other', async () => {
    const user = await api.data.user();
    const laptop = await api.signedIn(user);
    const phone = other.client(await api.signedIn(user));
    expect(await warm(phone)).toMatchObject({ id: user.id });
    expect(dataOf(await laptop.request<{ revokeOtherSessions: number }>(REVOKE_OTHERS)).revokeOtherSessions).toBe(1);
    expect((await phone.request<{ me: unknown }>(ME)).data?.me).toBeNull();
    // The instance that revoked it knows at once too, and the revoking session carries on.
    expect(await warm(laptop)).toMatchObject({ id: user.id });
  });

  it('ends one revoked session on every instance, and a signed-out one', async () => {
    const user = await api.data.user();
    const laptop = await api.signedIn(user);
    const phone = await api.signedIn(user);
    const phoneElsewhere = other.client(phone);
    expect(await warm(phone)).not.toBeNull();
    expect(await warm(phoneElsewhere)).not.toBeNull();
    const phoneSession = dataOf(
      await phone.request<{ mySessions: { id: string; current: boolean }[] }>(SESSIONS),
    ).mySessions.find((s) => s.current)!;
    expect(dataOf(await other.client(laptop).request(REVOKE, { id: phoneSession.id }))).toEqual({
      revokeSession: true,
    });
    expect((await phone.request<{ me: unknown }>(ME)).data?.me).toBeNull();
    expect((await phoneElsewhere.request<{ me: unknown }>(ME)).data?.me).toBeNull();

    const laptopElsewhere = other.client(laptop);
    expect(await warm(laptopElsewhere)).not.toBeNull();
    dataOf(await laptop.request(`mutation { signOut }`));
    expect((await laptopElsewhere.request<{ me: unknown }>(ME)).data?.me).toBeNull();
  });

  it('applies a network role taken away, and a deactivation, on every instance at once', async () => {
    const admin = await api.signedIn(await api.data.admin());
    const user = await api.data.user({ networkRole: 'ADMIN' as never });
    const elsewhere = other.client(await api.signedIn(user));
    expect(await warm(elsewhere)).toMatchObject({ networkRole: 'ADMIN' });
    expect((await elsewhere.request(PEOPLE)).errors).toBeUndefined();

    dataOf(await admin.request(SET_ROLE, { userId: user.id, role: 'MEMBER' }));
    expect((await elsewhere.request<{ me: { networkRole: string } }>(ME)).data?.me).toMatchObject({
      networkRole: 'MEMBER',
    });
    expect((await elsewhere.request(PEOPLE)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    expect(await warm(elsewhere)).not.toBeNull();
    dataOf(await admin.request(DEACTIVATE, { userId: user.id }));
    expect((await elsewhere.request<{ me: unknown }>(ME)).data?.me).toBeNull();
  });
});

// Rate limits on every secret-checking path and public form, proven against the running API:
// aliasing attempts into one request buys nothing, and a client-supplied X-Forwarded-For moves
// the counter only when the proxy in front is configured as trusted.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { RateLimiter } from '@convene/server-core';
import { TEST_PASSWORD } from '@convene/server-testing';
import { ApiHarness, type GqlClient, type GqlResult } from './api-harness.js';

const SIGN_IN = `mutation SignIn($input: SignInInput!) { signIn(input: $input) { id } }`;
const SIGN_UP = `mutation SignUp($input: SignUpInput!) { signUp(input: $input) { id } }`;
const INVITATION = `query Invitation($token: String!) { invitation(token: $token) { email } }`;
const REGISTER = `mutation Register($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`;
const SUBMIT = `mutation Submit($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`;

const unique = () => randomUUID().replace(/-/g, '').slice(0, 12);
const codes = (result: GqlResult) => (result.errors ?? []).map((e) => e.extensions?.code ?? 'OK');
const aliased = (count: number, field: (i: number) => string, kind = 'query') =>
  `${kind} { ${Array.from({ length: count }, (_, i) => `a${i}: ${field(i)}`).join(' ')} }`;
const wrongSignIn = (email: string, i: number) =>
  `signIn(input: { email: "${email}", password: "wrong password number ${i}" }) { id }`;

/** One request per public path, each with input the path refuses or ignores, so nothing is stored. */
const PUBLIC_PATHS: {
  name: string;
  scope: string;
  limit: number;
  attempt: (client: GqlClient) => Promise<GqlResult>;
}[] = [
  {
    name: 'sign-in',
    scope: 'signin:address',
    limit: 6,
    attempt: (c) =>
      c.request(SIGN_IN, { input: { email: `nobody-${unique()}@example.org`, password: 'a wrong password' } }),
  },
  {
    name: 'sign-up',
    scope: 'signup:address',
    limit: 20,
    attempt: (c) => c.request(SIGN_UP, { input: { email: 'not an email', displayName: 'X', password: 'short' } }),
  },
  {
    name: 'invitation link',
    scope: 'invitation:address',
    limit: 60,
    attempt: (c) => c.request(INVITATION, { token: `guess-${unique()}` }),
  },
  {
    name: 'event registration form',
    scope: 'event-registration:address',
    limit: 20,
    attempt: (c) =>
      c.request(REGISTER, {
        input: { slug: `no-such-event-${unique()}`, name: 'A', email: 'not an email', consent: true },
      }),
  },
  {
    name: 'pitch form',
    scope: 'pitch:address',
    limit: 10,
    attempt: (c) =>
      c.request(SUBMIT, {
        input: {
          formSlug: `no-such-form-${unique()}`,
          organisationName: '',
          organisationType: 'NGO',
          contactName: '',
          contactEmail: 'x',
          title: '',
          summary: '',
          helpWanted: '',
          consent: false,
        },
      }),
  },
  {
    name: 'event private link',
    scope: 'event-registration:link',
    limit: 120,
    attempt: (c) => c.request(`query { myRegistration(token: "guess-${unique()}") { name } }`),
  },
  {
    name: 'pitch private link',
    scope: 'pitch:link',
    limit: 120,
    attempt: (c) => c.request(`query { myPitch(token: "guess-${unique()}") { title } }`),
  },
];

/** Sends `limit` attempts and one more; answers the codes of that last attempt. */
async function exhaust(path: (typeof PUBLIC_PATHS)[number], client: () => GqlClient): Promise<string[]> {
  for (let i = 0; i < path.limit; i++) {
    // Refused for its input (or not found), never for the limit nor for want of a service.
    for (const code of codes(await path.attempt(client())))
      expect(['RATE_LIMITED', 'SERVICE_UNAVAILABLE', 'INTERNAL_SERVER_ERROR']).not.toContain(code);
  }
  return codes(await path.attempt(client()));
}

describe('rate limits behind a trusted proxy', () => {
  let api: ApiHarness;
  let limiter: RateLimiter;
  beforeAll(async () => {
    api = await ApiHarness.start({
      TRUST_PROXY: 'loopback',
      SIGNIN_LIMIT_PER_ACCOUNT: '10',
      SIGNIN_LIMIT_PER_ADDRESS: '6',
    });
    limiter = api.app.get(RateLimiter);
  });
  afterAll(async () => {
    await api.stop();
  });

  it('refuses an operation of 50 aliased sign-in attempts whole: none of them runs, so none goes uncounted', async () => {
    const user = await api.data.user();
    const client = api.client();
    const result = await client.request(aliased(50, (i) => wrongSignIn(user.email, i), 'mutation'));
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OPERATION_TOO_COMPLEX' });
    expect(result.data).toBeUndefined();
    expect(await limiter.attempts({ scope: 'signin:account', subject: user.email })).toBe(0);
    // The account is untouched: the right password still signs in.
    expect(codes(await client.signIn(user.email))).toEqual([]);
  });

  it('counts every aliased sign-in attempt that runs: the first refusal ends the request, so one request is one guess', async () => {
    const user = await api.data.user();
    for (let request = 1; request <= 10; request++) {
      const result = await api.client().request(aliased(20, (i) => wrongSignIn(user.email, i), 'mutation'));
      expect(codes(result)).toEqual(['UNAUTHENTICATED']);
      expect(await limiter.attempts({ scope: 'signin:account', subject: user.email })).toBe(request);
    }
    // Ten guesses spent, from ten addresses: the account is locked for now, the right password included.
    expect(
      codes(await api.client().request(SIGN_IN, { input: { email: user.email, password: TEST_PASSWORD } })),
    ).toEqual(['RATE_LIMITED']);
  });

  it('counts aliased private-link guesses one each: 20 aliases are 20 attempts', async () => {
    const address = `10.61.${Math.floor(Math.random() * 250)}.7`;
    const client = api.client(address);
    const guess = (i: number) => `myPitch(token: "guess-${i}-${unique()}") { title }`;
    for (let request = 1; request <= 6; request++) {
      const result = await client.request(aliased(20, guess));
      // A root field that fails ends the answer at its first error, but every aliased field ran.
      expect(new Set(codes(result))).toEqual(new Set(['NOT_FOUND']));
      expect(await limiter.attempts({ scope: 'pitch:link', subject: address })).toBe(request * 20);
    }
    // 120 guesses spent: every further one is refused before it is looked up.
    expect(codes(await client.request(aliased(20, guess)))).toEqual(['RATE_LIMITED']);
    expect(await limiter.attempts({ scope: 'pitch:link', subject: address })).toBe(140);
  });

  it('takes the client address from the proxy: a different forwarded address is a different counter', async () => {
    const path = PUBLIC_PATHS[0]!;
    expect(await exhaust(path, () => api.client('10.62.0.1'))).toEqual(['RATE_LIMITED']);
    expect(codes(await path.attempt(api.client('10.62.0.2')))).not.toContain('RATE_LIMITED');
  });

  it('ignores addresses a client prepends to the forwarded chain: only the hop the trusted proxy saw counts', async () => {
    const path = PUBLIC_PATHS[0]!;
    let n = 0;
    const spoofing = () => api.client(`203.0.113.${++n % 250}, 10.63.0.1`);
    expect(await exhaust(path, spoofing)).toEqual(['RATE_LIMITED']);
    expect(await limiter.attempts({ scope: path.scope, subject: '10.63.0.1' })).toBe(path.limit + 1);
  });
});

describe('rate limits with no trusted proxy', () => {
  let api: ApiHarness;
  let limiter: RateLimiter;
  beforeAll(async () => {
    api = await ApiHarness.start({ TRUST_PROXY: '', SIGNIN_LIMIT_PER_ADDRESS: '6' });
    limiter = api.app.get(RateLimiter);
  });
  afterAll(async () => {
    await api.stop();
  });

  // Every request comes from 127.0.0.1 whatever X-Forwarded-For says; each path has its own counter.
  it.each(PUBLIC_PATHS.map((path) => [path.name, path] as const))(
    '%s: a new spoofed X-Forwarded-For on every attempt does not reset the counter',
    async (_name, path) => {
      let n = 0;
      const spoofing = () => api.client(`198.51.100.${++n % 250}`);
      expect(await exhaust(path, spoofing)).toEqual(['RATE_LIMITED']);
      expect(await limiter.attempts({ scope: path.scope, subject: '127.0.0.1' })).toBe(path.limit + 1);
      // The spoofed addresses were never counted.
      expect(await limiter.attempts({ scope: path.scope, subject: '198.51.100.1' })).toBe(0);
    },
  );
});

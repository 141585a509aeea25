// One probe per row of the access table: the request a role makes (GraphQL, REST or socket.io), on
// the world's objects or on fresh ones for destructive operations, and what decides that it was
// allowed (the real object or effect came back) or denied (refused, or A's data left out, and the
// database unchanged).
import { isDeepStrictEqual } from 'node:util';
import { randomBytes } from 'node:crypto';
import type { Socket } from 'socket.io-client';
import { MembershipRole, MembershipStatus, type ThreadSignal, type WatchResult } from '@convene/shared-contracts';
import { totpCode, totpStep } from '@convene/server-identity';
import { TEST_PASSWORD } from '@convene/server-testing';
import type { GqlClient, GqlResult } from '../api-harness.js';
import { multipart, pdf } from '../document-files.js';
import type { AccessRow, Operation, Outcome, Role } from './access-table.js';
import { GQL, localIn, marker, ok, pitchInput, type Actor, type World } from './world.js';

/** What a cell saw: allowed, denied, or something that is neither (a broken probe or an odd answer). */
export interface Verdict {
  seen: Outcome | 'unclear';
  detail: string;
}

export interface Cell {
  role: Role;
  row: AccessRow;
  w: World;
}

export type Probe = (cell: Cell) => Promise<Verdict>;

/** The codes that mean "refused". */
const REFUSED = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND']);
const STATUS_CODES: Record<number, string> = {
  400: 'BAD_USER_INPUT',
  401: 'UNAUTHENTICATED',
  403: 'FORBIDDEN',
  404: 'NOT_FOUND',
  409: 'CONFLICT',
};
const NEW_PASSWORD = 'an entirely new passphrase for the matrix';

/** A token of the right shape that was never issued: what a role without the link can try. */
const guessed = () => randomBytes(24).toString('base64url').slice(0, 32);

/** The value at a dotted path of a GraphQL answer. */
export function at(value: unknown, path: string): unknown {
  let here: unknown = value;
  for (const key of path.split('.')) {
    if (here === null || typeof here !== 'object') return undefined;
    here = (here as Record<string, unknown>)[key];
  }
  return here;
}
/** The objects of a list at a path (empty when it is not a list). */
const list = (value: unknown, path: string): Record<string, unknown>[] => {
  const found = at(value, path);
  return Array.isArray(found) ? (found as Record<string, unknown>[]) : [];
};
const ids = (value: unknown, path: string): unknown[] => list(value, path).map((item) => item['id']);

/** The first row of a query, for state snapshots. */
async function row<T = Record<string, unknown>>(w: World, query: string, params: unknown[]): Promise<T | null> {
  return (await w.fresh.sql<T>(query, params))[0] ?? null;
}
const count = async (w: World, query: string, params: unknown[]) =>
  Number((await row<{ n: number }>(w, query, params))?.n ?? 0);

/** A copy of a role's client: a probe's request never replaces the shared client's cookie. */
function copyOf(w: World, client: GqlClient): GqlClient {
  const copy = w.api.client();
  copy.cookie = client.cookie;
  return copy;
}

interface Context<T> {
  c: Cell;
  w: World;
  role: Role;
  t: T;
  actor: Actor;
}

/** true: the real object or effect; 'hidden': an answer without A's data (a denial); a string: neither, and why. */
type Judgement = boolean | 'hidden' | string;

interface Common<T> {
  /** Fresh objects for this cell, made before the request (destructive operations). */
  target?: (c: Cell) => Promise<T>;
  /** Who calls: the role's shared client (default), a new person in the role, or a probe's own choice. */
  actor?: 'fresh' | ((ctx: Omit<Context<T>, 'actor'>) => Promise<Actor>);
  /** The database state the operation would change: equal before and after a refusal, changed by an allowed call. */
  state?: (ctx: Context<T>) => Promise<unknown>;
  /** Runs after the cell (restores global settings). */
  cleanup?: (ctx: Context<T>) => Promise<void>;
}

async function prepare<T>(c: Cell, spec: Common<T>): Promise<Context<T>> {
  const t = (spec.target ? await spec.target(c) : undefined) as T;
  const base = { c, w: c.w, role: c.role, t };
  const actor =
    spec.actor === 'fresh'
      ? await c.w.actor(c.role)
      : spec.actor
        ? await spec.actor(base)
        : { client: copyOf(c.w, c.w.clients[c.role]), user: c.w.userOf(c.role) };
  return { ...base, actor };
}

/** Decides a cell from the refusal code (or null for a success), the judgement and the state change. */
function decide(
  code: string | null,
  judged: Judgement | null,
  changed: boolean | null,
  row: AccessRow,
  detail: string,
): Verdict {
  if (code !== null) {
    const refusal = REFUSED.has(code) || (row.refusedAs as readonly string[] | undefined)?.includes(code);
    if (!refusal) return { seen: 'unclear', detail: `answered ${code} (not a refusal code of this row): ${detail}` };
    if (changed) return { seen: 'unclear', detail: `refused with ${code} but the database changed: ${detail}` };
    return { seen: 'deny', detail: `refused: ${code}` };
  }
  if (judged === 'hidden')
    return changed
      ? { seen: 'unclear', detail: `A's data left out but the database changed: ${detail}` }
      : { seen: 'deny', detail: `answered without A's data: ${detail}` };
  if (judged === true)
    return changed === false
      ? { seen: 'unclear', detail: `answered, but nothing changed: ${detail}` }
      : { seen: 'allow', detail: 'the real object or effect came back' };
  return { seen: 'unclear', detail: `${typeof judged === 'string' ? judged : 'unexpected answer'}: ${detail}` };
}

interface GqlSpec<T> extends Common<T> {
  query: string;
  variables?: (ctx: Context<T>) => Record<string, unknown> | Promise<Record<string, unknown>>;
  judge: (data: unknown, ctx: Context<T>) => Judgement | Promise<Judgement>;
}

/** A GraphQL probe. */
export function gql<T = undefined>(spec: GqlSpec<T>): Probe {
  return async (c) => {
    const ctx = await prepare(c, spec);
    try {
      const variables = spec.variables ? await spec.variables(ctx) : {};
      const before = spec.state ? await spec.state(ctx) : null;
      const result: GqlResult<unknown> = await ctx.actor.client.request(spec.query, variables);
      const error = result.errors?.[0];
      const code = error ? (error.extensions?.code ?? 'NO_CODE') : null;
      // Judged first: a judge may wait for work done after the answer, which the state then sees.
      const judged = error ? null : await spec.judge(result.data, ctx);
      const changed = spec.state ? !isDeepStrictEqual(before, await spec.state(ctx)) : null;
      return decide(
        code,
        judged,
        changed,
        c.row,
        JSON.stringify(error ? (error.extensions ?? error.message) : result.data).slice(0, 300),
      );
    } finally {
      await spec.cleanup?.(ctx);
    }
  };
}

export interface HttpAnswer {
  status: number;
  headers: Headers;
  body: Buffer;
  text: string;
}

interface RestSpec<T> extends Common<T> {
  method: 'GET' | 'POST';
  path: (ctx: Context<T>) => string;
  /** A multipart body with one file (uploads). */
  file?: (ctx: Context<T>) => { name: string; bytes: Buffer };
  /** A raw body of its own type (a mail provider's delivery). */
  raw?: (ctx: Context<T>) => { contentType: string; bytes: Buffer };
  judge: (res: HttpAnswer, ctx: Context<T>) => Judgement | Promise<Judgement>;
}

/** A REST probe: 401, 403 and 404 (or a listed code in the error body) are refusals. */
export function rest<T = undefined>(spec: RestSpec<T>): Probe {
  return async (c) => {
    const ctx = await prepare(c, spec);
    try {
      const before = spec.state ? await spec.state(ctx) : null;
      const headers: Record<string, string> = {
        'x-forwarded-for': `10.8.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`,
      };
      if (ctx.actor.client.cookie) headers['cookie'] = ctx.actor.client.cookie;
      let body: Uint8Array | undefined;
      if (spec.file) {
        const form = multipart([spec.file(ctx)]);
        headers['content-type'] = form.contentType;
        headers['x-requested-with'] = 'convene';
        body = new Uint8Array(form.body);
      }
      if (spec.raw) {
        const raw = spec.raw(ctx);
        headers['content-type'] = raw.contentType;
        body = new Uint8Array(raw.bytes);
      }
      const res = await fetch(`${c.w.api.url}${spec.path(ctx)}`, { method: spec.method, headers, body });
      const bytes = Buffer.from(await res.arrayBuffer());
      const answer: HttpAnswer = {
        status: res.status,
        headers: res.headers,
        body: bytes,
        text: bytes.toString('utf8'),
      };
      const changed = spec.state ? !isDeepStrictEqual(before, await spec.state(ctx)) : null;
      let code: string | null = null;
      if (res.status >= 400) {
        const parsed = (() => {
          try {
            return JSON.parse(answer.text) as { error?: { code?: string } };
          } catch {
            return null;
          }
        })();
        code = parsed?.error?.code ?? STATUS_CODES[res.status] ?? `HTTP_${res.status}`;
        if (res.status === 401 || res.status === 403 || res.status === 404) code = STATUS_CODES[res.status]!;
      }
      const judged = code ? null : await spec.judge(answer, ctx);
      return decide(code, judged, changed, c.row, `${res.status} ${answer.text.slice(0, 200)}`);
    } finally {
      await spec.cleanup?.(ctx);
    }
  };
}

// ---- sockets ----

function connect(w: World, client: GqlClient): Promise<Socket> {
  return w.api.connect(client);
}
function watch(socket: Socket, threadId: string): Promise<WatchResult> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve({ ok: false, code: 'NO_ANSWER' }), 3000);
    socket.emit('thread:watch', threadId, (result: WatchResult) => {
      clearTimeout(timer);
      resolve(result);
    });
  });
}
/** Resolves true when the socket gets a signal for the thread within `ms`. */
function signalled(socket: Socket, threadId: string, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.off('thread:post', listener);
      resolve(false);
    }, ms);
    const listener = (signal: ThreadSignal) => {
      if (signal.threadId !== threadId) return;
      clearTimeout(timer);
      socket.off('thread:post', listener);
      resolve(true);
    };
    socket.on('thread:post', listener);
  });
}
async function replyIn(w: World, threadId: string): Promise<void> {
  ok(await w.clients.memberA.request(GQL.reply, { input: { threadId, body: `A new reply ${marker()}` } }), 'reply');
}

const socketProbes = {
  'socket handshake': async (c) => {
    try {
      const socket = await connect(c.w, copyOf(c.w, c.w.clients[c.role]));
      socket.disconnect();
      return { seen: 'allow', detail: 'connected' };
    } catch (error) {
      return { seen: 'deny', detail: `refused: ${(error as Error).message}` };
    }
  },
  'socket thread:watch': async (c) => {
    const { threadId } = await c.w.fresh.thread();
    let socket: Socket;
    try {
      socket = await connect(c.w, copyOf(c.w, c.w.clients[c.role]));
    } catch (error) {
      return { seen: 'deny', detail: `handshake refused: ${(error as Error).message}` };
    }
    try {
      const answer = await watch(socket, threadId);
      const signal = signalled(socket, threadId, answer.ok ? 3000 : 500);
      await replyIn(c.w, threadId);
      const got = await signal;
      if (answer.ok)
        return got
          ? { seen: 'allow', detail: 'watching, and signalled' }
          : { seen: 'unclear', detail: 'watch acknowledged but no signal came' };
      return got
        ? { seen: 'unclear', detail: `watch refused (${answer.code}) but a signal came` }
        : { seen: 'deny', detail: `watch refused: ${answer.code}` };
    } finally {
      socket.disconnect();
    }
  },
  'socket thread:unwatch': async (c) => {
    const { threadId } = await c.w.fresh.thread();
    let socket: Socket;
    try {
      socket = await connect(c.w, copyOf(c.w, c.w.clients[c.role]));
    } catch (error) {
      return { seen: 'deny', detail: `handshake refused: ${(error as Error).message}` };
    }
    try {
      const answer = await watch(socket, threadId);
      if (!answer.ok) return { seen: 'deny', detail: `could not watch: ${answer.code}` };
      socket.emit('thread:unwatch', threadId);
      // The unwatch has no answer: a watch of another thread, answered after it, shows it was handled.
      await watch(socket, (await c.w.fresh.thread()).threadId);
      const signal = signalled(socket, threadId, 700);
      await replyIn(c.w, threadId);
      return (await signal)
        ? { seen: 'unclear', detail: 'still signalled after unwatching' }
        : { seen: 'allow', detail: 'watched, then unwatched: no more signals' };
    } finally {
      socket.disconnect();
    }
  },
} satisfies Record<string, Probe>;

// ---- helpers for the probes below ----

const token = (ctx: { role: Role }, real: string) => (ctx.role === 'linkHolder' ? real : guessed());
const userId = (ctx: Context<unknown>) => ctx.actor.user?.id ?? null;

/** A browser's subscription as a push service would give it: a fresh endpoint, keys of the right shape. */
const pushDevice = () => ({
  endpoint: `https://push.example.org/send/${randomBytes(12).toString('base64url')}`,
  keys: {
    // Any P-256 public key will do: the test VAPID key is one.
    p256dh: 'BF0AOyaYE8g7SHgqP5ZovL24JcJwpD_clnTdCFrSKs1DI58V5UcKXoJR5-uk8AayLz-l9afMhmmTmIcPA7ECiU8',
    auth: randomBytes(16).toString('base64url'),
  },
  label: 'Chromium on Linux',
});
const REGISTER_PUSH = `mutation M($input: RegisterPushDeviceInput!) { registerPushDevice(input: $input) { id } }`;

/** A person in A with a device registered, and their client: memberA in probes of one's own devices. */
async function memberWithPushDevice(w: World): Promise<{ user: Actor['user']; client: GqlClient; deviceId: string }> {
  const { user } = await w.fresh.memberOfA();
  const client = await w.api.signedIn(user);
  const registered = ok(
    await client.request<{ registerPushDevice: { id: string } }>(REGISTER_PUSH, { input: pushDevice() }),
    'registerPushDevice',
  );
  return { user, client, deviceId: registered.registerPushDevice.id };
}

const DAY = 86_400_000;

/** Turns two-factor sign-in on for an actor (when their session works); answers the recovery codes. */
async function withTwoFactor(actor: Actor): Promise<string[]> {
  const begun = await actor.client.request<{ beginTwoFactorSetup: { secret: string } }>(GQL.beginTwoFactor);
  if (!begun.data?.beginTwoFactorSetup) return [];
  const codes = await actor.client.request<{ confirmTwoFactorSetup: string[] }>(GQL.confirmTwoFactor, {
    code: totpCode(begun.data.beginTwoFactorSetup.secret, totpStep()),
  });
  return codes.data?.confirmTwoFactorSetup ?? [];
}

const graphqlProbes = {
  // ---- queries ----
  archivedWorkingGroups: gql({
    target: ({ w }) => w.fresh.groupLikeA(true),
    query: `{ archivedWorkingGroups { id } }`,
    judge: (d, { t }) => (ids(d, 'archivedWorkingGroups').includes(t.id) ? true : 'hidden'),
  }),
  auditLog: gql({
    query: `query Q($userId: ID) { auditLog(userId: $userId, first: 50) { events { action subject { id } } } }`,
    variables: ({ w }) => ({ userId: w.people.deactivated.id }),
    judge: (d, { w }) =>
      list(d, 'auditLog.events').some(
        (e) => e['action'] === 'ACCOUNT_DEACTIVATED' && at(e, 'subject.id') === w.people.deactivated.id,
      ),
  }),
  calendarFeed: gql({ query: `{ calendarFeed { active } }`, judge: (d) => at(d, 'calendarFeed.active') === true }),
  document: gql({
    query: `query Q($id: ID!) { document(id: $id) { id } }`,
    variables: ({ w }) => ({ id: w.a.documentId }),
    judge: (d, { w }) => at(d, 'document.id') === w.a.documentId,
  }),
  documentSettings: gql({
    query: `{ documentSettings { maxBytes allowedTypes } }`,
    judge: (d) => Number(at(d, 'documentSettings.maxBytes')) > 0,
  }),
  eventRegistrations: gql({
    query: `query Q($meetingId: ID!) { eventRegistrations(meetingId: $meetingId) { id name email } }`,
    variables: ({ w }) => ({ meetingId: w.a.eventMeetingId }),
    judge: (d, { w }) => list(d, 'eventRegistrations').some((r) => r['email'] === w.a.registrantEmail),
  }),
  invitation: gql({
    query: `query Q($token: String!) { invitation(token: $token) { email groupName } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.w.links.invitation) }),
    judge: (d, { w }) => at(d, 'invitation.groupName') === w.groupA.name,
  }),
  me: gql({
    query: `{ me { id } }`,
    judge: (d, ctx) => (at(d, 'me') === null ? 'hidden' : at(d, 'me.id') === userId(ctx)),
  }),
  meeting: gql({
    query: `query Q($id: ID!) { meeting(id: $id) { id } }`,
    variables: ({ w }) => ({ id: w.a.meetingId }),
    judge: (d, { w }) => at(d, 'meeting.id') === w.a.meetingId,
  }),
  meetingPoll: gql({
    query: `query Q($id: ID!) { meetingPoll(id: $id) { id } }`,
    variables: ({ w }) => ({ id: w.a.pollId }),
    judge: (d, { w }) => at(d, 'meetingPoll.id') === w.a.pollId,
  }),
  myCalendar: gql({
    query: `query Q($from: DateTime!, $to: DateTime!) { myCalendar(from: $from, to: $to) { id } }`,
    variables: () => ({ from: new Date().toISOString(), to: new Date(Date.now() + 30 * DAY).toISOString() }),
    judge: (d, { w }) => (ids(d, 'myCalendar').includes(w.a.meetingId) ? true : 'hidden'),
  }),
  myDataExports: gql({
    query: `{ myDataExports { id } }`,
    judge: (d, { w }) => (ids(d, 'myDataExports').includes(w.a.exportId) ? true : 'hidden'),
  }),
  myPitch: gql({
    query: `query Q($token: String!) { myPitch(token: $token) { id title } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.w.links.pitch) }),
    judge: (d, { w }) => at(d, 'myPitch.title') === w.a.pitchTitle,
  }),
  myRegistration: gql({
    query: `query Q($token: String!) { myRegistration(token: $token) { email status } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.w.links.registration) }),
    judge: (d, { w }) => at(d, 'myRegistration.email') === w.a.registrantEmail,
  }),
  myPushDevices: gql({
    target: ({ w }) => memberWithPushDevice(w),
    actor: async ({ w, role, t }) =>
      role === 'memberA'
        ? { client: t.client, user: t.user }
        : { client: copyOf(w, w.clients[role]), user: w.userOf(role) },
    query: `{ myPushDevices { id } }`,
    judge: (d, { t }) => (ids(d, 'myPushDevices').includes(t.deviceId) ? true : 'hidden'),
  }),
  mySessions: gql({
    query: `{ mySessions { id current } }`,
    judge: async (d, ctx) => {
      const own = (
        await ctx.w.fresh.sql<{ id: string }>('select id from sessions where user_id = ?', [userId(ctx)])
      ).map((s) => s.id);
      const seen = list(d, 'mySessions');
      return seen.length > 0 &&
        seen.every((s) => own.includes(s['id'] as string)) &&
        seen.filter((s) => s['current']).length === 1
        ? true
        : `not exactly the viewer's own sessions`;
    },
  }),
  networkPeople: gql({
    query: `query Q($search: String) { networkPeople(search: $search) { id email } }`,
    variables: ({ w }) => ({ search: w.people.memberA.email }),
    judge: (d, { w }) => list(d, 'networkPeople').some((p) => p['email'] === w.people.memberA.email),
  }),
  pushPublicKey: gql({
    query: `{ pushPublicKey }`,
    judge: (d) => String(at(d, 'pushPublicKey') ?? '').length === 87,
  }),
  networkSettings: gql({
    query: `{ networkSettings { signUpMode } }`,
    judge: (d) => typeof at(d, 'networkSettings.signUpMode') === 'string',
  }),
  notificationSettings: gql({
    query: `{ notificationSettings { digestHour groups { group { id } } } }`,
    judge: (d, { w }) =>
      list(d, 'notificationSettings.groups').some((g) => at(g, 'group.id') === w.groupA.id) ? true : 'hidden',
  }),
  notifications: gql({
    target: ({ w }) => w.fresh.notificationOfMemberA(),
    query: `{ notifications(first: 50) { id } }`,
    judge: (d, { t }) => (ids(d, 'notifications').includes(t) ? true : 'hidden'),
  }),
  partnerOrganisations: gql({
    query: `{ partnerOrganisations { id } }`,
    judge: (d, { w }) => ids(d, 'partnerOrganisations').includes(w.organisationId),
  }),
  partnerOrganisation: gql({
    query: `query Q($id: ID!) { partnerOrganisation(id: $id) { id name } }`,
    variables: ({ w }) => ({ id: w.organisationId }),
    judge: (d, { w }) => at(d, 'partnerOrganisation.id') === w.organisationId,
  }),
  passwordReset: gql({
    query: `query Q($token: String!) { passwordReset(token: $token) { twoFactorRequired } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.w.links.passwordReset) }),
    judge: (d) => at(d, 'passwordReset.twoFactorRequired') === false,
  }),
  pitch: gql({
    query: `query Q($id: ID!) { pitch(id: $id) { id } }`,
    variables: ({ w }) => ({ id: w.a.pitchId }),
    judge: (d, { w }) => at(d, 'pitch.id') === w.a.pitchId,
  }),
  pitchForm: gql({
    query: `query Q($slug: String!) { pitchForm(slug: $slug) { slug } }`,
    variables: ({ w }) => ({ slug: w.a.formSlug }),
    judge: (d, { w }) => at(d, 'pitchForm.slug') === w.a.formSlug,
  }),
  pitchForms: gql({
    query: `{ pitchForms { slug } }`,
    judge: (d, { w }) => list(d, 'pitchForms').some((f) => f['slug'] === w.a.formSlug),
  }),
  pitches: gql({
    // The world's pitch is the only one of A under review (fresh ones stay RECEIVED).
    query: `query Q($groupId: ID) { pitches(groupId: $groupId, status: UNDER_REVIEW, first: 50) { nodes { id } } }`,
    variables: ({ w }) => ({ groupId: w.groupA.id }),
    judge: (d, { w }) => (ids(d, 'pitches.nodes').includes(w.a.pitchId) ? true : 'hidden'),
  }),
  threadRevisions: gql({
    // A thread of A whose title memberA changed once: its earlier title is its history.
    target: async ({ w }) => {
      const made = await w.fresh.thread('Before the matrix renamed it');
      ok(
        await w.clients.memberA.request(
          `mutation M($input: UpdateThreadInput!) { updateThread(input: $input) { id } }`,
          { input: { threadId: made.threadId, title: 'Renamed by the matrix' } },
        ),
        'updateThread',
      );
      return made;
    },
    query: `query Q($threadId: ID!) { threadRevisions(threadId: $threadId) { title } }`,
    variables: ({ t }) => ({ threadId: t.threadId }),
    judge: (d) => list(d, 'threadRevisions').some((r) => r['title'] === 'Before the matrix renamed it'),
  }),
  postRevisions: gql({
    query: `query Q($postId: ID!) { postRevisions(postId: $postId) { body } }`,
    variables: ({ w }) => ({ postId: w.a.openingPostId }),
    judge: (d) => list(d, 'postRevisions').some((r) => r['body'] === 'What have you seen?'),
  }),
  previewPost: gql({
    query: `query Q($body: String!, $groupId: ID) { previewPost(body: $body, groupId: $groupId) }`,
    variables: ({ w }) => ({ body: `Ask @[${w.people.convenorA.displayName}]`, groupId: w.groupA.id }),
    judge: (d, { w }) =>
      String(at(d, 'previewPost')).includes(`data-user-id="${w.people.convenorA.id}"`) ||
      'the mention was not resolved',
  }),
  publicEvent: gql({
    query: `query Q($slug: String!) { publicEvent(slug: $slug) { slug } }`,
    variables: ({ w }) => ({ slug: w.a.eventSlug }),
    judge: (d, { w }) => at(d, 'publicEvent.slug') === w.a.eventSlug,
  }),
  // Searched across the viewer's groups, then asked for A by id: both must find A's object, or neither.
  // Group B holds a thread and a document with the same word, so an outsider's search finds something.
  search: gql({
    query: `query Q($input: SearchInput!) { search(input: $input) { nodes { threadId } } }`,
    variables: ({ w }) => ({ input: { query: w.a.searchWord } }),
    judge: async (d, { w, actor }) => {
      const found = (data: unknown) => list(data, 'search.nodes').some((n) => n['threadId'] === w.a.threadId);
      const inA = await actor.client.request(
        `query Q($input: SearchInput!) { search(input: $input) { nodes { threadId } } }`,
        { input: { query: w.a.searchWord, groupId: w.groupA.id } },
      );
      return found(d) === found(inA.data)
        ? found(d)
          ? true
          : 'hidden'
        : 'asking for A by id finds what the plain search does not, or the other way round';
    },
  }),
  searchDocuments: gql({
    query: `query Q($input: SearchDocumentsInput!) { searchDocuments(input: $input) { nodes { document { id } } } }`,
    variables: ({ w }) => ({ input: { query: w.a.searchWord } }),
    judge: async (d, { w, actor }) => {
      const found = (data: unknown) =>
        list(data, 'searchDocuments.nodes').some((n) => at(n, 'document.id') === w.a.documentId);
      const inA = await actor.client.request(
        `query Q($input: SearchDocumentsInput!) { searchDocuments(input: $input) { nodes { document { id } } } }`,
        {
          input: { query: w.a.searchWord, groupId: w.groupA.id },
        },
      );
      return found(d) === found(inA.data)
        ? found(d)
          ? true
          : 'hidden'
        : 'asking for A by id finds what the plain search does not, or the other way round';
    },
  }),
  thread: gql({
    query: `query Q($id: ID!) { thread(id: $id) { id } }`,
    variables: ({ w }) => ({ id: w.a.threadId }),
    judge: (d, { w }) => at(d, 'thread.id') === w.a.threadId,
  }),
  twoFactor: gql({ query: `{ twoFactor { enabled } }`, judge: (d) => typeof at(d, 'twoFactor.enabled') === 'boolean' }),
  unreadNotificationCount: gql({
    query: `{ unreadNotificationCount }`,
    judge: (d) => typeof at(d, 'unreadNotificationCount') === 'number',
  }),
  workingGroup: gql({
    query: `query Q($slug: String!) { workingGroup(slug: $slug) { id } }`,
    variables: ({ w }) => ({ slug: w.groupA.slug }),
    judge: (d, { w }) => at(d, 'workingGroup.id') === w.groupA.id,
  }),
  workingGroups: gql({
    query: `{ workingGroups { id } }`,
    judge: (d, { w }) => (ids(d, 'workingGroups').includes(w.groupA.id) ? true : 'hidden'),
  }),

  // ---- mutations ----
  acceptPitch: gql({
    target: ({ w }) => w.fresh.pitch(),
    query: `mutation M($input: AcceptPitchInput!) { acceptPitch(input: $input) { id status } }`,
    variables: ({ w, t }) => ({ input: { pitchId: t.id, groupId: w.groupA.id } }),
    judge: (d) => at(d, 'acceptPitch.status') === 'ACCEPTED',
    state: ({ w, t }) => row(w, 'select status from pitches where id = ?', [t.id]),
  }),
  answerMeetingPoll: gql({
    target: ({ w }) => w.fresh.poll(),
    query: `mutation M($input: AnswerMeetingPollInput!) { answerMeetingPoll(input: $input) { id } }`,
    variables: ({ t }) => ({ input: { pollId: t.pollId, answers: [{ slotId: t.slotIds[0], answer: 'YES' }] } }),
    judge: (d, { t }) => at(d, 'answerMeetingPoll.id') === t.pollId,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from meeting_poll_votes where poll_id = ?', [t.pollId]),
  }),
  beginTwoFactorSetup: gql({
    actor: 'fresh',
    query: `mutation { beginTwoFactorSetup { secret } }`,
    judge: (d) => /^[A-Z2-7]{32}$/.test(String(at(d, 'beginTwoFactorSetup.secret'))),
    state: (ctx) =>
      row(ctx.w, 'select totp_pending_secret is not null as pending from users where id = ?', [userId(ctx)]),
  }),
  cancelMeeting: gql({
    target: ({ w }) => w.fresh.meeting(),
    query: `mutation M($input: CancelMeetingInput!) { cancelMeeting(input: $input) { id status } }`,
    variables: ({ t }) => ({ input: { id: t, reason: 'Strike day' } }),
    judge: (d) => at(d, 'cancelMeeting.status') === 'CANCELLED',
    state: ({ w, t }) => row(w, 'select status from meetings where id = ?', [t]),
  }),
  cancelRegistration: gql({
    target: async ({ w }) => w.fresh.registration((await w.fresh.event()).slug),
    query: `mutation M($token: String!) { cancelRegistration(token: $token) { status } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.t.token) }),
    judge: (d) => at(d, 'cancelRegistration.status') === 'CANCELLED',
    state: ({ w, t }) => row(w, 'select status from event_registrations where id = ?', [t.id]),
  }),
  changePassword: gql({
    actor: 'fresh',
    query: `mutation M($input: ChangePasswordInput!) { changePassword(input: $input) }`,
    variables: () => ({ input: { currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD } }),
    judge: (d) => at(d, 'changePassword') === true,
    state: (ctx) => row(ctx.w, 'select password_hash from users where id = ?', [userId(ctx)]),
  }),
  checkInRegistration: gql({
    target: async ({ w }) => {
      const registration = await w.fresh.registration((await w.fresh.event()).slug);
      ok(
        await w.clients.convenorA.request(
          `mutation D($id: ID!) { decideRegistration(registrationId: $id, approve: true) { id } }`,
          { id: registration.id },
        ),
        'decideRegistration',
      );
      return registration;
    },
    query: `mutation M($id: ID!) { checkInRegistration(registrationId: $id, checkedIn: true) { id checkedInAt } }`,
    variables: ({ t }) => ({ id: t.id }),
    judge: (d) => at(d, 'checkInRegistration.checkedInAt') !== null,
    state: ({ w, t }) => row(w, 'select checked_in_at from event_registrations where id = ?', [t.id]),
  }),
  closeMeetingPoll: gql({
    target: ({ w }) => w.fresh.poll(),
    query: `mutation M($id: ID!) { closeMeetingPoll(id: $id) { id status } }`,
    variables: ({ t }) => ({ id: t.pollId }),
    judge: (d) => at(d, 'closeMeetingPoll.status') === 'CLOSED',
    state: ({ w, t }) => row(w, 'select status from meeting_polls where id = ?', [t.pollId]),
  }),
  configureEvent: gql({
    target: ({ w }) => w.fresh.meeting(),
    query: `mutation M($input: ConfigureEventInput!) { configureEvent(input: $input) { id eventForm { slug } } }`,
    variables: ({ t }) => ({
      input: { meetingId: t, slug: `event-${marker('')}`, consentText: 'We keep your details for the event.' },
    }),
    judge: (d) => typeof at(d, 'configureEvent.eventForm.slug') === 'string',
    state: ({ w, t }) => count(w, 'select count(*)::int as n from event_forms where meeting_id = ?', [t]),
  }),
  confirmTwoFactorSetup: gql({
    actor: 'fresh',
    query: `mutation M($code: String!) { confirmTwoFactorSetup(code: $code) }`,
    variables: async ({ actor }) => {
      const begun = await actor.client.request<{ beginTwoFactorSetup: { secret: string } }>(GQL.beginTwoFactor);
      return {
        code: begun.data?.beginTwoFactorSetup ? totpCode(begun.data.beginTwoFactorSetup.secret, totpStep()) : '123456',
      };
    },
    judge: (d) => list(d, 'confirmTwoFactorSetup').length === 10,
    state: (ctx) => row(ctx.w, 'select totp_enabled_at from users where id = ?', [userId(ctx)]),
  }),
  createDocumentFolder: gql({
    target: async () => `Evidence ${marker('')}`,
    query: `mutation M($input: CreateDocumentFolderInput!) { createDocumentFolder(input: $input) { id } }`,
    variables: ({ w, t }) => ({ input: { groupId: w.groupA.id, name: t } }),
    judge: (d) => typeof at(d, 'createDocumentFolder.id') === 'string',
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from document_folders where group_id = ? and name = ?', [w.groupA.id, t]),
  }),
  createMeetingPoll: gql({
    target: async () => `Planning ${marker('')}`,
    query: `mutation M($input: CreateMeetingPollInput!) { createMeetingPoll(input: $input) { id } }`,
    variables: ({ w, t }) => ({
      input: {
        groupId: w.groupA.id,
        title: t,
        timeZone: 'Europe/London',
        slots: [4, 5].map((d) => ({ startsAt: localIn(d, 18), endsAt: localIn(d, 19) })),
      },
    }),
    judge: (d) => typeof at(d, 'createMeetingPoll.id') === 'string',
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from meeting_polls where group_id = ? and title = ?', [w.groupA.id, t]),
  }),
  archiveGroup: gql({
    target: ({ w }) => w.fresh.groupLikeA(),
    query: `mutation M($groupId: ID!) { archiveGroup(groupId: $groupId) { id archivedAt } }`,
    variables: ({ t }) => ({ groupId: t.id }),
    judge: (d, { t }) => at(d, 'archiveGroup.id') === t.id && typeof at(d, 'archiveGroup.archivedAt') === 'string',
    state: ({ w, t }) => row(w, 'select archived_at from working_groups where id = ?', [t.id]),
  }),
  createThread: gql({
    target: async () => `Data sharing ${marker('')}`,
    query: `mutation M($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
    variables: ({ w, t }) => ({ input: { groupId: w.groupA.id, title: t, body: 'Notes from Tuesday.' } }),
    judge: (d) => typeof at(d, 'createThread.id') === 'string',
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from threads where group_id = ? and title = ?', [w.groupA.id, t]),
  }),
  createWorkingGroup: gql({
    target: async () => `group-${marker('')}`,
    query: `mutation M($input: CreateWorkingGroupInput!) { createWorkingGroup(input: $input) { id slug } }`,
    variables: ({ t }) => ({
      input: {
        slug: t,
        name: `New group ${t}`,
        purpose: 'Made by the matrix.',
        joinPolicy: 'REQUEST',
        memberListVisibility: 'MEMBERS',
      },
    }),
    judge: (d, { t }) => at(d, 'createWorkingGroup.slug') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from working_groups where slug = ?', [t]),
  }),
  deactivateAccount: gql({
    target: ({ w }) => w.fresh.memberOfA(),
    query: `mutation M($userId: ID!) { deactivateAccount(userId: $userId) { id deactivatedAt } }`,
    variables: ({ t }) => ({ userId: t.user.id }),
    judge: (d) => at(d, 'deactivateAccount.deactivatedAt') !== null,
    state: ({ w, t }) => row(w, 'select deactivated_at from users where id = ?', [t.user.id]),
  }),
  decideMembership: gql({
    target: ({ w }) => w.fresh.memberOfA(MembershipRole.MEMBER, MembershipStatus.PENDING),
    query: `mutation M($input: DecideMembershipInput!) { decideMembership(input: $input) { id status } }`,
    variables: ({ t }) => ({ input: { membershipId: t.membershipId, approve: true } }),
    judge: (d) => at(d, 'decideMembership.status') === 'ACTIVE',
    state: ({ w, t }) => row(w, 'select status from memberships where id = ?', [t.membershipId]),
  }),
  decideRegistration: gql({
    target: async ({ w }) => w.fresh.registration((await w.fresh.event()).slug),
    query: `mutation M($id: ID!) { decideRegistration(registrationId: $id, approve: true) { id status } }`,
    variables: ({ t }) => ({ id: t.id }),
    judge: (d) => at(d, 'decideRegistration.status') === 'CONFIRMED',
    state: ({ w, t }) => row(w, 'select status from event_registrations where id = ?', [t.id]),
  }),
  deleteAccount: gql({
    actor: 'fresh',
    query: `mutation M($input: DeleteAccountInput!) { deleteAccount(input: $input) }`,
    variables: () => ({ input: { password: TEST_PASSWORD } }),
    judge: (d) => at(d, 'deleteAccount') === true,
    state: (ctx) => row(ctx.w, 'select email, deleted_at from users where id = ?', [userId(ctx)]),
  }),
  deleteDocumentFolder: gql({
    target: ({ w }) => w.fresh.folder(),
    query: `mutation M($id: ID!) { deleteDocumentFolder(id: $id) }`,
    variables: ({ t }) => ({ id: t }),
    judge: (d) => at(d, 'deleteDocumentFolder') === true,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from document_folders where id = ?', [t]),
  }),
  deletePost: gql({
    target: ({ w }) => w.fresh.post(),
    query: `mutation M($postId: ID!) { deletePost(postId: $postId) { id deleted } }`,
    variables: ({ t }) => ({ postId: t.postId }),
    judge: (d) => at(d, 'deletePost.deleted') === true,
    state: ({ w, t }) => row(w, 'select deleted_at from posts where id = ?', [t.postId]),
  }),
  disableTwoFactor: gql({
    actor: 'fresh',
    query: `mutation M($input: DisableTwoFactorInput!) { disableTwoFactor(input: $input) }`,
    variables: async ({ actor }) => ({
      input: { password: TEST_PASSWORD, code: (await withTwoFactor(actor))[1] ?? '123456' },
    }),
    judge: (d) => at(d, 'disableTwoFactor') === true,
    state: (ctx) => row(ctx.w, 'select totp_enabled_at from users where id = ?', [userId(ctx)]),
  }),
  discussDocument: gql({
    target: ({ w }) => w.fresh.document(),
    query: `mutation M($id: ID!) { discussDocument(id: $id) { id threadId } }`,
    variables: ({ t }) => ({ id: t }),
    judge: (d) => typeof at(d, 'discussDocument.threadId') === 'string',
    state: ({ w, t }) => row(w, 'select thread_id from documents where id = ?', [t]),
  }),
  editPost: gql({
    target: ({ w }) => w.fresh.post(),
    query: `mutation M($input: EditPostInput!) { editPost(input: $input) { id body } }`,
    variables: ({ t }) => ({ input: { postId: t.postId, body: 'Edited by the matrix.' } }),
    judge: (d) => at(d, 'editPost.body') === 'Edited by the matrix.',
    state: ({ w, t }) => row(w, 'select body from posts where id = ?', [t.postId]),
  }),
  emailRegistrants: gql({
    target: async ({ w }) =>
      w.fresh.registration((await w.fresh.event()).slug).then(async (r) => ({
        ...r,
        meetingId: (await row<{ meeting_id: string }>(w, 'select meeting_id from event_registrations where id = ?', [
          r.id,
        ]))!.meeting_id,
      })),
    query: `mutation M($input: EmailRegistrantsInput!) { emailRegistrants(input: $input) }`,
    variables: ({ t }) => ({
      input: { meetingId: t.meetingId, subject: 'Venue change', message: 'We moved to the community hall.' },
    }),
    judge: (d) => Number(at(d, 'emailRegistrants')) >= 1,
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from mail_messages where lower(to_address) = lower(?)', [t.email]),
  }),
  hidePost: gql({
    target: ({ w }) => w.fresh.post(),
    query: `mutation M($input: HidePostInput!) { hidePost(input: $input) { id hidden { reason } } }`,
    variables: ({ t }) => ({ input: { postId: t.postId, reason: 'Names a person at risk.' } }),
    judge: (d) => at(d, 'hidePost.hidden.reason') === 'Names a person at risk.',
    state: ({ w, t }) => row(w, 'select hidden_at from posts where id = ?', [t.postId]),
  }),
  inviteMember: gql({
    target: async () => `invitee-${marker('')}@example.org`,
    query: `mutation M($input: InviteMemberInput!) { inviteMember(input: $input) { email } }`,
    variables: ({ w, t }) => ({ input: { groupId: w.groupA.id, email: t } }),
    judge: (d, { t }) => at(d, 'inviteMember.email') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from invitations where email = ?', [t]),
  }),
  inviteToNetwork: gql({
    target: async () => `newcomer-${marker('')}@example.org`,
    query: `mutation M($input: InviteToNetworkInput!) { inviteToNetwork(input: $input) { id email } }`,
    variables: ({ t }) => ({ input: { email: t } }),
    judge: (d, { t }) => at(d, 'inviteToNetwork.email') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from invitations where email = ?', [t]),
  }),
  leaveGroup: gql({
    actor: 'fresh',
    query: `mutation M($groupId: ID!) { leaveGroup(groupId: $groupId) }`,
    variables: ({ w }) => ({ groupId: w.groupA.id }),
    judge: (d) => at(d, 'leaveGroup') === true,
    state: (ctx) =>
      count(ctx.w, 'select count(*)::int as n from memberships where group_id = ? and user_id = ?', [
        ctx.w.groupA.id,
        userId(ctx),
      ]),
  }),
  linkDocumentToThread: gql({
    target: async ({ w }) => ({ documentId: await w.fresh.document(), threadId: (await w.fresh.thread()).threadId }),
    query: `mutation M($id: ID!, $threadId: ID!) { linkDocumentToThread(id: $id, threadId: $threadId) { id linkedThreads { id } } }`,
    variables: ({ t }) => ({ id: t.documentId, threadId: t.threadId }),
    judge: (d, { t }) => ids(d, 'linkDocumentToThread.linkedThreads').includes(t.threadId),
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from document_thread_links where document_id = ?', [t.documentId]),
  }),
  updateThread: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($input: UpdateThreadInput!) { updateThread(input: $input) { id title } }`,
    variables: ({ t }) => ({ input: { threadId: t.threadId, title: 'Retitled by the matrix', tags: ['matrix'] } }),
    judge: (d) => at(d, 'updateThread.title') === 'Retitled by the matrix',
    state: ({ w, t }) => row(w, 'select title, tags from threads where id = ?', [t.threadId]),
  }),
  lockThread: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($threadId: ID!) { lockThread(threadId: $threadId, locked: true) { id locked } }`,
    variables: ({ t }) => ({ threadId: t.threadId }),
    judge: (d) => at(d, 'lockThread.locked') === true,
    state: ({ w, t }) => row(w, 'select locked from threads where id = ?', [t.threadId]),
  }),
  markNotificationsRead: gql({
    target: ({ w }) => w.fresh.notificationOfMemberA(),
    query: `mutation M($ids: [ID!]) { markNotificationsRead(ids: $ids) }`,
    variables: ({ t }) => ({ ids: [t] }),
    judge: async (_d, { w, t }) =>
      (await row<{ read_at: Date | null }>(w, 'select read_at from notifications where id = ?', [t]))?.read_at
        ? true
        : 'hidden',
    state: ({ w, t }) => row(w, 'select read_at from notifications where id = ?', [t]),
  }),
  markThreadRead: gql({
    // Started by the other member, so neither memberA nor convenorA has read it yet.
    target: ({ w }) => w.fresh.thread('Unread discussion', w.otherClient),
    query: `mutation M($threadId: ID!) { markThreadRead(threadId: $threadId) { id unreadCount } }`,
    variables: ({ t }) => ({ threadId: t.threadId }),
    judge: (d) => at(d, 'markThreadRead.unreadCount') === 0,
    state: (ctx) =>
      row(ctx.w, 'select read_count from thread_reads where thread_id = ? and user_id = ?', [
        ctx.t.threadId,
        userId(ctx),
      ]),
  }),
  moveDocument: gql({
    target: async ({ w }) => ({ documentId: await w.fresh.document(), folderId: await w.fresh.folder() }),
    query: `mutation M($input: MoveDocumentInput!) { moveDocument(input: $input) { id folderId } }`,
    variables: ({ t }) => ({ input: { id: t.documentId, folderId: t.folderId } }),
    judge: (d, { t }) => at(d, 'moveDocument.folderId') === t.folderId,
    state: ({ w, t }) => row(w, 'select folder_id from documents where id = ?', [t.documentId]),
  }),
  moveThread: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($input: MoveThreadInput!) { moveThread(input: $input) { id group { id } } }`,
    variables: ({ w, t }) => ({ input: { threadId: t.threadId, groupId: w.groupC.id } }),
    judge: (d, { w }) => at(d, 'moveThread.group.id') === w.groupC.id,
    state: ({ w, t }) => row(w, 'select group_id from threads where id = ?', [t.threadId]),
  }),
  pickMeetingPollSlot: gql({
    target: ({ w }) => w.fresh.poll(),
    query: `mutation M($input: PickMeetingPollSlotInput!) { pickMeetingPollSlot(input: $input) { id status meetingId } }`,
    variables: ({ t }) => ({ input: { pollId: t.pollId, slotId: t.slotIds[1] } }),
    judge: (d) => at(d, 'pickMeetingPollSlot.status') === 'DECIDED',
    state: ({ w, t }) => row(w, 'select status from meeting_polls where id = ?', [t.pollId]),
  }),
  pinThread: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($threadId: ID!) { pinThread(threadId: $threadId, pinned: true) { id pinned } }`,
    variables: ({ t }) => ({ threadId: t.threadId }),
    judge: (d) => at(d, 'pinThread.pinned') === true,
    state: ({ w, t }) => row(w, 'select pinned from threads where id = ?', [t.threadId]),
  }),
  reactToPost: gql({
    target: ({ w }) => w.fresh.post(),
    query: `mutation M($input: ReactInput!) { reactToPost(input: $input) { id reactions { reaction mine } } }`,
    variables: ({ t }) => ({ input: { postId: t.postId, reaction: 'THUMBS_UP', active: true } }),
    judge: (d) => list(d, 'reactToPost.reactions').some((r) => r['reaction'] === 'THUMBS_UP' && r['mine'] === true),
    state: ({ w, t }) => count(w, 'select count(*)::int as n from post_reactions where post_id = ?', [t.postId]),
  }),
  reactivateAccount: gql({
    target: ({ w }) => w.fresh.deactivatedMemberOfA(),
    query: `mutation M($userId: ID!) { reactivateAccount(userId: $userId) { id deactivatedAt } }`,
    variables: ({ t }) => ({ userId: t.user!.id }),
    judge: (d) => at(d, 'reactivateAccount.deactivatedAt') === null,
    state: ({ w, t }) => row(w, 'select deactivated_at from users where id = ?', [t.user!.id]),
  }),
  regenerateRecoveryCodes: gql({
    actor: 'fresh',
    query: `mutation M($code: String!) { regenerateRecoveryCodes(code: $code) }`,
    variables: async ({ actor }) => ({ code: (await withTwoFactor(actor))[2] ?? '123456' }),
    judge: (d) => list(d, 'regenerateRecoveryCodes').length === 10,
    state: (ctx) =>
      ctx.w.fresh.sql('select code_hash from recovery_codes where user_id = ? order by code_hash', [userId(ctx)]),
  }),
  registerForEvent: gql({
    target: async () => `guest-${marker('')}@example.org`,
    query: `mutation M($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`,
    variables: ({ w, t }) => ({
      input: {
        slug: w.a.eventSlug,
        name: 'Amal Guest',
        email: t,
        organisation: 'Refugee Action Network',
        consent: true,
      },
    }),
    judge: async (_d, { w, t }) =>
      (await count(w, 'select count(*)::int as n from event_registrations where lower(email) = lower(?)', [t])) === 1
        ? true
        : 'hidden',
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from event_registrations where lower(email) = lower(?)', [t]),
  }),
  removeMember: gql({
    target: ({ w }) => w.fresh.memberOfA(),
    query: `mutation M($membershipId: ID!) { removeMember(membershipId: $membershipId) }`,
    variables: ({ t }) => ({ membershipId: t.membershipId }),
    judge: (d) => at(d, 'removeMember') === true,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from memberships where id = ?', [t.membershipId]),
  }),
  reply: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($input: ReplyInput!) { reply(input: $input) { id threadId } }`,
    variables: ({ t }) => ({ input: { threadId: t.threadId, body: 'Same here.' } }),
    judge: (d, { t }) => at(d, 'reply.threadId') === t.threadId,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from posts where thread_id = ?', [t.threadId]),
  }),
  replyToPitch: gql({
    target: ({ w }) => w.fresh.pitch(),
    query: `mutation M($token: String!, $body: String!) { replyToPitch(token: $token, body: $body) { id messages { body } } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.t.token), body: 'One more thing.' }),
    judge: (d) => list(d, 'replyToPitch.messages').some((m) => m['body'] === 'One more thing.'),
    state: ({ w, t }) => count(w, 'select count(*)::int as n from pitch_messages where pitch_id = ?', [t.id]),
  }),
  requestDataExport: gql({
    actor: 'fresh',
    query: `mutation { requestDataExport { id status } }`,
    judge: (d) => at(d, 'requestDataExport.status') === 'PENDING',
    state: (ctx) => count(ctx.w, 'select count(*)::int as n from data_exports where user_id = ?', [userId(ctx)]),
  }),
  requestPasswordReset: gql({
    // Each account asks for its own address; the anonymous roles for a new account's.
    target: async ({ w, role }) => w.userOf(role) ?? (await w.api.data.user()),
    actor: async ({ w }) => ({ client: w.api.client(), user: null }),
    query: `mutation M($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`,
    variables: ({ t }) => ({ input: { email: t.email } }),
    // The link is written after the answer (its timing says nothing of the account): wait for it.
    judge: async (_d, { w, t }) => {
      const deadline = Date.now() + 5000;
      do {
        if (
          (await count(w, 'select count(*)::int as n from password_resets where user_id = ? and used_at is null', [
            t.id,
          ])) > 0
        )
          return true;
        await new Promise((resolve) => setTimeout(resolve, 50));
      } while (Date.now() < deadline);
      return 'hidden';
    },
    state: ({ w, t }) => w.fresh.sql('select id from password_resets where user_id = ? order by id', [t.id]),
  }),
  requestToJoin: gql({
    actor: 'fresh',
    query: `mutation M($input: RequestToJoinInput!) { requestToJoin(input: $input) { id status } }`,
    variables: ({ w }) => ({ input: { groupId: w.groupA.id, message: 'I would like to help.' } }),
    judge: (d) => at(d, 'requestToJoin.status') === 'PENDING',
    state: (ctx) =>
      ctx.w.fresh.sql('select status from memberships where group_id = ? and user_id = ?', [
        ctx.w.groupA.id,
        userId(ctx),
      ]),
  }),
  resetCalendarFeed: gql({
    actor: 'fresh',
    query: `mutation { resetCalendarFeed { url } }`,
    judge: (d) => /\/api\/calendar\/[A-Za-z0-9_-]{32}\.ics$/.test(String(at(d, 'resetCalendarFeed.url'))),
    state: (ctx) => row(ctx.w, 'select token_hash from calendar_feeds where user_id = ?', [userId(ctx)]),
  }),
  resetPassword: gql({
    target: ({ w }) => w.fresh.passwordReset(),
    actor: async ({ w }) => ({ client: w.api.client(), user: null }),
    query: `mutation M($input: ResetPasswordInput!) { resetPassword(input: $input) }`,
    variables: (ctx) => ({ input: { token: token(ctx, ctx.t.token), newPassword: NEW_PASSWORD } }),
    judge: (d) => at(d, 'resetPassword') === true,
    state: ({ w, t }) => row(w, 'select password_hash from users where id = ?', [t.user.id]),
  }),
  respondToInvitation: gql({
    // memberB is the invitee; everyone else tries to accept it for them.
    target: async ({ w }) => {
      const user = await w.api.data.user();
      await w.api.data.membership(w.groupB, user, MembershipRole.MEMBER);
      const invited = await w.api.data.membership(w.groupA, user, MembershipRole.MEMBER, MembershipStatus.INVITED);
      return { user, membershipId: invited.id };
    },
    actor: async ({ w, role, t }) =>
      role === 'memberB'
        ? { client: await w.api.signedIn(t.user), user: t.user }
        : { client: copyOf(w, w.clients[role]), user: w.userOf(role) },
    query: `mutation M($groupId: ID!) { respondToInvitation(groupId: $groupId, accept: true) { id status } }`,
    variables: ({ w }) => ({ groupId: w.groupA.id }),
    judge: (d, { t }) =>
      at(d, 'respondToInvitation.id') === t.membershipId && at(d, 'respondToInvitation.status') === 'ACTIVE'
        ? true
        : 'hidden',
    state: ({ w, t }) => row(w, 'select status from memberships where id = ?', [t.membershipId]),
  }),
  restoreDocument: gql({
    target: ({ w }) => w.fresh.trashedDocument(),
    query: `mutation M($id: ID!) { restoreDocument(id: $id) { id deletedAt } }`,
    variables: ({ t }) => ({ id: t }),
    judge: (d) => at(d, 'restoreDocument.deletedAt') === null,
    state: ({ w, t }) => row(w, 'select deleted_at from documents where id = ?', [t]),
  }),
  restoreDocumentVersion: gql({
    target: ({ w }) => w.fresh.documentWithVersions(),
    query: `mutation M($id: ID!) { restoreDocumentVersion(id: $id, version: 1) { id versionCount } }`,
    variables: ({ t }) => ({ id: t }),
    judge: (d) => at(d, 'restoreDocumentVersion.versionCount') === 3,
    state: ({ w, t }) => row(w, 'select version_count from documents where id = ?', [t]),
  }),
  reviewPitch: gql({
    target: ({ w }) => w.fresh.pitch(),
    query: `mutation M($input: ReviewPitchInput!) { reviewPitch(input: $input) { id status } }`,
    variables: ({ t }) => ({ input: { pitchId: t.id, status: 'UNDER_REVIEW', note: 'Looks promising' } }),
    judge: (d) => at(d, 'reviewPitch.status') === 'UNDER_REVIEW',
    state: ({ w, t }) => row(w, 'select status from pitches where id = ?', [t.id]),
  }),
  revokeCalendarFeed: gql({
    actor: 'fresh',
    query: `mutation { revokeCalendarFeed }`,
    variables: async ({ actor }) => {
      await actor.client.request(GQL.resetFeed);
      return {};
    },
    judge: (d) => at(d, 'revokeCalendarFeed') === true,
    state: (ctx) => count(ctx.w, 'select count(*)::int as n from calendar_feeds where user_id = ?', [userId(ctx)]),
  }),
  revokeOtherSessions: gql({
    actor: 'fresh',
    query: `mutation { revokeOtherSessions }`,
    variables: async ({ w, actor }) => {
      if (actor.user) await w.api.signedIn(actor.user).catch(() => null);
      return {};
    },
    judge: (d) => Number(at(d, 'revokeOtherSessions')) >= 1,
    state: (ctx) => count(ctx.w, 'select count(*)::int as n from sessions where user_id = ?', [userId(ctx)]),
  }),
  registerPushDevice: gql({
    actor: 'fresh',
    query: REGISTER_PUSH,
    variables: () => ({ input: pushDevice() }),
    judge: (d) => typeof at(d, 'registerPushDevice.id') === 'string',
    state: (ctx) => count(ctx.w, 'select count(*)::int as n from push_subscriptions where user_id = ?', [userId(ctx)]),
  }),
  removePushDevice: gql({
    // A person in A with a device: memberA (that person) removes it; nobody else can.
    target: ({ w }) => memberWithPushDevice(w),
    actor: async ({ w, role, t }) =>
      role === 'memberA'
        ? { client: t.client, user: t.user }
        : { client: copyOf(w, w.clients[role]), user: w.userOf(role) },
    query: `mutation M($id: ID!) { removePushDevice(id: $id) }`,
    variables: ({ t }) => ({ id: t.deviceId }),
    judge: (d) => at(d, 'removePushDevice') === true,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from push_subscriptions where id = ?', [t.deviceId]),
  }),
  revokeSession: gql({
    // A person in A signed in twice: memberA (that person) ends their other session; nobody else can.
    target: async ({ w }) => {
      const { user } = await w.fresh.memberOfA();
      const first = await w.api.signedIn(user);
      const second = await w.api.signedIn(user);
      const sessions = ok(
        await second.request<{ mySessions: { id: string; current: boolean }[] }>(GQL.mySessions),
        'mySessions',
      ).mySessions;
      return { user, first, sessionId: sessions.find((s) => s.current)!.id };
    },
    actor: async ({ w, role, t }) =>
      role === 'memberA'
        ? { client: t.first, user: t.user }
        : { client: copyOf(w, w.clients[role]), user: w.userOf(role) },
    query: `mutation M($id: ID!) { revokeSession(id: $id) }`,
    variables: ({ t }) => ({ id: t.sessionId }),
    judge: (d) => at(d, 'revokeSession') === true,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from sessions where id = ?', [t.sessionId]),
  }),
  rsvp: gql({
    target: ({ w }) => w.fresh.meeting(),
    query: `mutation M($input: RsvpInput!) { rsvp(input: $input) { id myRsvp { response } } }`,
    variables: ({ t }) => ({ input: { meetingId: t, response: 'GOING', note: 'Step-free access, please' } }),
    judge: (d) => at(d, 'rsvp.myRsvp.response') === 'GOING',
    state: ({ w, t }) => count(w, 'select count(*)::int as n from meeting_rsvps where meeting_id = ?', [t]),
  }),
  savePitchForm: gql({
    target: async () => `form-${marker('')}`,
    query: `mutation M($input: SavePitchFormInput!) { savePitchForm(input: $input) { id slug } }`,
    variables: ({ t }) => ({
      input: { slug: t, title: 'Pitch us an idea', consentText: 'We use your details only to discuss your pitch.' },
    }),
    judge: (d, { t }) => at(d, 'savePitchForm.slug') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from pitch_forms where slug = ?', [t]),
  }),
  scheduleMeeting: gql({
    target: async () => `Planning ${marker('')}`,
    query: `mutation M($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id } }`,
    variables: ({ w, t }) => ({
      input: {
        groupId: w.groupA.id,
        title: t,
        startsAt: localIn(5, 10),
        endsAt: localIn(5, 11),
        timeZone: 'Europe/London',
      },
    }),
    judge: (d) => typeof at(d, 'scheduleMeeting.id') === 'string',
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from meetings where group_id = ? and title = ?', [w.groupA.id, t]),
  }),
  scheduleNetworkEvent: gql({
    target: async () => `Summit ${marker('')}`,
    query: `mutation M($input: ScheduleNetworkEventInput!) { scheduleNetworkEvent(input: $input) { id } }`,
    variables: ({ t }) => ({
      input: { title: t, startsAt: localIn(5, 10), endsAt: localIn(5, 16), timeZone: 'Europe/London' },
    }),
    judge: (d) => typeof at(d, 'scheduleNetworkEvent.id') === 'string',
    state: ({ w, t }) => count(w, 'select count(*)::int as n from meetings where group_id is null and title = ?', [t]),
  }),
  setGroupNotificationLevel: gql({
    actor: 'fresh',
    query: `mutation M($groupId: ID!) { setGroupNotificationLevel(groupId: $groupId, level: MUTED) }`,
    variables: ({ w }) => ({ groupId: w.groupA.id }),
    judge: (d) => at(d, 'setGroupNotificationLevel') === 'MUTED',
    state: (ctx) =>
      row(ctx.w, 'select level from group_notification_preferences where group_id = ? and user_id = ?', [
        ctx.w.groupA.id,
        userId(ctx),
      ]),
  }),
  setMemberRole: gql({
    target: ({ w }) => w.fresh.memberOfA(),
    query: `mutation M($input: SetMemberRoleInput!) { setMemberRole(input: $input) { id role } }`,
    variables: ({ t }) => ({ input: { membershipId: t.membershipId, role: 'OBSERVER' } }),
    judge: (d) => at(d, 'setMemberRole.role') === 'OBSERVER',
    state: ({ w, t }) => row(w, 'select role from memberships where id = ?', [t.membershipId]),
  }),
  createPartnerOrganisation: gql({
    target: async () => `Organisation ${marker('')}`,
    query: `mutation M($input: PartnerOrganisationInput!) { createPartnerOrganisation(input: $input) { id name } }`,
    variables: ({ t }) => ({ input: { name: t, kind: 'NGO' } }),
    judge: (d, { t }) => at(d, 'createPartnerOrganisation.name') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from partner_organisations where name = ?', [t]),
  }),
  updatePartnerOrganisation: gql({
    target: ({ w }) => w.api.data.organisation(),
    query: `mutation M($id: ID!, $input: PartnerOrganisationInput!) { updatePartnerOrganisation(id: $id, input: $input) { id area } }`,
    variables: ({ t }) => ({ id: t.id, input: { name: t.name, kind: 'LEGAL_SERVICE', area: 'Leeds' } }),
    judge: (d) => at(d, 'updatePartnerOrganisation.area') === 'Leeds',
    state: ({ w, t }) => row(w, 'select kind, area from partner_organisations where id = ?', [t.id]),
  }),
  archivePartnerOrganisation: gql({
    target: ({ w }) => w.api.data.organisation(),
    query: `mutation M($id: ID!) { archivePartnerOrganisation(id: $id) { id archivedAt } }`,
    variables: ({ t }) => ({ id: t.id }),
    judge: (d) => typeof at(d, 'archivePartnerOrganisation.archivedAt') === 'string',
    state: ({ w, t }) => row(w, 'select archived_at from partner_organisations where id = ?', [t.id]),
  }),
  restorePartnerOrganisation: gql({
    target: async ({ w }) => {
      const org = await w.api.data.organisation();
      await w.fresh.sql('update partner_organisations set archived_at = now() where id = ?', [org.id]);
      return org;
    },
    query: `mutation M($id: ID!) { restorePartnerOrganisation(id: $id) { id archivedAt } }`,
    variables: ({ t }) => ({ id: t.id }),
    judge: (d, { t }) =>
      at(d, 'restorePartnerOrganisation.id') === t.id && at(d, 'restorePartnerOrganisation.archivedAt') === null,
    state: ({ w, t }) => row(w, 'select archived_at from partner_organisations where id = ?', [t.id]),
  }),
  mergePartnerOrganisations: gql({
    target: async ({ w }) => {
      const source = await w.api.data.organisation();
      const target = await w.api.data.organisation();
      const person = await w.api.data.user({ organisation: source });
      return { source: source.id, target: target.id, person: person.id };
    },
    query: `mutation M($sourceId: ID!, $targetId: ID!) { mergePartnerOrganisations(sourceId: $sourceId, targetId: $targetId) { id } }`,
    variables: ({ t }) => ({ sourceId: t.source, targetId: t.target }),
    judge: (d, { t }) => at(d, 'mergePartnerOrganisations.id') === t.target,
    state: ({ w, t }) =>
      w.fresh.sql(
        'select (select count(*)::int from partner_organisations where id = ?) as source, organisation_id from users where id = ?',
        [t.source, t.person],
      ),
  }),
  decideAffiliation: gql({
    target: async ({ w }) => {
      const org = await w.api.data.organisation();
      const person = await w.api.data.user();
      await w.fresh.sql(
        'update users set pending_organisation_id = ?, pending_organisation_since = now() where id = ?',
        [org.id, person.id],
      );
      return { org: org.id, person: person.id };
    },
    query: `mutation M($input: DecideAffiliationInput!) { decideAffiliation(input: $input) { id people { id } } }`,
    variables: ({ t }) => ({ input: { userId: t.person, organisationId: t.org, confirm: true } }),
    judge: (d, { t }) => ids(d, 'decideAffiliation.people').includes(t.person),
    state: ({ w, t }) => row(w, 'select organisation_id, pending_organisation_id from users where id = ?', [t.person]),
  }),
  setNetworkRole: gql({
    target: ({ w }) => w.api.data.user(),
    query: `mutation M($userId: ID!) { setNetworkRole(userId: $userId, role: ADMIN) { id networkRole } }`,
    variables: ({ t }) => ({ userId: t.id }),
    judge: (d) => at(d, 'setNetworkRole.networkRole') === 'ADMIN',
    state: ({ w, t }) => row(w, 'select network_role from users where id = ?', [t.id]),
  }),
  setThreadNotificationLevel: gql({
    target: ({ w }) => w.fresh.thread(),
    query: `mutation M($threadId: ID!) { setThreadNotificationLevel(threadId: $threadId, level: MUTED) { id notificationLevel } }`,
    variables: ({ t }) => ({ threadId: t.threadId }),
    judge: (d) => at(d, 'setThreadNotificationLevel.notificationLevel') === 'MUTED',
    state: ({ w, t }) =>
      w.fresh.sql('select user_id, level from thread_notification_preferences where thread_id = ? order by user_id', [
        t.threadId,
      ]),
  }),
  signIn: gql({
    // Each account signs in with its own email and password; the anonymous roles with a new account's.
    target: async ({ w, role }) => w.userOf(role) ?? (await w.api.data.user()),
    actor: async ({ w }) => ({ client: w.api.client(), user: null }),
    query: `mutation M($input: SignInInput!) { signIn(input: $input) { id } }`,
    variables: ({ t }) => ({ input: { email: t.email, password: TEST_PASSWORD } }),
    judge: (d, { t }) => at(d, 'signIn.id') === t.id,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from sessions where user_id = ?', [t.id]),
  }),
  signOut: gql({
    actor: 'fresh',
    query: `mutation { signOut }`,
    judge: (d) => (at(d, 'signOut') === true ? true : 'hidden'),
    state: (ctx) => count(ctx.w, 'select count(*)::int as n from sessions where user_id = ?', [userId(ctx)]),
  }),
  signUp: gql({
    target: async () => `newcomer-${marker('')}@example.org`,
    query: `mutation M($input: SignUpInput!) { signUp(input: $input) { id email } }`,
    variables: ({ t }) => ({ input: { email: t, password: NEW_PASSWORD, displayName: 'New Person' } }),
    judge: (d, { t }) => at(d, 'signUp.email') === t,
    state: ({ w, t }) => count(w, 'select count(*)::int as n from users where email = ?', [t]),
  }),
  submitPitch: gql({
    target: async ({ w }) => pitchInput(w.a.formSlug, w.groupA.id),
    query: `mutation M($input: SubmitPitchInput!) { submitPitch(input: $input) { message } }`,
    variables: ({ t }) => ({ input: t }),
    judge: async (_d, { w, t }) =>
      (await count(w, 'select count(*)::int as n from pitches where title = ?', [t.title])) === 1 ? true : 'hidden',
    state: ({ w, t }) => count(w, 'select count(*)::int as n from pitches where title = ?', [t.title]),
  }),
  trashDocument: gql({
    target: ({ w }) => w.fresh.document(),
    query: `mutation M($id: ID!) { trashDocument(id: $id) { id deletedAt } }`,
    variables: ({ t }) => ({ id: t }),
    judge: (d) => at(d, 'trashDocument.deletedAt') !== null,
    state: ({ w, t }) => row(w, 'select deleted_at from documents where id = ?', [t]),
  }),
  unhidePost: gql({
    target: ({ w }) => w.fresh.hiddenPost(),
    query: `mutation M($postId: ID!) { unhidePost(postId: $postId) { id hidden { reason } } }`,
    variables: ({ t }) => ({ postId: t.postId }),
    judge: (d) => at(d, 'unhidePost.hidden') === null,
    state: ({ w, t }) => row(w, 'select hidden_at from posts where id = ?', [t.postId]),
  }),
  unlinkDocumentFromThread: gql({
    target: async ({ w }) => {
      const made = { documentId: await w.fresh.document(), threadId: (await w.fresh.thread()).threadId };
      ok(
        await w.clients.memberA.request(
          `mutation L($id: ID!, $threadId: ID!) { linkDocumentToThread(id: $id, threadId: $threadId) { id } }`,
          { id: made.documentId, threadId: made.threadId },
        ),
        'link',
      );
      return made;
    },
    query: `mutation M($id: ID!, $threadId: ID!) { unlinkDocumentFromThread(id: $id, threadId: $threadId) { id linkedThreads { id } } }`,
    variables: ({ t }) => ({ id: t.documentId, threadId: t.threadId }),
    judge: (d, { t }) => !ids(d, 'unlinkDocumentFromThread.linkedThreads').includes(t.threadId),
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from document_thread_links where document_id = ?', [t.documentId]),
  }),
  unsubscribe: gql({
    target: ({ w }) => w.fresh.unsubscribeToken(),
    query: `mutation M($token: String!) { unsubscribe(token: $token) { category } }`,
    variables: (ctx) => ({
      token: ctx.role === 'linkHolder' ? ctx.t.token : `${ctx.t.user.id}.MEMBERSHIP.${guessed()}`,
    }),
    judge: (d) => at(d, 'unsubscribe.category') === 'MEMBERSHIP',
    state: ({ w, t }) =>
      w.fresh.sql('select category, email from notification_channel_preferences where user_id = ? order by category', [
        t.user.id,
      ]),
  }),
  updateDocument: gql({
    target: ({ w }) => w.fresh.document(),
    query: `mutation M($input: UpdateDocumentInput!) { updateDocument(input: $input) { id title } }`,
    variables: ({ t }) => ({ input: { id: t, title: 'Minutes, 3 March' } }),
    judge: (d) => at(d, 'updateDocument.title') === 'Minutes, 3 March',
    state: ({ w, t }) => row(w, 'select title from documents where id = ?', [t]),
  }),
  updateDocumentFolder: gql({
    target: ({ w }) => w.fresh.folder(),
    query: `mutation M($input: UpdateDocumentFolderInput!) { updateDocumentFolder(input: $input) { id name } }`,
    variables: ({ t }) => ({ input: { id: t, name: `Renamed ${t.slice(0, 8)}` } }),
    judge: (d, { t }) => at(d, 'updateDocumentFolder.name') === `Renamed ${t.slice(0, 8)}`,
    state: ({ w, t }) => row(w, 'select name from document_folders where id = ?', [t]),
  }),
  updateDocumentSettings: gql({
    query: `mutation M($types: [String!]!) { updateDocumentSettings(allowedTypes: $types) { allowedTypes } }`,
    variables: () => ({ types: ['application/pdf', 'text/plain', 'image/png'] }),
    judge: (d) => list(d, 'updateDocumentSettings.allowedTypes').length === 3,
    state: ({ w }) => w.fresh.sql('select allowed_types from document_settings'),
    // Back to the defaults, as the documents spec does.
    cleanup: async ({ w }) => void (await w.fresh.sql('delete from document_settings')),
  }),
  updateMeeting: gql({
    target: ({ w }) => w.fresh.meeting(),
    query: `mutation M($input: UpdateMeetingInput!) { updateMeeting(input: $input) { id title } }`,
    variables: ({ t }) => ({ input: { id: t, title: 'Renamed meeting' } }),
    judge: (d) => at(d, 'updateMeeting.title') === 'Renamed meeting',
    state: ({ w, t }) => row(w, 'select title from meetings where id = ?', [t]),
  }),
  updateNetworkSettings: gql({
    query: `mutation M { updateNetworkSettings(signUpMode: INVITATION_ONLY) { signUpMode } }`,
    judge: (d) => at(d, 'updateNetworkSettings.signUpMode') === 'INVITATION_ONLY',
    state: ({ w }) => w.fresh.sql('select sign_up_mode from network_settings'),
    cleanup: async ({ w }) =>
      void ok(await w.clients.admin.request(GQL.signUpMode, { mode: 'OPEN' }), 'updateNetworkSettings'),
  }),
  updateNotificationSettings: gql({
    actor: 'fresh',
    query: `mutation M($input: UpdateNotificationSettingsInput!) { updateNotificationSettings(input: $input) { digestHour } }`,
    variables: () => ({ input: { digestHour: 21 } }),
    judge: (d) => at(d, 'updateNotificationSettings.digestHour') === 21,
    state: (ctx) => row(ctx.w, 'select digest_hour from notification_settings where user_id = ?', [userId(ctx)]),
  }),
  updateProfile: gql({
    actor: 'fresh',
    query: `mutation M($input: UpdateProfileInput!) { updateProfile(input: $input) { id displayName } }`,
    variables: () => ({ input: { displayName: 'Renamed Person', locale: 'en', timeZone: 'Europe/London' } }),
    judge: (d) => at(d, 'updateProfile.displayName') === 'Renamed Person',
    state: (ctx) => row(ctx.w, 'select display_name from users where id = ?', [userId(ctx)]),
  }),
  restoreGroup: gql({
    target: ({ w }) => w.fresh.groupLikeA(true),
    query: `mutation M($groupId: ID!) { restoreGroup(groupId: $groupId) { id archivedAt } }`,
    variables: ({ t }) => ({ groupId: t.id }),
    judge: (d, { t }) => at(d, 'restoreGroup.id') === t.id && at(d, 'restoreGroup.archivedAt') === null,
    state: ({ w, t }) => row(w, 'select archived_at from working_groups where id = ?', [t.id]),
  }),
  updateWorkingGroup: gql({
    target: async () => `Changed by the matrix ${marker('')}`,
    query: `mutation M($input: UpdateWorkingGroupInput!) { updateWorkingGroup(input: $input) { id purpose } }`,
    variables: ({ w, t }) => ({ input: { id: w.groupA.id, purpose: t } }),
    judge: (d, { t }) => at(d, 'updateWorkingGroup.purpose') === t,
    state: ({ w }) => row(w, 'select purpose from working_groups where id = ?', [w.groupA.id]),
  }),
  withdrawPitch: gql({
    target: ({ w }) => w.fresh.pitch(),
    query: `mutation M($token: String!) { withdrawPitch(token: $token) { id status } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.t.token) }),
    judge: (d) => at(d, 'withdrawPitch.status') === 'WITHDRAWN',
    state: ({ w, t }) => row(w, 'select status from pitches where id = ?', [t.id]),
  }),
  // ---- an event's programme ----
  myProgramme: gql({
    query: `query Q($token: String!) { myProgramme(token: $token) { session { id } pick } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.w.links.registration) }),
    judge: (d, { w }) =>
      list(d, 'myProgramme').some((s) => at(s, 'session.id') === w.a.sessionId && s['pick'] === 'CONFIRMED'),
  }),
  sessionAttendees: gql({
    query: `query Q($sessionId: ID!) { sessionAttendees(sessionId: $sessionId) { email status } }`,
    variables: ({ w }) => ({ sessionId: w.a.sessionId }),
    judge: (d, { w }) => list(d, 'sessionAttendees').some((a) => a['email'] === w.a.registrantEmail),
  }),
  addProgrammeSession: gql({
    target: ({ w }) => w.fresh.event(),
    query: `mutation M($input: AddProgrammeSessionInput!) { addProgrammeSession(input: $input) { id meetingId } }`,
    variables: ({ t }) => ({
      input: {
        meetingId: t.meetingId,
        title: 'Opening',
        kind: 'PLENARY',
        startsAt: localIn(10, 18),
        endsAt: localIn(10, 19),
      },
    }),
    judge: (d, { t }) => at(d, 'addProgrammeSession.meetingId') === t.meetingId,
    state: ({ w, t }) => count(w, 'select count(*) as n from programme_sessions where meeting_id = ?', [t.meetingId]),
  }),
  updateProgrammeSession: gql({
    target: async ({ w }) => w.fresh.session((await w.fresh.event()).meetingId),
    query: `mutation M($input: UpdateProgrammeSessionInput!) { updateProgrammeSession(input: $input) { id title } }`,
    variables: ({ t }) => ({
      input: {
        sessionId: t,
        title: 'Access to healthcare',
        kind: 'WORKSHOP',
        startsAt: localIn(10, 18),
        endsAt: localIn(10, 19),
      },
    }),
    judge: (d) => at(d, 'updateProgrammeSession.title') === 'Access to healthcare',
    state: ({ w, t }) => row(w, 'select title from programme_sessions where id = ?', [t]),
  }),
  removeProgrammeSession: gql({
    target: async ({ w }) => w.fresh.session((await w.fresh.event()).meetingId),
    query: `mutation M($sessionId: ID!) { removeProgrammeSession(sessionId: $sessionId) }`,
    variables: ({ t }) => ({ sessionId: t }),
    judge: (d, { t }) => at(d, 'removeProgrammeSession') === t,
    state: ({ w, t }) => count(w, 'select count(*) as n from programme_sessions where id = ?', [t]),
  }),
  reorderProgrammeSessions: gql({
    target: async ({ w }) => {
      const { meetingId } = await w.fresh.event();
      return {
        meetingId,
        ids: [await w.fresh.session(meetingId, 'First'), await w.fresh.session(meetingId, 'Second')],
      };
    },
    query: `mutation M($input: ReorderProgrammeInput!) { reorderProgrammeSessions(input: $input) { id } }`,
    variables: ({ t }) => ({ input: { meetingId: t.meetingId, sessionIds: [...t.ids].reverse() } }),
    // Compared as text: the answer's arrays come from another realm than the test's.
    judge: (d, { t }) => ids(d, 'reorderProgrammeSessions').join() === [...t.ids].reverse().join(),
    state: ({ w, t }) =>
      w.fresh.sql('select id from programme_sessions where meeting_id = ? order by position', [t.meetingId]),
  }),
  chooseSessions: gql({
    target: async ({ w }) => {
      const { meetingId, slug } = await w.fresh.event();
      const sessionId = await w.fresh.session(meetingId);
      return { sessionId, ...(await w.fresh.registration(slug)) };
    },
    query: `mutation M($token: String!, $sessionIds: [ID!]!) { chooseSessions(token: $token, sessionIds: $sessionIds) { session { id } pick } }`,
    variables: (ctx) => ({ token: token(ctx, ctx.t.token), sessionIds: [ctx.t.sessionId] }),
    judge: (d, { t }) =>
      list(d, 'chooseSessions').some((s) => at(s, 'session.id') === t.sessionId && s['pick'] === 'CONFIRMED'),
    state: ({ w, t }) => count(w, 'select count(*) as n from session_places where registration_id = ?', [t.id]),
  }),
} satisfies Record<string, Probe>;

// ---- fields, read where people read them ----

// The world's thread is pinned (first on the first page); its document carries the search word as a tag.
const GROUP = `query Q($slug: String!, $from: DateTime!, $to: DateTime!, $tag: String) { workingGroup(slug: $slug) {
  members { nodes { id user { id organisation { id } } } } convenors { id user { id } } pendingRequests { nodes { id message } } memberCount
  threads(first: 50) { nodes { id } } documents(tag: $tag) { nodes { id } } documentFolders { id } meetings(from: $from, to: $to) { id } meetingPolls { id }
  mentionable(query: "Cora") { id } } }`;
const groupVariables = ({ w }: { w: World }) => ({
  slug: w.groupA.slug,
  from: new Date().toISOString(),
  to: new Date(Date.now() + 30 * DAY).toISOString(),
  tag: w.a.searchWord,
});
/** A field of group A: null for people outside it (the schema makes it nullable to hide it). */
const groupField = (field: string, seen: (value: unknown, w: World) => boolean) =>
  gql({
    query: GROUP,
    variables: groupVariables,
    judge: (d, { w }) =>
      at(d, `workingGroup.${field}`) === null
        ? 'hidden'
        : seen(at(d, `workingGroup.${field}`), w) || `${field} without A's object`,
  });
const has = (id: (w: World) => string) => (value: unknown, w: World) =>
  Array.isArray(value) && value.some((item) => (item as { id?: unknown }).id === id(w));
/** A list of memberships holding someone's. */
const hasUser = (id: (w: World) => string) => (value: unknown, w: World) =>
  Array.isArray(value) && value.some((item) => at(item, 'user.id') === id(w));
const hasNode = (id: (w: World) => string) => (value: unknown, w: World) =>
  list(value, 'nodes').some((item) => item['id'] === id(w));
/** A page of memberships holding someone's. */
const hasNodeUser = (id: (w: World) => string) => (value: unknown, w: World) =>
  list(value, 'nodes').some((item) => at(item, 'user.id') === id(w));

const MEETING = `query Q($id: ID!) { meeting(id: $id) { id onlineUrl rsvps { person { id } note } registrationCounts { pending } agendaDocument { id } minutesDocument { id } thread { id } } }`;
const meetingField = (id: (w: World) => string, judge: (meeting: unknown, w: World) => Judgement) =>
  gql({ query: MEETING, variables: ({ w }) => ({ id: id(w) }), judge: (d, { w }) => judge(at(d, 'meeting'), w) });
const PITCH = `query Q($id: ID!) { pitch(id: $id) { id notes { body } reviewers { id } messages { body convenor { id } } } }`;
const pitchField = (judge: (pitch: unknown, w: World) => Judgement) =>
  gql({ query: PITCH, variables: ({ w }) => ({ id: w.a.pitchId }), judge: (d, { w }) => judge(at(d, 'pitch'), w) });

const ORGANISATION = `query Q($id: ID!) { partnerOrganisation(id: $id) {
  id people { id } workingGroups { id } pitches { id } pendingAffiliations { userId } pendingAffiliationCount } }`;
const organisationField = (judge: (org: unknown, w: World) => Judgement) =>
  gql({
    query: ORGANISATION,
    variables: ({ w }) => ({ id: w.organisationId }),
    judge: (d, { w }) => judge(at(d, 'partnerOrganisation'), w),
  });

const fieldProbes = {
  'WorkingGroup.members': groupField(
    'members',
    hasNodeUser((w) => w.people.memberA.id),
  ),
  'WorkingGroup.convenors': groupField(
    'convenors',
    hasUser((w) => w.people.convenorA.id),
  ),
  'WorkingGroup.pendingRequests': groupField(
    'pendingRequests',
    hasNode((w) => w.a.pendingMembershipId),
  ),
  'WorkingGroup.memberCount': groupField('memberCount', (value) => typeof value === 'number' && value >= 4),
  'WorkingGroup.threads': groupField(
    'threads',
    hasNode((w) => w.a.threadId),
  ),
  'WorkingGroup.documents': groupField(
    'documents',
    hasNode((w) => w.a.documentId),
  ),
  'WorkingGroup.documentFolders': groupField(
    'documentFolders',
    has((w) => w.a.folderId),
  ),
  'WorkingGroup.meetings': groupField(
    'meetings',
    has((w) => w.a.meetingId),
  ),
  'WorkingGroup.meetingPolls': groupField(
    'meetingPolls',
    has((w) => w.a.pollId),
  ),
  'WorkingGroup.mentionable': groupField(
    'mentionable',
    has((w) => w.people.convenorA.id),
  ),
  'Membership.message': gql({
    query: GROUP,
    variables: groupVariables,
    judge: (d, { w }) => {
      const request = list(d, 'workingGroup.pendingRequests.nodes').find((m) => m['id'] === w.a.pendingMembershipId);
      return request?.['message'] === w.a.joinMessage ? true : 'hidden';
    },
  }),
  'User.organisation': gql({
    query: GROUP,
    variables: groupVariables,
    judge: (d, { w }) => {
      const member = list(d, 'workingGroup.members.nodes').find((m) => at(m, 'user.id') === w.people.memberA.id);
      return !member
        ? 'hidden'
        : at(member, 'user.organisation.id') === w.organisationId
          ? true
          : `memberA shown without their organisation`;
    },
  }),
  'Viewer.email': gql({
    query: `{ me { id email } }`,
    judge: (d, ctx) => (at(d, 'me') === null ? 'hidden' : at(d, 'me.email') === ctx.actor.user?.email),
  }),
  'Post.body': gql({
    query: `query Q($id: ID!) { thread(id: $id) { posts { nodes { id body bodyHtml hidden { reason } } } } }`,
    variables: ({ w }) => ({ id: w.a.threadId }),
    judge: (d, { w }) => {
      const post = list(d, 'thread.posts.nodes').find((p) => p['id'] === w.a.hiddenPostId);
      if (!post) return 'the hidden post is not in the thread';
      const html = String(post['bodyHtml']);
      if (post['body'] === w.a.hiddenPostBody && html.includes(w.a.hiddenPostBody)) return true;
      return post['body'] === null && html === '' ? 'hidden' : 'body and bodyHtml disagree';
    },
  }),
  'Meeting.onlineUrl': meetingField(
    (w) => w.a.meetingId,
    (m, w) => (at(m, 'onlineUrl') === w.a.onlineUrl ? true : at(m, 'onlineUrl') === null ? 'hidden' : 'another link'),
  ),
  'Meeting.rsvps': meetingField(
    (w) => w.a.meetingId,
    (m, w) => (list(m, 'rsvps').some((r) => at(r, 'person.id') === w.people.otherMemberA.id) ? true : 'hidden'),
  ),
  'Rsvp.note': meetingField(
    (w) => w.a.meetingId,
    (m, w) => {
      const answer = list(m, 'rsvps').find((r) => at(r, 'person.id') === w.people.otherMemberA.id);
      return answer?.['note'] === w.a.rsvpNote ? true : 'hidden';
    },
  ),
  'Meeting.registrationCounts': meetingField(
    (w) => w.a.eventMeetingId,
    (m) => (typeof at(m, 'registrationCounts.pending') === 'number' ? true : 'hidden'),
  ),
  'Meeting.agendaDocument': meetingField(
    (w) => w.a.meetingId,
    (m, w) => (at(m, 'agendaDocument') === null ? 'hidden' : at(m, 'agendaDocument.id') === w.a.documentId),
  ),
  'Meeting.minutesDocument': meetingField(
    (w) => w.a.meetingId,
    (m, w) => (at(m, 'minutesDocument') === null ? 'hidden' : at(m, 'minutesDocument.id') === w.a.documentId),
  ),
  'Meeting.thread': meetingField(
    (w) => w.a.meetingId,
    (m, w) => (at(m, 'thread') === null ? 'hidden' : at(m, 'thread.id') === w.a.threadId),
  ),
  'PollSlot.votes': gql({
    query: `query Q($id: ID!) { meetingPoll(id: $id) { slots { id votes { person { id } answer } } } }`,
    variables: ({ w }) => ({ id: w.a.pollId }),
    judge: (d, { w }) =>
      list(d, 'meetingPoll.slots').some((s) => list(s, 'votes').some((v) => at(v, 'person.id') === w.people.memberA.id))
        ? true
        : 'hidden',
  }),
  'Pitch.notes': pitchField((p, w) => (list(p, 'notes').some((n) => n['body'] === w.a.pitchNote) ? true : 'hidden')),
  'Pitch.reviewers': pitchField((p, w) => (ids(p, 'reviewers').includes(w.people.convenorA.id) ? true : 'hidden')),
  'Pitch.senderOrganisation': gql({
    query: `query Q($id: ID!) { pitch(id: $id) { id senderOrganisation { id } } }`,
    variables: ({ w }) => ({ id: w.a.pitchId }),
    judge: (d, { w }) => (at(d, 'pitch.senderOrganisation.id') === w.organisationId ? true : 'hidden'),
  }),
  'PartnerOrganisationProfile.people': organisationField((org, w) =>
    ids(org, 'people').includes(w.people.memberA.id) ? true : 'hidden',
  ),
  'PartnerOrganisationProfile.workingGroups': organisationField((org, w) =>
    ids(org, 'workingGroups').includes(w.groupA.id) ? true : 'hidden',
  ),
  'PartnerOrganisationProfile.pitches': organisationField((org, w) =>
    ids(org, 'pitches').includes(w.a.pitchId) ? true : 'hidden',
  ),
  'PartnerOrganisationProfile.pendingAffiliationCount': organisationField((org) => {
    const n = at(org, 'pendingAffiliationCount');
    return typeof n === 'number' && n >= 1 ? true : 'hidden';
  }),
  'PartnerOrganisationProfile.pendingAffiliations': organisationField((org, w) =>
    list(org, 'pendingAffiliations').some((p) => p['userId'] === w.a.pendingAffiliateId) ? true : 'hidden',
  ),
  'PitchMessage.convenor': pitchField((p, w) => {
    const message = list(p, 'messages').find((m) => m['body'] === w.a.pitchMessage);
    return message
      ? at(message, 'convenor.id') === w.people.convenorA.id
        ? true
        : 'hidden'
      : 'the message is missing';
  }),
} satisfies Record<string, Probe>;

// ---- REST ----

const restProbes = {
  'GET /api/calendar/:file': rest({
    method: 'GET',
    path: ({ w, role }) => w.feeds[role] ?? `/api/calendar/${guessed()}.ics`,
    judge: (res, { w }) =>
      res.text.includes(`UID:${w.a.meetingId}@convene`)
        ? true
        : res.text.includes('BEGIN:VCALENDAR')
          ? 'hidden'
          : 'not a calendar',
  }),
  'GET /api/data-exports/:id/download': rest({
    method: 'GET',
    path: ({ w }) => `/api/data-exports/${w.a.exportId}/download`,
    judge: (res) =>
      res.headers.get('content-type') === 'application/zip' && res.body.subarray(0, 2).toString() === 'PK',
  }),
  'GET /api/dev/mail': rest({
    method: 'GET',
    path: () => '/api/dev/mail',
    judge: (res) => Array.isArray(JSON.parse(res.text)),
  }),
  'GET /api/documents/:id/content': rest({
    method: 'GET',
    path: ({ w }) => `/api/documents/${w.a.documentId}/content`,
    judge: (res, { w }) => res.text.includes(w.a.searchWord),
  }),
  'GET /api/meetings/:id/ics': rest({
    method: 'GET',
    path: ({ w }) => `/api/meetings/${w.a.meetingId}/ics`,
    judge: (res, { w }) => res.text.includes(`UID:${w.a.meetingId}@convene`),
  }),
  'GET /api/meetings/:id/registrations.csv': rest({
    method: 'GET',
    path: ({ w }) => `/api/meetings/${w.a.eventMeetingId}/registrations.csv`,
    judge: (res, { w }) => res.text.includes(w.a.registrantEmail),
  }),
  'GET /api/pitch-links/:token/attachments/:attachmentId': rest({
    method: 'GET',
    path: (ctx) => `/api/pitch-links/${token(ctx, ctx.w.links.pitch)}/attachments/${ctx.w.a.pitchAttachmentId}`,
    judge: (res) => res.body.subarray(0, 4).toString() === '%PDF',
  }),
  'GET /api/pitches.csv': rest({
    method: 'GET',
    path: ({ w }) => `/api/pitches.csv?groupId=${w.groupA.id}`,
    judge: (res, { w }) => (res.text.includes(w.a.pitchContactEmail) ? true : 'hidden'),
  }),
  'GET /api/pitches/:id/attachments/:attachmentId': rest({
    method: 'GET',
    path: ({ w }) => `/api/pitches/${w.a.pitchId}/attachments/${w.a.pitchAttachmentId}`,
    judge: (res) => res.body.subarray(0, 4).toString() === '%PDF',
  }),
  'GET /health/live': rest({ method: 'GET', path: () => '/health/live', judge: (res) => res.text.includes('"ok"') }),
  'GET /health/ready': rest({ method: 'GET', path: () => '/health/ready', judge: (res) => res.text.includes('"ok"') }),
  'POST /api/documents/:id/versions': rest({
    method: 'POST',
    target: ({ w }) => w.fresh.document(),
    path: ({ t }) => `/api/documents/${t}/versions`,
    file: () => ({ name: 'briefing v2.pdf', bytes: pdf('Corrected') }),
    judge: (res) =>
      res.status === 201 &&
      (JSON.parse(res.text) as { document: { versionCount: number } }).document.versionCount === 2,
    state: ({ w, t }) => row(w, 'select version_count from documents where id = ?', [t]),
  }),
  'POST /api/groups/:groupId/documents': rest({
    method: 'POST',
    target: async () => `upload-${marker('')}.pdf`,
    path: ({ w }) => `/api/groups/${w.groupA.id}/documents`,
    file: ({ t }) => ({ name: t, bytes: pdf('A briefing') }),
    judge: (res) => res.status === 201,
    state: ({ w, t }) =>
      count(w, 'select count(*)::int as n from documents where group_id = ? and title = ?', [w.groupA.id, t]),
  }),
  'POST /api/inbound-mail': rest({
    method: 'POST',
    // A reply from memberA to their own reply address for a thread of A: everything a provider
    // would deliver, except the provider's secret, which none of the roles holds.
    target: async ({ w }) => {
      const { threadId } = await w.fresh.thread();
      const token = randomBytes(16)
        .toString('hex')
        .replace(/[^a-z2-7]/g, 'a')
        .slice(0, 26)
        .padEnd(26, 'b');
      await w.fresh.sql(
        `insert into reply_addresses (id, token, user_id, thread_id, membership_id, password_stamp, created_at)
         select gen_random_uuid(), ?, u.id, ?, m.id, u.password_changed_at, now()
           from users u join memberships m on m.user_id = u.id and m.group_id = ? where u.id = ?`,
        [token, threadId, w.groupA.id, w.people.memberA.id],
      );
      return { threadId, token };
    },
    path: () => '/api/inbound-mail',
    raw: ({ w, t }) => ({
      contentType: 'message/rfc822',
      bytes: Buffer.from(
        [
          `From: ${w.people.memberA.email}`,
          `To: reply+${t.token}@convene.localhost`,
          'Subject: Re: Data sharing at the trust',
          `Message-ID: <${marker('mail')}@example.org>`,
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Seen it at two surgeries this month.',
          '',
        ].join('\r\n'),
      ),
    }),
    judge: (res) => res.status === 200 && (JSON.parse(res.text) as { outcome?: string }).outcome === 'posted',
    state: ({ w, t }) => count(w, 'select count(*)::int as n from posts where thread_id = ?', [t.threadId]),
  }),
  'POST /api/pitch-attachments': rest({
    method: 'POST',
    path: () => '/api/pitch-attachments',
    file: () => ({ name: 'our plan.pdf', bytes: pdf('Our plan') }),
    judge: (res) => res.status === 201 && typeof (JSON.parse(res.text) as { claim?: unknown }).claim === 'string',
  }),
  'POST /unsubscribe/:token': rest({
    method: 'POST',
    target: ({ w }) => w.fresh.unsubscribeToken(),
    path: (ctx) =>
      `/unsubscribe/${ctx.role === 'linkHolder' ? ctx.t.token : `${ctx.t.user.id}.MEMBERSHIP.${guessed()}`}`,
    judge: (res) => (JSON.parse(res.text) as { category?: string }).category === 'MEMBERSHIP',
    state: ({ w, t }) =>
      w.fresh.sql('select category, email from notification_channel_preferences where user_id = ? order by category', [
        t.user.id,
      ]),
  }),
  'GET /api/programme-sessions/:id/attendees.csv': rest({
    method: 'GET',
    path: ({ w }) => `/api/programme-sessions/${w.a.sessionId}/attendees.csv`,
    judge: (res, { w }) => res.text.includes(w.a.registrantEmail),
  }),
  'GET /api/registrations/:token/programme.ics': rest({
    method: 'GET',
    path: (ctx) => `/api/registrations/${token(ctx, ctx.w.links.registration)}/programme.ics`,
    judge: (res, { w }) => res.text.includes(`UID:${w.a.sessionId}@convene`),
  }),
} satisfies Record<string, Probe>;

export const PROBES: Record<Operation, Probe> = { ...graphqlProbes, ...fieldProbes, ...restProbes, ...socketProbes };

/** Rows whose cells must run one at a time: they change settings every other probe depends on. */
export const SERIAL: ReadonlySet<Operation> = new Set<Operation>([
  'updateDocumentSettings',
  'updateNetworkSettings',
  'updateWorkingGroup',
]);

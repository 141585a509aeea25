// Property-based fuzzing of every mutation in schema.gql against the running API: generated,
// mostly hostile arguments, sent as a member, a convenor and anonymously of a group A, with real
// ids of a group B mixed in. Whatever the input, the API must answer 200 or 400 with a coded error,
// never a stack trace or SQL; a refused mutation must write nothing; nothing of group B may come
// back, and an input naming group B's objects must be refused. Runs per mutation are written to
// test-results/mutation-fuzz.md (git-ignored) and the console.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import pg from 'pg';
import type { LoggerService } from '@nestjs/common';
import { ErrorCode, MembershipRole } from '@convene/shared-contracts';
import { ApiHarness, GqlClient, type GqlResult } from './api-harness.js';
import { dataOf } from './group-personas.js';
import { DatabaseFingerprint, type Fingerprint } from './fuzz/database-fingerprint.js';
import { furnishedGroup, mergePools, pitchForm, type FurnishedGroup } from './fuzz/fuzz-world.js';
import { loadSchema, mutationCases, type MutationCase } from './fuzz/mutation-cases.js';

const CASES = mutationCases(loadSchema(new URL('../schema.gql', import.meta.url)));

type FuzzPersona = 'member' | 'convenor' | 'anonymous';
/** Property runs per persona; a mutation without arguments has nothing to vary, so gets a few. */
const RUNS: Record<FuzzPersona, number> = { member: 40, convenor: 40, anonymous: 10 };
const RUNS_WITHOUT_ARGS = 2;
/**
 * Then, where some runs succeeded, runs of those inputs with one change: a text value replaced by
 * a probe, a list item given twice, or an id swapped for group B's. Generated inputs rarely pass
 * every check at once, so a probe in a deep field (the answer to an event's question, a form's
 * option) or a foreign id next to valid ones seldom reaches the code behind the checks otherwise.
 */
const PROBING_RUNS: Record<FuzzPersona, number> = { member: 25, convenor: 25, anonymous: 5 };

/**
 * Mutations that end the account or session they are sent with, or re-key it: signOut,
 * revokeSession (the persona's own session id is among the ids tried), and those that succeed
 * when the fuzzer offers the right password, which it does now and then (changePassword,
 * deleteAccount). Each of their runs is sent as a new person with the persona's role in group A,
 * so that the persona survives for the runs after it.
 */
const THROWAWAY_PERSONA = new Set(['signOut', 'revokeSession', 'changePassword', 'deleteAccount']);
/**
 * Mutations that answer before their work is written: requestPasswordReset writes the link after
 * the answer, so that its timing says nothing of whether the address has an account. After one
 * succeeds, the next run waits until the database is still, lest it be blamed for those rows.
 */
const WRITES_AFTER_ANSWER = new Set(['requestPasswordReset']);
/** Ids of group B's world that are not group B's: the network's pitch form, its organisation, form questions. */
const SHARED_KINDS = new Set(['pitchForm', 'organisation', 'field']);
/**
 * Mutations that may succeed for group A's people while naming one of group B's objects: asking
 * to join group B, pitching to it (anyone may), marking notifications read by id (ids that are not
 * the viewer's are left alone), unlinking a document of group A from a discussion it is not
 * linked to (nothing happens, whatever the discussion), and registering for an event with the
 * hidden field a bot fills (the usual answer, whatever it names, and nothing stored; a person
 * picking another event's workshops is refused, see event-programme.int.spec.ts). Any other must
 * refuse such an input.
 */
const MAY_NAME_GROUP_B = new Set([
  'requestToJoin',
  'submitPitch',
  'markNotificationsRead',
  'unlinkDocumentFromThread',
  'registerForEvent',
]);

/** The codes a refusal may carry (ErrorCode without INTERNAL_SERVER_ERROR). */
const REFUSALS = new Set<string>(Object.values(ErrorCode).filter((code) => code !== ErrorCode.Internal));
/** A stack trace or source path in an answer: Apollo's field, a V8 frame, a file position. */
const STACK = /stacktrace|\bat [\w$.<>]+ \(|node_modules|\.[cm]?[jt]s:\d+:\d+/;
/** SQL or a database error in an answer. */
const SQL =
  /\b(select\s.+\sfrom|insert\s+into|update\s+\S+\s+set|delete\s+from)\b|violates|constraint|duplicate key|syntax error at|relation "|column "|invalid input syntax|pg_|mikro-?orm/i;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;

interface Tally {
  runs: number;
  refused: number;
  succeeded: Record<FuzzPersona, number>;
  /** The first error's code/reason → how many runs were refused with it. */
  codes: Map<string, number>;
}
const table = new Map<string, Tally>();

/** A client address per run, so that per-address rate limits let more runs reach the resolvers. */
const address = () =>
  `10.${1 + Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;

/** The variables, with long strings cut, for a failure message a person can read. */
const readable = (value: unknown) =>
  JSON.stringify(value, (_k, v: unknown) =>
    typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : v,
  );

/** This spec's own database, made anew each run: the fingerprint reads every row, so it must stay small. */
async function freshDatabase(): Promise<string> {
  const base = process.env['TEST_DATABASE_URL_BASE'] ?? 'postgres://postgres@127.0.0.1:5432/convene_test';
  const url = `${base}_${process.env['JEST_WORKER_ID'] ?? '0'}_mutation_fuzz`;
  const admin = new URL(url);
  const name = decodeURIComponent(admin.pathname.slice(1));
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    await client.query(`drop database if exists "${name.replace(/"/g, '""')}" with (force)`);
  } finally {
    await client.end();
  }
  return url;
}

/** The API's logged errors (a 500's stack is logged, not sent), to explain a failure; the rest is dropped. */
class LoggedErrors implements LoggerService {
  readonly errors: string[] = [];
  log(): void {
    return undefined;
  }
  warn(): void {
    return undefined;
  }
  error(message: unknown): void {
    this.errors.push(String(message));
  }
}

describe('mutation fuzzing', () => {
  let api: ApiHarness;
  let fingerprint: DatabaseFingerprint;
  let form: { id: string; slug: string };
  /** Group B: every id of it, which no answer to group A's people may contain. */
  let other: FurnishedGroup;
  let otherIds: Set<string>;
  const logged = new LoggedErrors();

  beforeAll(async () => {
    api = await ApiHarness.start({ DATABASE_URL: await freshDatabase() });
    api.app.useLogger(logged);
    form = await pitchForm(api);
    other = await furnishedGroup(api, form);
    otherIds = new Set(Object.entries(other.ids).flatMap(([kind, ids]) => (SHARED_KINDS.has(kind) ? [] : ids)));
    fingerprint = await DatabaseFingerprint.of(api);
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    const rows = CASES.map(({ name }) => {
      const t = table.get(name);
      if (!t) return `| ${name} | not run | | | |`;
      const codes = [...t.codes]
        .sort((a, b) => b[1] - a[1])
        .map(([code, n]) => `${code} ${n}`)
        .join(', ');
      const { member, convenor, anonymous } = t.succeeded;
      return `| ${name} | ${t.runs} | ${t.refused} | ${member + convenor + anonymous} (${member}/${convenor}/${anonymous}) | ${codes} |`;
    });
    const total = [...table.values()].reduce((sum, t) => sum + t.runs, 0);
    const report = [
      `# Mutation fuzzing: ${table.size} mutations, ${total} runs`,
      '',
      '| mutation | runs | refused | succeeded (member/convenor/anonymous) | refusals (first error) |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n');
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/mutation-fuzz.md', report);
    console.log(report);
  });

  // Each mutation of schema.gql is a test below, so a new one is fuzzed without anyone listing it;
  // this checks that schema.gql lists every mutation the running API serves.
  it('fuzzes every mutation the running API serves (schema.gql is not stale)', async () => {
    const served = dataOf(
      await api
        .client()
        .request<{ __schema: { mutationType: { fields: { name: string }[] } } }>(
          `{ __schema { mutationType { fields { name } } } }`,
        ),
    );
    const names = CASES.map((c) => c.name);
    expect([...names].sort()).toEqual(served.__schema.mutationType.fields.map((f) => f.name).sort());
    for (const name of [...THROWAWAY_PERSONA, ...MAY_NAME_GROUP_B, ...WRITES_AFTER_ANSWER])
      expect(names).toContain(name);
  });

  /** The fingerprint once it has stayed the same for 200 ms (at most 5 s). */
  async function settled(): Promise<Fingerprint> {
    let previous = await fingerprint.take();
    for (let still = 0, waited = 0; still < 4 && waited < 5_000; waited += 50) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      const now = await fingerprint.take();
      still = DatabaseFingerprint.changed(previous, now).length ? 0 : still + 1;
      previous = now;
    }
    return previous;
  }

  /** What is wrong with one answer, or null. */
  function problemIn(
    c: MutationCase,
    variables: Record<string, unknown>,
    result: GqlResult,
    changed: string[],
  ): string | null {
    if (result.status !== 200 && result.status !== 400) return `HTTP ${result.status}`;
    const errors = result.errors ?? [];
    for (const error of errors) {
      const code = error.extensions?.code;
      if (!code || !REFUSALS.has(code))
        return `error code ${code ?? '(none)'}: ${error.message}${code === ErrorCode.Internal ? `\nlogged: ${logged.errors.at(-1)?.slice(0, 1500) ?? '(nothing)'}` : ''}`;
      if (error.extensions?.stacktrace !== undefined) return `stack trace in ${JSON.stringify(error)}`;
    }
    const errorText = JSON.stringify(errors);
    if (STACK.test(errorText)) return `stack trace in ${errorText.slice(0, 500)}`;
    if (SQL.test(errorText)) return `SQL in ${errorText.slice(0, 500)}`;
    const leaked = (JSON.stringify(result.data ?? null).match(UUID) ?? []).filter((id) =>
      otherIds.has(id.toLowerCase()),
    );
    if (leaked.length) return `group B's ${leaked.join(', ')} returned: ${JSON.stringify(result.data)}`;
    const named = c
      .namedIds(variables)
      .filter(({ id, kind }) => !SHARED_KINDS.has(kind ?? '') && otherIds.has(id.trim().toLowerCase()));
    if (!errors.length && named.length && !MAY_NAME_GROUP_B.has(c.name))
      return `succeeded on group B's ${named.map((n) => `${n.kind} ${n.id}`).join(', ')}: ${JSON.stringify(result.data)}`;
    if (errors.length && changed.length)
      return `refused (${errors.map((e) => e.extensions?.code).join(', ')}) but wrote to ${changed.join(', ')}`;
    return null;
  }

  it.each(CASES.map((c) => [c.name, c] as const))(
    '%s',
    async (name, c: MutationCase) => {
      const group = await furnishedGroup(api, form);
      const known = {
        eventSlugs: [group.eventSlug, other.eventSlug],
        formSlugs: [form.slug],
        emails: [group.people.member.email, group.people.convenor.email, group.people.outsider.email],
      };
      const variables = c.variables(mergePools(group.ids, other.ids), known);
      const tally: Tally = {
        runs: 0,
        refused: 0,
        succeeded: { member: 0, convenor: 0, anonymous: 0 },
        codes: new Map(),
      };
      table.set(name, tally);
      const failures: string[] = [];
      // The fingerprint after a refused run is the one before the next: nothing else writes between.
      let last: Fingerprint | null = null;

      /** The client a run is sent with: the persona's session from its own address, or a new person's. */
      async function clientFor(persona: FuzzPersona): Promise<GqlClient> {
        if (persona === 'anonymous') return api.client(address());
        if (THROWAWAY_PERSONA.has(name)) {
          last = null;
          const person = await api.data.user();
          await api.data.membership(
            group.group,
            person,
            persona === 'convenor' ? MembershipRole.CONVENOR : MembershipRole.MEMBER,
          );
          return api.signedIn(person);
        }
        const client = new GqlClient(api.url, address());
        client.cookie = (await group.as(persona)).cookie;
        return client;
      }

      /** One run: the answer and the database after it must show nothing wrong. */
      async function run(
        persona: FuzzPersona,
        vars: Record<string, unknown>,
        succeeded: Record<string, unknown>[],
      ): Promise<void> {
        const client = await clientFor(persona);
        const before: Fingerprint = last ?? (await fingerprint.take());
        const loggedBefore = logged.errors.length;
        const result = await client.request(c.document, vars);
        const after = result.errors?.length ? await fingerprint.take() : null;
        last = after ?? (WRITES_AFTER_ANSWER.has(name) ? await settled() : null);
        tally.runs += 1;
        if (result.errors?.length) {
          tally.refused += 1;
          const code = `${result.errors[0]?.extensions?.code}${result.errors[0]?.extensions?.reason ? `/${result.errors[0].extensions.reason}` : ''}`;
          tally.codes.set(code, (tally.codes.get(code) ?? 0) + 1);
        } else {
          tally.succeeded[persona] += 1;
          succeeded.push(vars);
        }
        const problem =
          problemIn(c, vars, result, after ? DatabaseFingerprint.changed(before, after) : []) ??
          (logged.errors.length > loggedBefore ? `logged an error: ${logged.errors.at(-1)?.slice(0, 1500)}` : null);
        if (problem) throw new Error(`${problem}\nas ${persona} with ${readable(vars)}`);
      }

      async function check(
        persona: FuzzPersona,
        inputs: fc.Arbitrary<Record<string, unknown>>,
        numRuns: number,
        succeeded: Record<string, unknown>[],
      ): Promise<void> {
        const details = await fc.check(
          fc.asyncProperty(inputs, (vars) => run(persona, vars, succeeded)),
          { numRuns, endOnFailure: true },
        );
        if (details.failed)
          failures.push(
            `${name} as ${persona}: ${details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)}\n(seed ${details.seed}, path ${details.counterexamplePath})`,
          );
      }

      let planned = 0;
      for (const persona of ['member', 'convenor', 'anonymous'] as const) {
        if (!c.hasArgs) {
          await check(persona, fc.constant({}), RUNS_WITHOUT_ARGS, []);
          planned += RUNS_WITHOUT_ARGS;
          continue;
        }
        const succeeded: Record<string, unknown>[] = [];
        await check(persona, variables, RUNS[persona], succeeded);
        planned += RUNS[persona];
        if (succeeded.length && !failures.length) {
          await check(persona, c.probing(succeeded, other.ids), PROBING_RUNS[persona], []);
          planned += PROBING_RUNS[persona];
        }
      }
      expect(failures).toEqual([]);
      expect(tally.runs).toBe(planned);
    },
    120_000,
  );

  describe('found by fuzzing', () => {
    // JSON.stringify writes an unpaired surrogate as a \ud800 escape, which PostgreSQL's jsonb
    // refuses: a form's questions and answers (jsonb) failed with INTERNAL_SERVER_ERROR.
    it.each(['\ud800', 'Dietary needs\ud83d', '\udfff\ud800'])(
      'refuses text with an unpaired surrogate (%j) as bad input, and stores nothing',
      async (text) => {
        const group = await furnishedGroup(api, form);
        const convenor = await group.as('convenor');
        const admin = await api.signedIn(await api.data.admin());
        const attempts: [GqlClient, string, Record<string, unknown>][] = [
          [
            api.client(address()),
            `mutation R($input: RegisterForEventInput!) { registerForEvent(input: $input) { message } }`,
            {
              input: {
                slug: group.eventSlug,
                name: 'Amal Guest',
                email: `guest-${Date.now()}@example.org`,
                consent: true,
                answers: [{ fieldId: group.ids.field[0], value: text }],
              },
            },
          ],
          [
            convenor,
            `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id } }`,
            {
              input: {
                meetingId: group.ids.meeting[0],
                slug: group.eventSlug,
                consentText: 'We keep your details to run the event.',
                fields: [{ label: text, kind: 'TEXT' }],
              },
            },
          ],
          [
            admin,
            `mutation F($input: SavePitchFormInput!) { savePitchForm(input: $input) { id } }`,
            {
              input: {
                slug: `fuzz-form-${Date.now()}`,
                title: 'Ideas',
                consentText: 'Kept a year.',
                fields: [{ id: 'area', label: 'Where?', kind: 'CHOICE', options: [text, 'North'] }],
              },
            },
          ],
          [
            convenor,
            `mutation T($input: CreateThreadInput!) { createThread(input: $input) { id } }`,
            { input: { groupId: group.group.id, title: text, body: 'Agenda' } },
          ],
        ];
        for (const [client, query, variables] of attempts) {
          const before = await fingerprint.take();
          const result = await client.request(query, variables);
          expect(result.errors?.[0]?.extensions).toMatchObject({
            code: ErrorCode.BadUserInput,
            reason: 'INVALID_INPUT',
          });
          expect(DatabaseFingerprint.changed(before, await fingerprint.take())).toEqual([]);
        }
      },
    );

    it('still takes text with paired surrogates (emoji) where a form stores it', async () => {
      const group = await furnishedGroup(api, form);
      const result = await (
        await group.as('convenor')
      ).request(
        `mutation E($input: ConfigureEventInput!) { configureEvent(input: $input) { id eventForm { fields { label } } } }`,
        {
          input: {
            meetingId: group.ids.meeting[0],
            slug: group.eventSlug,
            consentText: 'We keep your details to run the event.',
            fields: [{ label: 'Dietary needs 🌱', kind: 'TEXT' }],
          },
        },
      );
      expect(dataOf(result)).toEqual({
        configureEvent: { id: group.ids.meeting[0], eventForm: { fields: [{ label: 'Dietary needs 🌱' }] } },
      });
    });
  });
});

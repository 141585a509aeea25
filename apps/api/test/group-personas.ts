// The people an authorization test acts as, around one fresh working group, and probes that read
// the database directly so a test can show that a refused request changed nothing.
import { MembershipRole, type JoinPolicy, type MemberListVisibility } from '@convene/shared-contracts';
import type { User } from '@convene/server-identity';
import type { Membership, WorkingGroup } from '@convene/server-groups';
import type { ApiHarness, GqlClient, GqlResult } from './api-harness.js';

export type Persona = 'anonymous' | 'outsider' | 'member' | 'convenor' | 'admin';
export type SignedInPersona = Exclude<Persona, 'anonymous'>;

export interface GroupPersonas {
  group: WorkingGroup;
  /** outsider: signed in, no membership; admin: network admin, not a member. */
  people: Record<SignedInPersona, User>;
  /** The member's and the (only) convenor's memberships. */
  memberships: { member: Membership; convenor: Membership };
  /** A client acting as the persona; signed in on first use and kept for this set only. */
  as(persona: Persona): Promise<GqlClient>;
}

/** A new group with one active member, one active convenor, an outsider and a network admin. */
export async function groupPersonas(
  api: ApiHarness,
  group: { joinPolicy?: JoinPolicy; memberListVisibility?: MemberListVisibility } = {},
): Promise<GroupPersonas> {
  const created = await api.data.group(group);
  const people: Record<SignedInPersona, User> = {
    outsider: await api.data.user({ displayName: 'Olive Outsider' }),
    member: await api.data.user({ displayName: 'Mina Member' }),
    convenor: await api.data.user({ displayName: 'Cora Convenor' }),
    admin: await api.data.admin(),
  };
  const memberships = {
    member: await api.data.membership(created, people.member, MembershipRole.MEMBER),
    convenor: await api.data.membership(created, people.convenor, MembershipRole.CONVENOR),
  };
  const clients = new Map<Persona, GqlClient>();
  return {
    group: created,
    people,
    memberships,
    async as(persona) {
      let client = clients.get(persona);
      if (!client) {
        client = persona === 'anonymous' ? api.client() : await api.signedIn(people[persona]);
        clients.set(persona, client);
      }
      return client;
    },
  };
}

/** The public error code of a result, or 'OK'. */
export const codeOf = (result: GqlResult<unknown>): string => result.errors?.[0]?.extensions?.code ?? 'OK';

/** The data of a result that must have succeeded. */
export function dataOf<T>(result: GqlResult<T>): T {
  if (result.errors?.length || !result.data) throw new Error(`Expected success, got ${JSON.stringify(result.errors)}`);
  return result.data;
}

export interface MembershipRow {
  userId: string;
  role: MembershipRole;
  status: string;
}

/** Every membership of a group, in any status, straight from the database. */
export async function membershipRows(api: ApiHarness, groupId: string): Promise<MembershipRow[]> {
  return api.orm.em
    .fork()
    .getConnection()
    .execute<MembershipRow[]>(
      'select user_id as "userId", role, status from memberships where group_id = ? order by id asc',
      [groupId],
    );
}

export type GroupRow = Pick<WorkingGroup, 'id' | 'slug' | 'name' | 'purpose' | 'joinPolicy' | 'memberListVisibility'>;

/** A group's stored fields, straight from the database; null when it does not exist. */
export async function groupRow(api: ApiHarness, slug: string): Promise<GroupRow | null> {
  const rows = await api.orm.em
    .fork()
    .getConnection()
    .execute<GroupRow[]>(
      'select id, slug, name, purpose, join_policy as "joinPolicy", member_list_visibility as "memberListVisibility"' +
        ' from working_groups where slug = ?',
      [slug],
    );
  return rows[0] ?? null;
}

/** How many rows of a table match one column, for "nothing was created" checks. */
export async function countWhere(
  api: ApiHarness,
  table: 'users' | 'invitations' | 'working_groups' | 'mail_messages',
  column: string,
  value: string,
): Promise<number> {
  const rows = await api.orm.em
    .fork()
    .getConnection()
    .execute<{ n: number }[]>(`select count(*)::int as n from "${table}" where "${column}" = ?`, [value]);
  return rows[0]?.n ?? 0;
}

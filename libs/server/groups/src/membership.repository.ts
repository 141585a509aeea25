import { EntityRepository } from '@mikro-orm/postgresql';
import { MemberListVisibility, MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import { organisationOf, type PersonValues } from '@convene/server-identity';
import type { Membership } from './membership.entity.js';

/**
 * Where a page of a group's memberships stopped: the sort key of its last row. Memberships are
 * listed convenors first (then members, then observers), then by name, then by id.
 */
export interface MembershipCursor {
  role: MembershipRole;
  displayName: string;
  id: string;
}

/** A membership with its person (and their organisation) as plain values, for pages of members. */
export interface MemberRecord {
  id: string;
  groupId: string;
  role: MembershipRole;
  status: MembershipStatus;
  message: string | null;
  createdAt: Date;
  person: PersonValues;
}

interface MemberRow {
  id: string;
  group_id: string;
  role: MembershipRole;
  status: MembershipStatus;
  message: string | null;
  created_at: Date | string;
  user_id: string;
  display_name: string;
  org_id: string | null;
  org_name: string | null;
  org_website: string | null;
}

export class MembershipRepository extends EntityRepository<Membership> {
  /**
   * Memberships of several groups in a status (and a role, if given), with people and their
   * organisations, in one query; ordered by name.
   */
  /**
   * The active members of a group (only its convenors with `convenorsOnly`) as ids and names, by
   * name: one plain statement, no entities (a group may have thousands; asked as someone types).
   */
  async namesInGroup(groupId: string, convenorsOnly: boolean): Promise<{ id: string; displayName: string }[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; display_name: string }[]>(
        `select u.id, u.display_name from memberships m join users u on u.id = m.user_id
         where m.group_id = ? and m.status = ?${convenorsOnly ? ' and m.role = ?' : ''}
         order by u.display_name, m.id`,
        [groupId, MembershipStatus.ACTIVE, ...(convenorsOnly ? [MembershipRole.CONVENOR] : [])],
      );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  async listInGroups(
    groupIds: string[],
    status: MembershipStatus,
    role?: MembershipRole,
  ): Promise<Map<string, Membership[]>> {
    const byGroup = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const rows = await this.find(
      { group: { $in: groupIds }, status, ...(role ? { role } : {}) },
      { populate: ['user', 'user.organisation'], orderBy: { user: { displayName: 'asc' }, id: 'asc' } },
    );
    for (const row of rows) byGroup.get(row.group.id)?.push(row);
    return byGroup;
  }

  /**
   * Up to `limit` memberships of each group in a status, after the cursor, in the order of
   * MembershipCursor, with people and their organisations, as plain records: one statement whatever
   * the page size or the number of groups (a hot read-only list: no entities, no identity map).
   */
  async pageInGroups(
    groupIds: string[],
    status: MembershipStatus,
    limit: number,
    after: MembershipCursor | null,
  ): Promise<Map<string, MemberRecord[]>> {
    const byGroup = new Map<string, MemberRecord[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const cursor = after ? ' and (m.role, u.display_name, m.id) > (?::membership_role, ?, ?::uuid)' : '';
    const cursorParams = after ? [after.role, after.displayName, after.id] : [];
    const columns =
      'm.id, m.group_id, m.role, m.status, m.message, m.created_at, u.id as user_id, u.display_name, o.id as org_id, o.name as org_name, o.website as org_website';
    // One group (a group's page): the first rows in order. Several (a list's groups): each group's
    // rows ranked, then the first of each.
    const [sql, params] =
      groupIds.length === 1
        ? [
            `select ${columns}
             from memberships m
             join users u on u.id = m.user_id
             left join partner_organisations o on o.id = u.organisation_id
             where m.group_id = ? and m.status = ?${cursor}
             order by m.role, u.display_name, m.id
             limit ?`,
            [groupIds[0], status, ...cursorParams, limit],
          ]
        : [
            `select ${columns}
             from (
               select m.id, row_number() over (partition by m.group_id order by m.role, u.display_name, m.id) as position
               from memberships m join users u on u.id = m.user_id
               where m.group_id = any(?::uuid[]) and m.status = ?${cursor}
             ) page
             join memberships m on m.id = page.id
             join users u on u.id = m.user_id
             left join partner_organisations o on o.id = u.organisation_id
             where page.position <= ? order by m.group_id, page.position`,
            [`{${groupIds.join(',')}}`, status, ...cursorParams, limit],
          ];
    const rows = await this.getEntityManager().getConnection().execute<MemberRow[]>(sql, params);
    for (const row of rows) {
      byGroup.get(row.group_id)?.push({
        id: row.id,
        groupId: row.group_id,
        role: row.role,
        status: row.status,
        message: row.message,
        createdAt: new Date(row.created_at),
        person: { id: row.user_id, displayName: row.display_name, organisation: organisationOf(row) },
      });
    }
    return byGroup;
  }

  /** Whether the person is an active convenor of any group. */
  /** Whether the person convenes any group (asked on each session lookup: one plain statement). */
  async convenesAny(userId: string): Promise<boolean> {
    const [row] = await this.getEntityManager()
      .getConnection()
      .execute<{ convenes: boolean }[]>(
        'select exists (select 1 from memberships where user_id = ? and role = ? and status = ?) as convenes',
        [userId, MembershipRole.CONVENOR, MembershipStatus.ACTIVE],
      );
    return row?.convenes ?? false;
  }

  countConvenors(groupId: string): Promise<number> {
    return this.count({ group: groupId, status: MembershipStatus.ACTIVE, role: MembershipRole.CONVENOR });
  }

  findWithGroup(id: string): Promise<Membership | null> {
    return this.findOne({ id }, { populate: ['group', 'user'] });
  }

  /** Ids of a group's active convenors, without loading the people. */
  async convenorIdsOf(groupId: string): Promise<string[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ user_id: string }[]>(
        'select user_id from memberships where group_id = ? and status = ? and role = ?',
        [groupId, MembershipStatus.ACTIVE, MembershipRole.CONVENOR],
      );
    return rows.map((row) => row.user_id);
  }

  /** Ids of the active convenors of several groups, in one query. */
  async convenorIdsInGroups(groupIds: string[]): Promise<Map<string, string[]>> {
    const byGroup = new Map<string, string[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ group_id: string; user_id: string }[]>(
        'select group_id, user_id from memberships where group_id = any(?::uuid[]) and status = ? and role = ?',
        [`{${[...new Set(groupIds)].join(',')}}`, MembershipStatus.ACTIVE, MembershipRole.CONVENOR],
      );
    for (const row of rows) byGroup.get(row.group_id)?.push(row.user_id);
    return byGroup;
  }

  /** Active convenors of a group with their email and locale, for notifying them. */
  convenorsOf(groupId: string): Promise<Membership[]> {
    return this.find(
      { group: groupId, status: MembershipStatus.ACTIVE, role: MembershipRole.CONVENOR },
      { populate: ['user'] },
    );
  }

  /**
   * For each of these people, the groups they are active in where `viewerId` may see them: as the
   * group's member list shows them (members of a MEMBERS-visible group see everyone, members of
   * any group see its convenors, convenors see their group's people), or every group for admins.
   * One statement whatever the number of people.
   */
  async visibleGroupsOf(
    viewerId: string,
    isAdmin: boolean,
    userIds: string[],
  ): Promise<{ userId: string; groupId: string; slug: string; name: string }[]> {
    if (!userIds.length) return [];
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ user_id: string; group_id: string; slug: string; name: string }[]>(
        `select m.user_id, g.id as group_id, g.slug, g.name
           from memberships m
           join working_groups g on g.id = m.group_id
           left join memberships v on v.group_id = m.group_id and v.user_id = ? and v.status = ?
          where m.user_id = any(?::uuid[]) and m.status = ?
            and (?::boolean or v.role = ? or (v.id is not null and (g.member_list_visibility = ? or m.role = ?)))
          order by g.name, g.id`,
        [
          viewerId,
          MembershipStatus.ACTIVE,
          `{${userIds.join(',')}}`,
          MembershipStatus.ACTIVE,
          isAdmin,
          MembershipRole.CONVENOR,
          MemberListVisibility.MEMBERS,
          MembershipRole.CONVENOR,
        ],
      );
    return rows.map((r) => ({ userId: r.user_id, groupId: r.group_id, slug: r.slug, name: r.name }));
  }
}

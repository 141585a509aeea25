import { EntityRepository } from '@mikro-orm/postgresql';
import { EntityColumns } from '@convene/server-core';
import { PartnerOrganisationEntity, UserEntity } from '@convene/server-identity';
import { MembershipRole, MembershipStatus } from '@convene/shared-contracts';
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

export class MembershipRepository extends EntityRepository<Membership> {
  /** The viewer's memberships in the given groups, keyed by group id. */
  async forUserInGroups(userId: string, groupIds: string[]): Promise<Map<string, Membership>> {
    if (!groupIds.length) return new Map();
    const rows = await this.find({ user: userId, group: { $in: groupIds } }, { populate: ['user', 'user.organisation'] });
    return new Map(rows.map((m) => [m.group.id, m]));
  }

  /** Active member counts for several groups in one query. */
  async countActive(groupIds: string[]): Promise<Map<string, number>> {
    if (!groupIds.length) return new Map();
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ group_id: string; count: number }[]>(
        `select group_id, count(*)::int as count from memberships where status = ? and group_id in (${groupIds.map(() => '?').join(', ')}) group by group_id`,
        [MembershipStatus.ACTIVE, ...groupIds],
      );
    return new Map(rows.map((r) => [r.group_id, Number(r.count)]));
  }

  /**
   * Memberships of several groups in a status (and a role, if given), with people and their
   * organisations, in one query; ordered by name.
   */
  async listInGroups(groupIds: string[], status: MembershipStatus, role?: MembershipRole): Promise<Map<string, Membership[]>> {
    const byGroup = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const rows = await this.find({ group: { $in: groupIds }, status, ...(role ? { role } : {}) }, { populate: ['user', 'user.organisation'], orderBy: { user: { displayName: 'asc' }, id: 'asc' } });
    for (const row of rows) byGroup.get(row.group.id)?.push(row);
    return byGroup;
  }

  /**
   * Up to `limit` memberships of each group in a status, after the cursor, in the order of
   * MembershipCursor, with people and their organisations: two statements whatever the page size
   * or the number of groups (the page's ids, ranked per group; then the rows).
   */
  async pageInGroups(groupIds: string[], status: MembershipStatus, limit: number, after: MembershipCursor | null): Promise<Map<string, Membership[]>> {
    const byGroup = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const em = this.getEntityManager();
    const m = EntityColumns.of(em, this.entityName, 'm');
    const u = EntityColumns.of(em, UserEntity, 'u');
    const o = EntityColumns.of(em, PartnerOrganisationEntity, 'o');
    // One statement: each group's page, with the people and their organisations, mapped into the unit of work.
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select ${m.select}, ${u.select}, ${o.select} from (
         select m.id, row_number() over (partition by m.group_id order by m.role, u.display_name, m.id) as position
         from memberships m join users u on u.id = m.user_id
         where m.group_id = any(?::uuid[]) and m.status = ?${after ? ' and (m.role, u.display_name, m.id) > (?::membership_role, ?, ?::uuid)' : ''}
       ) page
       join memberships m on m.id = page.id
       join users u on u.id = m.user_id
       left join partner_organisations o on o.id = u.organisation_id
       where page.position <= ? order by m.group_id, page.position`,
      [`{${groupIds.join(',')}}`, status, ...(after ? [after.role, after.displayName, after.id] : []), limit],
    );
    for (const row of rows) {
      const organisation = o.take(row);
      if (organisation) em.map(PartnerOrganisationEntity, organisation);
      em.map(UserEntity, u.take(row)!);
      const membership = em.map(this.entityName, m.take(row)!) as Membership;
      byGroup.get(membership.group.id)?.push(membership);
    }
    return byGroup;
  }

  /** Whether the person is an active convenor of any group. */
  async convenesAny(userId: string): Promise<boolean> {
    return (await this.count({ user: userId, role: MembershipRole.CONVENOR, status: MembershipStatus.ACTIVE })) > 0;
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
      .execute<{ user_id: string }[]>('select user_id from memberships where group_id = ? and status = ? and role = ?', [groupId, MembershipStatus.ACTIVE, MembershipRole.CONVENOR]);
    return rows.map((row) => row.user_id);
  }

  /** Ids of the active convenors of several groups, in one query. */
  async convenorIdsInGroups(groupIds: string[]): Promise<Map<string, string[]>> {
    const byGroup = new Map<string, string[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ group_id: string; user_id: string }[]>('select group_id, user_id from memberships where group_id = any(?::uuid[]) and status = ? and role = ?', [
        `{${[...new Set(groupIds)].join(',')}}`,
        MembershipStatus.ACTIVE,
        MembershipRole.CONVENOR,
      ]);
    for (const row of rows) byGroup.get(row.group_id)?.push(row.user_id);
    return byGroup;
  }

  /** Active convenors of a group with their email and locale, for notifying them. */
  convenorsOf(groupId: string): Promise<Membership[]> {
    return this.find({ group: groupId, status: MembershipStatus.ACTIVE, role: MembershipRole.CONVENOR }, { populate: ['user'] });
  }
}

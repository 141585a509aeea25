import { EntityRepository } from '@mikro-orm/postgresql';
import { MembershipRole, MembershipStatus } from '@convene/shared-contracts';
import type { Membership } from './membership.entity.js';

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

  /** Memberships of several groups in a status, with people and their organisations, in one query; ordered by name. */
  async listInGroups(groupIds: string[], status: MembershipStatus): Promise<Map<string, Membership[]>> {
    const byGroup = new Map<string, Membership[]>(groupIds.map((id) => [id, []]));
    if (!groupIds.length) return byGroup;
    const rows = await this.find({ group: { $in: groupIds }, status }, { populate: ['user', 'user.organisation'], orderBy: { user: { displayName: 'asc' }, id: 'asc' } });
    for (const row of rows) byGroup.get(row.group.id)?.push(row);
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

  /** Active convenors of a group with their email and locale, for notifying them. */
  convenorsOf(groupId: string): Promise<Membership[]> {
    return this.find({ group: groupId, status: MembershipStatus.ACTIVE, role: MembershipRole.CONVENOR }, { populate: ['user'] });
  }
}

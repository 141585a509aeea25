import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import { EntityColumns } from '@convene/server-core';
import { MembershipStatus } from '@convene/shared-contracts';
import { organisationOf, type OrganisationColumns, type PersonValues } from '@convene/server-identity';
import { Membership } from './membership.entity.js';
import { WorkingGroup } from './working-group.entity.js';

/** A group with a person's membership of it and its active member count. */
export interface GroupWithMembership {
  group: WorkingGroup;
  membership: Membership | null;
  /** The membership's person (and organisation) as plain values; null without a membership. */
  person: PersonValues | null;
  activeCount: number;
}

export class WorkingGroupRepository extends EntityRepository<WorkingGroup> {
  /**
   * One group by id or address, with `userId`'s membership, its person and organisation, and the
   * active member count, in one hand-written statement: the group and membership mapped into the
   * unit of work, the person as plain values (every page of a group starts here: the ORM's query
   * building for three finds cost more than the rows, and mapping the person and organisation as
   * entities as much again).
   */
  async withMembership(where: { id: string } | { slug: string }, userId: string): Promise<GroupWithMembership | null> {
    const [found] = await this.withMemberships(
      'id' in where ? 'g.id = ?' : 'g.slug = ?',
      ['id' in where ? where.id : where.slug],
      userId,
    );
    return found ?? null;
  }

  /** Some groups by id, each as `withMembership`, in one statement (in name order). */
  withMembershipIn(ids: string[], userId: string): Promise<GroupWithMembership[]> {
    return ids.length
      ? this.withMemberships('g.id = any(?::uuid[])', [`{${ids.join(',')}}`], userId)
      : Promise.resolve([]);
  }

  /** Every group that is (or is not) archived in name order, each as `withMembership`, in one statement. */
  allWithMembership(userId: string, which: { archived: boolean }): Promise<GroupWithMembership[]> {
    return this.withMemberships(
      which.archived ? 'g.archived_at is not null' : 'g.archived_at is null',
      [],
      userId,
      'every',
    );
  }

  /**
   * `counting`: 'each' counts a group's members where it is found (an index scan per group: for one
   * group or a few), 'every' counts all groups' members in one pass and joins the counts (for the
   * list of every group: one scan of memberships instead of one per group).
   */
  private async withMemberships(
    where: string,
    params: unknown[],
    userId: string,
    counting: 'each' | 'every' = 'each',
  ): Promise<GroupWithMembership[]> {
    const em = this.getEntityManager();
    const g = EntityColumns.of(em, WorkingGroup, 'g');
    const m = EntityColumns.of(em, Membership, 'm');
    const [count, counts] =
      counting === 'each'
        ? ['(select count(*)::int from memberships c where c.group_id = g.id and c.status = ?)', '']
        : [
            'coalesce(c.n, 0)',
            'left join (select group_id, count(*)::int as n from memberships where status = ? group by group_id) c on c.group_id = g.id',
          ];
    const rows = await em
      .getConnection()
      .execute<
        (Record<string, unknown> & OrganisationColumns & { person_name: string | null; active_count: number })[]
      >(
        `select ${g.select}, ${m.select}, u.display_name as person_name, o.id as org_id, o.name as org_name, o.website as org_website,
         ${count} as active_count
       from working_groups g
       ${counts}
       left join memberships m on m.group_id = g.id and m.user_id = ?
       left join users u on u.id = m.user_id
       left join partner_organisations o on o.id = u.organisation_id
       where ${where}
       order by g.name, g.id`,
        [MembershipStatus.ACTIVE, userId, ...params],
      );
    // Every membership row is the person's own: their values are made once.
    let person: PersonValues | null = null;
    return rows.map((row) => {
      const groupColumns = g.take(row);
      // Every row is read from working_groups: only the left-joined membership can be missing.
      if (!groupColumns) throw new Error('A row of working groups was read without its group.');
      const group = em.map(WorkingGroup, groupColumns);
      const membership = m.take(row);
      if (!membership) return { group, membership: null, person: null, activeCount: Number(row.active_count) };
      person ??= { id: userId, displayName: row.person_name ?? '', organisation: organisationOf(row) };
      return { group, membership: em.map(Membership, membership), person, activeCount: Number(row.active_count) };
    });
  }

  /**
   * The group, row-locked for the current transaction. Membership changes take this lock so that
   * two of them cannot together leave a group without a convenor.
   */
  findForUpdate(id: string): Promise<WorkingGroup | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }
}

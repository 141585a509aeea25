import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import { EntityColumns } from '@convene/server-core';
import { MembershipStatus } from '@convene/shared-contracts';
import { PartnerOrganisationEntity, UserEntity } from '@convene/server-identity';
import { Membership } from './membership.entity.js';
import { WorkingGroup } from './working-group.entity.js';

/** A group with a person's membership of it (and that membership's person) and its active member count. */
export interface GroupWithMembership {
  group: WorkingGroup;
  membership: Membership | null;
  activeCount: number;
}

export class WorkingGroupRepository extends EntityRepository<WorkingGroup> {
  /**
   * One group by id or address, with `userId`'s membership, its person and organisation, and the
   * active member count, in one hand-written statement mapped into the unit of work (every page
   * of a group starts here: the ORM's query building for three finds cost more than the rows).
   */
  async withMembership(where: { id: string } | { slug: string }, userId: string): Promise<GroupWithMembership | null> {
    const [found] = await this.withMemberships('id' in where ? 'g.id = ?' : 'g.slug = ?', ['id' in where ? where.id : where.slug], userId);
    return found ?? null;
  }

  /** Some groups by id, each as `withMembership`, in one statement (in name order). */
  withMembershipIn(ids: string[], userId: string): Promise<GroupWithMembership[]> {
    return ids.length ? this.withMemberships('g.id = any(?::uuid[])', [`{${ids.join(',')}}`], userId) : Promise.resolve([]);
  }

  /** Every group in name order, each as `withMembership`, in one statement. */
  allWithMembership(userId: string): Promise<GroupWithMembership[]> {
    return this.withMemberships('true', [], userId);
  }

  private async withMemberships(where: string, params: unknown[], userId: string): Promise<GroupWithMembership[]> {
    const em = this.getEntityManager();
    const g = EntityColumns.of(em, WorkingGroup, 'g');
    const m = EntityColumns.of(em, Membership, 'm');
    const u = EntityColumns.of(em, UserEntity, 'u');
    const o = EntityColumns.of(em, PartnerOrganisationEntity, 'o');
    const rows = await em.getConnection().execute<Record<string, unknown>[]>(
      `select ${g.select}, ${m.select}, ${u.select}, ${o.select},
         (select count(*)::int from memberships c where c.group_id = g.id and c.status = ?) as active_count
       from working_groups g
       left join memberships m on m.group_id = g.id and m.user_id = ?
       left join users u on u.id = m.user_id
       left join partner_organisations o on o.id = u.organisation_id
       where ${where}
       order by g.name, g.id`,
      [MembershipStatus.ACTIVE, userId, ...params],
    );
    // Every membership row is the viewer's: their person (and organisation) is mapped once.
    let viewerMapped = false;
    return rows.map((row) => {
      // People before the membership that points at them, so its reference is the loaded person.
      const person = viewerMapped ? null : u.take(row);
      if (person) {
        const organisation = o.take(row);
        if (organisation) em.map(PartnerOrganisationEntity, organisation);
        em.map(UserEntity, person);
        viewerMapped = true;
      }
      const group = em.map(WorkingGroup, g.take(row)!);
      const membership = m.take(row);
      return { group, membership: membership ? em.map(Membership, membership) : null, activeCount: Number(row['active_count']) };
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

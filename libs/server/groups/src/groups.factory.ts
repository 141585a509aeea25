// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import type { EntityManager } from '@mikro-orm/postgresql';
import { User } from '@convene/server-identity';
import { Membership } from './membership.entity.js';
import { WorkingGroup } from './working-group.entity.js';

export type NewWorkingGroup = Pick<WorkingGroup, 'slug' | 'name' | 'purpose'> &
  Partial<Pick<WorkingGroup, 'joinPolicy' | 'memberListVisibility' | 'contentFreeNotifications'>>;

export type NewMembership = Partial<Pick<Membership, 'role' | 'status' | 'decidedAt'>> & {
  group: Pick<WorkingGroup, 'id'>;
  user: Pick<User, 'id'>;
};

export function newWorkingGroup(em: EntityManager, values: NewWorkingGroup): WorkingGroup {
  return em.create(WorkingGroup, { ...values });
}

export function newMembership(em: EntityManager, { group, user, ...values }: NewMembership): Membership {
  return em.create(Membership, {
    ...values,
    group: em.getReference(WorkingGroup, group.id, { wrapped: true }),
    user: em.getReference(User, user.id, { wrapped: true }),
  });
}

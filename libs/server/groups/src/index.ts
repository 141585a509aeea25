import { WorkingGroup } from './working-group.entity.js';
import { Membership } from './membership.entity.js';

export { GroupsModule } from './groups.module.js';
export {
  GroupsService,
  type GroupView,
  type GroupInput,
  type GroupReference,
  type MembershipPage,
  type MembershipPageArgs,
} from './groups.service.js';
export { GroupsErrorCode } from './groups.errors.js';
export type { MemberRecord } from './membership.repository.js';
// Entity classes are exported for the demo seed and tests; repositories stay inside the domain.
export type { WorkingGroup, Membership };
export { WorkingGroup as WorkingGroupEntity, Membership as MembershipEntity };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const groupsEntities = [WorkingGroup, Membership];

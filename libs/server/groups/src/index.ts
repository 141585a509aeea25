import { WorkingGroup } from './working-group.entity.js';
import { Membership } from './membership.entity.js';

export { GroupsModule } from './groups.module.js';
export {
  GroupsService,
  type GroupView,
  type GroupInput,
  type GroupLink,
  type GroupReference,
  type MembershipPage,
  type MembershipPageArgs,
} from './groups.service.js';
export { GroupsErrorCode } from './groups.errors.js';
export type { MemberRecord } from './membership.repository.js';
export { newMembership, newWorkingGroup, type NewMembership, type NewWorkingGroup } from './groups.factory.js';
// Other domains' relations point at groups, and MikroORM names a relation's target by its class:
// WorkingGroup is the one class this domain exports. Rows are made through the factories above;
// repositories stay inside the domain.
export { WorkingGroup };
export type { Membership };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const groupsEntities = [WorkingGroup, Membership];

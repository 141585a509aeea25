import { EntityRepository, LockMode } from '@mikro-orm/postgresql';
import type { WorkingGroup } from './working-group.entity.js';

export class WorkingGroupRepository extends EntityRepository<WorkingGroup> {
  listByName(): Promise<WorkingGroup[]> {
    return this.findAll({ orderBy: { name: 'asc' } });
  }

  /**
   * The group, row-locked for the current transaction. Membership changes take this lock so that
   * two of them cannot together leave a group without a convenor.
   */
  findForUpdate(id: string): Promise<WorkingGroup | null> {
    return this.findOne({ id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  }
}

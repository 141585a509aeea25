import { EntityRepository, type EntityManager, type SqlEntityManager } from '@mikro-orm/postgresql';
import type { PitchForm } from './pitch-form.entity.js';

/**
 * Pitch forms. A method that takes `em` reads in the caller's unit of work (its transaction); the
 * others read in a fresh one, so nothing they load lingers in a request's identity map.
 */
export class PitchFormRepository extends EntityRepository<PitchForm> {
  /** A form by its slug, open or closed. */
  bySlug(slug: string): Promise<PitchForm | null> {
    return this.fresh().findOne(this.entityName, { slug });
  }

  /** A form by id, in the caller's unit of work (to change it there). */
  byId(em: EntityManager, id: string): Promise<PitchForm | null> {
    return em.findOne(this.entityName, { id });
  }

  /** Some forms by id, each once, in one statement (ids without a form are left out). */
  byIds(ids: string[]): Promise<PitchForm[]> {
    return this.fresh().find(this.entityName, { id: { $in: [...new Set(ids)] } });
  }

  /** Every form, oldest first. */
  all(): Promise<PitchForm[]> {
    return this.fresh().find(this.entityName, {}, { orderBy: { createdAt: 'asc' } });
  }

  private fresh(): SqlEntityManager {
    return this.getEntityManager().fork();
  }
}

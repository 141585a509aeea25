import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import type { ChannelChoice, NotificationCategory } from '@convene/shared-contracts';
import type { ChannelPreference } from './channel-preference.entity.js';

export class ChannelPreferenceRepository extends EntityRepository<ChannelPreference> {
  /** A person's chosen channels, in the caller's unit of work (categories they never chose have none). */
  ofUser(em: EntityManager, userId: string): Promise<ChannelPreference[]> {
    return em.find(this.entityName, { userId });
  }

  /** A person's chosen channels for one category, in the caller's unit of work; null if they never chose. */
  ofUserAndCategory(
    em: EntityManager,
    userId: string,
    category: NotificationCategory,
  ): Promise<ChannelPreference | null> {
    return em.findOne(this.entityName, { userId, category });
  }

  /** Sets a person's channels for one category, in the caller's unit of work (an upsert). */
  async choose(
    em: EntityManager,
    userId: string,
    category: NotificationCategory,
    choice: ChannelChoice,
  ): Promise<void> {
    await em.upsert(this.entityName, { userId, category, inApp: choice.inApp, email: choice.email, push: choice.push });
  }
}

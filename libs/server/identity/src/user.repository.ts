import { EntityRepository } from '@mikro-orm/postgresql';
import { NetworkRole } from '@convene/shared-contracts';
import type { User } from './user.entity.js';

export class UserRepository extends EntityRepository<User> {
  findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email: email.toLowerCase() });
  }

  /** With the password hash, which is lazy (never loaded by default). */
  findByEmailForSignIn(email: string): Promise<User | null> {
    return this.findOne({ email: email.toLowerCase() }, { populate: ['passwordHash'] });
  }

  /** Active network admins besides `userId`: the network must keep at least one. */
  otherActiveAdmins(userId: string): Promise<number> {
    return this.count({ networkRole: NetworkRole.ADMIN, deactivatedAt: null, id: { $ne: userId } });
  }

  findByIdWithPassword(id: string): Promise<User | null> {
    return this.findOne({ id }, { populate: ['passwordHash'] });
  }
}

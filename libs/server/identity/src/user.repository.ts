import { EntityRepository } from '@mikro-orm/postgresql';
import type { User } from './user.entity.js';

export class UserRepository extends EntityRepository<User> {
  findByEmail(email: string): Promise<User | null> {
    return this.findOne({ email: email.toLowerCase() });
  }

  /** With the password hash, which is lazy (never loaded by default). */
  findByEmailForSignIn(email: string): Promise<User | null> {
    return this.findOne({ email: email.toLowerCase() }, { populate: ['passwordHash'] });
  }

  findByIdWithPassword(id: string): Promise<User | null> {
    return this.findOne({ id }, { populate: ['passwordHash'] });
  }
}

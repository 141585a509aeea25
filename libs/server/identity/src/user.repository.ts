import { EntityRepository } from '@mikro-orm/postgresql';
import { EntityColumns } from '@convene/server-core';
import { NetworkRole } from '@convene/shared-contracts';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import type { User } from './user.entity.js';
import { organisationOf, type PersonValues } from './person-values.js';

export class UserRepository extends EntityRepository<User> {
  /**
   * People by id with their organisations, in one hand-written statement mapped into the unit of
   * work (looked up on nearly every page: the ORM's query building cost more than the rows).
   */
  async withOrganisations(ids: string[]): Promise<Map<string, User>> {
    if (!ids.length) return new Map();
    const em = this.getEntityManager();
    const u = EntityColumns.of(em, this.entityName, 'u');
    const o = EntityColumns.of(em, PartnerOrganisation, 'o');
    const rows = await em
      .getConnection()
      .execute<Record<string, unknown>[]>(
        `select ${u.select}, ${o.select} from users u left join partner_organisations o on o.id = u.organisation_id where u.id in (${ids.map(() => '?').join(', ')})`,
        ids,
      );
    const people = new Map<string, User>();
    for (const row of rows) {
      const user = u.take(row);
      // Every row is read from users: only the left-joined organisation can be missing.
      if (!user) throw new Error('A row of users was read without its user.');
      const organisation = o.take(row);
      // The organisation first, so the person's reference to it is the loaded one.
      if (organisation) em.map(PartnerOrganisation, organisation);
      const person = em.map(this.entityName, user) as User;
      people.set(person.id, person);
    }
    return people;
  }

  /** People by id as lists show them (name and organisation), as plain values in one statement. */
  async people(ids: string[]): Promise<Map<string, PersonValues>> {
    if (!ids.length) return new Map();
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<
        {
          id: string;
          display_name: string;
          org_id: string | null;
          org_name: string | null;
          org_website: string | null;
        }[]
      >(
        `select u.id, u.display_name, o.id as org_id, o.name as org_name, o.website as org_website
       from users u left join partner_organisations o on o.id = u.organisation_id where u.id = any(?::uuid[])`,
        [`{${ids.join(',')}}`],
      );
    return new Map(rows.map((r) => [r.id, { id: r.id, displayName: r.display_name, organisation: organisationOf(r) }]));
  }

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

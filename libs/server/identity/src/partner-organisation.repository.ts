import { EntityRepository, type EntityManager } from '@mikro-orm/postgresql';
import type { PartnerOrganisation } from './partner-organisation.entity.js';

/** A confirmed person of an organisation, as its page lists them (no email). */
export interface OrganisationPerson {
  id: string;
  displayName: string;
}

/** Someone waiting for a network admin to confirm that they work at an organisation. */
export interface PendingAffiliation {
  userId: string;
  displayName: string;
  email: string;
  since: Date;
}

/** An organisation as a person's name shows it. */
export interface OrganisationReference {
  id: string;
  name: string;
  website: string | null;
}

export class PartnerOrganisationRepository extends EntityRepository<PartnerOrganisation> {
  /** Organisations by name, with their lazy texts; archived ones only when asked for. */
  listed(includeArchived: boolean): Promise<PartnerOrganisation[]> {
    return this.find(includeArchived ? {} : { archivedAt: null }, {
      orderBy: { name: 'asc' },
      populate: ['area', 'descriptions'],
    });
  }

  withTexts(id: string): Promise<PartnerOrganisation | null> {
    return this.findOne({ id }, { populate: ['area', 'descriptions'] });
  }

  /** Whether another organisation has this name, whatever its case. */
  async nameTaken(name: string, exceptId: string | null): Promise<boolean> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string }[]>(
        'select id from partner_organisations where lower(name) = lower(?) and id is distinct from ?::uuid limit 1',
        [name, exceptId],
      );
    return rows.length > 0;
  }

  /** Its confirmed people with an active account, by name. */
  async confirmedPeople(organisationId: string): Promise<OrganisationPerson[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; display_name: string }[]>(
        `select id, display_name from users
          where organisation_id = ? and deleted_at is null and deactivated_at is null
          order by display_name, id`,
        [organisationId],
      );
    return rows.map((r) => ({ id: r.id, displayName: r.display_name }));
  }

  /** The addresses of its confirmed people (partners' pitches are matched by them). */
  async confirmedEmails(organisationId: string): Promise<string[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ email: string }[]>(
        'select email from users where organisation_id = ? and deleted_at is null and deactivated_at is null',
        [organisationId],
      );
    return rows.map((r) => r.email);
  }

  /** The organisations whose confirmed people have these addresses, by address, in one statement. */
  async confirmedByEmails(emails: string[]): Promise<Map<string, OrganisationReference>> {
    if (!emails.length) return new Map();
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ email: string; id: string; name: string; website: string | null }[]>(
        `select u.email, o.id, o.name, o.website from users u join partner_organisations o on o.id = u.organisation_id
          where u.email = any(?::text[]) and u.deleted_at is null and u.deactivated_at is null`,
        [`{${emails.map((e) => JSON.stringify(e.toLowerCase())).join(',')}}`],
      );
    return new Map(rows.map((r) => [r.email, { id: r.id, name: r.name, website: r.website }]));
  }

  /** Who waits for confirmation that they work at it, oldest request first. */
  async pendingAffiliations(organisationId: string): Promise<PendingAffiliation[]> {
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; display_name: string; email: string; pending_organisation_since: Date | null }[]>(
        `select id, display_name, email, pending_organisation_since from users
          where pending_organisation_id = ? and deleted_at is null
          order by pending_organisation_since, id`,
        [organisationId],
      );
    return rows.map((r) => ({
      userId: r.id,
      displayName: r.display_name,
      email: r.email,
      since: r.pending_organisation_since ?? new Date(0),
    }));
  }

  /** Locks organisations' rows until the caller's transaction ends, in id order (two merges of a pair cannot deadlock). */
  async lockAll(em: EntityManager, ids: string[]): Promise<void> {
    await em.execute('select id from partner_organisations where id = any(?::uuid[]) order by id for update', [
      `{${[...ids].sort().join(',')}}`,
    ]);
  }

  /** Declines, inside the caller's transaction, every request to be confirmed at the organisation. */
  async declineWaiting(em: EntityManager, organisationId: string): Promise<void> {
    await em.execute(
      'update users set pending_organisation_id = null, pending_organisation_since = null where pending_organisation_id = ?',
      [organisationId],
    );
  }

  /** How many people wait for confirmation at each of these organisations, in one statement (none: left out). */
  async pendingCounts(organisationIds: string[]): Promise<Map<string, number>> {
    if (!organisationIds.length) return new Map();
    const rows = await this.getEntityManager()
      .getConnection()
      .execute<{ id: string; n: number }[]>(
        `select pending_organisation_id as id, count(*)::int as n from users
          where pending_organisation_id = any(?::uuid[]) and deleted_at is null group by pending_organisation_id`,
        [`{${organisationIds.join(',')}}`],
      );
    return new Map(rows.map((r) => [r.id, r.n]));
  }

  /**
   * Moves everyone of `sourceId` (confirmed, or waiting) to `targetId`, inside the caller's
   * transaction. A request for the target from someone already confirmed there is done with.
   */
  async moveAffiliations(em: EntityManager, sourceId: string, targetId: string): Promise<void> {
    await em.execute('update users set organisation_id = ? where organisation_id = ?', [targetId, sourceId]);
    await em.execute(
      `update users set pending_organisation_id = case when organisation_id = ?::uuid then null else ?::uuid end,
              pending_organisation_since = case when organisation_id = ?::uuid then null else pending_organisation_since end
        where pending_organisation_id = ?`,
      [targetId, targetId, targetId, sourceId],
    );
  }
}

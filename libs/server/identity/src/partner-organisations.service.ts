import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { LIMITS, NetworkRole, PartnerOrganisationKind, SUPPORTED_LOCALES } from '@convene/shared-contracts';
import { InputCheck, forbidden, hasControlCharacters, type Viewer } from '@convene/server-core';
import { PartnerOrganisation, type OrganisationDescriptions } from './partner-organisation.entity.js';
import {
  PartnerOrganisationRepository,
  type OrganisationPerson,
  type OrganisationReference,
  type PendingAffiliation,
} from './partner-organisation.repository.js';
import { User } from './user.entity.js';
import { identityErrors } from './identity.errors.js';

export interface PartnerOrganisationInput {
  name: string;
  kind: PartnerOrganisationKind;
  area?: string | null;
  website?: string | null;
  /** A description per language of the network; a language left out (or blank) has none. */
  descriptions?: { language: string; text: string }[] | null;
}

const adminOnly = (viewer: Viewer) => {
  if (viewer.networkRole !== NetworkRole.ADMIN)
    throw forbidden('NETWORK_ADMIN_ONLY', 'Only network admins can manage partner organisations.');
};

/**
 * The network's partner organisations: network admins add, edit, archive and merge them and
 * confirm who works at each; every signed-in person may read them. Who may see an organisation's
 * people is decided with their groups, by the caller (see GroupsService.sharedGroupsOf).
 */
@Injectable()
export class PartnerOrganisationsService {
  constructor(
    private readonly em: EntityManager,
    private readonly organisations: PartnerOrganisationRepository,
  ) {}

  /** By name; archived ones only for network admins who ask for them. */
  list(viewer: Viewer, includeArchived = false): Promise<PartnerOrganisation[]> {
    return this.organisations.listed(includeArchived && viewer.networkRole === NetworkRole.ADMIN);
  }

  /** One organisation, archived or not (people keep an archived one beside their name). */
  async byId(id: string, field = 'id'): Promise<PartnerOrganisation> {
    const check = new InputCheck();
    const wanted = check.uuid(field, id, 'Organisation');
    check.done();
    const organisation = await this.organisations.withTexts(wanted);
    if (!organisation) throw identityErrors.organisationNotFound();
    return organisation;
  }

  async create(viewer: Viewer, input: PartnerOrganisationInput): Promise<PartnerOrganisation> {
    adminOnly(viewer);
    const values = this.checked(input);
    if (await this.organisations.nameTaken(values.name, null)) throw identityErrors.organisationNameTaken();
    const organisation = this.em.create(PartnerOrganisation, values);
    await this.em.flush();
    return organisation;
  }

  async update(viewer: Viewer, id: string, input: PartnerOrganisationInput): Promise<PartnerOrganisation> {
    adminOnly(viewer);
    const values = this.checked(input);
    const organisation = await this.byId(id);
    if (await this.organisations.nameTaken(values.name, organisation.id)) throw identityErrors.organisationNameTaken();
    Object.assign(organisation, values);
    await this.em.flush();
    return organisation;
  }

  /** Archived, it leaves the lists and the profile's choices; requests waiting for it are declined. */
  async setArchived(viewer: Viewer, id: string, archived: boolean): Promise<PartnerOrganisation> {
    adminOnly(viewer);
    const wanted = (await this.byId(id)).id;
    return this.em.transactional(async (em) => {
      const organisation = await em.getRepository(PartnerOrganisation).withTexts(wanted);
      if (!organisation) throw identityErrors.organisationNotFound();
      if (!!organisation.archivedAt === archived) return organisation;
      organisation.archivedAt = archived ? new Date() : null;
      if (archived)
        await em.nativeUpdate(
          User,
          { pendingOrganisation: organisation.id },
          { pendingOrganisation: null, pendingOrganisationSince: null },
        );
      return organisation;
    });
  }

  /**
   * Merges `sourceId` into `targetId` in one transaction: its people (confirmed or waiting) move
   * to the target, then the source is removed. Pitches follow their senders' addresses, so they
   * show on the target's page with its people.
   */
  async merge(viewer: Viewer, sourceId: string, targetId: string): Promise<PartnerOrganisation> {
    adminOnly(viewer);
    const check = new InputCheck();
    const source = check.uuid('sourceId', sourceId, 'Organisation');
    const target = check.uuid('targetId', targetId, 'Organisation');
    if (check.ok && source === target) check.fail('targetId', 'Choose another organisation to merge into.');
    check.done();
    return this.em.transactional(async (em) => {
      const organisations = em.getRepository(PartnerOrganisation);
      // Locked in a fixed order, so that two merges of the same pair cannot deadlock.
      const [first, second] = [source, target].sort();
      await em.execute('select id from partner_organisations where id in (?, ?) order by id for update', [
        first,
        second,
      ]);
      const from = await organisations.withTexts(source);
      const into = await organisations.withTexts(target);
      if (!from || !into) throw identityErrors.organisationNotFound();
      if (into.archivedAt) throw identityErrors.organisationArchived('targetId');
      await organisations.moveAffiliations(em, from.id, into.id);
      em.remove(from);
      return into;
    });
  }

  /** The organisation someone said they work at, while an admin has not decided. */
  async pendingOf(userId: string): Promise<PartnerOrganisation | null> {
    const user = await this.em.findOne(User, { id: userId }, { populate: ['pendingOrganisation'] });
    return user?.pendingOrganisation?.getEntity() ?? null;
  }

  /** Its confirmed people (active accounts), by name. Callers decide which of them the viewer may see. */
  confirmedPeople(organisationId: string): Promise<OrganisationPerson[]> {
    return this.organisations.confirmedPeople(organisationId);
  }

  /** The addresses of its confirmed people, for matching what partners sent. */
  confirmedEmails(organisationId: string): Promise<string[]> {
    return this.organisations.confirmedEmails(organisationId);
  }

  /** The organisations whose confirmed people have these addresses, by address. */
  confirmedByEmails(emails: string[]): Promise<Map<string, OrganisationReference>> {
    return this.organisations.confirmedByEmails([...new Set(emails)]);
  }

  /** Who waits for confirmation that they work at it; null for everyone but network admins. */
  async pendingAffiliations(viewer: Viewer, organisationId: string): Promise<PendingAffiliation[] | null> {
    if (viewer.networkRole !== NetworkRole.ADMIN) return null;
    return this.organisations.pendingAffiliations(organisationId);
  }

  /**
   * A network admin confirms that someone works at the organisation they named (it then shows
   * beside their name) or declines it (they keep the one they had, if any).
   */
  async decideAffiliation(
    viewer: Viewer,
    input: { userId: string; organisationId: string; confirm: boolean },
  ): Promise<User> {
    adminOnly(viewer);
    const check = new InputCheck();
    const userId = check.uuid('userId', input.userId, 'Person');
    const organisationId = check.uuid('organisationId', input.organisationId, 'Organisation');
    check.done();
    return this.em.transactional(async (em) => {
      const user = await em.findOne(User, { id: userId, deletedAt: null }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      // Asked with the organisation the admin saw: a request changed since is not decided blindly.
      if (!user || user.pendingOrganisation?.id !== organisationId) throw identityErrors.noPendingAffiliation();
      if (input.confirm) user.organisation = user.pendingOrganisation;
      user.pendingOrganisation = null;
      user.pendingOrganisationSince = null;
      return user;
    });
  }

  /** Checks an organisation's fields: every problem at once, named by field. */
  private checked(input: PartnerOrganisationInput): {
    name: string;
    kind: PartnerOrganisationKind;
    area: string;
    website: string | null;
    descriptions: OrganisationDescriptions;
  } {
    const check = new InputCheck();
    const name = check.text('name', input.name, { max: LIMITS.organisationNameMax, label: 'Name' });
    const kind = check.oneOf('kind', input.kind, Object.values(PartnerOrganisationKind), 'Kind');
    const area = check.text('area', input.area, {
      required: false,
      max: LIMITS.organisationAreaMax,
      label: 'Area served',
    });
    const website = this.checkWebsite(check, input.website);
    const descriptions: OrganisationDescriptions = {};
    (input.descriptions ?? []).forEach(({ language, text }, i) => {
      check.oneOf(`descriptions.${i}.language`, language, SUPPORTED_LOCALES, 'Language');
      const value = (text ?? '').trim();
      if (value.length > LIMITS.organisationDescriptionMax)
        check.fail(
          `descriptions.${i}.text`,
          `A description must be at most ${LIMITS.organisationDescriptionMax} characters.`,
        );
      else if (hasControlCharacters(value.replace(/\n/g, ' ')))
        check.fail(`descriptions.${i}.text`, 'The description contains invalid characters.');
      if (language in descriptions) check.fail(`descriptions.${i}.language`, 'One description per language.');
      if (value) descriptions[language] = value;
    });
    check.done();
    return { name, kind, area, website, descriptions };
  }

  private checkWebsite(check: InputCheck, value: string | null | undefined): string | null {
    const website = (value ?? '').trim();
    if (!website) return null;
    let url: URL | null = null;
    try {
      url = new URL(website);
    } catch {
      // Falls through to the field message.
    }
    if (!url || !['http:', 'https:'].includes(url.protocol) || !url.hostname.includes('.'))
      check.fail('website', 'Enter the full address of the website, like https://example.org.');
    else if (website.length > LIMITS.organisationWebsiteMax)
      check.fail('website', `The address must be at most ${LIMITS.organisationWebsiteMax} characters.`);
    return website;
  }
}

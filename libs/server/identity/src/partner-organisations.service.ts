import { Injectable } from '@nestjs/common';
import { EntityManager, LockMode, UniqueConstraintViolationException } from '@mikro-orm/postgresql';
import {
  AuditAction,
  LIMITS,
  NetworkRole,
  PartnerOrganisationKind,
  SUPPORTED_LOCALES,
} from '@convene/shared-contracts';
import { AuditLog, InputCheck, forbidden, hasControlCharacters, type Viewer } from '@convene/server-core';
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
    private readonly audit: AuditLog,
  ) {}

  /** Ids only in the audit log: never names or texts. */
  private changed(em: EntityManager, viewer: Viewer, change: string, organisationId: string, into?: string): void {
    this.audit.record(em, {
      action: AuditAction.ORGANISATION_CHANGED,
      actorId: viewer.userId,
      detail: { change, organisationId, ...(into ? { into } : {}) },
    });
  }

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
    this.changed(this.em, viewer, 'created', organisation.id);
    await this.flushNamed();
    return organisation;
  }

  async update(viewer: Viewer, id: string, input: PartnerOrganisationInput): Promise<PartnerOrganisation> {
    adminOnly(viewer);
    const values = this.checked(input);
    const organisation = await this.byId(id);
    if (await this.organisations.nameTaken(values.name, organisation.id)) throw identityErrors.organisationNameTaken();
    Object.assign(organisation, values);
    this.changed(this.em, viewer, 'updated', organisation.id);
    await this.flushNamed();
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
      if (archived) await em.getRepository(PartnerOrganisation).declineWaiting(em, organisation.id);
      this.changed(em, viewer, archived ? 'archived' : 'restored', organisation.id);
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
      await organisations.lockAll(em, [source, target]);
      const from = await organisations.withTexts(source);
      const into = await organisations.withTexts(target);
      if (!from || !into) throw identityErrors.organisationNotFound();
      if (into.archivedAt) throw identityErrors.organisationArchived('targetId');
      await organisations.moveAffiliations(em, from.id, into.id);
      em.remove(from);
      this.changed(em, viewer, 'merged', from.id, into.id);
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

  /** How many people wait for confirmation at each organisation; null for everyone but network admins. */
  async pendingCounts(viewer: Viewer, organisationIds: string[]): Promise<Map<string, number> | null> {
    if (viewer.networkRole !== NetworkRole.ADMIN) return null;
    return this.organisations.pendingCounts([...new Set(organisationIds)]);
  }

  /**
   * A network admin confirms that someone works at the organisation they named (it then shows
   * beside their name) or declines it (then none does: asking for another gave up the one they had).
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
      this.audit.record(em, {
        action: AuditAction.AFFILIATION_DECIDED,
        actorId: viewer.userId,
        subjectUserId: user.id,
        detail: { organisationId, confirmed: input.confirm },
      });
      if (input.confirm) user.organisation = user.pendingOrganisation;
      user.pendingOrganisation = null;
      user.pendingOrganisationSince = null;
      return user;
    });
  }

  /** Flushes an organisation's name: one taken meanwhile (the check above raced) is the same field message. */
  private async flushNamed(): Promise<void> {
    try {
      await this.em.flush();
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw identityErrors.organisationNameTaken();
      throw error;
    }
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

// The rows of this domain made outside its services — the demo seed and the tests' data — in the
// caller's EntityManager (written on its next flush). Rows of other domains are given by id.
import type { EntityManager } from '@mikro-orm/postgresql';
import type { SignUpMode } from '@convene/shared-contracts';
import { NetworkSettings } from './network-settings.entity.js';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import { User } from './user.entity.js';

export type NewPartnerOrganisation = Pick<PartnerOrganisation, 'name'> &
  Partial<Pick<PartnerOrganisation, 'website' | 'kind' | 'area' | 'descriptions' | 'archivedAt'>>;

export type NewUser = Pick<User, 'email' | 'displayName' | 'passwordHash'> &
  Partial<Pick<User, 'networkRole' | 'locale'>> & {
    organisation?: Pick<PartnerOrganisation, 'id'> | null;
    /** The organisation they said they work at, waiting for a network admin's confirmation. */
    pendingOrganisation?: Pick<PartnerOrganisation, 'id'> | null;
  };

/** Whether any account exists: the demo seed writes nothing into a network that has people. */
export async function hasAccounts(em: EntityManager): Promise<boolean> {
  return (await em.count(User, {})) > 0;
}

export function newPartnerOrganisation(em: EntityManager, values: NewPartnerOrganisation): PartnerOrganisation {
  return em.create(PartnerOrganisation, { ...values });
}

/** A person; `passwordHash` comes from `hashPassword()`. */
export function newUser(em: EntityManager, { organisation, pendingOrganisation, ...values }: NewUser): User {
  const reference = (org: Pick<PartnerOrganisation, 'id'> | null | undefined) =>
    org ? em.getReference(PartnerOrganisation, org.id, { wrapped: true }) : null;
  return em.create(User, {
    ...values,
    organisation: reference(organisation),
    pendingOrganisation: reference(pendingOrganisation),
    pendingOrganisationSince: pendingOrganisation ? new Date() : null,
  });
}

/** The network's one settings row. */
export function newNetworkSettings(em: EntityManager, values: { signUpMode: SignUpMode }): NetworkSettings {
  return em.create(NetworkSettings, { id: 1, ...values });
}

import { User } from './user.entity.js';
import { Session } from './session.entity.js';
import { Invitation } from './invitation.entity.js';
import { NetworkSettings } from './network-settings.entity.js';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { PasswordReset } from './password-reset.entity.js';

export { IdentityModule } from './identity.module.js';
export {
  IdentityService,
  type ClientInfo,
  type SignedIn,
  type SignUpInput,
  type ProfileInput,
  type InvitationPreview,
} from './identity.service.js';
export { SessionsService, type SessionSummary } from './sessions.service.js';
export { SessionCache } from './session-cache.js';
export { TwoFactorService, type TwoFactorStatus, type TwoFactorSetup } from './two-factor.service.js';
export { PasswordResetService } from './password-reset.service.js';
export { NetworkPeopleService, type PeopleQuery } from './network-people.service.js';
export { PartnerOrganisationsService, type PartnerOrganisationInput } from './partner-organisations.service.js';
export type {
  OrganisationPerson,
  OrganisationReference,
  PendingAffiliation,
} from './partner-organisation.repository.js';
export type { OrganisationDescriptions } from './partner-organisation.entity.js';
export { ElevatedRoles } from './elevated-roles.js';
export { base32Encode, totpCode, totpStep } from './totp.util.js';
export { InvitationAcceptedListeners, type InvitationAccepted } from './invitation-accepted.listener.js';
export { IdentityErrorCode } from './identity.errors.js';

export { organisationOf, type OrganisationColumns, type PersonValues } from './person-values.js';
export { hashPassword } from './password-hasher.js';
export { passwordProblem } from './password-policy.js';
export {
  hasAccounts,
  newNetworkSettings,
  newPartnerOrganisation,
  newUser,
  type NewPartnerOrganisation,
  type NewUser,
} from './identity.factory.js';
// Other domains' relations point at people, and MikroORM names a relation's target by its class:
// User is the one class this domain exports. Rows are made through the factories above; the
// repositories, which own the queries, stay inside the domain.
export { User };
export type { Invitation, NetworkSettings, PartnerOrganisation };

/** Entities of this domain, for the ORM configuration of the composition roots. */
export const identityEntities = [
  User,
  Session,
  Invitation,
  NetworkSettings,
  PartnerOrganisation,
  RecoveryCode,
  PasswordReset,
];

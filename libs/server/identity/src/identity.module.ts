import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { MailModule } from '@convene/server-mail';
import { User } from './user.entity.js';
import { Session } from './session.entity.js';
import { Invitation } from './invitation.entity.js';
import { NetworkSettings } from './network-settings.entity.js';
import { PartnerOrganisation } from './partner-organisation.entity.js';
import { IdentityService } from './identity.service.js';
import { SessionsService } from './sessions.service.js';
import { InvitationAcceptedListeners } from './invitation-accepted.listener.js';
import { RecoveryCode } from './recovery-code.entity.js';
import { PasswordReset } from './password-reset.entity.js';
import { TwoFactorService } from './two-factor.service.js';
import { PasswordResetService } from './password-reset.service.js';
import { NetworkPeopleService } from './network-people.service.js';
import { PartnerOrganisationsService } from './partner-organisations.service.js';
import { ElevatedRoles } from './elevated-roles.js';
import { AccountPersonalData } from './account-personal-data.js';
import { SessionCache } from './session-cache.js';

@Module({
  imports: [
    MikroOrmModule.forFeature([
      User,
      Session,
      Invitation,
      NetworkSettings,
      PartnerOrganisation,
      RecoveryCode,
      PasswordReset,
    ]),
    MailModule,
  ],
  providers: [
    IdentityService,
    SessionsService,
    InvitationAcceptedListeners,
    TwoFactorService,
    PasswordResetService,
    NetworkPeopleService,
    PartnerOrganisationsService,
    ElevatedRoles,
    AccountPersonalData,
    SessionCache,
  ],
  exports: [
    IdentityService,
    SessionsService,
    InvitationAcceptedListeners,
    TwoFactorService,
    PasswordResetService,
    NetworkPeopleService,
    PartnerOrganisationsService,
    ElevatedRoles,
  ],
})
export class IdentityModule {}

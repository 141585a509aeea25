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

@Module({
  imports: [MikroOrmModule.forFeature([User, Session, Invitation, NetworkSettings, PartnerOrganisation]), MailModule],
  providers: [IdentityService, SessionsService, InvitationAcceptedListeners],
  exports: [IdentityService, SessionsService, InvitationAcceptedListeners],
})
export class IdentityModule {}

import { Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { IdentityModule } from '@convene/server-identity';
import { MailModule } from '@convene/server-mail';
import { WorkingGroup } from './working-group.entity.js';
import { Membership } from './membership.entity.js';
import { GroupsService } from './groups.service.js';
import { GroupsPersonalData } from './groups-personal-data.js';

@Module({
  imports: [MikroOrmModule.forFeature([WorkingGroup, Membership]), IdentityModule, MailModule],
  providers: [GroupsService, GroupsPersonalData],
  exports: [GroupsService],
})
export class GroupsModule {}
